// swift-tools-version: 6.1
import PackageDescription

// Module graph (dependencies point down only):
//   creditbench -> Harness -> Learning -> Tasks -> Shapley -> Statistics -> CGSL
//   Tasks and Harness -> CSVFiles (RFC 4180 reading and writing)
//   creditbench -> Service -> Learning, SwiftNIO (HTTP reward models and servers)
// See README.md for what each module owns.
let package = Package(
    name: "CreditBench",
    products: [
        .executable(name: "creditbench", targets: ["creditbench"]),
        .library(name: "Shapley", targets: ["Shapley"]),
        .library(name: "Statistics", targets: ["Statistics"]),
        .library(name: "Tasks", targets: ["Tasks"]),
        .library(name: "Learning", targets: ["Learning"]),
        .library(name: "Harness", targets: ["Harness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            path: "Sources/CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev", "pkg-config"])]
        ),
        .target(name: "CSVFiles"),
        .target(name: "Statistics", dependencies: ["CGSL"]),
        .target(name: "Shapley", dependencies: ["Statistics", "CGSL"]),
        .target(name: "Tasks", dependencies: ["Shapley", "Statistics", "CSVFiles"]),
        .target(name: "Learning", dependencies: ["Shapley", "Statistics", "Tasks"]),
        .target(name: "Harness", dependencies: ["Shapley", "Statistics", "Tasks", "Learning", "CSVFiles"]),
        // HTTP: the reward-model client (URLSession) and the servers (SwiftNIO); only here and the CLI see NIO.
        .target(name: "Service", dependencies: [
            "Shapley", "Tasks", "Learning",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .executableTarget(
            name: "creditbench",
            dependencies: [
                "Shapley", "Statistics", "Tasks", "Learning", "Harness", "CSVFiles", "Service",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CSVFilesTests", dependencies: ["CSVFiles"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"], exclude: ["reference"]),
        .testTarget(name: "ShapleyTests", dependencies: ["Shapley", "Statistics"]),
        .testTarget(name: "TasksTests", dependencies: ["Tasks", "Shapley"]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "Shapley", "Statistics", "Tasks", "CGSL"]),
        .testTarget(name: "ServiceTests", dependencies: ["Service", "Shapley", "Tasks"]),
        .testTarget(name: "HarnessTests", dependencies: ["Harness", "Learning", "Shapley", "Statistics", "Tasks"], exclude: ["golden"]),
    ]
)

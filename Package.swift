// swift-tools-version: 6.1
import PackageDescription

// Module graph (dependencies point down only):
//   creditbench -> Tasks -> Shapley -> Statistics -> CGSL
// See README.md for what each module owns.
let package = Package(
    name: "CreditBench",
    products: [
        .executable(name: "creditbench", targets: ["creditbench"]),
        .library(name: "Shapley", targets: ["Shapley"]),
        .library(name: "Statistics", targets: ["Statistics"]),
        .library(name: "Tasks", targets: ["Tasks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            path: "Sources/CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev", "pkg-config"])]
        ),
        .target(name: "Statistics", dependencies: ["CGSL"]),
        .target(name: "Shapley", dependencies: ["Statistics", "CGSL"]),
        .target(name: "Tasks", dependencies: ["Shapley", "Statistics"]),
        .executableTarget(
            name: "creditbench",
            dependencies: [
                "Shapley", "Statistics", "Tasks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(name: "ShapleyTests", dependencies: ["Shapley", "Statistics"]),
        .testTarget(name: "TasksTests", dependencies: ["Tasks", "Shapley"]),
    ]
)

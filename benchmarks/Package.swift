// swift-tools-version: 6.1
import PackageDescription

// Speed benchmarks of CreditBench's Shapley estimators (ordo-one/package-benchmark), kept in their
// own package so the root package builds and tests without the benchmark dependency.
//
//   cd benchmarks && swift package --scratch-path ../.build-bench2 benchmark
//
// See README.md for what is measured and the latest recorded table.
let package = Package(
    name: "CreditBenchBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The "MallocInterposer" trait alone: the default set also enables "RuntimeInterposer",
        // whose package is not among the mirrored dependencies.
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(name: "CreditBench", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "EstimatorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "Shapley", package: "CreditBench"),
                .product(name: "Statistics", package: "CreditBench"),
            ],
            path: "Benchmarks/EstimatorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)

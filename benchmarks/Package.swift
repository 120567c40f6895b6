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
        // ordo-one/benchmark (formerly package-benchmark). Only the "MallocInterposer" trait: the
        // default set also enables "RuntimeInterposer", whose package (swift-runtime-interposer) is
        // not among the dependencies this project can fetch.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        // Named explicitly: a path dependency's identity is otherwise its folder name, which
        // differs between checkouts.
        .package(name: "CreditBench", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "EstimatorBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Shapley", package: "CreditBench"),
                .product(name: "Statistics", package: "CreditBench"),
            ],
            path: "Benchmarks/EstimatorBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

// swift-tools-version: 6.1
import PackageDescription

// Speed benchmarks of CreditBench's Shapley estimators and reward models (ordo-one/package-benchmark), kept in their
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
        benchmark("EstimatorBenchmarks", products: ["Shapley", "Statistics"]),
        benchmark("RewardModelBenchmarks", products: ["Shapley", "Statistics", "Tasks"]),
    ]
)

/// A benchmark executable in Benchmarks/NAME on the root package's `products`.
func benchmark(_ name: String, products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + products.map { .product(name: $0, package: "CreditBench") },
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

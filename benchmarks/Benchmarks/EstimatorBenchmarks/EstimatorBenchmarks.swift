import Benchmark
import Shapley

/// Wall-clock, CPU and allocation counts of every estimator on SOUM value tables, plus the value
/// calls each run spends (custom metric `value calls`), from which README.md derives the
/// estimator's own overhead per call (ns per call = wall-clock time / value calls): the game is a
/// table look-up, so almost all of the time is the estimator's.
///
/// - exact enumeration at n = 16, 20, 24 (2^n calls, all read straight from the table);
/// - permutation, antithetic, kernelshap, kernelshap-paired and owen (contiguous groups of 4) at
///   n = 16 and 20 with a budget of 4,000 value calls.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, valueCalls]

    for players in [16, 20, 24] {
        // A 2^24 table takes about a second per run: give it time for several samples.
        let large = players >= 24
        register("exact n=\(players)", metrics: metrics, maxIterations: large ? 10 : 100, maxDuration: .seconds(large ? 20 : 3)) {
            EstimatorRun(estimator: ExactShapley(), game: try Fixtures.soumTable(players: players), budget: nil)
        }
    }

    let budget = 4_000
    for players in [16, 20] {
        let sampling: [any ShapleyEstimator] = [
            PermutationSampling(antithetic: false), PermutationSampling(antithetic: true),
            KernelSHAP(paired: false), KernelSHAP(paired: true),
            OwenValues(partition: .contiguous(players, size: 4)),
        ]
        for estimator in sampling {
            register("\(estimator.name) n=\(players) B=\(budget)", metrics: metrics, maxIterations: 1_000, maxDuration: .seconds(3)) {
                EstimatorRun(estimator: estimator, game: try Fixtures.soumTable(players: players), budget: budget)
            }
        }
    }
}

/// Distinct value calls of one run (v(empty) and v(N) included), not scaled by iterations.
private let valueCalls = BenchmarkMetric.custom("value calls", polarity: .prefersSmaller, useScalingFactor: false)

/// Registers one benchmark whose setup builds the run (game tabulation is not measured).
private func register(
    _ name: String, metrics: [BenchmarkMetric], maxIterations: Int, maxDuration: Duration,
    makeRun: @escaping () throws -> EstimatorRun
) {
    Benchmark(
        name,
        configuration: .init(metrics: metrics, warmupIterations: 1, maxDuration: maxDuration, maxIterations: maxIterations)
    ) { benchmark, run in
        do {
            let calls = try run.callCount()
            benchmark.measurement(valueCalls, calls)
        } catch {
            benchmark.error("\(name): \(error)")
        }
    } setup: {
        try makeRun()
    }
}

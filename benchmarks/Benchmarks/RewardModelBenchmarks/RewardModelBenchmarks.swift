import Benchmark
import Shapley
import Statistics
import Tasks

/// Reward-model calls per second on short, typical and long inputs, and one token-level SCAR
/// game (exact Shapley values of a sentiment response's tokens under VADER), the calls that a
/// SCAR training run makes millions of times. Each iteration is one call (one game); the inputs
/// are built in setup, outside the measurement (`RewardInputs`). Throughput = iterations per
/// second of wall clock.
let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .throughput]
    let configuration = Benchmark.Configuration(metrics: metrics, warmupIterations: 10, scalingFactor: .kilo,
                                                maxDuration: .seconds(3), maxIterations: 10_000)

    for (size, text) in RewardInputs.reviews {
        Benchmark("vader \(size)", configuration: configuration) { benchmark, vader in
            for _ in benchmark.scaledIterations { blackHole(vader.reward(text)) }
        } setup: {
            try VaderSentiment.standard()
        }
    }

    for (size, pair) in RewardInputs.summaries {
        Benchmark("rouge \(size)", configuration: configuration) { benchmark, scorer in
            for _ in benchmark.scaledIterations { blackHole(scorer.score(prediction: pair.prediction, reference: pair.reference)) }
        } setup: {
            RougeScorer(stemming: true)
        }
    }

    for kind in RewardInputs.IFEvalKind.allCases {
        Benchmark("ifeval \(kind.rawValue)", configuration: configuration) { benchmark, input in
            let scorer = IFEvalScorer()
            for _ in benchmark.scaledIterations {
                do { blackHole(try scorer.evaluate(input.item, response: input.response)) } catch {
                    benchmark.error("ifeval \(kind.rawValue): \(error)")
                }
            }
        } setup: {
            try RewardInputs.ifeval(kind)
        }
    }

    let gameConfiguration = Benchmark.Configuration(metrics: metrics, warmupIterations: 3, maxDuration: .seconds(3), maxIterations: 2_000)
    Benchmark("scar tokens game (exact, VADER)", configuration: gameConfiguration) { benchmark, vader in
        for _ in benchmark.scaledIterations {
            do {
                let game = try TextGame(text: RewardInputs.scarResponse, level: .tokens, model: vader)
                blackHole(try ExactShapley().estimate(game, random: RandomStream(seed: 1)))
            } catch {
                benchmark.error("scar tokens game: \(error)")
            }
        }
    } setup: {
        try VaderSentiment.standard()
    }
}

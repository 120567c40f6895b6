import Foundation
import Learning
import Statistics

/// Does dense credit matter more on longer horizons? A descriptive grid on sentiment (none of it
/// enters the claims' error control): responses of at most T words, T in `horizons` (quick 8 and
/// 16; full 8, 16 and 32), each scheme of `schemes` (sparse, the task's span-level SCAR, token-level
/// SCAR and ABC) at every T, `seeds` seeds shared across cells, the claims' steps, batch size and
/// beta per token.
///
/// **Policy at each T.** The same GRU (d = 32, H = 32): pi_ref is fitted again per T
/// (`SentimentRLAdapter.refitted`), but the fit reads every training snippet to its end whatever T
/// (`ReferencePolicyFit`), so the network is the same and the horizon only cuts its responses;
/// so a longer T asks nothing of the network that the fit did not (the rule: H unchanged); the
/// report gives pi_ref's held-out loss over all held-out steps and over the first T steps of each
/// held-out continuation, and how many training continuations are longer than T. The cell at the task's own
/// T is the claims' run, read back from the shared store; other T key apart (`storeKey` holds
/// the horizon).
///
/// **Effects.** At each T, scheme - sparse on final held-out reward, paired by seed
/// (`ClaimComparison`: BCa interval). **Trend**: per seed i the least-squares slope of its
/// difference d_i(T) = scheme_i(T) - sparse_i(T) against x = log2 T,
/// s_i = sum_k (x_k - mean x)(d_i(T_k) - mean_k d_i) / sum_k (x_k - mean x)^2,
/// the change in the gain per doubling of T (with T = 8, 16, 32 this is (d_i(32) - d_i(8)) / 2,
/// with T = 8, 16 it is d_i(16) - d_i(8)); its mean over seeds with a bootstrap interval over
/// seeds (BCa, percentile where BCa is undefined).
public enum HorizonGrid {
    /// The fewest seeds whose intervals the report reads a direction from: a bootstrap over fewer
    /// seeds has too few distinct resamples to cover (with 2 it spans little more than the two values).
    static let seedsForWords = 5

    /// The horizons T of a quick and of a full run.
    static func horizons(quick: Bool) -> [Int] { quick ? [8, 16] : [8, 16, 32] }

    /// Seeds per cell: the sweep's seeds in a full run, at most 2 in a quick one.
    static func seeds(quick: Bool, sweepSeeds: Int) -> Int { quick ? min(2, sweepSeeds) : sweepSeeds }

    /// Sparse, the task's default SCAR (span level, whatever the headline rule chose for the claims),
    /// SCAR at token level and the task's dense baselines (ABC on sentiment); sparse first, the
    /// baseline every effect is taken against.
    static func schemes(_ task: SCARTask) -> [CreditScheme] {
        [.sparse, task.defaultSCAR] + (task.unitLevelSchemes.map { [$0.tokens] } ?? []) + task.denseBaselines
    }

    /// One planned run: its horizon and its cell.
    struct Planned {
        let horizon: Int
        let cell: SCARLearningClaims.Cell
    }

    /// Every (T, seed, scheme) cell of `experiment`, seed-major within each T; `runner(T)` is the
    /// learner at horizon T.
    static func plan(experiment: SCARLearningClaims.Experiment, store: CurveStore, horizons: [Int], seeds: Int,
                     runner: (Int) throws -> any SCARRunner) throws -> [Planned] {
        try horizons.flatMap { horizon in
            let learner = try runner(horizon)
            return (0..<seeds).flatMap { seed in
                schemes(experiment.task).map {
                    Planned(horizon: horizon, cell: .init(experiment: experiment, runner: learner, store: store, scheme: $0, seed: seed))
                }
            }
        }
    }

    /// The mean over seeds of the per-seed slope s_i of `differences[i]` (one value per horizon,
    /// in `horizons` order) against log2 T, with its bootstrap interval over seeds (`nil` with fewer
    /// than two seeds).
    static func slope(differences: [[Double]], horizons: [Int], stream: RandomStream) -> (estimate: Double, interval: ConfidenceInterval?) {
        let x = horizons.map { log2(Double($0)) }
        let xMean = Descriptive.meanOrNaN(x)
        let spread = x.reduce(0) { $0 + ($1 - xMean) * ($1 - xMean) }
        let slopes = differences.map { d in
            let dMean = Descriptive.meanOrNaN(d)
            return zip(x, d).reduce(0) { $0 + ($1.0 - xMean) * ($1.1 - dMean) } / spread
        }
        let mean = Descriptive.meanOrNaN
        let interval = (try? Bootstrap.confidenceInterval(slopes, statistic: mean, resamples: 4999, method: .bca, stream: stream.substream(0)))
            ?? (try? Bootstrap.confidenceInterval(slopes, statistic: mean, resamples: 4999, method: .percentile, stream: stream.substream(1)))
        return (mean(slopes), interval)
    }

    /// Trains (or reads back) the grid of the sentiment experiment (`nil` when it is not run or
    /// under a shard role), writes `horizon.svg` (scheme - sparse against T with 95% bands) under
    /// `folder` and returns the report's markdown.
    public static func run(experiments: [SCARLearningClaims.Experiment], store: (SCARLearningClaims.Experiment) throws -> CurveStore,
                           quick: Bool, sweepSeeds: Int, folder: URL, stream: RandomStream, jobs: Int, force: Bool,
                           role: LearningRunRole) throws -> String? {
        guard let experiment = experiments.first(where: { $0.task == .sentiment }),
              let base = experiment.runner as? SentimentRLAdapter else { return nil }
        var adapters: [Int: SentimentRLAdapter] = [:]
        let plan = try plan(experiment: experiment, store: try store(experiment), horizons: horizons(quick: quick),
                            seeds: seeds(quick: quick, sweepSeeds: sweepSeeds)) { horizon in
            let adapter = horizon == base.experiment.configuration.horizon ? base : try base.refitted(horizon: horizon)
            adapters[horizon] = adapter
            return adapter
        }
        let progress = ProgressBar(total: (0..<plan.count).filter(role.trains).count, label: "horizon grid")
        guard let runs = try SCARLearningClaims.train(plan.map(\.cell), jobs: jobs, force: force, role: role, progress: progress.update)
        else { return nil }
        let grid = zip(plan, runs).map { (horizon: $0.0.horizon, run: $0.1) }
        let horizons = horizons(quick: quick), schemes = schemes(experiment.task)
        let effects = try schemes.dropFirst().enumerated().map { index, scheme in
            try horizons.enumerated().map { h, horizon in
                let group = { (s: CreditScheme) in grid.filter { $0.horizon == horizon && $0.run.scheme == s.description }.map(\.run) }
                return try ClaimComparison(label: "\(scheme) - sparse, T = \(horizon)", metric: "final reward", groupA: "\(scheme)",
                                           groupB: "sparse", a: group(scheme), b: group(.sparse),
                                           stream: stream.substream(UInt64(index * 16 + h)), SCARLearningClaims.finalReward)
            }
        }
        try chart(effects: effects, schemes: Array(schemes.dropFirst()), horizons: horizons).render(to: folder.appendingPathComponent("horizon"))
        return try report(grid: grid, effects: effects, schemes: schemes, horizons: horizons, adapters: adapters,
                          experiment: experiment, stream: stream.substream(0x51))
    }

    /// Scheme - sparse against T, one series per scheme, the band its 95% interval at each T.
    static func chart(effects: [[ClaimComparison]], schemes: [CreditScheme], horizons: [Int]) -> GnuplotChart {
        let series = zip(schemes, effects).map { scheme, row in
            GnuplotChart.Series(name: "\(scheme) - sparse",
                                points: zip(horizons, row).map { (Double($0), $1.effect.estimate) },
                                band: row.map { ($0.interval?.lower ?? $0.effect.estimate, $0.interval?.upper ?? $0.effect.estimate) })
        }
        return GnuplotChart(title: "Sentiment: final held-out reward over sparse against the horizon (95% bands, paired by seed)",
                            xLabel: "T (most words in a response)", yLabel: "final held-out reward, scheme minus sparse",
                            panels: [(title: "", series: series)], logScale: false)
    }

    /// The report: pi_ref and the data per T, the cells' table, the paired effects and the trend.
    static func report(grid: [(horizon: Int, run: CurveRun)], effects: [[ClaimComparison]], schemes: [CreditScheme], horizons: [Int],
                       adapters: [Int: SentimentRLAdapter], experiment: SCARLearningClaims.Experiment, stream: RandomStream) throws -> String {
        let f = PaperCheckDocument.format, seeds = Set(grid.map(\.run.seed)).count
        let lengths = adapters.values.first?.experiment.referenceContinuationLengths ?? []
        var fallback = ""
        if let options = (experiment.task.unitLevelSchemes?.tokens.rule as? ShapleyCredit)?.options {
            fallback = "Token-level SCAR enumerates exactly up to \(options.exactUpTo) words and above that uses \(options.estimator) "
                + "at \(options.budget) reward calls per response, so at T > \(options.exactUpTo) its long responses are estimated, not exact. "
        }
        var out = """
        ## Horizon: does dense credit matter more on longer responses? (sentiment)

        Sentiment responses of at most T words (T = \(horizons.map(String.init).joined(separator: ", "))), \
        \(experiment.steps) PPO steps of \(experiment.batchSize) episodes, the same beta per token, \(seeds) seeds per cell \
        shared across cells (so each effect is paired by seed). The policy is the same one-layer GRU (d = 32, H = 32) at \
        every T, by a rule stated before the runs: pi_ref is refitted per T, but its fit reads every training snippet to \
        its end whatever T, so a longer T asks nothing of the network that the fit did not, and it stays the same \
        network (its held-out loss below is over all held-out steps and over the first T steps, the ones a response \
        reaches); T only cuts its responses. \(fallback)Final reward: the final policy's held-out evaluation; KL: exact \
        KL(pi || pi_ref) over the last \(CurveMetrics.window) training batches; CPU: the run's thread (runs read back \
        from a store written before it was recorded show n/a). Every effect is at one beta, not at matched KL: read it \
        with the KL column (a scheme that ends further from pi_ref has bought part of its reward with KL; the matched-KL \
        section above does the matching at the task's own T). Descriptive effects: not part of the claims' error control.

        Training continuations (words after the prompt): \(lengths.count) snippets, median \
        \(lengths.isEmpty ? "n/a" : f(try Descriptive.median(lengths.map(Double.init)))), 90th percentile \
        \(lengths.isEmpty ? "n/a" : f(try Descriptive.quantile(lengths.map(Double.init), 0.9))), longest \(lengths.max() ?? 0).

        | T | pi_ref held-out loss (nats per step, all steps) | within the first T steps | training continuations longer than T |
        |---|---|---|---|

        """
        for horizon in horizons {
            guard let experiment = adapters[horizon]?.experiment else { continue }
            let longer = Double(lengths.filter { $0 > horizon }.count) / Double(max(lengths.count, 1))
            out += "| \(horizon) | \(f(experiment.referenceHeldOutLoss)) | \(f(experiment.referenceHeldOutLossWithinHorizon)) | \(f(100 * longer))% |\n"
        }
        out += "\n| T | scheme | n | final reward (mean [95% CI]) | final exact KL (mean) | reward calls per episode | words per response (last steps) | CPU s per run (mean) |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        let episodes = Double(experiment.steps * experiment.batchSize)
        for horizon in horizons {
            for (index, scheme) in schemes.enumerated() {
                let runs = grid.filter { $0.horizon == horizon && $0.run.scheme == scheme.description }.map(\.run)
                let mean = { (value: (CurveRun) -> Double?) -> String in
                    let values = runs.compactMap(value)
                    return values.count == runs.count ? ReportCell.mean(values) : "n/a"
                }
                let rewards = ReportCell.meanWithInterval(runs.map(SCARLearningClaims.finalReward), stream: stream.substream(UInt64(horizon * 16 + index)))
                out += "| \(horizon) | \(scheme) | \(runs.count) | \(rewards) "
                out += "| \(mean(CurveMetrics.finalKL)) | \(mean { $0.totals["reward_calls"].map { $0 / episodes } }) "
                out += "| \(mean { $0.totals["final_mean_length"] }) | \(mean { $0.totals["cpu_seconds"] }) |\n"
            }
        }
        out += "\nPlot: `horizon.svg`.\n\n| scheme - sparse (final reward, paired by seed) | "
        out += horizons.map { "T = \($0) [95% CI]" }.joined(separator: " | ") + " | change per doubling of T [95% CI] |\n"
        out += "|---|" + horizons.map { _ in "---|" }.joined() + "---|\n"
        var trends: [String] = []
        for (index, (scheme, row)) in zip(schemes.dropFirst(), effects).enumerated() {
            // Per seed, its differences at every T (seeds present at every T only).
            let bySeed = Set(grid.map(\.run.seed)).sorted().compactMap { seed -> [Double]? in
                let d = horizons.compactMap { horizon -> Double? in
                    let value = { (s: CreditScheme) in
                        grid.first { $0.horizon == horizon && $0.run.seed == seed && $0.run.scheme == s.description }.map { SCARLearningClaims.finalReward($0.run) }
                    }
                    guard let a = value(scheme), let b = value(.sparse) else { return nil }
                    return a - b
                }
                return d.count == horizons.count ? d : nil
            }
            let trend = slope(differences: bySeed, horizons: horizons, stream: stream.substream(0x100 + UInt64(index)))
            out += "| \(scheme) | " + row.map(ReportCell.effect).joined(separator: " | ")
            out += " | \(f(trend.estimate)) \(ReportCell.interval(trend.interval)) |\n"
            let last = row[row.count - 1], first = row[0]
            var sentence = "\(scheme): over sparse \(ReportCell.effect(first)) at T = \(horizons[0]), "
                + "\(ReportCell.effect(last)) at T = \(horizons[horizons.count - 1]); "
            if bySeed.count >= seedsForWords {
                sentence += FairComparisons.words(estimate: trend.estimate, interval: trend.interval, subject: "the change in its gain per doubling of T")
                    + (trend.interval.map { $0.lower > 0 ? " (the gain grows with T)" : $0.upper < 0 ? " (the gain shrinks with T)" : " (no trend shown)" } ?? "")
            } else {
                sentence += "change per doubling of T \(f(trend.estimate)), from \(bySeed.count) seeds, too few (under \(seedsForWords)) to read a direction from its interval"
            }
            trends.append(sentence + ".")
        }
        return out + "\n**Does dense credit matter more on longer horizons?** " + trends.joined(separator: " ") + "\n\n"
    }
}

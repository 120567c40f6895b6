import Foundation
import Learning
import Statistics
import Tasks

/// SCAR's granularity and alpha, a descriptive grid (no cell enters the claims' error control),
/// on every task that compares SCAR's unit levels (`SCARTask.unitLevelSchemes`: sentiment; the
/// action tasks have none, and sentiment-transformer fixed span-level SCAR before its runs): SCAR at each unit level of `levels`
/// (tokens; SCAR's own punctuation spans, cut right after `. , ; ? !`, with each run of missing
/// spans replaced by one blank, `missing=mask`, the paper's span game; the task's clause spans,
/// spans:12, its default; sentences) at each alpha, the task's other SCAR settings unchanged
/// (exact Shapley up to 10 units, else Owen at 500 calls), and sparse, all at the claims' size,
/// beta and critic on seeds 0..<seeds through the task's curve store (a cell that is one of the
/// claims' schemes reads their runs back). Per cell:
/// - final held-out reward: mean over seeds, 95% percentile bootstrap interval (1,999 resamples);
/// - SCAR - sparse on it, paired by seed (`ClaimComparison`: d_i = a_i - b_i, BCa interval);
/// - final KL to pi_ref (`CurveMetrics.finalKL`, mean over seeds);
/// - reward-model calls per episode: a run's calls (credit included) / (steps x batch), mean;
/// - CPU seconds per run: mean thread CPU time of the training (`totals["cpu_seconds"]`, measured
///   when the run was trained; runs stored before that was measured are left out of the mean).
public enum UnitLevelGrid {
    /// The unit levels, each with how its game completes a coalition's text: punctuation spans
    /// blank-masked (SCAR's span game), the others by removal (the task's default).
    static let levels: [(level: UnitLevel, masksMissingUnits: Bool)] = [
        (.tokens, false), (.punctuation, true), (.spans(maxTokens: UnitLevel.defaultMaxSpanTokens), false), (.sentences, false),
    ]

    /// Every alpha of the full grid and of the headline pilot's candidates.
    public static let alphas: [Double] = [0.25, 0.5, 1]

    /// SCAR with `task`'s defaults at every level of `levels` and every alpha of `alphas`, level
    /// by level; `nil` where the task does not compare unit levels.
    public static func schemes(_ task: SCARTask, alphas: [Double] = alphas) -> [CreditScheme]? {
        guard task.unitLevelSchemes != nil else { return nil }
        return levels.flatMap { level, masks in
            alphas.map { alpha -> CreditScheme in
                var options = task.creditDefaults.with(units: .text(level))
                options.alpha = alpha
                options.masksMissingUnits = masks
                return .shapley(options)
            }
        }
    }

    /// Trains (or reads back) the grid of every experiment with a runner and text units, `seeds`
    /// seeds per cell at `alphas`; the report's markdown, `nil` when no task has a grid or under a
    /// shard role.
    public static func run(experiments: [SCARLearningClaims.Experiment], store: (SCARLearningClaims.Experiment) throws -> CurveStore,
                           seeds: Int, alphas: [Double], stream: RandomStream, jobs: Int, force: Bool, role: LearningRunRole) throws -> String? {
        var plan: [SCARLearningClaims.Cell] = []
        for experiment in experiments {
            guard let runner = experiment.runner, let schemes = schemes(experiment.task, alphas: alphas) else { continue }
            let store = try store(experiment)
            for seed in 0..<seeds {
                for scheme in [CreditScheme.sparse] + schemes {
                    plan.append(.init(experiment: experiment, runner: runner, store: store, scheme: scheme, seed: seed))
                }
            }
        }
        guard !plan.isEmpty else { return nil }
        let progress = ProgressBar(total: (0..<plan.count).filter(role.trains).count, label: "unit-level and alpha grid")
        guard let runs = try SCARLearningClaims.train(plan, jobs: jobs, force: force, role: role, progress: progress.update) else { return nil }
        var out = "## SCAR's unit level and alpha (descriptive)\n\n" + """
        SCAR at every unit level: tokens; SCAR's own punctuation spans (cut right after each of \
        `. , ; ? !`, no length cap, each run of missing spans replaced by one blank: `missing=mask`); \
        the clause spans the claims use by default (`spans:12`: also cut before clause words, at most \
        12 tokens); sentences. Each at alpha \(alphas.map { PaperCheckDocument.format($0) }.joined(separator: ", ")) \
        (r_t = alpha (phi_t + v(empty)/T) + (1 - alpha) R [t = T]), \(seeds) seeds per cell, at the \
        claims' size, beta and critic; sparse on the same seeds. Final held-out reward with a 95% \
        percentile bootstrap interval; SCAR - sparse paired by seed (BCa interval); final exact KL to \
        pi_ref; reward-model calls per episode (credit included); CPU seconds per run (thread CPU time \
        of the training, measured when the run was trained). Descriptive effects: not part of the \
        claims' error control; SCAR's headline row is chosen by the pilot rule, not from this table.


        """
        for (index, experiment) in experiments.enumerated() {
            let cells = zip(plan, runs).filter { $0.0.experiment.task == experiment.task }
            guard !cells.isEmpty else { continue }
            out += try section(cells.map { ($0.0.scheme, $0.1) }, experiment: experiment, stream: stream.substream(UInt64(index)))
        }
        return out
    }

    /// One task's table: sparse, then every SCAR cell.
    static func section(_ runs: [(scheme: CreditScheme, run: CurveRun)], experiment: SCARLearningClaims.Experiment,
                        stream: RandomStream) throws -> String {
        let f = PaperCheckDocument.format
        let episodes = Double(experiment.steps * experiment.batchSize)
        let schemes = runs.map(\.scheme).reduce(into: [CreditScheme]()) { if !$0.contains($1) { $0.append($1) } }
        func group(_ scheme: CreditScheme) -> [CurveRun] { runs.filter { $0.scheme == scheme }.map(\.run) }
        var out = "### \(experiment.task.rawValue.capitalized)\n\n"
        out += "\(experiment.steps) steps of \(experiment.batchSize) episodes. The claims' SCAR here: `\(experiment.task.scar)`.\n\n"
        out += "| scheme | unit level | alpha | reward calls per episode | CPU s per run | final reward [95% CI] | SCAR - sparse (paired) [95% CI] | final KL |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        let sparse = group(.sparse)
        for (index, scheme) in schemes.enumerated() {
            let cell = group(scheme)
            let rewards = cell.map(SCARLearningClaims.finalReward)
            var effect = "-"
            if scheme != .sparse {
                let c = try ClaimComparison(label: "\(scheme) - sparse", metric: "final reward", groupA: "\(scheme)", groupB: "sparse",
                                            a: cell, b: sparse, stream: stream.substream(2 * UInt64(index) + 1), SCARLearningClaims.finalReward)
                effect = ReportCell.effect(c)
            }
            var level = "-", alpha = "-"
            if let options = (scheme.rule as? ShapleyCredit)?.options {
                (level, alpha) = ("\(options.units)" + (options.masksMissingUnits ? " (mask)" : ""), f(options.alpha))
            }
            out += "| `\(scheme)` | \(level) | \(alpha) | \(ReportCell.mean(cell.map { ($0.totals["reward_calls"] ?? .nan) / episodes })) "
            out += "| \(ReportCell.mean(cell.compactMap { $0.totals["cpu_seconds"] })) "
            out += "| \(ReportCell.meanWithInterval(rewards, stream: stream.substream(2 * UInt64(index)))) "
            out += "| \(effect) | \(ReportCell.mean(cell.map(CurveMetrics.finalKL))) |\n"
        }
        return out + "\n"
    }
}

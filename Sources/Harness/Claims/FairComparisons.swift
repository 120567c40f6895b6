import Foundation
import Learning
import Statistics
import Tasks

/// The runs that make SCAR's learning comparisons fair, and their report (descriptive effects
/// with 95% intervals; none enters the claims' error control):
/// - **Matched KL** (every task with a runner): a beta sweep of sparse and SCAR at 1/2, 1, 2 and 4
///   times the learner's default beta, `sweepSeeds` seeds per cell (`ClaimsSettings.sweepSeeds`), analysed by `KLFrontier`
///   (frontier plot, reward difference at the KL sparse spends at the default beta, and the
///   regularised objective R - beta KL).
/// - **Controls** (tasks whose learner has the prompt-aware critic: sentiment; the claims' seeds,
///   paired with the main runs): sparse, sparse with
///   the prompt baseline (`CreditScheme.promptBaseline`: SCAR's v(empty)/T term without credit),
///   SCAR at span and token level, each with the default critic and with the prompt-aware one
///   (`SentimentRLExperiment.Configuration.Critic`); uniform and leave-one-out over spans with the
///   default critic. Effects on final held-out reward, paired by
///   seed (`ClaimComparison`): SCAR - sparse, SCAR - prompt-baselined sparse, and both again with
///   the prompt-aware critic; what survives is said in words computed from those intervals.
/// Runs share the task's curve store with the claims (a cell at the default beta and critic is
/// the claims' own run, read back).
public enum FairComparisons {
    /// The sweep's betas: 1/2, 1, 2 and 4 times the default (exact in binary, so the default cell
    /// keys to the claims' run).
    static func sweepBetas(around beta: Double) -> [Double] { [0.5, 1, 2, 4].map { $0 * beta } }

    /// The sweep's schemes: sparse and the task's SCAR (the frontier code reads them in this order).
    static func sweepSchemes(_ task: SCARTask) -> [CreditScheme] { [.sparse, task.scar] }

    /// The SCAR schemes the controls test: the task's SCAR, and at token level where it has one.
    static func controlledSCAR(_ task: SCARTask) -> [CreditScheme] {
        [task.scar] + (task.unitLevelSchemes.map { [$0.tokens] } ?? []).filter { $0 != task.scar }
    }
    /// The control schemes, each run with both critics: sparse, the prompt baseline and SCAR.
    static func controlSchemes(_ task: SCARTask) -> [CreditScheme] { [.sparse, .promptBaseline] + controlledSCAR(task) }
    /// Dense controls without Shapley credit, run with the default critic: R/T on every step, and
    /// leave-one-out over SCAR's units.
    static func denseControls(_ task: SCARTask) -> [CreditScheme] { [.uniform, .leaveOneOut(units: task.creditDefaults.units)] }

    /// One planned run with what the analysis needs to find it again.
    struct Planned {
        let cell: SCARLearningClaims.Cell
        let beta: Double
        let promptAwareCritic: Bool
        let sweep: Bool
    }

    /// The sweep and control runs of every experiment with a runner whose learner has a beta.
    static func plan(experiments: [SCARLearningClaims.Experiment], store: (SCARLearningClaims.Experiment) throws -> CurveStore,
                     seeds: Int, sweepSeeds: Int) throws -> [Planned] {
        var plan: [Planned] = []
        for experiment in experiments {
            guard let runner = experiment.runner, let beta = runner.klCoefficient else { continue }
            let store = try store(experiment)
            var variants: [String: any SCARRunner] = [:]  // one learner per (beta, critic): an action task reloads its data
            func add(_ scheme: CreditScheme, seed: Int, beta cellBeta: Double, promptAware: Bool, sweep: Bool) throws {
                let name = "\(cellBeta);\(promptAware)"
                if variants[name] == nil { variants[name] = try runner.variant(klCoefficient: cellBeta, promptAwareCritic: promptAware) }
                guard let variant = variants[name] else { return }
                plan.append(Planned(cell: .init(experiment: experiment, runner: variant, store: store, scheme: scheme, seed: seed),
                                    beta: cellBeta, promptAwareCritic: promptAware, sweep: sweep))
            }
            for seed in 0..<sweepSeeds {
                for cellBeta in sweepBetas(around: beta) {
                    for scheme in sweepSchemes(experiment.task) { try add(scheme, seed: seed, beta: cellBeta, promptAware: false, sweep: true) }
                }
            }
            guard try runner.variant(klCoefficient: beta, promptAwareCritic: true) != nil else { continue }
            for seed in 0..<seeds {
                for promptAware in [false, true] {
                    for scheme in controlSchemes(experiment.task) { try add(scheme, seed: seed, beta: beta, promptAware: promptAware, sweep: false) }
                }
                for scheme in denseControls(experiment.task) { try add(scheme, seed: seed, beta: beta, promptAware: false, sweep: false) }
            }
        }
        return plan
    }

    /// Trains (or reads back) every planned run; the report's markdown and one frontier plot per
    /// task (`kl_frontier_<task>.svg` under `folder`); `nil` under a shard role.
    public static func run(experiments: [SCARLearningClaims.Experiment], store: (SCARLearningClaims.Experiment) throws -> CurveStore,
                           seeds: Int, sweepSeeds: Int, folder: URL, stream: RandomStream, jobs: Int, force: Bool,
                           role: LearningRunRole) throws -> String? {
        let plan = try plan(experiments: experiments, store: store, seeds: seeds, sweepSeeds: sweepSeeds)
        guard !plan.isEmpty else { return nil }
        let progress = ProgressBar(total: (0..<plan.count).filter(role.trains).count, label: "matched-KL sweep and credit controls")
        guard let runs = try SCARLearningClaims.train(plan.map(\.cell), jobs: jobs, force: force, role: role, progress: progress.update)
        else { return nil }
        var out = "## Reward at matched KL\n\n" + """
        Every comparison above is at one beta, but credit schemes move the policy different distances \
        from pi_ref. Here sparse and SCAR are each trained at 1/2, 1, 2 and 4 times the task's default \
        beta (\(sweepSeeds) seeds per cell, shared across cells); each run \
        gives its final held-out reward and its final exact KL(pi || pi_ref) (mean over its last \
        \(CurveMetrics.window) training batches, summed over the vocabulary or the legal actions at each \
        visited state). The frontier of a scheme joins its (mean KL, mean reward) points in KL order. \
        The matched-KL difference is SCAR's frontier minus sparse's own point at the KL sparse spends at \
        the default beta (the headline), and the other way round, SCAR's own point minus sparse's frontier \
        at SCAR's KL there (no extrapolation; percentile bootstrap over seeds, each resample recomputing \
        both frontiers). R - beta KL is the regularised objective each run's beta asks for. Descriptive \
        effects: not part of the claims' error control.


        """
        for (index, experiment) in experiments.enumerated() {
            let tagged = zip(plan, runs).filter { $0.0.sweep && $0.0.cell.experiment.task == experiment.task }.map { ($0.0.beta, $0.1) }
            guard let beta = experiment.runner?.klCoefficient, !tagged.isEmpty else { continue }
            let schemes = sweepSchemes(experiment.task).map(\.description)
            let frontier = try KLFrontier(runs: tagged, schemes: schemes, betas: sweepBetas(around: beta))
            let name = "kl_frontier_\(experiment.task.rawValue)"
            try frontier.chart(title: "\(experiment.task.title): reward against KL to pi_ref").render(to: folder.appendingPathComponent(name))
            out += try frontierSection(frontier, task: experiment.task, defaultBeta: beta, plot: name, stream: stream.substream(UInt64(index)))
        }
        for (index, experiment) in experiments.enumerated() {
            let controls = zip(plan, runs).filter { !$0.0.sweep && $0.0.cell.experiment.task == experiment.task }
            guard !controls.isEmpty else { continue }
            out += try controlsSection(controls.map { ($0.0.promptAwareCritic, $0.1) }, task: experiment.task,
                                       stream: stream.substream(0xC0 + UInt64(index)))
        }
        return out
    }

    /// One task's frontier table, matched-KL difference and regularised objectives.
    static func frontierSection(_ frontier: KLFrontier, task: SCARTask, defaultBeta: Double, plot: String, stream: RandomStream) throws -> String {
        let f = PaperCheckDocument.format
        var out = "### \(task.rawValue.capitalized)\n\nFrontier plot: `\(plot).svg`.\n\n"
        out += "| scheme | beta | final reward (mean [95% CI]) | final KL (mean [95% CI]) | R - beta KL (mean) |\n|---|---|---|---|---|\n"
        for row in frontier.cells {
            for cell in row {
                out += "| \(cell.scheme) | \(f(cell.beta)) | \(ReportCell.meanWithInterval(cell.rewards, stream: stream.substream(1))) "
                out += "| \(ReportCell.meanWithInterval(cell.kl, stream: stream.substream(2))) | \(ReportCell.mean(cell.objective)) |\n"
            }
        }
        let (scar, sparse) = (task.scar.description, CreditScheme.sparse.description)
        let matched = try frontier.matchedDifference(scar, over: sparse, referenceBeta: defaultBeta, stream: stream.substream(3))
        let fixed = frontier.cells[1][frontier.betas.firstIndex(of: defaultBeta)!], base = frontier.cells[0][frontier.betas.firstIndex(of: defaultBeta)!]
        let fixedDifference = Descriptive.meanOrNaN(zip(fixed.rewards, base.rewards).map { $0 - $1 })
        out += "\nAt the default beta \(f(defaultBeta)) SCAR minus sparse in final reward is \(f(fixedDifference)), at KL "
        out += "\(ReportCell.mean(fixed.kl)) (SCAR) against \(ReportCell.mean(base.kl)) (sparse). "
        // Headline: at sparse's KL; then the reverse match, at SCAR's KL on sparse's frontier (sign turned to SCAR - sparse).
        let reverse = try frontier.matchedDifference(sparse, over: scar, referenceBeta: defaultBeta, stream: stream.substream(5))
        for (m, whose, frontierOf, sign) in [(matched, "sparse's", "SCAR's", 1.0), (reverse, "SCAR's", "sparse's", -1.0)] {
            guard let estimate = m.estimate else {
                out += "\(whose.prefix(1).uppercased() + whose.dropFirst()) KL at the default beta (\(f(m.kl))) lies outside \(frontierOf) swept KL range, so the sweep cannot match it there. "
                continue
            }
            let ci = m.interval.map { ConfidenceInterval(lower: sign < 0 ? -$0.upper : $0.lower, upper: sign < 0 ? -$0.lower : $0.upper, confidenceLevel: $0.confidenceLevel) }
            out += "At \(whose) KL at the default beta (\(f(m.kl))), SCAR minus sparse along \(frontierOf) frontier is \(f(sign * estimate)) \(ReportCell.interval(ci)) "
            out += "(\(f(100 * m.coverage))% of bootstrap resamples inside \(frontierOf) KL range" + (ci == nil ? "; too few for an interval)" : ")")
            out += ": " + words(estimate: sign * estimate, interval: ci, subject: "SCAR's gain at matched KL") + ". "
        }
        out += "\n\n"
        out += "| beta | R - beta KL: SCAR - sparse (paired) [95% CI] |\n|---|---|\n"
        for row in try frontier.objectiveDifferences(scar, over: sparse, stream: stream.substream(4)) {
            out += "| \(f(row.beta)) | \(f(row.estimate)) \(ReportCell.interval(row.interval)) |\n"
        }
        return out + "\n"
    }

    /// "positive", "negative" or "not distinguishable from 0", from the interval.
    static func words(estimate: Double, interval: ConfidenceInterval?, subject: String) -> String {
        guard let interval else { return "\(subject) has no interval" }
        if interval.lower > 0 { return "\(subject) is positive (interval above 0)" }
        if interval.upper < 0 { return "\(subject) is negative (interval below 0)" }
        return "\(subject) is not distinguishable from 0 (interval spans 0)"
    }

    /// The credit controls on one task: each paired effect on final reward with the KL of both
    /// arms, then the plain-words summary of what survives.
    static func controlsSection(_ runs: [(promptAware: Bool, run: CurveRun)], task: SCARTask, stream: RandomStream) throws -> String {
        let f = PaperCheckDocument.format
        func group(_ scheme: CreditScheme, promptAware: Bool) -> [CurveRun] {
            runs.filter { $0.promptAware == promptAware && $0.run.scheme == scheme.description }.map(\.run)
        }
        func critic(_ promptAware: Bool) -> String { promptAware ? "prompt-aware critic" : "default critic" }
        var index: UInt64 = 0
        var table = ""
        /// The paired effect of `a` over `b` on final reward, added to the table with both arms' KL.
        func effect(_ a: CreditScheme, _ aAware: Bool, _ b: CreditScheme, _ bAware: Bool) throws -> ClaimComparison {
            index += 1
            let (x, y) = (group(a, promptAware: aAware), group(b, promptAware: bAware))
            let c = try ClaimComparison(label: "\(a) (\(critic(aAware))) - \(b) (\(critic(bAware)))", metric: "final reward",
                                        groupA: "\(a)", groupB: "\(b)", a: x, b: y, stream: stream.substream(index),
                                        SCARLearningClaims.finalReward)
            let kl = { (runs: [CurveRun]) in ReportCell.mean(runs.map(CurveMetrics.finalKL)) }
            table += "| \(c.label) | \(c.a.count) | \(ReportCell.effect(c)) | \(kl(x)) | \(kl(y)) |\n"
            return c
        }
        let out = """
        ## Controls: how much of SCAR's gain is credit (\(task.rawValue))

        Sentence-level SCAR almost always has one unit, where its rewards are R - v(empty) on the last \
        step plus v(empty)/T on every step: a prompt-dependent baseline, not credit. These controls \
        separate the two (final held-out reward, paired by seed, BCa bootstrap intervals; \
        KL as in the frontier above): sparse with that same prompt baseline (`\(CreditScheme.promptBaseline)`), \
        and a critic that sees the prompt (a per-prompt term in the value head, `--critic prompt-aware`), \
        for sparse and SCAR alike; and dense credit without Shapley values (uniform R/T, leave-one-out \
        over SCAR's spans; default critic). Descriptive effects.


        | comparison | n | effect [95% CI] | KL of A | KL of B |
        |---|---|---|---|---|

        """
        let (sparse, baseline) = (CreditScheme.sparse, CreditScheme.promptBaseline)
        var summary: [String] = []
        for scar in controlledSCAR(task) {
            let rows = try [
                (scar, false, sparse, false), (scar, false, baseline, false), (scar, true, sparse, true), (scar, true, baseline, true),
            ].map { a, aAware, b, bAware in try effect(a, aAware, b, bAware) }
            let gain = rows[0]
            let level = "SCAR (units \(scar.units.map { "\($0)" } ?? "none"))"
            // A share of the gain means something only where the gain itself is shown to be positive.
            let shown = (gain.interval?.lower ?? 0) > 0
            var sentence = "\(level): gain over sparse \(ReportCell.effect(gain)); "
            sentence += words(estimate: gain.effect.estimate, interval: gain.interval, subject: "the gain")
            sentence += shown ? "." : ", so no share of it is computed."
            for (c, text) in [(rows[1], "against sparse with the prompt baseline"), (rows[2], "with the prompt-aware critic on both"),
                              (rows[3], "against the prompt baseline with the prompt-aware critic on both")] {
                let share = shown ? " (\(f(100 * c.effect.estimate / gain.effect.estimate))% of the gain)" : ""
                sentence += " \(text.prefix(1).uppercased() + text.dropFirst()): \(ReportCell.effect(c))\(share); "
                sentence += words(estimate: c.effect.estimate, interval: c.interval, subject: "what remains") + "."
            }
            summary.append(sentence)
        }
        let (spans, dense) = (task.scar, denseControls(task))
        for (c, text) in [(try effect(baseline, false, sparse, false), "The prompt baseline alone (no credit) changes sparse's reward by"),
                          (try effect(sparse, true, sparse, false), "The prompt-aware critic alone changes sparse's reward by"),
                          (try effect(spans, false, dense[0], false), "SCAR minus uniform credit:"),
                          (try effect(spans, false, dense[1], false), "SCAR minus leave-one-out over the same units:")] {
            summary.append("\(text) \(ReportCell.effect(c)).")
        }
        return out + table + "\n**What the controls change about SCAR's gain.** " + summary.joined(separator: " ") + "\n\n"
    }
}

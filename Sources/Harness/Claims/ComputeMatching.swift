import Foundation
import Learning
import Shapley
import Statistics

/// SCAR against its baselines at equal reward-model calls per PPO step, and its report: descriptive
/// effects with 95% intervals, outside the claims' error control.
///
/// SCAR pays for dense credit in reward-model calls: c per episode where sparse and ABC make 1
/// (its coalitions v(S) are reward calls; ABC's attention is not). Two matches:
/// - **Larger batches for the one-call schemes.** c is the task's default SCAR (`SCARTask.defaultSCAR`:
///   span level on sentiment, whatever the headline rule chose for the claims)
///   mean calls per episode, `reward_calls` / (steps x B) of each run averaged over its pilot runs:
///   seeds `sweepSeeds ..< sweepSeeds + pilotSeedCount`, disjoint from the analysed seeds
///   0..<`sweepSeeds`, so c is fixed before any analysed run is read (the pilots are the claims' own
///   runs where the claims have that many seeds, else trained here). Sparse and the task's dense
///   baselines (ABC on sentiment) then train at batch round(c B) for the same steps: c times the
///   reward calls of sparse, so about SCAR's calls per step. What else differs: they also get c
///   times the policy samples and the PPO and value-head work per step (the same number of Adam
///   updates, each on a c times larger batch, so a less noisy gradient). A task whose c exceeds
///   `maximumBatchMultiple` is not matched this way (the report says so).
/// - **Token-level SCAR at a reduced budget** (tasks with text unit levels: sentiment): SCAR over
///   tokens with exact<=0 and `kernelshap-unbiased` (Covert & Lee 2021) at `tokenBudget` = 4 calls
///   per response, the fewest of any estimator whose credits sum to R (PPO checks SCAR's
///   efficiency every episode; `svarm` admits fewer but is not efficient): v(empty), v(N), one
///   coalition and its complement (2 calls for a one-token response, 1 for a response without
///   words), so at most 4 times sparse's calls, trained at batch B. Its stored calls per episode
///   are reported.
/// Every cell runs the analysed seeds at the task's default beta and critic, so cells are paired by
/// seed; cells at batch B with the claims' schemes are the claims' own runs, read back from the
/// task's store. Per cell: batch, measured calls per episode, final held-out reward, final KL
/// (`CurveMetrics.finalKL`), and SCAR minus the cell in final reward (`ClaimComparison`, paired,
/// BCa bootstrap).
public enum ComputeMatching {
    /// Pilot seeds per task from which c is measured.
    static let pilotSeedCount = 2
    /// The largest batch multiple trained: beyond 10 x B a single run of a one-call scheme costs more
    /// than ten of its runs at B (instruction following's SCAR makes about 47 calls per episode).
    static let maximumBatchMultiple = 10.0
    /// Reward calls per response of the reduced token-level SCAR (`kernelshap-unbiased`'s minimum,
    /// the smallest of the efficient estimators: `kernelshap` and `owen` need n + 1 for n tokens).
    static let tokenBudget = 4

    /// Mean reward-model calls per episode of `runs` (each `steps` PPO steps of `batchSize`
    /// episodes): each run's `reward_calls` total over steps x batch, averaged over the runs.
    static func callsPerEpisode(_ runs: some Collection<CurveRun>, steps: Int, batchSize: Int) -> Double {
        Descriptive.meanOrNaN(runs.map { ($0.totals["reward_calls"] ?? .nan) / Double(steps * batchSize) })
    }

    /// The batch at which a one-call scheme makes about `callsPerEpisode` x `batchSize` calls per
    /// step: round(c B).
    static func matchedBatch(callsPerEpisode: Double, batchSize: Int) -> Int {
        Int((callsPerEpisode * Double(batchSize)).rounded())
    }

    /// Token-level SCAR with estimation forced (exact<=0) at `tokenBudget` calls per response;
    /// `nil` where the task has no text unit levels.
    static func reducedTokenSCAR(_ task: SCARTask) -> CreditScheme? {
        guard var options = (task.unitLevelSchemes?.tokens.rule as? ShapleyCredit)?.options else { return nil }
        options.exactUpTo = 0
        options.estimator = EstimatorKind.kernelshapUnbiased.rawValue
        options.budget = tokenBudget
        return .shapley(options)
    }

    /// One cell: a scheme at a batch size (the steps are the task's).
    struct Arm: Equatable {
        let scheme: CreditScheme
        let batchSize: Int
    }

    /// The task's cells at base batch `batchSize` given SCAR's pilot `callsPerEpisode`: SCAR,
    /// sparse and the dense baselines at B; sparse and the dense baselines at round(c B) (when
    /// c <= `maximumBatchMultiple`); token-level SCAR exact and reduced at B (tasks with unit levels).
    static func arms(_ task: SCARTask, batchSize: Int, callsPerEpisode: Double) -> [Arm] {
        let oneCall = [CreditScheme.sparse] + task.denseBaselines
        var arms = ([task.defaultSCAR] + oneCall).map { Arm(scheme: $0, batchSize: batchSize) }
        if callsPerEpisode <= maximumBatchMultiple {
            let matched = matchedBatch(callsPerEpisode: callsPerEpisode, batchSize: batchSize)
            arms += oneCall.map { Arm(scheme: $0, batchSize: matched) }
        }
        if let tokens = task.unitLevelSchemes?.tokens, let reduced = reducedTokenSCAR(task) {
            arms += [tokens, reduced].map { Arm(scheme: $0, batchSize: batchSize) }
        }
        return arms
    }

    /// `experiment` with its batch replaced (the store keys the batch, so the runs never mix).
    static func resized(_ experiment: SCARLearningClaims.Experiment, batchSize: Int) -> SCARLearningClaims.Experiment {
        batchSize == experiment.batchSize ? experiment
            : .init(task: experiment.task, runner: experiment.runner, steps: experiment.steps, batchSize: batchSize, design: experiment.design)
    }

    /// What one task's analysis needs: its pilot c, and its cells' runs by arm in `arms` order.
    struct TaskRuns {
        let experiment: SCARLearningClaims.Experiment
        let pilotSeeds: [Int]
        let callsPerEpisode: Double
        let arms: [Arm]
        let runs: [[CurveRun]]
    }

    /// Trains (or reads back) the pilots, then every cell of every experiment with a runner whose
    /// learner has a beta (the learners the fair comparisons cover); returns the report's markdown,
    /// or `nil` under a shard role or with no such experiment. Under a shard role every shard
    /// trains the pilots it lacks (c is needed to plan its share), then its share of the cells.
    public static func run(experiments: [SCARLearningClaims.Experiment], store: (SCARLearningClaims.Experiment) throws -> CurveStore,
                           sweepSeeds: Int, stream: RandomStream, jobs: Int, force: Bool, role: LearningRunRole) throws -> String? {
        let covered = experiments.filter { $0.runner?.klCoefficient != nil }
        guard !covered.isEmpty else { return nil }
        let stores = try covered.map(store)
        func cell(_ index: Int, _ scheme: CreditScheme, seed: Int, batchSize: Int) -> SCARLearningClaims.Cell {
            let experiment = resized(covered[index], batchSize: batchSize)
            return .init(experiment: experiment, runner: experiment.runner!, store: stores[index], scheme: scheme, seed: seed)
        }
        let pilotSeeds = Array(sweepSeeds..<(sweepSeeds + pilotSeedCount))
        let pilotPlan = covered.indices.flatMap { i in pilotSeeds.map { cell(i, covered[i].task.defaultSCAR, seed: $0, batchSize: covered[i].batchSize) } }
        let pilotRole: LearningRunRole = if case .merge = role { role } else { .all }
        let pilotProgress = ProgressBar(total: pilotPlan.count, label: "compute matching: SCAR pilot runs")
        guard let pilots = try SCARLearningClaims.train(pilotPlan, jobs: jobs, force: force, role: pilotRole, progress: pilotProgress.update)
        else { return nil }
        let calls = covered.indices.map { i in
            callsPerEpisode(pilots[(i * pilotSeeds.count)..<((i + 1) * pilotSeeds.count)], steps: covered[i].steps, batchSize: covered[i].batchSize)
        }
        let arms = covered.indices.map { Self.arms(covered[$0].task, batchSize: covered[$0].batchSize, callsPerEpisode: calls[$0]) }
        let plan = covered.indices.flatMap { i in
            (0..<sweepSeeds).flatMap { seed in arms[i].map { cell(i, $0.scheme, seed: seed, batchSize: $0.batchSize) } }
        }
        let progress = ProgressBar(total: plan.indices.filter(role.trains).count, label: "compute-matched runs")
        guard let runs = try SCARLearningClaims.train(plan, jobs: jobs, force: force, role: role, progress: progress.update) else { return nil }
        var out = "## Comparisons at equal reward-model calls\n\n" + """
        SCAR makes c reward-model calls per episode where sparse and ABC make one (ABC's attention is \
        not a reward call). Here c is the task's SCAR (span level on sentiment) mean calls per episode \
        on its pilot seeds \(pilotSeeds.map(String.init).joined(separator: ", ")), which are not analysed; \
        sparse and ABC then train at batch round(c x B) for the same number of PPO steps, so they make \
        about SCAR's calls per step. They also get c times the policy samples and the PPO work per step \
        (the same number of Adam updates, each on a larger batch): equal calls, not equal everything. \
        Token-level SCAR is matched the other way: estimation forced (exact<=0) with \
        kernelshap-unbiased at \(tokenBudget) calls per response, the fewest of any estimator whose \
        credits sum to R (v(empty), v(N), one coalition and its complement), at batch B. Calls per episode are \
        measured from each cell's stored reward calls. Seeds 0..<\(sweepSeeds), shared by every cell, \
        default beta and critic; the last column is SCAR minus the cell in final held-out reward, paired \
        by seed (BCa bootstrap 95% interval). Descriptive effects: not part of the claims' error control.


        """
        var offset = 0
        for (i, experiment) in covered.enumerated() {
            let count = sweepSeeds * arms[i].count
            let taskRuns = runs[offset..<(offset + count)]
            offset += count
            let byArm = arms[i].indices.map { a in stride(from: a, to: count, by: arms[i].count).map { taskRuns[taskRuns.startIndex + $0] } }
            out += try section(TaskRuns(experiment: experiment, pilotSeeds: pilotSeeds, callsPerEpisode: calls[i], arms: arms[i], runs: byArm),
                               stream: stream.substream(UInt64(i)))
        }
        return out
    }

    /// One task's table and the sentences computed from its intervals.
    static func section(_ task: TaskRuns, stream: RandomStream) throws -> String {
        let f = PaperCheckDocument.format
        let experiment = task.experiment
        let scar = task.runs[0]
        func calls(_ a: Int) -> Double { callsPerEpisode(task.runs[a], steps: experiment.steps, batchSize: task.arms[a].batchSize) }
        var out = "### \(experiment.task.rawValue.capitalized)\n\nc = \(f(task.callsPerEpisode)) calls per episode (pilot seeds "
        out += "\(task.pilotSeeds.map(String.init).joined(separator: ", "))), base batch B = \(experiment.batchSize), \(experiment.steps) steps"
        if task.callsPerEpisode > maximumBatchMultiple {
            out += "; c exceeds \(f(maximumBatchMultiple)), so the one-call schemes are not trained at round(c B) = "
            out += "\(matchedBatch(callsPerEpisode: task.callsPerEpisode, batchSize: experiment.batchSize)) (not affordable here)"
        }
        out += ".\n\n| scheme | batch | calls per episode | final reward (mean) | final KL (mean) | SCAR - this cell [95% CI] |\n|---|---|---|---|---|---|\n"
        var differences: [ClaimComparison?] = [nil]
        for (a, arm) in task.arms.enumerated() {
            let runs = task.runs[a]
            let difference = a == 0 ? nil : try ClaimComparison(
                label: "\(task.arms[0].scheme) - \(arm.scheme) at batch \(arm.batchSize) (\(experiment.task.rawValue))", metric: "final reward",
                groupA: "\(task.arms[0].scheme)", groupB: "\(arm.scheme)", a: scar, b: runs, stream: stream.substream(UInt64(a)),
                SCARLearningClaims.finalReward)
            if a > 0 { differences.append(difference) }
            out += "| \(arm.scheme) | \(arm.batchSize) | \(f(calls(a))) | \(ReportCell.mean(runs.map(SCARLearningClaims.finalReward))) "
            out += "| \(ReportCell.mean(runs.map(CurveMetrics.finalKL))) | " + (difference.map(ReportCell.effect) ?? "(reference)")
            out += " |\n"
        }
        out += "\n" + verdict(task, differences: differences, calls: calls) + "\n\n"
        return out
    }

    /// The plain-words reading of one task's intervals: whether SCAR's advantage over the one-call
    /// schemes survives at equal calls (every matched interval above 0: survives; any below 0: a
    /// one-call scheme ends higher; else not shown), and the reduced token-level SCAR against SCAR.
    static func verdict(_ task: TaskRuns, differences: [ClaimComparison?], calls: (Int) -> Double) -> String {
        let f = PaperCheckDocument.format
        let base = task.experiment.batchSize
        let oneCall = Set(([CreditScheme.sparse] + task.experiment.task.denseBaselines).map(\.description))
        func rows(atBatch matched: Bool) -> [(arm: Arm, difference: ClaimComparison)] {
            task.arms.indices.compactMap { a in
                let arm = task.arms[a]
                guard let difference = differences[a], oneCall.contains(arm.scheme.description), (arm.batchSize != base) == matched else { return nil }
                return (arm, difference)
            }
        }
        func listed(_ rows: [(arm: Arm, difference: ClaimComparison)]) -> String {
            rows.map { "\($0.arm.scheme) \(ReportCell.effect($0.difference))" }
                .joined(separator: ", ")
        }
        var text = "At batch B, SCAR minus " + listed(rows(atBatch: false)) + ". "
        let matched = rows(atBatch: true)
        if matched.isEmpty {
            text += "No one-call scheme was trained at equal calls on this task. "
        } else {
            text += "At equal calls (batch \(matched[0].arm.batchSize)), SCAR minus " + listed(matched) + ": "
            if matched.allSatisfy({ ($0.difference.interval?.lower ?? -.infinity) > 0 }) {
                text += "**SCAR's advantage survives equal calls** (every interval lies above 0). "
            } else {
                let ahead = matched.filter { ($0.difference.interval?.upper ?? .infinity) < 0 }
                text += ahead.isEmpty ? "**no advantage of SCAR is shown at equal calls** (an interval spans 0). "
                    : "**no advantage of SCAR survives equal calls**: " + ahead.map { "\($0.arm.scheme) at batch \($0.arm.batchSize)" }
                        .joined(separator: " and ") + " end\(ahead.count == 1 ? "s" : "") higher than SCAR (interval below 0). "
            }
        }
        if let reduced = reducedTokenSCAR(task.experiment.task), let a = task.arms.firstIndex(of: Arm(scheme: reduced, batchSize: base)),
           let difference = differences[a] {
            text += "Token-level SCAR at \(tokenBudget) calls per response makes \(f(calls(a))) calls per episode against SCAR's "
            text += "\(f(calls(0))); SCAR minus it: \(ReportCell.effect(difference)), so "
            text += FairComparisons.words(estimate: difference.effect.estimate, interval: difference.interval,
                                          subject: "SCAR's advantage over the reduced token level") + "."
        }
        return text
    }
}

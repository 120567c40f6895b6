import Foundation
import Learning
import Statistics
import Tasks

/// The hook between the claims and a SCAR learner: one training run of a credit scheme,
/// returned as a reward curve whose `totals["reward_calls"]` counts the reward-model calls the
/// run made (credit included) and whose `totals["final_evaluation"]`, when present, is the final
/// policy's held-out reward. The run's `scheme` is the scheme's canonical spelling.
public protocol SCARRunner {
    /// What the runs depend on beyond the task, steps and batch size (the learner's settings), for
    /// `CurveStore`; empty for none.
    var storeKey: String { get }
    /// The held-out instances the learner evaluates on, in words (e.g. "52 evaluation prompts"),
    /// for the learning-curve chart (default: "held-out instances").
    var evaluationSet: String { get }
    func run(scheme: CreditScheme, seed: Int, steps: Int, batchSize: Int) throws -> CurveRun
    /// beta of the learner's per-step KL penalty to pi_ref (`nil`: the learner has none).
    var klCoefficient: Double? { get }
    /// This learner with beta set to `klCoefficient` and, when `promptAwareCritic`, a value head
    /// that also sees the prompt (the cells of the reward-KL sweep and of the critic control);
    /// `nil` where the learner has no such setting.
    func variant(klCoefficient: Double, promptAwareCritic: Bool) throws -> (any SCARRunner)?
}

extension SCARRunner {
    public var klCoefficient: Double? { nil }
    /// A runner that does not say how many held-out instances it evaluates on.
    public var evaluationSet: String { "held-out instances" }
    public func variant(klCoefficient: Double, promptAwareCritic: Bool) throws -> (any SCARRunner)? { nil }
}

/// SCAR's empirical claims from `seeds` runs per scheme on each task, every comparison paired by
/// seed (`ClaimComparison`), every margin fixed by `ClaimMargins`, each claim decided by
/// `DecisionRule.allOf` over its tests (`ClaimTest`):
/// - C3 (invariance in practice): SCAR's final reward is equivalent to sparse RLHF's (TOST, per
///   task); decided only where SCAR's and sparse's runs pass the `PlateauCheck` with the reward
///   margin as tolerance, "not at convergence" otherwise;
/// - C4 (faster convergence): SCAR beats sparse (and ABC on the sentiment tasks, `denseBaselines`) on area under the curve
///   (superiority) and on time to the data-defined threshold (`CurveMetrics.threshold`, restricted
///   mean time with censoring, superiority), per task;
/// - C5 (higher final reward): SCAR beats sparse, sparse with the reward doubled and ABC on
///   the sentiment tasks (superiority), per task;
/// - C6a/C6b (granularity, tasks with `unitLevelSchemes`: sentiment): span-level (C6a) and sentence-level (C6b) SCAR are
///   non-inferior to token level on final reward and on area, at the measured cost ratio in
///   reward-model calls (an exact check that the ratio is below 1).
public enum SCARLearningClaims {
    /// One task's experiment: its runner (`nil`: not run), store and sizes.
    public struct Experiment {
        public let task: SCARTask
        public let runner: (any SCARRunner)?
        public let steps: Int
        public let batchSize: Int
        /// How the task's runs were set up, for the claims' design text.
        public let design: String

        public init(task: SCARTask, runner: (any SCARRunner)?, steps: Int, batchSize: Int, design: String) {
            self.task = task
            self.runner = runner
            self.steps = steps
            self.batchSize = batchSize
            self.design = design
        }

        /// What a stored run of `scheme` and `seed` is keyed by (`CurveStore.key`): the task, the
        /// scheme's canonical spelling, the seed, steps, batch and the runner's learner settings.
        func configuration(scheme: CreditScheme, seed: Int, runner: any SCARRunner) -> String {
            "task=\(task.rawValue);scheme=\(scheme);seed=\(seed);steps=\(steps);batch=\(batchSize)" + (runner.storeKey.isEmpty ? "" : ";" + runner.storeKey)
        }
    }

    static let evidence = [
        PaperEvidence("Held-out mean reward, Table 1: SCAR 9.27 vs ABC 8.48 (IMDB), 4.35 vs 2.85 (TL;DR), 7.31 vs 6.59 (HH).", source: "papers.md, SCAR 'Reported results' (arXiv 2505.20417, Table 1)"),
        PaperEvidence("Convergence is shown as reward curves; no steps-to-threshold numbers, no significance tests, seeds unknown (some reported standard deviations are 0.00).", source: "papers.md, SCAR 'Reported results'"),
        PaperEvidence("Token-level SCAR is worse than span-level on summarization and costs 48 GPU-hours against 7 for span level.", source: "papers.md, SCAR 'Reported results'"),
        PaperEvidence("Reviewers asked for significance tests and seeds, and a control for reward scale (compare against sparse with the reward doubled).", source: "papers.md, SCAR reviews (ICLR 2026)"),
    ]

    static func emptyClaims(design: String) -> [ClaimCheck] {
        let c6 = { (level: String, id: String) in
            ClaimCheck(id: id, title: "\(level.capitalized)-level SCAR is as good as token level at a fraction of the calls", paper: "SCAR",
                       statement: "Span-level credit is as good as or better than token level at a fraction of the cost" + (level == "span" ? "." : " (the same question for sentences, which the paper does not ask)."),
                       evidence: [evidence[2]], design: design + " \(id) (sentiment): non-inferiority of \(level)-level to token-level SCAR on final held-out reward and on area under the curve (paired by seed, margin 5% of the gap from the untrained policy to VADER's maximum 1), both needed (intersection-union); the cost is the ratio of reward-model calls, checked to be below 1.")
        }
        return [
            ClaimCheck(id: "C3", title: "SCAR reaches the same reward as sparse RLHF", paper: "SCAR",
                       statement: "Shapley credit preserves the optimal policy, so at convergence SCAR and sparse RLHF reach the same reward.",
                       evidence: [evidence[1]], design: design + " C3: equivalence (TOST) of SCAR (the headline configuration on sentiment) and sparse on final reward R and on the regularised objective R - beta KL (final held-out reward minus the learner's beta times the final exact KL to pi_ref: both schemes share the optimum pi* proportional to pi_ref exp(R / beta), so invariance predicts both equal), paired by seed, margin 5% of the gap from the untrained policy to the task's maximum, both on every task needed (intersection-union); a task is decided only where both schemes' runs are shown to have plateaued (TOST at 5% that training as long again at each run's slope over its last 20% of steps would move the mean reward by less than the margin; on the held-out evaluation series, or the training-batch reward curve for runs stored without one; the run lengths as stated under the limits, chosen on pilot seeds where run_lengths.json exists); a task not at convergence cannot support the claim, a converged task can refute it."),
            ClaimCheck(id: "C4", title: "SCAR converges faster than sparse RLHF and ABC", paper: "SCAR",
                       statement: "SCAR converges faster than sparse RLHF and attention-based credit on sentiment control, summarization and instruction following (reward curves).",
                       evidence: [evidence[1], evidence[3]], design: design + " C4: superiority of SCAR over sparse on each task, and over ABC on the sentiment tasks (on sentiment a proxy: its attention comes from a separate model, the reward is VADER; on sentiment-transformer Chan et al.'s ABC at b = 0.5, the reward model's own [CLS] attention), on area under the training-batch reward curve (paired t; margin 5% of the gap from the untrained policy to the maximum) and on steps until the smoothed curve reaches the threshold (runs that never do are censored at the run length; restricted mean time by Kaplan-Meier up to the run length, log-rank reported; margin 5% of the run length); every comparison needed (intersection-union)."),
            ClaimCheck(id: "C5", title: "SCAR ends with a higher reward than ABC and sparse RLHF", paper: "SCAR",
                       statement: "SCAR reaches a higher held-out reward than ABC and sparse RLHF.",
                       evidence: [evidence[0], evidence[3]], design: design + " C5: superiority of SCAR's final held-out reward over sparse and sparse with doubled reward (reward-scale control) on each task, and over ABC on the sentiment tasks (on sentiment a proxy: its attention comes from a separate model, the reward is VADER; on sentiment-transformer Chan et al.'s ABC at b = 0.5, the reward model's own [CLS] attention) (paired t; margin 5% of the gap from the untrained policy to the maximum); every comparison needed (intersection-union)."),
            c6("span", "C6a"),
            c6("sentence", "C6b"),
        ]
    }

    /// Runs (or reads back from `store(experiment)`) every (scheme, seed) of every experiment with a
    /// runner (`runs`), then fills C3-C6; claims whose tasks were all skipped read "not measured".
    public static func check(
        experiments: [Experiment], store: (Experiment) throws -> CurveStore, seeds: Int, stream: RandomStream,
        jobs: Int = 1, force: Bool = false, role: LearningRunRole = .all, progress: (Int) -> Void = { _ in }
    ) throws -> (claims: [ClaimCheck], runs: [SCARTask: [CurveRun]]) {
        let design = "\(seeds) seeds per scheme. " + experiments.map(\.design).joined(separator: " ")
        var claims = emptyClaims(design: design)
        let runs = try self.runs(experiments: experiments, store: store, seeds: seeds, jobs: jobs, force: force, role: role, progress: progress)
        var comparisonIndex: UInt64 = 0
        for task in experiments.map(\.task) {  // the experiment's own task: its SCAR may be the chosen headline
            guard let taskRuns = runs[task] else { continue }
            let beta = experiments.first { $0.task == task }?.runner?.klCoefficient
            try fill(&claims, task: task, runs: taskRuns, klCoefficient: beta, stream: stream, comparisonIndex: &comparisonIndex)
        }
        let skipped = experiments.filter { $0.runner == nil }.map(\.task.rawValue)
        for i in claims.indices where claims[i].tests.isEmpty {
            claims[i].notMeasuredReason = "the SCAR learning runs of \(skipped.joined(separator: ", ")) were skipped (`reproduce --skip-scar`)."
        }
        return (claims, runs)
    }

    /// Every (scheme, seed) run of every experiment with a runner, by task in plan order
    /// (experiment, seed, scheme): read from `store(experiment)`, or (all under `force`) trained
    /// on up to `jobs` threads and stored as each finishes; the runs do not depend on `jobs`.
    /// `progress` hears the number of runs at hand. Under a shard `role` only that shard's runs
    /// are trained and nothing is returned.
    static func runs(experiments: [Experiment], store: (Experiment) throws -> CurveStore, seeds: Int, jobs: Int, force: Bool,
                     role: LearningRunRole = .all, progress: (Int) -> Void) throws -> [SCARTask: [CurveRun]] {
        var plan: [Cell] = []
        for experiment in experiments {
            guard let runner = experiment.runner else { continue }
            let store = try store(experiment)
            for seed in 0..<seeds {
                for scheme in experiment.task.schemes { plan.append(Cell(experiment: experiment, runner: runner, store: store, scheme: scheme, seed: seed)) }
            }
        }
        guard let curves = try train(plan, jobs: jobs, force: force, role: role, progress: progress) else { return [:] }
        var runs: [SCARTask: [CurveRun]] = [:]
        for (item, run) in zip(plan, curves) { runs[item.experiment.task, default: []].append(run) }
        return runs
    }

    /// One learning run of a plan: `scheme` and `seed` under `runner` (the experiment's own, or a
    /// variant of it: another beta or critic), at the experiment's size, stored in `store`.
    struct Cell {
        let experiment: Experiment
        let runner: any SCARRunner
        let store: CurveStore
        let scheme: CreditScheme
        let seed: Int
    }

    /// Every cell's run in plan order: read from its store (a run stored before KL was recorded
    /// is trained again, so every comparison has its KL) or trained on up to `jobs` threads and
    /// stored as each finishes (`ParallelRuns`), with the CPU seconds of its thread as the total
    /// `cpu_seconds` (a run trains on one thread; not deterministic, reported, never compared);
    /// `nil` under a shard role.
    static func train(_ plan: [Cell], jobs: Int, force: Bool, role: LearningRunRole, progress: (Int) -> Void) throws -> [CurveRun]? {
        let configurations = plan.map { $0.experiment.configuration(scheme: $0.scheme, seed: $0.seed, runner: $0.runner) }
        return try ParallelRuns.curves(
            count: plan.count, role: role, jobs: jobs, force: force,
            stored: { plan[$0].store.run(configuration: configurations[$0]).flatMap { $0.kl.isEmpty ? nil : $0 } },
            train: { i in
                let item = plan[i], start = threadCPUSeconds()
                var run = try item.runner.run(scheme: item.scheme, seed: item.seed, steps: item.experiment.steps, batchSize: item.experiment.batchSize)
                run.totals["cpu_seconds"] = threadCPUSeconds() - start
                return run
            },
            store: { try plan[$0].store.append($1, configuration: configurations[$0]) }, progress: progress)
    }

    /// CPU seconds the calling thread has used (`CLOCK_THREAD_CPUTIME_ID`).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// A run's final reward: its held-out evaluation (`totals["final_evaluation"]`) where the
    /// learner made one, else the mean of its last evaluations (`CurveMetrics.finalReward`).
    static func finalReward(_ run: CurveRun) -> Double {
        run.totals["final_evaluation"] ?? CurveMetrics.finalReward(run)
    }

    /// Each scheme's final KL to pi_ref on `task` (`CurveMetrics.finalKL`, the exact KL of the last
    /// training batches), so every learning comparison is read with the KL it was bought at:
    /// mean over seeds with a 95% percentile bootstrap interval.
    static func klMeasurements(task: SCARTask, runs: [CurveRun], stream: RandomStream) throws -> [Measurement] {
        try task.schemes.enumerated().compactMap { index, scheme in
            let kl = runs.filter { $0.scheme == scheme.description }.map(CurveMetrics.finalKL).filter(\.isFinite)
            guard kl.count >= 2 else { return nil }
            let mean = Descriptive.meanOrNaN
            let interval = try Bootstrap.confidenceInterval(kl, statistic: mean, resamples: 1999, method: .percentile,
                                                            stream: stream.substream(UInt64(index)))
            return Measurement("\(task.rawValue): final KL(pi || pi_ref), \(scheme)", mean(kl),
                               note: "exact KL over the last \(CurveMetrics.window) steps, 95% CI [\(PaperCheckDocument.format(interval.lower)), \(PaperCheckDocument.format(interval.upper))], \(kl.count) seeds")
        }
    }

    /// Adds one task's tests and measurements to C3-C6b (`claims` as `emptyClaims` orders them).
    /// With the learner's KL coefficient beta (and a final KL in every run), C3 also needs the
    /// regularised objective R - beta KL to be equivalent: both schemes' per-step rewards sum to the
    /// same R, so they share the regularised optimum pi* proportional to pi_ref exp(R / beta), and
    /// invariance predicts equal R - beta KL at convergence, not only equal R.
    static func fill(_ claims: inout [ClaimCheck], task: SCARTask, runs: [CurveRun], klCoefficient beta: Double?,
                     stream: RandomStream, comparisonIndex: inout UInt64) throws {
        func of(_ scheme: CreditScheme) -> [CurveRun] { runs.filter { $0.scheme == scheme.description } }
        let compared = runs.filter { ([.sparse, task.scar] + task.denseBaselines).map(\.description).contains($0.scheme) }
        let threshold = CurveMetrics.threshold(compared)
        let start = CurveMetrics.initialReward(runs)
        let reward = try ClaimMargins.reward(untrained: start, attainable: task.attainable)
        let runLength = Double(runs[0].steps.last!)
        let steps = ClaimMargins.steps(runLength: runLength)
        func compare(_ scheme: CreditScheme, _ baseline: CreditScheme, _ metric: String, _ value: (CurveRun) -> Double) throws -> ClaimComparison {
            comparisonIndex += 1
            return try ClaimComparison(label: "\(scheme) vs \(baseline), \(metric) (\(task.rawValue))", metric: metric,
                                       groupA: "\(task.rawValue): \(scheme)", groupB: "\(task.rawValue): \(baseline)",
                                       a: of(scheme), b: of(baseline), stream: stream.substream(comparisonIndex), value)
        }
        let finalVersus = try Dictionary(uniqueKeysWithValues: (task.denseBaselines + [.sparse, .scaledSparse(factor: 2)]).map {
            ($0, try compare(task.scar, $0, "final reward", finalReward))
        })
        var invariance = try ClaimTest(finalVersus[.sparse]!, rule: .equivalence, margin: reward.margin, marginBasis: reward.basis)
        let plateaus = try task.schemes.map { try PlateauCheck(of($0), tolerance: reward.margin) }
        claims[0].measurements += plateaus.map(\.measurement)
        let moving = plateaus.filter { [task.scar, .sparse].map(\.description).contains($0.scheme) && !$0.passes }.map(\.scheme)
        if !moving.isEmpty {
            invariance.notAtConvergence = "\(task.rawValue): plateau of \(moving.joined(separator: " and ")) not shown"
        }
        claims[0].tests.append(invariance)
        let scarAndSparse = [task.scar, .sparse].flatMap(of)
        if let beta, !scarAndSparse.isEmpty, scarAndSparse.allSatisfy({ CurveMetrics.finalKL($0).isFinite }) {
            var objective = try ClaimTest(compare(task.scar, .sparse, "final R - beta KL, beta \(PaperCheckDocument.format(beta))") {
                finalReward($0) - beta * CurveMetrics.finalKL($0)
            }, rule: .equivalence, margin: reward.margin, marginBasis: reward.basis)
            objective.notAtConvergence = invariance.notAtConvergence
            claims[0].tests.append(objective)
        }
        claims[1].tests += try ([.sparse] + task.denseBaselines).flatMap { baseline in [
            try ClaimTest(compare(task.scar, baseline, "area under the curve", CurveMetrics.area), rule: .superiority,
                          margin: reward.margin, marginBasis: reward.basis),
            try ClaimTest(ClaimComparison(label: "\(task.scar) vs \(baseline), steps to threshold (\(task.rawValue))",
                                          groupA: "\(task.rawValue): \(task.scar)", groupB: "\(task.rawValue): \(baseline)",
                                          a: of(task.scar), b: of(baseline), threshold: threshold, horizon: runLength),
                          rule: .superiority, margin: steps.margin, marginBasis: steps.basis),
        ] }
        claims[2].tests += try (task.denseBaselines + [.sparse, .scaledSparse(factor: 2)]).map { baseline in
            try ClaimTest(finalVersus[baseline]!, rule: .superiority, margin: reward.margin, marginBasis: reward.basis)
        }
        let klNotes = try klMeasurements(task: task, runs: runs, stream: stream.substream(0x4B4C_0000 + UInt64(SCARTask.allCases.firstIndex(of: task)!)))
        for i in 0..<3 {
            claims[i].measurements += klNotes
            claims[i].measurements += [
                Measurement("\(task.rawValue): reward of the untrained policy", start),
                Measurement("\(task.rawValue): reward margin", reward.margin, note: reward.basis),
                Measurement("\(task.rawValue): threshold", threshold,
                            note: "start + 0.9 (best final of \(([.sparse] + task.denseBaselines + [task.scar]).map(\.description).joined(separator: ", ")) - start)"),
            ]
        }
        guard let levels = task.unitLevelSchemes else { return }
        let (tokens, sentences) = levels
        let calls = { (scheme: CreditScheme) in Descriptive.meanOrNaN(of(scheme).map { $0.totals["reward_calls"] ?? .nan }) }
        for (index, scheme) in [(3, task.defaultSCAR), (4, sentences)] {
            claims[index].tests += try [("final reward", finalReward), ("area under the curve", CurveMetrics.area)].map { metric, value in
                try ClaimTest(compare(scheme, tokens, metric, value), rule: .nonInferiority, margin: reward.margin, marginBasis: reward.basis)
            }
            claims[index].exactChecks.append(ExactCheck(name: "reward-model calls, \(scheme) / \(tokens) (below 1: cheaper)",
                                                        measured: calls(scheme) / calls(tokens), tolerance: 1))
            claims[index].measurements += [scheme, tokens].map { Measurement("mean reward-model calls per run, \($0)", calls($0)) }
            claims[index].measurements += klNotes
        }
    }
}

import Statistics
import Foundation
import Learning

/// `creditbench check` for credit schemes: records a baseline of short seeded learning runs
/// (`SchemeCheckBoard`), and decides per cell (task x scheme) and metric whether the current code
/// learns as well as the baseline's. The learners are passed in (a `SCARLearner` per task, by
/// default the task's own), so a test can check a changed learner or scheme without changing the code.
///
/// Two metrics per run, each measured from the untrained policy (the starting point every scheme
/// shares on a seed):
/// - final reward: the trained policy's held-out reward (`final_evaluation`), from the untrained
///   policy's held-out reward under the same seed;
/// - area: the time-averaged training reward (`CurveMetrics.area`: the trapezoid area under the
///   batch rewards per step), from the first batch's reward (the untrained policy's).
/// The baseline's gain G of a cell is the mean over seeds of the metric minus its untrained
/// starting point; recording refuses a cell with G <= 0 (a scheme that learns nothing on the short
/// run cannot show a regression).
///
/// The decision, per cell and metric, over the seeds s (run s now and in the baseline share the
/// seed: every random stream, the first batch included, so the pairs are compared):
/// - every seed's value bit-identical to the baseline's: unchanged (same seeds, same code);
/// - a value that is not finite: regressed;
/// - otherwise, with the reward lost d_s = baseline_s - current_s and the margin T G (T the
///   tolerance: default 0.25, a quarter of what the baseline learned), "worse" is the paired
///   one-sided t-test of mean d > T G and "better" of mean d < -T G (`CheckDecision`), each
///   Holm-corrected across the tested scheme cells at alpha. Measuring the margin in units of the
///   baseline's gain makes it independent of the reward's offset and scale, which differ by task.
public enum SchemeCheck {
    /// T: the fraction of the baseline's gain whose loss counts as a regression.
    public static let defaultTolerance = 0.25

    /// What a cell's verdict is about.
    public enum Metric: String, CaseIterable, Sendable {
        case finalReward = "final reward"
        case area

        /// The metric seed by seed.
        func values(_ cell: SchemeCheckBaseline.Cell) -> [Double] {
            self == .finalReward ? cell.finalEvaluations : cell.areas
        }

        /// The untrained policy's value seed by seed, given the task's untrained held-out rewards.
        func untrained(_ cell: SchemeCheckBaseline.Cell, untrainedEvaluations: [Double]) -> [Double] {
            self == .finalReward ? untrainedEvaluations : cell.firstBatchRewards
        }
    }

    /// Trains `board`'s cells with `learner`'s learners and returns the baseline, stamped with
    /// `commit`. Throws a `CheckRefusal` for a board that does not read or a cell that gains
    /// nothing. With `progress`, a progress bar of that label goes to standard error.
    public static func record(board: SchemeCheckBoard, learner: (SCARTask) throws -> any SCARLearner = { try $0.learner() },
                              commit: String, jobs: Int = 1, progress: String? = nil) throws -> SchemeCheckBaseline {
        guard board.steps >= 2, board.batchSize >= 1, board.repetitions >= 2 else {
            throw CheckRefusal("a scheme board needs at least 2 steps, a batch of at least 1 and at least 2 seeds")
        }
        let cells = try board.cells()
        let learners = try learnersByTask(cells.map(\.task), learner)
        var untrained: [String: [Double]] = [:]
        for (task, learner) in learners { untrained[task.rawValue] = try untrainedEvaluations(learner, seeds: board.seeds) }
        let recorded = try train(cells, board: board, learners: learners, jobs: jobs, progress: progress)
        for cell in recorded {
            for metric in Metric.allCases {
                let gain = self.gain(metric, cell, untrained: untrained[cell.task]!)
                guard gain > 0 else {
                    throw CheckRefusal("\(cell.name) gains \(gain) <= 0 in \(metric.rawValue) over the untrained policy in \(board.steps) steps, so no regression could show; give more --steps or leave the scheme out")
                }
            }
        }
        return SchemeCheckBaseline(configuration: SchemeCheckConfiguration(board: board, untrainedEvaluations: untrained),
                                   commit: commit, cells: recorded)
    }

    /// Reruns `baseline`'s cells with `learner`'s learners, restricted to the schemes spelled in
    /// `only` (each read with every task's defaults; default: every cell), and decides every cell
    /// and metric. Throws a `CheckRefusal` when the configuration cannot be reproduced: a scheme in
    /// `only` that no cell has, a recorded scheme that no longer reads, or a task whose untrained
    /// policy now scores otherwise.
    public static func check(_ baseline: SchemeCheckBaseline, learner: (SCARTask) throws -> any SCARLearner = { try $0.learner() },
                             only: [String]? = nil, tolerance: Double = defaultTolerance, alpha: Double = EstimatorCheck.defaultAlpha,
                             jobs: Int = 1, progress: String? = nil) throws -> [SchemeCheckVerdict] {
        guard tolerance > 0 else { throw CheckRefusal("the tolerance must be positive, got \(tolerance)") }
        guard alpha > 0, alpha < 1 else { throw CheckRefusal("alpha must be in (0, 1), got \(alpha)") }
        let board = baseline.board
        let recorded = try baseline.cells.map { cell -> (task: SCARTask, scheme: CreditScheme, cell: SchemeCheckBaseline.Cell) in
            guard let task = SCARTask(rawValue: cell.task) else { throw CheckRefusal("the baseline's task \(cell.task) is unknown; re-record the baseline") }
            guard let scheme = try? CreditScheme(parsing: cell.scheme, defaults: task.creditDefaults), scheme.description == cell.scheme else {
                throw CheckRefusal("the baseline's scheme \(cell.scheme) no longer reads as itself; re-record the baseline")
            }
            return (task, scheme, cell)
        }
        var selected = recorded
        if let only {
            let spelled = try only.map { spelling in
                let matching = recorded.filter { (try? CreditScheme(parsing: spelling, defaults: $0.task.creditDefaults)) == $0.scheme }
                guard !matching.isEmpty else {
                    throw CheckRefusal("scheme \(spelling) is not in the baseline (it has \(board.schemes.joined(separator: ", ")))")
                }
                return matching.map(\.cell)
            }.flatMap { $0 }
            selected = recorded.filter { spelled.contains($0.cell) }
        }
        let learners = try learnersByTask(selected.map(\.task), learner)
        for task in SCARTask.allCases {
            guard let learner = learners[task] else { continue }
            if let reason = baseline.configuration.mismatch(task: task.rawValue, current: try untrainedEvaluations(learner, seeds: board.seeds)) {
                throw CheckRefusal("\(reason); re-record the baseline")
            }
        }
        let current = try train(selected.map { ($0.task, $0.scheme) }, board: board, learners: learners, jobs: jobs, progress: progress)
        return try decide(zip(selected.map(\.cell), current).map { ($0, $1) }, configuration: baseline.configuration,
                          tolerance: tolerance, alpha: alpha)
    }

    /// G: the mean over seeds of `metric` minus the untrained policy's value (`Metric.untrained`).
    static func gain(_ metric: Metric, _ cell: SchemeCheckBaseline.Cell, untrained: [Double]) -> Double {
        Descriptive.meanOrNaN(zip(metric.values(cell), metric.untrained(cell, untrainedEvaluations: untrained)).map { $0 - $1 })
    }

    /// The untrained policy's held-out reward under each of `seeds`.
    static func untrainedEvaluations(_ learner: any SCARLearner, seeds: [Int]) throws -> [Double] {
        try seeds.map { try learner.referenceEvaluation(seed: UInt64($0)) }
    }

    /// One learner per task of `tasks`, built once each.
    static func learnersByTask(_ tasks: [SCARTask], _ learner: (SCARTask) throws -> any SCARLearner) throws -> [SCARTask: any SCARLearner] {
        var learners: [SCARTask: any SCARLearner] = [:]
        for task in tasks where learners[task] == nil { learners[task] = try learner(task) }
        return learners
    }

    /// Every cell's runs over `board.seeds`, `jobs` runs at a time (the runs do not depend on it).
    static func train(_ cells: [(task: SCARTask, scheme: CreditScheme)], board: SchemeCheckBoard, learners: [SCARTask: any SCARLearner],
                      jobs: Int, progress: String?) throws -> [SchemeCheckBaseline.Cell] {
        let seeds = board.seeds
        let bar = progress.map { ProgressBar(total: cells.count * seeds.count, label: $0) }
        var runs: [CurveRun] = []
        try OrderedParallel.run(count: cells.count * seeds.count, jobs: jobs, work: { index in
            let (cell, seed) = (cells[index / seeds.count], seeds[index % seeds.count])
            return try learners[cell.task]!.run(scheme: cell.scheme, seed: seed, steps: board.steps, batchSize: board.batchSize)
        }, emit: { index, run in
            runs.append(run)
            bar?.update(index + 1)
        })
        return cells.indices.map { c in
            SchemeCheckBaseline.Cell(task: cells[c].task.rawValue, scheme: cells[c].scheme.description,
                                     runs: Array(runs[(c * seeds.count)..<((c + 1) * seeds.count)]))
        }
    }

    /// The verdicts of cells paired with their baseline (see the type's documentation).
    static func decide(_ pairs: [(baseline: SchemeCheckBaseline.Cell, current: SchemeCheckBaseline.Cell)],
                       configuration: SchemeCheckConfiguration, tolerance: Double, alpha: Double) throws -> [SchemeCheckVerdict] {
        var verdicts: [SchemeCheckVerdict] = []
        var tested: [(index: Int, pWorse: Double, pBetter: Double)] = []
        for (cell, now) in pairs {
            for metric in Metric.allCases {
                let before = metric.values(cell), after = metric.values(now)
                let gain = self.gain(metric, cell, untrained: configuration.untrainedEvaluations[cell.task] ?? [])
                var verdict = SchemeCheckVerdict(cell: now, metric: metric, status: .unchanged, baselineMean: Descriptive.meanOrNaN(before),
                                                 currentMean: Descriptive.meanOrNaN(after), baselineGain: gain, pWorse: nil, pBetter: nil,
                                                 reason: "every seed bit-identical")
                if before.map(\.bitPattern) != after.map(\.bitPattern) {
                    if let bad = after.first(where: { !$0.isFinite }) {
                        (verdict.status, verdict.reason) = (.regressed, "a run's \(metric.rawValue) is \(bad)")
                    } else {
                        // Reward lost, so that larger is worse, as CheckDecision expects.
                        let (pWorse, pBetter) = try CheckDecision.pValues(after: after.map { -$0 }, before: before.map { -$0 },
                                                                           margin: tolerance * gain)
                        tested.append((verdicts.count, pWorse, pBetter))
                    }
                }
                verdicts.append(verdict)
            }
        }
        let bound = String(format: "%.3f", tolerance)
        try CheckDecision.settle(&verdicts, tested: tested, alpha: alpha) { verdict, worse, better in
            let change = String(format: "%+.3f", verdict.relativeChange)
            switch verdict.status {
            case .regressed: return "change \(change) G shown below -\(bound) G (Holm p = \(CheckReport.scientific(worse)) <= \(alpha))"
            case .improved: return "change \(change) G shown above +\(bound) G (Holm p = \(CheckReport.scientific(better)) <= \(alpha))"
            default: return "change \(change) G: not shown outside [-\(bound), +\(bound)] G at alpha \(alpha)"
            }
        }
        return verdicts
    }

}

import Foundation
import Shapley
import Statistics

/// `creditbench check`: records a baseline of the estimator board, and decides per cell (task
/// family x estimator x budget) whether the current code's estimators are as accurate as the
/// baseline's. The estimators are passed in (`EstimatorEntry`s named as in the baseline), so a
/// test can check a changed estimator without changing the registry.
///
/// The decision, per cell, on the relative L2 errors of its replicates:
/// - every replicate bit-identical to the baseline's: unchanged (same seeds on unchanged code
///   repeat every run exactly);
/// - budget-free estimators (one deterministic run per game): each game's error compared with the
///   baseline's to `exactTolerance`; higher on any game is a regression, else lower on any is an
///   improvement, else unchanged;
/// - otherwise, a paired one-sided t-test on log errors. Replicate r on game g draws from the same
///   random stream as in the baseline (common random numbers), and games differ in difficulty by
///   orders of magnitude, so the pairs (g, r) are compared, not two pooled samples: with
///   d = log(current) - log(baseline) per pair (errors floored at `errorFloor`, below which they
///   are rounding), "worse" tests H0: mean d <= log(1 + T) against mean d > log(1 + T), i.e. the
///   geometric-mean error ratio above 1 + T, and "better" tests H0: mean d >= -log(1 + T)
///   against the ratio below 1 / (1 + T). Logs make the relative tolerance a shift and tame the
///   errors' skew. Holm's step-down correction runs across the tested cells, separately for the
///   "worse" and the "better" tests, so that the chance of any false alarm is at most alpha when no
///   cell got worse by more than T. Differences that are all equal (no variance) are decided by
///   their value (`CheckDecision`).
public enum EstimatorCheck {
    /// T: the relative increase in mean error that counts as a regression.
    public static let defaultTolerance = 0.25
    /// The family-wise error rate of the "worse" (and of the "better") tests.
    public static let defaultAlpha = 0.05
    /// How far a budget-free estimator's error may move and still count as unchanged.
    public static let exactTolerance = 1e-12
    /// Errors below this are rounding; they are raised to it before taking logs.
    public static let errorFloor = 1e-12

    /// Runs `estimators` on `board` and returns the baseline, stamped with `commit`.
    /// With `progress`, a progress bar of that label goes to standard error.
    public static func record(board: CheckBoard, estimators: [EstimatorEntry], commit: String, jobs: Int = 1,
                              progress: String? = nil) throws -> CheckBaseline {
        let instances = try board.instances()
        let records = try run(instances: instances, plan: board.plan(estimators), jobs: jobs, progress: progress)
        return CheckBaseline(configuration: try CheckConfiguration(board: board, estimators: estimators.map(\.name), instances: instances),
                             commit: commit, records: records)
    }

    /// Reruns `baseline`'s configuration with `estimators` (the registry's, or changed ones under the
    /// same names), restricted to `only` (default: every estimator the baseline has), and decides
    /// every cell, measuring errors against the baseline's exact values. Throws `CheckRefusal` when the
    /// configuration cannot be reproduced: an estimator named in `only` that the baseline lacks, a
    /// baseline estimator that `estimators` lacks, games whose values changed, or cells that the
    /// current code runs differently (e.g. a budget now refused).
    public static func check(_ baseline: CheckBaseline, estimators: [EstimatorEntry], only: [String]? = nil,
                             tolerance: Double = defaultTolerance, alpha: Double = defaultAlpha, jobs: Int = 1,
                             progress: String? = nil) throws -> [CheckVerdict] {
        guard tolerance > 0 else { throw CheckRefusal("the tolerance must be positive, got \(tolerance)") }
        guard alpha > 0, alpha < 1 else { throw CheckRefusal("alpha must be in (0, 1), got \(alpha)") }
        let configuration = baseline.configuration
        let names = only ?? configuration.estimators
        let entries = try names.map { name in
            guard configuration.estimators.contains(name) else {
                throw CheckRefusal("estimator \(name) is not in the baseline (it has \(configuration.estimators.joined(separator: ", ")))")
            }
            guard let entry = estimators.first(where: { $0.name == name }) else {
                throw CheckRefusal("the baseline's estimator \(name) is not registered; re-record the baseline without it")
            }
            return entry
        }
        var instances = try configuration.board.instances()
        if let reason = try configuration.mismatch(with: instances) { throw CheckRefusal("\(reason); re-record the baseline") }
        // Errors against the recorded exact values: a change in enumeration is `exact`'s regression.
        for index in instances.indices { instances[index].truth = configuration.games[index].truth }
        let records = try run(instances: instances, plan: configuration.board.plan(entries), jobs: jobs, progress: progress)
        let current = CheckBaseline.Cell.group(records)
        let recorded = baseline.cells.filter { names.contains($0.estimator) }
        for cell in current where !recorded.contains(where: cell.sameCell) {
            throw CheckRefusal("the current code runs \(cell.name), which the baseline lacks; re-record the baseline")
        }
        let pairs = try recorded.map { cell in
            guard let now = current.first(where: cell.sameCell),
                  now.games == cell.games, now.errors.map(\.count) == cell.errors.map(\.count) else {
                throw CheckRefusal("the current code does not run \(cell.name) as the baseline did (other games or replicates)")
            }
            return (baseline: cell, current: now)
        }
        return try decide(pairs, tolerance: tolerance, alpha: alpha)
    }

    /// The comparison, with a progress bar labelled `progress` if one is given.
    static func run(instances: [ComparisonInstance], plan: ComparisonPlan, jobs: Int, progress: String?) throws -> [ComparisonRecord] {
        let bar = progress.map { ProgressBar(total: EstimatorComparison.runCount(instances: instances, plan: plan), label: $0) }
        return try EstimatorComparison.run(instances: instances, plan: plan, jobs: jobs, onProgress: { bar?.update($0) })
    }

    /// The verdicts of cells paired with their baseline (see the type's documentation).
    static func decide(_ pairs: [(baseline: CheckBaseline.Cell, current: CheckBaseline.Cell)],
                       tolerance: Double, alpha: Double) throws -> [CheckVerdict] {
        let margin = log1p(tolerance)
        var verdicts: [CheckVerdict] = []
        var tested: [(index: Int, pWorse: Double, pBetter: Double)] = []
        for (cell, now) in pairs {
            let before = cell.errors.flatMap { $0 }, after = now.errors.flatMap { $0 }
            var verdict = CheckVerdict(cell: now, status: .unchanged, baselineMean: Descriptive.meanOrNaN(before), currentMean: Descriptive.meanOrNaN(after),
                                       ratio: nil, pWorse: nil, pBetter: nil, reason: "every replicate bit-identical")
            if before.map(\.bitPattern) == after.map(\.bitPattern) {
                verdicts.append(verdict)
                continue
            }
            if let bad = after.first(where: { !$0.isFinite }) {
                verdict.status = .regressed
                verdict.reason = "an error is \(bad)"
            } else if cell.budgetMultiple == nil {
                let shift = zip(after, before).map { $0 - $1 }
                let (worst, best) = (shift.max()!, shift.min()!)
                (verdict.status, verdict.reason) = worst > exactTolerance
                    ? (.regressed, "error up by \(scientific(worst)) on a game (budget-free: tolerance \(exactTolerance))")
                    : best < -exactTolerance
                        ? (.improved, "error down by \(scientific(-best)) on a game (budget-free: tolerance \(exactTolerance))")
                        : (.unchanged, "within \(exactTolerance) of the baseline on every game")
            } else {
                let logBefore = before.map { log(max($0, errorFloor)) }, logAfter = after.map { log(max($0, errorFloor)) }
                verdict.ratio = exp(Descriptive.meanOrNaN(zip(logAfter, logBefore).map { $0 - $1 }))
                let (pWorse, pBetter) = try CheckDecision.pValues(after: logAfter, before: logBefore, margin: margin)
                tested.append((verdicts.count, pWorse, pBetter))
            }
            verdicts.append(verdict)
        }
        let bound = String(format: "%.3f", 1 + tolerance)
        try CheckDecision.settle(&verdicts, tested: tested, alpha: alpha) { verdict, worse, better in
            let ratio = String(format: "%.3f", verdict.ratio!)
            switch verdict.status {
            case .regressed: return "error ratio \(ratio) shown above \(bound) (Holm p = \(scientific(worse)) <= \(alpha))"
            case .improved: return "error ratio \(ratio) shown below 1/\(bound) (Holm p = \(scientific(better)) <= \(alpha))"
            default: return "error ratio \(ratio): not shown outside [1/\(bound), \(bound)] at alpha \(alpha)"
            }
        }
        return verdicts
    }

    private static func scientific(_ x: Double) -> String { CheckReport.scientific(x) }
}

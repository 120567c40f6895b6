import Statistics

/// The board's recommendation: per game family (`GameFamily`) and budget of k*n value calls, the
/// sampling estimator with the lowest error, and those not shown to be worse.
///
/// Criterion: among the estimators that take a budget (exact, closed forms and leave-one-out are
/// left out), the best has the lowest mean relative squared error |phi_hat - phi|^2 / |phi|^2
/// over the family's instances and replicates at budget k*n (every estimator uses at most k*n
/// calls). Each other estimator is compared with the best by the paired ratio of mean errors
/// (`PairedErrorRatio`, its error over the best's, paired by instance and replicate, 95%
/// percentile bootstrap); it ties with the best when that interval reaches down to 1 or below,
/// i.e. it is not shown to have a higher error. A best whose mean error is 1 or more does no
/// better than reporting all zeros (relative squared error exactly 1), and the table says so.
public struct EstimatorRecommendation: Sendable {
    public var family: String
    public var budgetMultiple: Int
    public var best: String
    public var bestMeanError: Double
    /// The 95% bootstrap interval of the best's mean error (from `ComparisonSummary`).
    public var bestInterval: ConfidenceInterval?
    /// Every other candidate's error over the best's, lowest mean error first.
    public var others: [PairedErrorRatio]

    /// The others not shown worse than the best.
    public var ties: [PairedErrorRatio] { others.filter { $0.direction != .higher } }

    /// The budgets the recommendation is made at, as multiples of n.
    public static let budgetMultiples = [5, 10, 20]

    /// One recommendation per family and per budget of `budgetMultiples` that the records hold.
    public static func table(_ records: [ComparisonRecord], summary: [ComparisonSummaryRow], seed: UInt64) throws -> [EstimatorRecommendation] {
        var table: [EstimatorRecommendation] = []
        for (familyIndex, family) in GameFamily.group(records).enumerated() {
            for multiple in budgetMultiples {
                let candidates = summary
                    .filter { GameFamily.name(task: $0.task, unitLevel: $0.unitLevel) == family.name && $0.budgetMultiple == multiple }
                    .sorted { $0.meanRelativeSquaredError < $1.meanRelativeSquaredError }
                guard let best = candidates.first else { continue }
                let stream = RandomStream(seed: seed).substream(UInt64(familyIndex)).substream(UInt64(multiple))
                let others = try candidates.dropFirst().enumerated().compactMap { index, row in
                    try PairedErrorRatio.compute(families: [family.records], estimator: row.estimator, reference: best.estimator,
                                                 budgetMultiple: multiple, stream: stream.substream(UInt64(index)))
                }
                table.append(EstimatorRecommendation(
                    family: family.name, budgetMultiple: multiple, best: best.estimator,
                    bestMeanError: best.meanRelativeSquaredError, bestInterval: best.relativeSquaredErrorInterval, others: others))
            }
        }
        return table
    }

    /// A markdown table: family, budget, the best with its mean error and interval, the ties with
    /// their ratios, and the next best when none ties.
    public static func markdown(_ table: [EstimatorRecommendation]) -> String {
        var lines = [
            "| family | budget | best (lowest mean rel. sq. error) | its mean [95% CI] | tied: error ratio to the best [95% CI] | next best, not tied |",
            "|---|---|---|---|---|---|",
        ]
        for row in table {
            let ties = row.ties.map { "\($0.estimator) \($0.formatted)" }.joined(separator: "; ")
            let next = row.others.first { $0.direction == .higher }.map { "\($0.estimator) \($0.formatted)" } ?? "-"
            let zeros = row.bestMeanError >= 1 ? " (no better than all zeros, whose error is 1)" : ""
            lines.append("| \(row.family) | \(row.budgetMultiple)n | \(row.best) | \(ComparisonSummary.scientific(row.bestMeanError))\(ComparisonSummary.bracketed(row.bestInterval))\(zeros) | \(ties.isEmpty ? "none" : ties) | \(next) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

import Statistics

/// The statistics every `creditbench check` cell shares. A cell's replicate r now and in the
/// baseline share a seed (common random numbers), so the check works on the paired differences
/// d_r = after_r - before_r, oriented so that a larger d is worse (log errors for estimators,
/// reward lost for schemes). With margin m >= 0 (the tolerance in the units of d):
/// - "worse": paired one-sided t-test of H0: mean d <= m against H1: mean d > m;
/// - "better": paired one-sided t-test of H0: mean d >= -m against H1: mean d < -m;
/// differences that are all equal (no variance: the t statistic is undefined) are decided by
/// their value (p = 0 when beyond the margin, else 1). Holm's step-down correction then runs across
/// the tested cells, separately for the "worse" and the "better" p-values, so that the chance of
/// any false alarm is at most alpha when no cell changed by more than the margin.
enum CheckDecision {
    /// The unadjusted p-values of the "worse" and "better" tests of `after` against `before`.
    static func pValues(after: [Double], before: [Double], margin: Double) throws -> (worse: Double, better: Double) {
        let differences = zip(after, before).map { $0 - $1 }
        guard differences.contains(where: { $0 != differences[0] }) else {
            return (differences[0] > margin ? 0 : 1, differences[0] < -margin ? 0 : 1)
        }
        return (try HypothesisTest.pairedT(after, before, alternative: .greater, nullDifference: margin).pValue,
                try HypothesisTest.pairedT(after, before, alternative: .less, nullDifference: -margin).pValue)
    }

    /// Holm-adjusts the p-values of the tested rows (`tested`: index into `rows` and unadjusted
    /// p-values, "worse" and "better" corrected separately) and sets each tested row's p-values,
    /// status (`CheckStatus.tested`) and `reason(row, worse, better)`.
    static func settle<Row: CheckRow>(_ rows: inout [Row], tested: [(index: Int, pWorse: Double, pBetter: Double)], alpha: Double,
                                      reason: (Row, Double, Double) -> String) throws {
        let worse = try MultipleTesting.holm(tested.map(\.pWorse)), better = try MultipleTesting.holm(tested.map(\.pBetter))
        for (k, test) in tested.enumerated() {
            rows[test.index].pWorse = worse[k]
            rows[test.index].pBetter = better[k]
            rows[test.index].status = .tested(pWorse: worse[k], pBetter: better[k], alpha: alpha)
            rows[test.index].reason = reason(rows[test.index], worse[k], better[k])
        }
    }
}

/// The check's decision on one cell, estimator or scheme alike.
public enum CheckStatus: String, Sendable {
    /// Every replicate bit-identical to the baseline's (budget-free estimators: within
    /// `EstimatorCheck.exactTolerance`).
    case unchanged
    /// Replicates changed, but neither one-sided test shows a change beyond the tolerance.
    case withinTolerance = "within tolerance"
    /// The "better" test rejects at the Holm-adjusted level (budget-free estimators: an error lower
    /// by more than `exactTolerance`).
    case improved
    /// The "worse" test rejects at the Holm-adjusted level (budget-free estimators: an error higher
    /// by more than `exactTolerance`), or a replicate is not finite.
    case regressed

    /// The status of a tested cell from its Holm-adjusted p-values: regressed when the "worse" test
    /// rejects at `alpha`, else improved when the "better" test does, else within tolerance.
    static func tested(pWorse: Double, pBetter: Double, alpha: Double) -> CheckStatus {
        pWorse <= alpha ? .regressed : pBetter <= alpha ? .improved : .withinTolerance
    }
}

/// The check's decision on one cell (task family x estimator x budget), with the numbers behind it.
public struct CheckVerdict: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// Every replicate's error is bit-identical to the baseline's (budget-free estimators: within
        /// `EstimatorCheck.exactTolerance`).
        case unchanged
        /// Errors changed, but neither test shows a change beyond the tolerance.
        case withinTolerance = "within tolerance"
        /// Mean error shown below the baseline's / (1 + T) (Holm-adjusted), or a budget-free error
        /// lower by more than `exactTolerance`.
        case improved
        /// Mean error shown above (1 + T) x the baseline's (Holm-adjusted), a budget-free error
        /// higher by more than `exactTolerance`, or a non-finite error.
        case regressed
    }

    public var cell: CheckBaseline.Cell
    public var status: Status
    /// Arithmetic means of the baseline's and the current replicate errors.
    public var baselineMean: Double
    public var currentMean: Double
    /// exp(mean of log(current / baseline) over paired replicates): the geometric-mean error ratio
    /// the tests are about (`nil` for budget-free cells).
    public var ratio: Double?
    /// Holm-adjusted p-values of the "worse" and "better" tests (`nil` where no test ran).
    public var pWorse: Double?
    public var pBetter: Double?
    /// One line: why this status.
    public var reason: String
}

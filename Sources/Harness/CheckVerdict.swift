import Foundation

/// The check's decision on one estimator cell (task family x estimator x budget), with the numbers
/// behind it.
public struct CheckVerdict: CheckRow, Equatable {
    public typealias Status = CheckStatus

    public var cell: CheckBaseline.Cell
    public var status: Status
    /// Arithmetic means of the baseline's and the current replicate errors.
    public var baselineMean: Double
    public var currentMean: Double
    /// exp(mean of log(current / baseline) over paired replicates): the geometric-mean error ratio
    /// the tests are about (`nil` for budget-free cells).
    public var ratio: Double?
    public var pWorse: Double?
    public var pBetter: Double?
    public var reason: String

    public static let suite = "estimators"
    public static let header = ["family", "estimator", "budget", "replicates", "baseline mean error", "current mean error", "ratio"]
    public var columns: [String] {
        [cell.family, cell.estimator, cell.budget, String(cell.errors.map(\.count).reduce(0, +)),
         CheckReport.scientific(baselineMean), CheckReport.scientific(currentMean),
         ratio.map { String(format: "%.3f", $0) } ?? "-"]
    }
    public var testClass: String { cell.family }
    public var testName: String { cell.label }
}

/// One decided cell as `CheckReport` prints it: a table row, a JUnit testcase, a name in the list
/// of regressions. `CheckVerdict` (estimators) and `SchemeCheckVerdict` (credit schemes) are rows.
public protocol CheckRow: Sendable {
    /// The JUnit testsuite of this kind of cell ("estimators", "schemes").
    static var suite: String { get }
    /// The table's leading column headers, the cell's own numbers; `CheckReport` appends the
    /// Holm-adjusted p-values and the verdict.
    static var header: [String] { get }
    /// This cell's values of `header`.
    var columns: [String] { get }
    /// JUnit classname (after "check.") and testcase name, e.g. "soum/players" and "kernelshap 10n".
    var testClass: String { get }
    var testName: String { get }
    var status: CheckStatus { get set }
    /// Holm-adjusted p-values of the "worse" and "better" tests (`nil` where no test ran).
    var pWorse: Double? { get set }
    var pBetter: Double? { get set }
    /// One line: why this status.
    var reason: String { get set }
}

extension CheckRow {
    /// "class name", e.g. "soum/players kernelshap 10n", as the list of regressions names the cell.
    public var name: String { "\(testClass) \(testName)" }
}

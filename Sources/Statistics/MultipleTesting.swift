/// Corrections of p-values for testing several hypotheses at once.
public enum MultipleTesting {
    /// Holm-Bonferroni step-down adjusted p-values, in the order given.
    ///
    /// With m p-values sorted ascending, p_(1) <= ... <= p_(m):
    ///   adjusted_(i) = min(1, max_{k <= i} (m - k + 1) p_(k)),
    /// so adjusted values are monotone in the raw ones and capped at 1. Rejecting every hypothesis
    /// whose adjusted p-value is <= alpha controls the family-wise error rate at alpha. Same definition
    /// as statsmodels multipletests(method='holm'). Ties receive equal adjusted values.
    /// Throws if a p-value is outside [0, 1] (NaN included); an empty list gives an empty list.
    public static func holm(_ pValues: [Double]) throws -> [Double] {
        for p in pValues where !(0...1).contains(p) {
            throw StatisticsError.outOfRange(parameter: "p-value", value: p, allowed: "[0, 1]")
        }
        let m = pValues.count
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 0, count: m)
        var runningMax = 0.0
        for (rank, index) in order.enumerated() {
            runningMax = max(runningMax, Double(m - rank) * pValues[index])
            adjusted[index] = min(1, runningMax)
        }
        return adjusted
    }
}

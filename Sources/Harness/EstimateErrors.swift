import Statistics

/// How far one estimate is from the ground truth, by the metrics the estimator literature uses.
///
/// With estimate e and truth t over n players:
/// - `meanSquaredError` = |e - t|^2 / n (shapiq's MSE), `meanAbsoluteError` = sum |e_i - t_i| / n
///   (MAE), `sumSquaredError` = |e - t|^2 (SSE), `sumAbsoluteError` = sum |e_i - t_i| (SAE);
/// - `relativeSquaredError` = |e - t|^2 / |t|^2 (what the Leverage SHAP results report);
/// - `relativeL2` = |e - t| / |t|;
/// - `maxAbsoluteError` = max_i |e_i - t_i|;
/// - `spearman` = Spearman's rho of e and t (average ranks for ties; `nil` if either is constant),
///   `kendall` = Kendall's tau-b; `spearmanTop10` and `kendallTop10` the same over the 10 players
///   (all if fewer) with the largest |t_i|, as shapiq's benchmark ranks its top interactions;
/// - `topKPrecision` = |top-k(e) ∩ top-k(t)| / k, top-k by absolute value, k = min(`topK`, n);
///   `precisionAt5` and `precisionAt10` the same with k = 5 and 10 (shapiq's Precision@5, @10);
/// - `signAgreement` = share of players with t_i != 0 whose estimate has the same sign;
/// - `efficiencyGap` = |sum e - sum t|.
public struct EstimateErrors: Sendable, Equatable, Codable {
    public var meanSquaredError: Double
    public var meanAbsoluteError: Double
    public var sumSquaredError: Double
    public var sumAbsoluteError: Double
    public var relativeSquaredError: Double
    public var relativeL2: Double
    public var maxAbsoluteError: Double
    public var spearman: Double?
    public var kendall: Double?
    public var spearmanTop10: Double?
    public var kendallTop10: Double?
    public var topKPrecision: Double
    public var precisionAt5: Double
    public var precisionAt10: Double
    public var signAgreement: Double
    public var efficiencyGap: Double

    public init(estimate: [Double], truth: [Double], topK: Int = 3) {
        precondition(estimate.count == truth.count && !truth.isEmpty, "estimate and truth must have the same positive length")
        let squaredError = zip(estimate, truth).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        let absoluteError = zip(estimate, truth).map { abs($0 - $1) }.reduce(0, +)
        let squaredNorm = truth.map { $0 * $0 }.reduce(0, +)
        meanSquaredError = squaredError / Double(truth.count)
        meanAbsoluteError = absoluteError / Double(truth.count)
        sumSquaredError = squaredError
        sumAbsoluteError = absoluteError
        relativeSquaredError = squaredNorm > 0 ? squaredError / squaredNorm : (squaredError > 0 ? .infinity : 0)
        relativeL2 = relativeSquaredError.squareRoot()
        maxAbsoluteError = zip(estimate, truth).map { abs($0 - $1) }.max()!
        spearman = Correlation.spearman(estimate, truth)
        kendall = Correlation.kendall(estimate, truth)
        let top = Self.largestByMagnitude(truth, min(10, truth.count))
        spearmanTop10 = Correlation.spearman(top.map { estimate[$0] }, top.map { truth[$0] })
        kendallTop10 = Correlation.kendall(top.map { estimate[$0] }, top.map { truth[$0] })
        topKPrecision = Self.precision(estimate, truth, topK)
        precisionAt5 = Self.precision(estimate, truth, 5)
        precisionAt10 = Self.precision(estimate, truth, 10)
        let signed = truth.indices.filter { truth[$0] != 0 }
        signAgreement = signed.isEmpty ? 1 : Double(signed.filter { (estimate[$0] > 0) == (truth[$0] > 0) && estimate[$0] != 0 }.count) / Double(signed.count)
        efficiencyGap = abs(estimate.reduce(0, +) - truth.reduce(0, +))
    }

    /// |top-k(e) ∩ top-k(t)| / k by absolute value, k = min(k, n).
    static func precision(_ estimate: [Double], _ truth: [Double], _ k: Int) -> Double {
        let k = min(k, truth.count)
        let topEstimate = Set(largestByMagnitude(estimate, k))
        return Double(largestByMagnitude(truth, k).filter(topEstimate.contains).count) / Double(k)
    }

    /// Indices of the k largest |x_i|, ties broken by the lower index.
    static func largestByMagnitude(_ x: [Double], _ k: Int) -> [Int] {
        Array(x.indices.sorted { abs(x[$0]) != abs(x[$1]) ? abs(x[$0]) > abs(x[$1]) : $0 < $1 }.prefix(k))
    }

    /// The metrics by name, in a fixed order, for tidy output (`nil` where undefined).
    public var named: [(String, Double?)] {
        [("mse", meanSquaredError), ("relative_squared_error", relativeSquaredError), ("relative_l2", relativeL2),
         ("max_abs_error", maxAbsoluteError), ("spearman", spearman), ("top_k_precision", topKPrecision),
         ("sign_agreement", signAgreement), ("efficiency_gap", efficiencyGap),
         ("mae", meanAbsoluteError), ("sse", sumSquaredError), ("sae", sumAbsoluteError),
         ("kendall_tau", kendall), ("spearman_top10", spearmanTop10), ("kendall_tau_top10", kendallTop10),
         ("precision_at_5", precisionAt5), ("precision_at_10", precisionAt10)]
    }
}

import Statistics

/// How far one estimate is from the ground truth, by the metrics the estimator literature uses.
///
/// With estimate e and truth t over n players:
/// - `meanSquaredError` = |e - t|^2 / n;
/// - `relativeSquaredError` = |e - t|^2 / |t|^2 (what the Leverage SHAP results report);
/// - `relativeL2` = |e - t| / |t|;
/// - `maxAbsoluteError` = max_i |e_i - t_i|;
/// - `spearman` = Spearman's rho of e and t (average ranks for ties; `nil` if either is constant);
/// - `topKPrecision` = |top-k(e) ∩ top-k(t)| / k, top-k by absolute value, k = min(`topK`, n);
/// - `signAgreement` = share of players with t_i != 0 whose estimate has the same sign;
/// - `efficiencyGap` = |sum e - sum t|.
public struct EstimateErrors: Sendable, Equatable, Codable {
    public var meanSquaredError: Double
    public var relativeSquaredError: Double
    public var relativeL2: Double
    public var maxAbsoluteError: Double
    public var spearman: Double?
    public var topKPrecision: Double
    public var signAgreement: Double
    public var efficiencyGap: Double

    public init(estimate: [Double], truth: [Double], topK: Int = 3) {
        precondition(estimate.count == truth.count && !truth.isEmpty, "estimate and truth must have the same positive length")
        let squaredError = zip(estimate, truth).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        let squaredNorm = truth.map { $0 * $0 }.reduce(0, +)
        meanSquaredError = squaredError / Double(truth.count)
        relativeSquaredError = squaredNorm > 0 ? squaredError / squaredNorm : (squaredError > 0 ? .infinity : 0)
        relativeL2 = relativeSquaredError.squareRoot()
        maxAbsoluteError = zip(estimate, truth).map { abs($0 - $1) }.max()!
        spearman = Correlation.spearman(estimate, truth)
        let k = min(topK, truth.count)
        let topEstimate = Set(Self.largestByMagnitude(estimate, k))
        topKPrecision = Double(Self.largestByMagnitude(truth, k).filter(topEstimate.contains).count) / Double(k)
        let signed = truth.indices.filter { truth[$0] != 0 }
        signAgreement = signed.isEmpty ? 1 : Double(signed.filter { (estimate[$0] > 0) == (truth[$0] > 0) && estimate[$0] != 0 }.count) / Double(signed.count)
        efficiencyGap = abs(estimate.reduce(0, +) - truth.reduce(0, +))
    }

    /// Indices of the k largest |x_i|, ties broken by the lower index.
    static func largestByMagnitude(_ x: [Double], _ k: Int) -> [Int] {
        Array(x.indices.sorted { abs(x[$0]) != abs(x[$1]) ? abs(x[$0]) > abs(x[$1]) : $0 < $1 }.prefix(k))
    }

    /// The metrics by name, in a fixed order, for tidy output (`nil` where undefined).
    public var named: [(String, Double?)] {
        [("mse", meanSquaredError), ("relative_squared_error", relativeSquaredError), ("relative_l2", relativeL2),
         ("max_abs_error", maxAbsoluteError), ("spearman", spearman), ("top_k_precision", topKPrecision),
         ("sign_agreement", signAgreement), ("efficiency_gap", efficiencyGap)]
    }
}

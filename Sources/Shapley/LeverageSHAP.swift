import Statistics

/// Leverage SHAP (Musco & Witter, "Provably Accurate Shapley Value Estimation via Leverage Score
/// Sampling", ICLR 2025): the KernelSHAP regression solved on coalitions drawn by leverage score,
/// paired and without replacement (`LeverageSampling`).
///
/// phi = argmin sum over sampled z of (k(|z|) / pi_|z|) (v(z) - v(empty) - z . phi)^2 subject to
/// sum phi = v(N) - v(empty) = D, with the Shapley kernel k(s) = 1 / (C(n,s) s (n-s)) and pi_s the
/// inclusion probability of a size-s coalition, so the weighted loss is an unbiased estimate of the
/// full KernelSHAP loss, whose solution is the Shapley value. The paper writes the constraint as a
/// projection, phi = P (P Z^T W Z P)^+ P Z^T W (y - Z 1 D / n) + D / n with P = I - 1 1^T / n; the
/// same constrained minimiser is found here by eliminating the last player (`KernelDesign.solve`).
/// With leverage sampling every size gets the same share of the samples, unlike KernelSHAP's
/// kernel sampling, which spends most draws on the smallest and largest sizes.
///
/// Cost: v(empty), v(N) and 2 floor((budget - 2) / 2) proper coalitions (at most 2^n calls in all;
/// exact at 2^n, where every coalition is included with weight k(s)). Bias: consistent, biased at
/// finite budgets (a ratio estimator). Efficiency holds exactly; symmetry and null player only
/// asymptotically; no standard errors.
public struct LeverageSHAP: ShapleyEstimator {
    public var name: String { "leverage-shap" }

    public init() {}

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            efficient: true, symmetric: false, nullPlayer: false, unbiased: false, standardErrors: false,
            method: "Musco & Witter 2025: leverage-score sizes, paired, without replacement, constrained regression",
            costDescription: "the budget rounded down to pairs (at most 2^n); exact at 2^n")
    }

    public func cost(playerCount n: Int) -> EstimatorCost { .budgeted(minimum: min(n + 2, ShapleyWeights.coalitionCount(n))) }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let budget = budget ?? ShapleyWeights.defaultBudget(playerCount: n)
        let emptyValue = try game.value(of: .empty)
        let total = try game.value(of: game.grandCoalition) - emptyValue
        let sample = LeverageSampling(playerCount: n, count: budget - 2, random: random)
        var design = KernelDesign(playerCount: n)
        for (coalition, probability) in zip(sample.coalitions, sample.inclusionProbabilities) {
            let s = coalition.count
            let kernel = 1 / (ShapleyWeights.binomial(n, s) * Double(s * (n - s)))
            try design.addRow(coalition, weight: kernel / probability, game: game)
        }
        return (try design.solve(emptyValue: emptyValue, total: total), nil)
    }
}

import Statistics

/// Regression-adjusted Maximum Sample Reuse with a linear model (Witter, Liu & Musco,
/// "Regression-adjusted Monte Carlo Estimators for Shapley Values and Probabilistic Values",
/// NeurIPS 2025, arXiv 2506.11849): a fitted model f as a control variate for a Monte Carlo
/// estimate that reuses every sampled coalition for every player.
///
/// The Shapley value is linear in the game, phi(v) = phi(f) + phi(v - f), and without marginal
/// contributions phi_i(g) = sum over S of g(S) c_i(S) with c_i(S) = 1 / (|S| C(n,|S|)) for i in S
/// and -1 / ((n - |S|) C(n,|S|)) for i not in S (the Shapley weights p_{|S|-1} and -p_{|S|}).
/// Here f(S) = beta_0 + sum_{j in S} beta_j is the ordinary least-squares fit to every evaluated
/// coalition (the sampled ones, v(empty) and v(N)), so phi_i(f) = beta_i. The residual r = v - f
/// is known exactly on N and the empty set, contributing (r(N) - r(empty)) / n to each player, and
/// on the proper coalitions its Shapley value is estimated by Horvitz-Thompson: sum over sampled
/// S of r(S) c_i(S) / pi_|S|, with the inclusion probabilities of `LeverageSampling` (the paper's
/// sampling: uniform over sizes, paired, without replacement). Every sample enters every
/// player's sum: the maximum sample reuse. Without the model (f = 0) this is plain MSR; a good fit
/// leaves small residuals, so little Monte Carlo error.
///
/// Efficiency holds exactly: sum_i c_i(S) = 1 / C(n,s) - 1 / C(n,s) = 0 for every proper S, so the
/// values sum to sum beta + r(N) - r(empty) = v(N) - v(empty). Bias: the Monte Carlo term is
/// unbiased for a fixed f; f is fitted on the same samples (as the paper's code does), which
/// leaves an O(1/m) bias. Symmetry and null player do not hold exactly; no standard errors.
/// Cost: v(empty), v(N) and 2 floor((budget - 2) / 2) proper coalitions (at most 2^n; exact at
/// 2^n, where every pi is 1); at least 2n, so that the linear model is determined.
public struct RegressionMSR: ShapleyEstimator {
    public var name: String { "msr-linear" }

    public init() {}

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            efficient: true, symmetric: false, nullPlayer: false, unbiased: false, standardErrors: false,
            method: "Witter, Liu & Musco 2025: maximum sample reuse with a least-squares linear model as control variate",
            costDescription: "the budget rounded down to pairs, from 2n (at most 2^n); exact at 2^n")
    }

    /// The linear model has n + 1 coefficients; v(empty) and v(N) give two independent rows and each
    /// pair (z, N - z) one more (its second row is [1, 1] + [1, 0] - [1, z]), so n - 1 pairs: 2n calls.
    public func cost(playerCount n: Int) -> EstimatorCost { .budgeted(minimum: min(2 * n, ShapleyWeights.coalitionCount(n))) }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let budget = budget ?? ShapleyWeights.defaultBudget(playerCount: n)
        let emptyValue = try game.value(of: .empty)
        let grandValue = try game.value(of: game.grandCoalition)
        let sample = LeverageSampling(playerCount: n, count: budget - 2, random: random)
        let values = try sample.coalitions.map { try game.value(of: $0) }

        // f(S) = beta_0 + sum_{j in S} beta_j by ordinary least squares (column 0 the intercept).
        let rows = [Coalition.empty, game.grandCoalition] + sample.coalitions
        let targets = [emptyValue, grandValue] + values
        var design: [Double] = []
        design.reserveCapacity(rows.count * (n + 1))
        for coalition in rows {
            design.append(1)
            for player in 0..<n { design.append(coalition.contains(player) ? 1 : 0) }
        }
        let beta = try WeightedLeastSquares.solve(
            design: design, columns: n + 1, weights: [Double](repeating: 1, count: rows.count), targets: targets)
        func model(_ coalition: Coalition) -> Double {
            beta[0] + (0..<n).filter(coalition.contains).map { beta[$0 + 1] }.reduce(0, +)
        }

        let border = ((grandValue - model(game.grandCoalition)) - (emptyValue - beta[0])) / Double(n)
        var phi = (0..<n).map { beta[$0 + 1] + border }
        for (index, coalition) in sample.coalitions.enumerated() {
            let s = coalition.count
            let scaled = (values[index] - model(coalition)) / (sample.inclusionProbabilities[index] * ShapleyWeights.binomial(n, s))
            let inside = scaled / Double(s)
            let outside = scaled / Double(n - s)
            for player in 0..<n { phi[player] += coalition.contains(player) ? inside : -outside }
        }
        return (phi, nil)
    }
}

import Statistics

/// Monte Carlo Shapley values from random orderings (Castro, Gomez & Tejada 2009).
///
/// phi_i = E over uniform orderings pi of [v(Pre_i(pi) + i) - v(Pre_i(pi))], estimated by the mean
/// over m orderings. Cost: 2 + m(n - 1) value calls (v(empty) and v(N) once), so a budget B buys
/// m = floor((B - 2) / (n - 1)) orderings. Unbiased; standard error per player = sample standard
/// deviation / sqrt(m). Efficiency holds exactly for every m (each ordering's contributions sum to
/// v(N) - v(empty)); null player holds exactly (a null player always contributes 0); symmetry and
/// linearity hold in expectation only.
///
/// Antithetic variant: orderings come in pairs (pi, reverse pi), and the pair mean is the sample
/// unit (m/2 pairs, standard error from the pair means). Exact for games with at most pairwise
/// interactions; lower variance when a player's contribution early and late are negatively
/// correlated.
public struct PermutationSampling: ShapleyEstimator {
    public let antithetic: Bool
    public var name: String { antithetic ? "antithetic" : "permutation" }

    public init(antithetic: Bool = false) { self.antithetic = antithetic }

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            efficient: true, symmetric: false, nullPlayer: true, unbiased: true, standardErrors: true,
            method: antithetic ? "orderings paired with their reverses" : "Castro et al. 2009",
            costDescription: antithetic ? "2 + 2m(n-1) for m ordering pairs" : "2 + m(n-1) for m orderings")
    }

    public func cost(playerCount n: Int) -> EstimatorCost { .budgeted(minimum: 2 + (antithetic ? 2 : 1) * (n - 1)) }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let budget = budget ?? ShapleyWeights.defaultBudget(playerCount: n)
        let orderingsPerSample = antithetic ? 2 : 1
        let samples = (budget - 2) / (orderingsPerSample * (n - 1))

        let path = PermutationPath(emptyValue: try game.value(of: .empty), grandValue: try game.value(of: game.grandCoalition))
        var averages = ContributionAverages(playerCount: n)
        var forward = [Double](repeating: 0, count: n)
        var backward = [Double](repeating: 0, count: n)
        for _ in 0..<samples {
            let order = random.permutation(of: n)
            try path.walk(order, in: game, into: &forward)
            if antithetic {
                try path.walk(order.reversed(), in: game, into: &backward)
                averages.add(zip(forward, backward).map { ($0 + $1) / 2 })
            } else {
                averages.add(forward)
            }
        }
        return averages.result
    }
}

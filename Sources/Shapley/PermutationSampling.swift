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

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let budget = budget ?? ShapleyWeights.defaultBudget(playerCount: n)
        let orderingsPerSample = antithetic ? 2 : 1
        let minimum = 2 + orderingsPerSample * (n - 1)
        guard budget >= minimum else { throw GameError.budgetTooSmall(budget: budget, minimum: minimum, method: name) }
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

/// Leave-one-out credit, a non-Shapley baseline: phi_i = v(N) - v(N - i).
///
/// Cost: n + 1 value calls. Deterministic. Null player and symmetry hold; efficiency does not
/// (the values sum to v(N) - v(empty) only for additive games), so it cannot shape rewards
/// without changing returns.
public struct LeaveOneOut: ShapleyEstimator {
    public var name: String { "loo" }
    public init() {}

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        if let budget, budget < n + 1 { throw GameError.budgetTooSmall(budget: budget, minimum: n + 1, method: name) }
        let grand = game.grandCoalition
        let grandValue = try game.value(of: grand)
        return (try (0..<n).map { grandValue - (try game.value(of: grand.removing($0))) }, nil)
    }
}

/// Shapley values in closed form for games that know them (`ClosedFormShapleyGame`: additive,
/// unanimity sums, the max game). Zero value calls; exact; all four axioms hold.
public struct ClosedFormShapley: ShapleyEstimator {
    public var name: String { "closed-form" }
    public init() {}

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        guard let known = game.base as? any ClosedFormShapleyGame else {
            throw GameError.unsupportedGame(
                "no closed form is known for this game; closed-form needs an additive, unanimity-sum (soum) or max game, not a value table")
        }
        return (known.closedFormShapleyValues(), nil)
    }
}

import Statistics

/// Leave-one-out credit, a non-Shapley baseline: phi_i = v(N) - v(N - i).
///
/// Cost: n + 1 value calls. Deterministic. Null player and symmetry hold; efficiency does not
/// (the values sum to v(N) - v(empty) only for additive games), so it cannot shape rewards
/// without changing returns.
public struct LeaveOneOut: ShapleyEstimator {
    public var name: String { "loo" }
    public init() {}

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            target: .leaveOneOut, budgetFree: true, efficient: false, symmetric: true, nullPlayer: true, unbiased: true,
            standardErrors: false, method: "leave-one-out, a non-Shapley baseline", costDescription: "n + 1")
    }

    public func cost(playerCount n: Int) -> EstimatorCost { .fixed(n + 1) }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let grand = game.grandCoalition
        let grandValue = try game.value(of: grand)
        return (try (0..<n).map { grandValue - (try game.value(of: grand.removing($0))) }, nil)
    }
}

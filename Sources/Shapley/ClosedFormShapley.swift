import Statistics

/// Shapley values in closed form for games that know them (`ClosedFormShapleyGame`: additive,
/// unanimity sums, the max game). Zero value calls; exact; all four axioms hold.
public struct ClosedFormShapley: ShapleyEstimator {
    public var name: String { "closed-form" }
    public init() {}

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            budgetFree: true, efficient: true, symmetric: true, nullPlayer: true, unbiased: true, standardErrors: false,
            method: "additive, sum-of-unanimity and max games (ShapE's sorted-utility formula)", costDescription: "0")
    }

    public func cost(playerCount: Int) -> EstimatorCost { .fixed(0) }

    public func applies(to game: any CooperativeGame) -> Bool { game is any ClosedFormShapleyGame }

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

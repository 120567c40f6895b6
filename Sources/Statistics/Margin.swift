/// Margins fixed before a run from quantities that do not depend on the compared groups, and the
/// sensitivity of a verdict to the margin.
public enum Margin {
    /// fraction (attainable - untrained): a margin as a fraction (0 < fraction <= 1) of the gap
    /// between the untrained policy's reward and the task's attainable maximum. Throws unless both
    /// rewards are finite with attainable > untrained.
    public static func fractionOfGap(_ fraction: Double, untrained: Double, attainable: Double) throws -> Double {
        guard fraction > 0, fraction <= 1 else {
            throw StatisticsError.outOfRange(parameter: "margin fraction", value: fraction, allowed: "(0, 1]")
        }
        guard untrained.isFinite, attainable.isFinite, attainable > untrained else {
            throw StatisticsError.undefined("the attainable reward (\(attainable)) must exceed the untrained policy's (\(untrained))")
        }
        return fraction * (attainable - untrained)
    }

    /// The verdict re-decided at each margin factor x margin (by default half, the margin itself and
    /// double), in the order of `factors`: `decide` is the rule with everything but the margin fixed,
    /// e.g. `{ try DecisionRule.nonInferiority(effect, margin: $0) }`.
    public static func sensitivity(
        _ margin: Double, factors: [Double] = [0.5, 1, 2], decide: (Double) throws -> ClaimDecision
    ) rethrows -> [(margin: Double, decision: ClaimDecision)] {
        try factors.map { factor in (factor * margin, try decide(factor * margin)) }
    }
}

import Foundation

/// Decision rules that control the error of a verdict in both directions.
///
/// Each rule runs two one-sided tests on an `EffectEstimate` at level alpha (0 < alpha < 0.5), a
/// test rejecting when its p-value is <= alpha:
/// - the support test, H0: the claim is false; rejecting it gives "supported", so
///   P(supported | claim false) <= alpha;
/// - the refutation test, H0: the claim holds with its margin; rejecting it gives "not supported",
///   so P(not supported | claim holds with margin) <= alpha.
/// What neither test rejects is "inconclusive", which carries no guarantee (its rate depends on
/// power). A one-sided test at alpha rejects H0: effect <= c exactly when the lower end of the
/// two-sided 1 - 2 alpha interval exceeds c, and H0: effect >= c when its upper end is below c.
public enum DecisionRule {
    /// The superiority claim "effect > 0" (or "effect > margin" when `claimedAboveMargin`):
    /// supported when H0: effect <= s is rejected (s = 0, or the margin), p = Q((estimate - s)/se);
    /// not supported when H0: effect >= margin is rejected (the upper confidence bound lies below
    /// the margin), p = P((estimate - margin)/se). With s = 0 < margin both can reject: the verdict
    /// is then `.belowMargin`. Throws unless margin >= 0 and 0 < alpha < 0.5.
    public static func superiority(
        _ effect: EffectEstimate, margin: Double, claimedAboveMargin: Bool = false, alpha: Double = 0.05
    ) throws -> ClaimDecision {
        try validate(margin: margin, allowZero: true, alpha: alpha)
        let threshold = claimedAboveMargin ? margin : 0
        return ClaimDecision(
            kind: .superiority,
            supportPValue: effect.test(nullDifference: threshold, alternative: .greater).pValue,
            refutationPValue: effect.test(nullDifference: margin, alternative: .less).pValue,
            alpha: alpha, margin: margin, estimate: effect.estimate,
            interval: try effect.interval(confidenceLevel: 1 - 2 * alpha),
            controlled: "Superiority at alpha = \(shown(alpha)): P(supported | effect <= \(shown(threshold))) <= alpha (one-sided test, "
                + "lower \(shown(1 - alpha)) confidence bound above \(shown(threshold))); P(not supported | effect >= \(shown(margin))) <= alpha "
                + "(upper \(shown(1 - alpha)) confidence bound below the margin \(shown(margin))); inconclusive carries no guarantee.")
    }

    /// The non-inferiority claim "effect > -margin" (margin > 0): supported when H0: effect <= -margin
    /// is rejected, p = Q((estimate + margin)/se); not supported when H0: effect >= -margin is
    /// rejected (shown worse by more than the margin), p = P((estimate + margin)/se).
    /// Throws unless margin > 0 and 0 < alpha < 0.5.
    public static func nonInferiority(_ effect: EffectEstimate, margin: Double, alpha: Double = 0.05) throws -> ClaimDecision {
        try validate(margin: margin, allowZero: false, alpha: alpha)
        return ClaimDecision(
            kind: .nonInferiority,
            supportPValue: effect.test(nullDifference: -margin, alternative: .greater).pValue,
            refutationPValue: effect.test(nullDifference: -margin, alternative: .less).pValue,
            alpha: alpha, margin: margin, estimate: effect.estimate,
            interval: try effect.interval(confidenceLevel: 1 - 2 * alpha),
            controlled: "Non-inferiority at alpha = \(shown(alpha)): P(supported | effect <= -\(shown(margin))) <= alpha (lower \(shown(1 - alpha)) "
                + "confidence bound above -\(shown(margin))); P(not supported | effect >= -\(shown(margin))) <= alpha (upper \(shown(1 - alpha)) "
                + "bound below -\(shown(margin))); inconclusive carries no guarantee.")
    }

    /// The equivalence claim "-margin < effect < margin" (margin > 0): supported by TOST
    /// (`Equivalence.tost` on the effect: p = max of the one-sided p-values at -margin and margin,
    /// the 1 - 2 alpha interval inside (-margin, margin)); not supported when the effect is shown
    /// outside [-margin, margin]: p = min(1, 2 min(Q((estimate - margin)/se), P((estimate + margin)/se))),
    /// Bonferroni over the two directions, i.e. the 1 - alpha interval misses [-margin, margin].
    /// Throws unless margin > 0 and 0 < alpha < 0.5.
    public static func equivalence(_ effect: EffectEstimate, margin: Double, alpha: Double = 0.05) throws -> ClaimDecision {
        try validate(margin: margin, allowZero: false, alpha: alpha)
        let tost = try Equivalence.tost(effect, lower: -margin, upper: margin, alpha: alpha)
        let above = effect.test(nullDifference: margin, alternative: .greater).pValue
        let below = effect.test(nullDifference: -margin, alternative: .less).pValue
        return ClaimDecision(
            kind: .equivalence, supportPValue: tost.pValue, refutationPValue: min(1, 2 * min(above, below)),
            alpha: alpha, margin: margin, estimate: effect.estimate,
            interval: try effect.interval(confidenceLevel: 1 - 2 * alpha),
            controlled: "Equivalence at alpha = \(shown(alpha)): P(supported | |effect| >= \(shown(margin))) <= alpha (TOST: the "
                + "\(shown(1 - 2 * alpha)) interval inside the margin); P(not supported | |effect| <= \(shown(margin))) <= alpha (the "
                + "\(shown(1 - alpha)) interval outside [-\(shown(margin)), \(shown(margin))]); inconclusive carries no guarantee.")
    }

    /// A claim made of several comparisons (every task, every baseline) that holds only if every
    /// component holds. Intersection-union test: supported iff every component's support test
    /// rejects at alpha, p = max_k p_k (valid at alpha with no multiplicity correction, Berger 1982).
    /// Not supported when some component is refuted, a union of K refutations:
    /// p = min(1, K min_k q_k) (Bonferroni), so P(not supported | every component holds) <= alpha.
    /// Throws on no components or alpha outside (0, 0.5).
    public static func allOf(_ components: [ClaimDecision], alpha: Double = 0.05) throws -> ClaimDecision {
        guard !components.isEmpty else { throw StatisticsError.undefined("a claim needs at least one component") }
        try validate(margin: 0, allowZero: true, alpha: alpha)
        return ClaimDecision(
            kind: .allOf, supportPValue: components.map(\.supportPValue).max()!,
            refutationPValue: min(1, Double(components.count) * components.map(\.refutationPValue).min()!),
            alpha: alpha, margin: 0, estimate: nil, interval: nil, components: components,
            controlled: "All of \(components.count) comparisons at alpha = \(shown(alpha)): supported only if every component is "
                + "supported at alpha (intersection-union, p = the largest component p), so P(supported | some component's "
                + "claim false) <= alpha; not supported if some component is refuted at alpha / \(components.count) "
                + "(Bonferroni), so P(not supported | every component holds with its margin) <= alpha; inconclusive "
                + "carries no guarantee.")
    }

    /// Holm's step-down adjustment across claims, applied separately to the support p-values and to
    /// the refutation p-values (`MultipleTesting.holm`), each claim re-decided at its own alpha with
    /// the adjusted values. With a common alpha this controls, across the family, the probability of
    /// any false "supported" at alpha and, separately, of any false "not supported" at alpha (so of
    /// any false definite verdict at 2 alpha); inconclusive carries no guarantee.
    public static func holm(_ claims: [ClaimDecision]) throws -> [ClaimDecision] {
        let support = try MultipleTesting.holm(claims.map(\.supportPValue))
        let refutation = try MultipleTesting.holm(claims.map(\.refutationPValue))
        return claims.indices.map { i in
            claims[i].with(
                supportPValue: support[i], refutationPValue: refutation[i],
                controlled: claims[i].controlled + " Holm-adjusted across \(claims.count) claims, separately for support and "
                    + "refutation: family-wise P(any false supported) <= alpha and P(any false not supported) <= alpha.")
        }
    }

    /// A number in the `controlled` texts: 4 significant digits (margins come from data).
    private static func shown(_ x: Double) -> String { String(format: "%.4g", x) }

    private static func validate(margin: Double, allowZero: Bool, alpha: Double) throws {
        guard margin.isFinite, allowZero ? margin >= 0 : margin > 0 else {
            throw StatisticsError.outOfRange(parameter: "margin", value: margin, allowed: allowZero ? "[0, infinity)" : "(0, infinity)")
        }
        guard alpha > 0, alpha < 0.5 else {
            throw StatisticsError.outOfRange(parameter: "alpha", value: alpha, allowed: "(0, 0.5)")
        }
    }
}

import Statistics

/// One decision within a claim: a comparison, the rule that decides it and its margin, fixed
/// before looking at the compared groups (`marginBasis` says from what). Every rule is a
/// `DecisionRule` at `ClaimCheck.alpha` on the comparison's effect, so it controls both errors:
/// - `.superiority` ("A is better than B"): supported when the lower one-sided 95% bound of the
///   effect is above 0; not supported when the upper bound is below the margin (any advantage is
///   smaller than the smallest one that matters); both: "supported, below margin";
/// - `.nonInferiority` ("A is as good as B"): supported when the lower bound is above -margin; not
///   supported when the upper bound is below -margin;
/// - `.equivalence` ("A and B do equally well"): supported by TOST within (-margin, margin); not
///   supported when the two-sided 95% interval lies wholly outside [-margin, margin].
/// What neither test decides is inconclusive.
public struct ClaimTest: Codable, Sendable {
    public enum Rule: String, Codable, Sendable {
        case superiority
        case nonInferiority = "non-inferiority"
        case equivalence
    }

    public var comparison: ClaimComparison
    public var rule: Rule
    public var margin: Double
    /// How the margin was fixed, e.g. "5% of (1 - 0.184), the gap from the untrained policy to the maximum".
    public var marginBasis: String
    /// The decision at the margin, before any correction across claims.
    public let decision: ClaimDecision
    /// Set when the test assumes converged runs and a `PlateauCheck` failed: why it decides nothing.
    public var notAtConvergence: String?

    /// Throws unless margin > 0.
    public init(_ comparison: ClaimComparison, rule: Rule, margin: Double, marginBasis: String) throws {
        self.comparison = comparison
        self.rule = rule
        self.margin = margin
        self.marginBasis = marginBasis
        decision = try Self.decide(comparison.effect, rule: rule, margin: margin)
    }

    /// The decision at `factor` times the margin (the sensitivity table's half and double).
    func decision(marginFactor factor: Double) throws -> ClaimDecision {
        try Self.decide(comparison.effect, rule: rule, margin: factor * margin)
    }

    static func decide(_ effect: EffectEstimate, rule: Rule, margin: Double) throws -> ClaimDecision {
        guard margin > 0 else { throw HarnessError.invalidPlan("a claim's margin must be positive, got \(margin)") }
        switch rule {
        case .superiority: return try DecisionRule.superiority(effect, margin: margin, alpha: ClaimCheck.alpha)
        case .nonInferiority: return try DecisionRule.nonInferiority(effect, margin: margin, alpha: ClaimCheck.alpha)
        case .equivalence: return try DecisionRule.equivalence(effect, margin: margin, alpha: ClaimCheck.alpha)
        }
    }
}

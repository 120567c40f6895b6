/// A verdict on one claim with the p-values and interval that decided it and a sentence stating
/// exactly which error rates are controlled. Made by `DecisionRule`.
public struct ClaimDecision: Sendable, Equatable, Codable {
    /// The form of the claim.
    public enum Kind: String, Sendable, Codable {
        /// effect > 0 (or > margin), refuted by effect < margin.
        case superiority
        /// effect > -margin, refuted by effect < -margin.
        case nonInferiority = "non-inferiority"
        /// -margin < effect < margin, refuted by effect outside [-margin, margin].
        case equivalence
        /// Every component claim holds (intersection-union).
        case allOf = "all of"
    }

    public let kind: Kind
    public let verdict: Verdict
    /// p-value of the support test (H0: the claim is false); <= `alpha` rejects it.
    public let supportPValue: Double
    /// p-value of the refutation test (H0: the claim holds with its margin); <= `alpha` rejects it.
    public let refutationPValue: Double
    public let alpha: Double
    /// The margin the claim was decided with (0 for a superiority claim without one; for `allOf`, 0).
    public let margin: Double
    /// The effect estimate; nil for `allOf`.
    public let estimate: Double?
    /// The two-sided 1 - 2 alpha interval of the effect, whose ends are the one-sided 1 - alpha
    /// confidence bounds the one-sided decisions compare with thresholds; nil for `allOf`.
    public let interval: ConfidenceInterval?
    /// The component decisions of an `allOf` claim; empty otherwise.
    public let components: [ClaimDecision]
    /// What is controlled, in words, with the thresholds and alpha filled in.
    public let controlled: String

    init(kind: Kind, supportPValue: Double, refutationPValue: Double, alpha: Double, margin: Double,
         estimate: Double?, interval: ConfidenceInterval?, components: [ClaimDecision] = [], controlled: String) {
        self.kind = kind
        self.verdict = Verdict(supportRejected: supportPValue <= alpha, refutationRejected: refutationPValue <= alpha)
        self.supportPValue = supportPValue
        self.refutationPValue = refutationPValue
        self.alpha = alpha
        self.margin = margin
        self.estimate = estimate
        self.interval = interval
        self.components = components
        self.controlled = controlled
    }

    /// The same claim re-decided with other p-values (e.g. Holm-adjusted) and an amended statement.
    func with(supportPValue: Double, refutationPValue: Double, controlled: String) -> ClaimDecision {
        ClaimDecision(kind: kind, supportPValue: supportPValue, refutationPValue: refutationPValue, alpha: alpha,
                      margin: margin, estimate: estimate, interval: interval, components: components, controlled: controlled)
    }
}

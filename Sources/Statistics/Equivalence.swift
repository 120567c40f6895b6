/// Equivalence testing: is a difference of means inside a margin, rather than merely not significant?
public enum Equivalence {
    /// The outcome of a TOST: both one-sided tests (Welch's for the two-sample form) and the overall decision.
    public struct Result: Sendable, Equatable {
        /// max(lowerTest.pValue, upperTest.pValue): the p-value of H0 "not equivalent".
        public let pValue: Double
        /// Test of H0: effect <= lower against `greater` (effect = mean(a) - mean(b) for two samples).
        public let lowerTest: TestResult
        /// Test of H0: effect >= upper against `less`.
        public let upperTest: TestResult
        /// pValue < alpha: the difference is shown to lie in (lower, upper) at level alpha.
        public let isEquivalent: Bool
    }

    /// Two one-sided tests (TOST) with Welch's unequal-variance t: equivalent when
    /// lower < mean(a) - mean(b) < upper is shown at level `alpha`.
    ///
    /// t_lower = (d - lower)/se with p_lower = Q(t_lower, df) and t_upper = (d - upper)/se with
    /// p_upper = P(t_upper, df), where d, se and df are those of `HypothesisTest.welch`;
    /// p = max(p_lower, p_upper), equivalent iff p < alpha. These are the semantics of statsmodels
    /// `ttost_ind(a, b, lower, upper, usevar='unequal')`. Throws if lower >= upper, alpha is outside
    /// (0, 1), or the Welch test itself is undefined.
    public static func tost(_ a: [Double], _ b: [Double], lower: Double, upper: Double, alpha: Double = 0.05) throws -> Result {
        try validate(lower: lower, upper: upper, alpha: alpha)
        return try tost(EffectEstimate.welch(a, b), lower: lower, upper: upper, alpha: alpha)
    }

    /// TOST for any effect estimate (e.g. `EffectEstimate.paired` for runs that share seeds): with
    /// t = (estimate - bound) / se in the effect's reference distribution, p_lower = Q(t_lower),
    /// p_upper = P(t_upper), p = max of the two, equivalent iff p < alpha; for `EffectEstimate.welch`
    /// this is `tost(_:_:lower:upper:alpha:)`. Throws if lower >= upper or alpha is outside (0, 1).
    public static func tost(_ difference: EffectEstimate, lower: Double, upper: Double, alpha: Double = 0.05) throws -> Result {
        try validate(lower: lower, upper: upper, alpha: alpha)
        let lowerTest = difference.test(nullDifference: lower, alternative: .greater)
        let upperTest = difference.test(nullDifference: upper, alternative: .less)
        let p = max(lowerTest.pValue, upperTest.pValue)
        return Result(pValue: p, lowerTest: lowerTest, upperTest: upperTest, isEquivalent: p < alpha)
    }

    private static func validate(lower: Double, upper: Double, alpha: Double) throws {
        guard lower < upper else {
            throw StatisticsError.undefined("equivalence bounds need lower < upper, got \(lower) and \(upper)")
        }
        try StatisticsError.checkOpenUnitInterval(alpha, "alpha")
    }

    /// TOST with the symmetric margin (-margin, margin), margin > 0; see `tost(_:_:lower:upper:alpha:)`.
    public static func tost(_ a: [Double], _ b: [Double], margin: Double, alpha: Double = 0.05) throws -> Result {
        guard margin > 0 else {
            throw StatisticsError.outOfRange(parameter: "equivalence margin", value: margin, allowed: "(0, infinity)")
        }
        return try tost(a, b, lower: -margin, upper: margin, alpha: alpha)
    }
}

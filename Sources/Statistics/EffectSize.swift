/// Standardized and raw effect sizes for two independent samples.
public enum EffectSize {
    /// The difference of means with its Welch standard error, degrees of freedom and interval.
    public struct MeanDifference: Sendable, Equatable {
        /// mean(a) - mean(b).
        public let estimate: Double
        /// sqrt(s_a^2/n_a + s_b^2/n_b).
        public let standardError: Double
        /// Welch-Satterthwaite degrees of freedom.
        public let degreesOfFreedom: Double
        /// estimate -+ t_{(1+level)/2, df} standardError.
        public let interval: ConfidenceInterval
    }

    /// Cohen's d with the pooled standard deviation:
    /// d = (m_a - m_b) / s_p, s_p^2 = ((n_a-1) s_a^2 + (n_b-1) s_b^2) / (n_a + n_b - 2).
    /// Throws if a sample has fewer than two finite values or s_p = 0.
    public static func cohensD(_ a: [Double], _ b: [Double]) throws -> Double {
        let first = try SampleSummary(a, name: "a")
        let second = try SampleSummary(b, name: "b")
        let pooledVariance = (Double(first.count - 1) * first.variance + Double(second.count - 1) * second.variance)
            / Double(first.count + second.count - 2)
        guard pooledVariance > 0 else { throw StatisticsError.undefined("both samples are constant: the pooled standard deviation is 0") }
        return (first.mean - second.mean) / pooledVariance.squareRoot()
    }

    /// Hedges' g, Cohen's d times the small-sample correction J = 1 - 3 / (4(n_a + n_b) - 9)
    /// (Hedges' approximation to the exact gamma-function factor; as statsmodels effectsize_smd).
    public static func hedgesG(_ a: [Double], _ b: [Double]) throws -> Double {
        let d = try cohensD(a, b)
        return (1 - 3 / (4 * Double(a.count + b.count) - 9)) * d
    }

    /// mean(a) - mean(b) with the Welch confidence interval at `confidenceLevel` in (0, 1), as
    /// scipy.stats.ttest_ind(a, b, equal_var=False).confidence_interval(confidenceLevel).
    public static func meanDifference(_ a: [Double], _ b: [Double], confidenceLevel: Double = 0.95) throws -> MeanDifference {
        try StatisticsError.checkOpenUnitInterval(confidenceLevel, "confidence level")
        let difference = try EffectEstimate.welch(a, b)
        return MeanDifference(
            estimate: difference.estimate,
            standardError: difference.standardError,
            degreesOfFreedom: difference.degreesOfFreedom!,
            interval: try difference.interval(confidenceLevel: confidenceLevel)
        )
    }
}

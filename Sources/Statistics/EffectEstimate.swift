import CGSL

/// An estimated effect (a difference between two conditions) with its standard error and the
/// reference distribution of (estimate - effect) / standardError: Student's t with
/// `degreesOfFreedom` degrees of freedom, or the standard normal where `degreesOfFreedom` is nil.
///
/// Every test of the effect against a threshold, every confidence interval and every decision in
/// `DecisionRule` is computed from these three numbers, so one comparison has one effect and one
/// interval wherever it appears. Build one with `welch` (independent samples), `paired` (samples
/// that share seeds) or `KaplanMeier.restrictedMeanDifference` (censored times, normal).
public struct EffectEstimate: Sendable, Equatable, Codable {
    /// The estimated effect, e.g. mean(a) - mean(b).
    public let estimate: Double
    /// Its standard error (> 0).
    public let standardError: Double
    /// Degrees of freedom of the Student t reference distribution; nil for the standard normal.
    public let degreesOfFreedom: Double?

    /// Throws unless `estimate` is finite, `standardError` finite and > 0, and `degreesOfFreedom`
    /// (where given) > 0.
    public init(estimate: Double, standardError: Double, degreesOfFreedom: Double?) throws {
        guard estimate.isFinite else { throw StatisticsError.undefined("the effect estimate is not finite") }
        guard standardError.isFinite, standardError > 0 else {
            throw StatisticsError.undefined("the standard error of the effect is \(standardError), not a positive number")
        }
        if let df = degreesOfFreedom, !(df > 0) {
            throw StatisticsError.outOfRange(parameter: "degrees of freedom", value: df, allowed: "(0, infinity)")
        }
        self.estimate = estimate
        self.standardError = standardError
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// Welch's difference of means of independent samples (each at least two finite values):
    /// estimate = m_a - m_b, se = sqrt(s_a^2/n_a + s_b^2/n_b),
    /// df = (s_a^2/n_a + s_b^2/n_b)^2 / ((s_a^2/n_a)^2/(n_a-1) + (s_b^2/n_b)^2/(n_b-1)) (Welch-Satterthwaite).
    /// Throws when both samples are constant (se = 0).
    public static func welch(_ a: [Double], _ b: [Double]) throws -> EffectEstimate {
        let first = try SampleSummary(a, name: "a")
        let second = try SampleSummary(b, name: "b")
        let va = first.varianceOfMean, vb = second.varianceOfMean
        guard va + vb > 0 else { throw StatisticsError.undefined("both samples are constant: the Welch standard error is 0") }
        return try EffectEstimate(
            estimate: first.mean - second.mean,
            standardError: (va + vb).squareRoot(),
            degreesOfFreedom: (va + vb) * (va + vb) / (va * va / Double(first.count - 1) + vb * vb / Double(second.count - 1)))
    }

    /// The paired difference of means, for a_i and b_i observed on the same unit (seed) i:
    /// with d_i = a_i - b_i (n >= 2 pairs), estimate = mean(d), se = sd(d) / sqrt(n), df = n - 1
    /// (the paired t of scipy.stats.ttest_rel). Throws when the samples differ in length, have fewer
    /// than two finite values, or every d_i is equal (se = 0).
    public static func paired(_ a: [Double], _ b: [Double]) throws -> EffectEstimate {
        let differences = try pairedDifferences(a, b)
        let summary = try SampleSummary(differences, name: "a - b")
        guard summary.varianceOfMean > 0 else {
            throw StatisticsError.undefined("every paired difference is equal: the paired standard error is 0")
        }
        return try EffectEstimate(estimate: summary.mean, standardError: summary.varianceOfMean.squareRoot(),
                                  degreesOfFreedom: Double(summary.count - 1))
    }

    /// The test of H0: effect = `nullDifference` against `alternative`, with
    /// statistic = (estimate - nullDifference) / se and p-value two-sided 2 Q(|t|), greater Q(t),
    /// less P(t), where P and Q are the lower and upper tails of the reference distribution
    /// (`gsl_cdf_tdist_P`/`_Q`, or `gsl_cdf_ugaussian_P`/`_Q`). A one-sided p-value for `greater`
    /// is also the p-value of the composite H0: effect <= nullDifference (and `less` of effect >= it).
    public func test(nullDifference: Double = 0, alternative: Alternative = .twoSided) -> TestResult {
        let t = (estimate - nullDifference) / standardError
        let p = switch alternative {
        case .twoSided: 2 * upperTail(abs(t))
        case .greater: upperTail(t)
        case .less: lowerTail(t)
        }
        return TestResult(statistic: t, pValue: p, degreesOfFreedom: degreesOfFreedom)
    }

    /// The two-sided interval estimate -+ q se at `confidenceLevel` in (0, 1), q the (1 + level)/2
    /// quantile of the reference distribution (`gsl_cdf_tdist_Pinv` or `gsl_cdf_ugaussian_Pinv`).
    /// Its upper end is the one-sided upper confidence bound at level (1 + level)/2, and likewise the
    /// lower end, so the interval at 1 - 2 alpha excludes a threshold exactly when the one-sided
    /// test at alpha rejects.
    public func interval(confidenceLevel: Double = 0.95) throws -> ConfidenceInterval {
        try StatisticsError.checkOpenUnitInterval(confidenceLevel, "confidence level")
        let level = (1 + confidenceLevel) / 2
        let quantile = if let df = degreesOfFreedom { gsl_cdf_tdist_Pinv(level, df) } else { gsl_cdf_ugaussian_Pinv(level) }
        let halfWidth = quantile * standardError
        return ConfidenceInterval(lower: estimate - halfWidth, upper: estimate + halfWidth, confidenceLevel: confidenceLevel)
    }

    private func upperTail(_ x: Double) -> Double {
        if let df = degreesOfFreedom { gsl_cdf_tdist_Q(x, df) } else { gsl_cdf_ugaussian_Q(x) }
    }

    private func lowerTail(_ x: Double) -> Double {
        if let df = degreesOfFreedom { gsl_cdf_tdist_P(x, df) } else { gsl_cdf_ugaussian_P(x) }
    }
}

/// a_i - b_i for two samples of equal length (at least two pairs, all finite): the unit of every
/// paired analysis.
func pairedDifferences(_ a: [Double], _ b: [Double]) throws -> [Double] {
    guard a.count == b.count else {
        throw StatisticsError.undefined("paired samples need equal lengths, got \(a.count) and \(b.count)")
    }
    try StatisticsError.check(a, "a", atLeast: 2)
    try StatisticsError.check(b, "b", atLeast: 2)
    return zip(a, b).map { $0 - $1 }
}

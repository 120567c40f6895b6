import CGSL

extension HypothesisTest {
    /// Welch's two-sample t-test of H0: mean(a) - mean(b) = `nullDifference`, variances not assumed equal.
    ///
    /// With sample means m_a, m_b, unbiased variances s_a^2, s_b^2 and sizes n_a, n_b (each >= 2):
    ///   se = sqrt(s_a^2/n_a + s_b^2/n_b),  t = (m_a - m_b - nullDifference) / se,
    ///   df = (s_a^2/n_a + s_b^2/n_b)^2 / ((s_a^2/n_a)^2/(n_a-1) + (s_b^2/n_b)^2/(n_b-1))  (Welch-Satterthwaite).
    /// p-value from Student's t with df degrees of freedom: two-sided 2 Q(|t|), greater Q(t), less P(t),
    /// where P = `gsl_cdf_tdist_P` and Q = `gsl_cdf_tdist_Q`. Matches scipy.stats.ttest_ind(equal_var=False)
    /// and statsmodels ttest_ind(usevar='unequal', value=nullDifference).
    ///
    /// Throws when a sample has fewer than two finite values or both samples are constant (se = 0).
    public static func welch(
        _ a: [Double], _ b: [Double], alternative: Alternative = .twoSided, nullDifference: Double = 0
    ) throws -> TestResult {
        try WelchDifference(a, b).test(nullDifference: nullDifference, alternative: alternative)
    }
}

/// The difference of two sample means with its Welch standard error and Welch-Satterthwaite degrees
/// of freedom (formulas in `HypothesisTest.welch`); shared by the t-test, TOST and the Welch interval.
struct WelchDifference {
    let estimate: Double
    let standardError: Double
    let degreesOfFreedom: Double

    init(_ a: [Double], _ b: [Double]) throws {
        let first = try SampleSummary(a, name: "a")
        let second = try SampleSummary(b, name: "b")
        let va = first.varianceOfMean, vb = second.varianceOfMean
        guard va + vb > 0 else { throw StatisticsError.undefined("both samples are constant: the Welch standard error is 0") }
        estimate = first.mean - second.mean
        standardError = (va + vb).squareRoot()
        degreesOfFreedom = (va + vb) * (va + vb)
            / (va * va / Double(first.count - 1) + vb * vb / Double(second.count - 1))
    }

    /// The t-test of H0: difference = `nullDifference` against `alternative`.
    func test(nullDifference: Double, alternative: Alternative) -> TestResult {
        let t = (estimate - nullDifference) / standardError
        let p = switch alternative {
        case .twoSided: 2 * gsl_cdf_tdist_Q(abs(t), degreesOfFreedom)
        case .greater: gsl_cdf_tdist_Q(t, degreesOfFreedom)
        case .less: gsl_cdf_tdist_P(t, degreesOfFreedom)
        }
        return TestResult(statistic: t, pValue: p, degreesOfFreedom: degreesOfFreedom)
    }

    /// estimate -+ t_{(1+level)/2, df} se, the t quantile from `gsl_cdf_tdist_Pinv`.
    func interval(confidenceLevel: Double) -> ConfidenceInterval {
        let halfWidth = gsl_cdf_tdist_Pinv((1 + confidenceLevel) / 2, degreesOfFreedom) * standardError
        return ConfidenceInterval(lower: estimate - halfWidth, upper: estimate + halfWidth, confidenceLevel: confidenceLevel)
    }
}

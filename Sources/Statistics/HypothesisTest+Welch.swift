extension HypothesisTest {
    /// Welch's two-sample t-test of H0: mean(a) - mean(b) = `nullDifference`, variances not assumed equal
    /// (`EffectEstimate.welch` tested by `EffectEstimate.test`).
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
        try EffectEstimate.welch(a, b).test(nullDifference: nullDifference, alternative: alternative)
    }
}

extension HypothesisTest {
    /// Paired t-test of H0: mean(a - b) = `nullDifference`, for a_i and b_i observed on the same
    /// unit i (here: the same seed, so the same step-0 batch and evaluation stream).
    ///
    /// With d_i = a_i - b_i (n >= 2 pairs), t = (mean(d) - nullDifference) / (sd(d) / sqrt(n)) and
    /// Student's t with n - 1 degrees of freedom: two-sided 2 Q(|t|), greater Q(t), less P(t)
    /// (`EffectEstimate.paired` tested by `EffectEstimate.test`; its interval is the CI of the mean
    /// difference). Matches scipy.stats.ttest_rel and statsmodels DescrStatsW(a - b).ttest_mean(value:).
    ///
    /// Throws when the samples differ in length, have fewer than two finite values, or all d_i are equal.
    public static func pairedT(
        _ a: [Double], _ b: [Double], alternative: Alternative = .twoSided, nullDifference: Double = 0
    ) throws -> TestResult {
        try EffectEstimate.paired(a, b).test(nullDifference: nullDifference, alternative: alternative)
    }
}

extension Bootstrap {
    /// Paired (seed-level) interval for mean(a) - mean(b), where a_i and b_i share unit i: each
    /// resample draws n pair indices with replacement and keeps the pairs together. The statistic
    /// mean(a*) - mean(b*) of a resample of pairs is the mean of the resampled d_i = a_i - b_i, and
    /// the BCa jackknife leaves out one pair at a time, so this is
    /// `confidenceInterval(d, statistic: mean)` on the differences, as
    /// scipy.stats.bootstrap((a, b), statistic, paired=True). Throws when the samples differ in
    /// length or have fewer than two finite values; otherwise as `confidenceInterval`.
    public static func pairedDifferenceOfMeans(
        _ a: [Double],
        _ b: [Double],
        confidenceLevel: Double = 0.95,
        resamples: Int = 9999,
        method: Method = .bca,
        stream: RandomStream
    ) throws -> ConfidenceInterval {
        try confidenceInterval(try pairedDifferences(a, b), statistic: Descriptive.meanOrNaN,
                               confidenceLevel: confidenceLevel, resamples: resamples, method: method, stream: stream)
    }
}

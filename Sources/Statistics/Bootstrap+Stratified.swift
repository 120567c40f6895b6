extension Bootstrap {
    /// Percentile interval for a statistic of paired observations held in strata, resampling the
    /// pairs within each stratum: each of B resamples draws, for every stratum j with n_j pairs,
    /// n_j of its pairs uniformly with replacement (a pair stays together, the stratum sizes stay
    /// fixed) and evaluates `statistic` on the resampled strata, given in the same order; the
    /// interval is [Q(alpha), Q(1 - alpha)] of that distribution, alpha = (1 - c)/2, Q the type-7
    /// quantile. With one stratum this is the paired bootstrap of
    /// scipy.stats.bootstrap(..., paired=True, method='percentile'). The strata are held fixed, so
    /// the interval is about these strata (e.g. these game instances), not a population of them.
    /// Returns nil when some resample's statistic is not finite (e.g. a ratio over a zero sum).
    /// Throws when a stratum is empty, `resamples` < 1 or the level is outside (0, 1).
    public static func stratifiedPairs(
        _ strata: [[(Double, Double)]],
        statistic: ([[(Double, Double)]]) -> Double,
        confidenceLevel: Double = 0.95,
        resamples: Int = 2000,
        stream: RandomStream
    ) throws -> ConfidenceInterval? {
        try StatisticsError.checkOpenUnitInterval(confidenceLevel, "confidence level")
        guard resamples >= 1 else {
            throw StatisticsError.outOfRange(parameter: "resamples", value: Double(resamples), allowed: "[1, infinity)")
        }
        guard !strata.isEmpty, strata.allSatisfy({ !$0.isEmpty }) else {
            throw StatisticsError.outOfRange(parameter: "stratum size", value: 0, allowed: "[1, infinity)")
        }
        var distribution: [Double] = []
        distribution.reserveCapacity(resamples)
        for _ in 0..<resamples {
            let value = statistic(strata.map { stratum in stratum.indices.map { _ in stratum[stream.integer(below: stratum.count)] } })
            guard value.isFinite else { return nil }
            distribution.append(value)
        }
        let alpha = (1 - confidenceLevel) / 2
        let sorted = Descriptive.sorted(distribution)
        return ConfidenceInterval(lower: Descriptive.quantile(sorted: sorted, alpha),
                                  upper: Descriptive.quantile(sorted: sorted, 1 - alpha),
                                  confidenceLevel: confidenceLevel)
    }
}

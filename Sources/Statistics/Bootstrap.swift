/// Nonparametric bootstrap confidence intervals, resampling from a `RandomStream`.
///
/// Each of B resamples draws, for every sample in turn, n_j indices uniformly with replacement
/// (`RandomStream.integer(below:)`) and evaluates the statistic on the resampled data, giving the
/// bootstrap distribution theta*_1..theta*_B. The interval at level c is then, with alpha = (1-c)/2
/// and Q the type-7 quantile of the bootstrap distribution (see `Descriptive.quantile`):
/// - percentile: [Q(alpha), Q(1 - alpha)];
/// - BCa (bias-corrected and accelerated, Efron and Tibshirani 1993, 14.3 and eq. 15.36):
///   [Q(alpha_1), Q(alpha_2)] with alpha_i = Phi(z0 + (z0 + z_i) / (1 - a (z0 + z_i))),
///   z_1 = Phi^-1(alpha), z_2 = Phi^-1(1 - alpha), bias correction z0 and acceleration a as in
///   `biasCorrection` and `acceleration`.
/// These are the definitions of scipy.stats.bootstrap(method='percentile' | 'BCa'); only the random
/// draws differ, so intervals agree with scipy's up to Monte Carlo error.
public enum Bootstrap {
    public enum Method: String, Sendable, CaseIterable {
        case percentile
        case bca = "BCa"
    }

    /// Interval for `statistic` of one sample (at least two finite values) from `resamples` >= 1
    /// bootstrap resamples at `confidenceLevel` in (0, 1).
    /// Throws on invalid input, or when BCa is undefined (e.g. a constant jackknife: a = 0/0).
    public static func confidenceInterval(
        _ sample: [Double],
        statistic: ([Double]) -> Double,
        confidenceLevel: Double = 0.95,
        resamples: Int = 9999,
        method: Method = .bca,
        stream: RandomStream
    ) throws -> ConfidenceInterval {
        try StatisticsError.check(sample, "sample", atLeast: 2)
        return try interval([sample], statistic: { statistic($0[0]) }, confidenceLevel: confidenceLevel,
                            resamples: resamples, method: method, stream: stream)
    }

    /// Interval for mean(a) - mean(b), resampling a and b independently (each at least two finite values);
    /// otherwise as `confidenceInterval(_:statistic:confidenceLevel:resamples:method:stream:)`.
    public static func differenceOfMeans(
        _ a: [Double],
        _ b: [Double],
        confidenceLevel: Double = 0.95,
        resamples: Int = 9999,
        method: Method = .bca,
        stream: RandomStream
    ) throws -> ConfidenceInterval {
        try StatisticsError.check(a, "a", atLeast: 2)
        try StatisticsError.check(b, "b", atLeast: 2)
        return try interval([a, b], statistic: meanDifference, confidenceLevel: confidenceLevel,
                            resamples: resamples, method: method, stream: stream)
    }

    /// mean(samples[0]) - mean(samples[1]).
    static func meanDifference(_ samples: [[Double]]) -> Double {
        Descriptive.meanOrNaN(samples[0]) - Descriptive.meanOrNaN(samples[1])
    }

    private static func interval(
        _ samples: [[Double]], statistic: ([[Double]]) -> Double, confidenceLevel: Double,
        resamples: Int, method: Method, stream: RandomStream
    ) throws -> ConfidenceInterval {
        try StatisticsError.checkOpenUnitInterval(confidenceLevel, "confidence level")
        guard resamples >= 1 else {
            throw StatisticsError.outOfRange(parameter: "resamples", value: Double(resamples), allowed: "[1, infinity)")
        }
        let distribution = (0..<resamples).map { _ in
            statistic(samples.map { sample in sample.indices.map { _ in sample[stream.integer(below: sample.count)] } })
        }
        return try interval(samples, statistic: statistic, distribution: distribution,
                            confidenceLevel: confidenceLevel, method: method)
    }

    /// The interval from a given bootstrap distribution (the deterministic half of the procedure).
    static func interval(
        _ samples: [[Double]], statistic: ([[Double]]) -> Double, distribution: [Double],
        confidenceLevel: Double, method: Method
    ) throws -> ConfidenceInterval {
        let alpha = (1 - confidenceLevel) / 2
        let levels = switch method {
        case .percentile: (alpha, 1 - alpha)
        case .bca:
            bcaLevels(alpha: alpha,
                      biasCorrection: biasCorrection(distribution: distribution, estimate: statistic(samples)),
                      acceleration: acceleration(samples, statistic: statistic))
        }
        guard levels.0.isFinite, levels.1.isFinite else {
            throw StatisticsError.undefined("the BCa interval is undefined here (degenerate bootstrap or jackknife distribution)")
        }
        let sorted = Descriptive.sorted(distribution)
        return ConfidenceInterval(lower: Descriptive.quantile(sorted: sorted, levels.0),
                                  upper: Descriptive.quantile(sorted: sorted, levels.1),
                                  confidenceLevel: confidenceLevel)
    }
}

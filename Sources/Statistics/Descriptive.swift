import CGSL

/// Summaries of one sample, computed by GSL (`gsl_stats_*`, `gsl_sort`).
///
/// Every function throws `StatisticsError` on an empty sample (fewer than two observations for the
/// variance and standard deviation) or on non-finite values.
public enum Descriptive {
    /// Arithmetic mean, (1/n) sum x_i (`gsl_stats_mean`).
    public static func mean(_ x: [Double]) throws -> Double {
        try StatisticsError.check(x, "x", atLeast: 1)
        return meanOrNaN(x)
    }

    /// The same mean without the checks: NaN for an empty sample, and a non-finite value makes the
    /// mean non-finite. For bootstrap statistics (whose resamples are never empty) and table cells,
    /// where NaN prints as "n/a"; one formula, so a mean rounds the same wherever it is reported.
    public static func meanOrNaN(_ x: [Double]) -> Double {
        x.isEmpty ? .nan : x.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// Unbiased sample variance, (1/(n-1)) sum (x_i - mean)^2 (`gsl_stats_variance`); needs n >= 2.
    public static func variance(_ x: [Double]) throws -> Double {
        try StatisticsError.check(x, "x", atLeast: 2)
        return x.withUnsafeBufferPointer { gsl_stats_variance($0.baseAddress, 1, $0.count) }
    }

    /// Sample standard deviation, the square root of `variance` (`gsl_stats_sd`); needs n >= 2.
    public static func standardDeviation(_ x: [Double]) throws -> Double {
        try StatisticsError.check(x, "x", atLeast: 2)
        return x.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
    }

    /// The `p`-quantile, 0 <= p <= 1, by linear interpolation between order statistics
    /// (Hyndman-Fan type 7, the default of numpy.quantile and scipy.stats.quantile):
    /// with x_(0) <= ... <= x_(n-1) and h = (n-1) p, Q(p) = x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h)).
    /// Sorts with `gsl_sort`, interpolates with `gsl_stats_quantile_from_sorted_data`.
    public static func quantile(_ x: [Double], _ p: Double) throws -> Double {
        try quantiles(x, [p])[0]
    }

    /// The quantiles of `x` at each of `probabilities` (see `quantile(_:_:)`), sorting once.
    public static func quantiles(_ x: [Double], _ probabilities: [Double]) throws -> [Double] {
        try StatisticsError.check(x, "x", atLeast: 1)
        for p in probabilities where !(0...1).contains(p) {
            throw StatisticsError.outOfRange(parameter: "quantile probability", value: p, allowed: "[0, 1]")
        }
        let ordered = sorted(x)
        return probabilities.map { quantile(sorted: ordered, $0) }
    }

    /// The median, the 0.5-quantile: the middle order statistic, or the mean of the two middle ones.
    public static func median(_ x: [Double]) throws -> Double {
        try quantile(x, 0.5)
    }

    /// `x` in ascending order (`gsl_sort`).
    static func sorted(_ x: [Double]) -> [Double] {
        var copy = x
        copy.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        return copy
    }

    /// Type-7 quantile of already sorted, non-empty data, 0 <= p <= 1 (unchecked).
    static func quantile(sorted: [Double], _ p: Double) -> Double {
        sorted.withUnsafeBufferPointer { gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p) }
    }
}

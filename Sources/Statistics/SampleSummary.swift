import CGSL

/// Size, mean and unbiased variance of one validated sample (at least two finite observations),
/// the inputs every two-sample mean comparison starts from.
struct SampleSummary {
    let count: Int
    let mean: Double
    let variance: Double

    init(_ x: [Double], name: String) throws {
        try StatisticsError.check(x, name, atLeast: 2)
        count = x.count
        (mean, variance) = x.withUnsafeBufferPointer { buffer in
            let mean = gsl_stats_mean(buffer.baseAddress, 1, buffer.count)
            return (mean, gsl_stats_variance_m(buffer.baseAddress, 1, buffer.count, mean))
        }
    }

    /// Squared standard error of the mean, s^2 / n.
    var varianceOfMean: Double { variance / Double(count) }
}

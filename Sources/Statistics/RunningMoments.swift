/// Streaming mean and variance (Welford's update), numerically stable for long runs.
///
/// After `count` observations x_1..x_m: `mean` = (1/m) sum x_k, `variance` = (1/(m-1)) sum (x_k - mean)^2
/// (the unbiased sample variance), `standardError` = sqrt(variance / m). Variance and standard
/// error are `nil` below two observations.
public struct RunningMoments: Sendable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var sumOfSquaredDeviations = 0.0

    public init() {}

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - mean)
    }

    public var variance: Double? { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : nil }
    public var standardError: Double? { variance.map { ($0 / Double(count)).squareRoot() } }
}

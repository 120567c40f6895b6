/// Two-sample hypothesis tests: `welch` (means) and `mannWhitneyU` (ranks).
public enum HypothesisTest {}

/// The alternative hypothesis about the first sample `a` relative to the second `b`.
public enum Alternative: String, Sendable, CaseIterable {
    /// a and b differ (either direction); p-value doubles the smaller tail.
    case twoSided = "two-sided"
    /// a is larger than b (mean above the null difference, or stochastically greater).
    case greater
    /// a is smaller than b.
    case less
}

/// The outcome of a test: its statistic, p-value, and degrees of freedom where the reference
/// distribution has them (Student t), `nil` otherwise.
public struct TestResult: Sendable, Equatable {
    public let statistic: Double
    public let pValue: Double
    public let degreesOfFreedom: Double?

    public init(statistic: Double, pValue: Double, degreesOfFreedom: Double?) {
        self.statistic = statistic
        self.pValue = pValue
        self.degreesOfFreedom = degreesOfFreedom
    }
}

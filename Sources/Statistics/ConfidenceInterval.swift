/// A two-sided confidence interval [lower, upper] at `confidenceLevel` (e.g. 0.95).
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    public let lower: Double
    public let upper: Double
    public let confidenceLevel: Double

    public init(lower: Double, upper: Double, confidenceLevel: Double) {
        self.lower = lower
        self.upper = upper
        self.confidenceLevel = confidenceLevel
    }

    /// Whether lower <= value <= upper.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

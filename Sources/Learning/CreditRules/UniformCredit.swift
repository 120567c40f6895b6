import Shapley

/// Uniform credit: r_t = R / T on every step. Efficient (up to rounding in the sum); 1 reward call.
/// Spelled `uniform`.
public struct UniformCredit: CreditRule {
    public static let grammar = "uniform"

    public init() {}

    public init?(spelling: CreditSpelling, defaults: ShapleyCreditOptions) throws {
        guard spelling.name == "uniform" else { return nil }
        try spelling.allowOnly([])
    }

    public var description: String { "uniform" }
    public var isEfficient: Bool { true }

    public func rewards(total: Double, stepCount: Int) -> [Double] {
        [Double](repeating: total / Double(stepCount), count: stepCount)
    }
}

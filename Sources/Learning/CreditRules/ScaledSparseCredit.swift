import Shapley

/// Sparse credit scaled: r_T = factor * R, every other r_t = 0. Not efficient (a reward-scale
/// control; with advantages whitened over the batch, doubling R acts like halving the KL
/// coefficient, so it is a beta-sensitivity point). 1 reward call. Spelled `sparse*F`.
public struct ScaledSparseCredit: CreditRule {
    public static let grammar = "sparse*F (F a finite number)"

    public let factor: Double

    public init(factor: Double) { self.factor = factor }

    public init?(spelling: CreditSpelling, defaults: ShapleyCreditOptions) throws {
        guard spelling.name.hasPrefix("sparse*") else { return nil }
        try spelling.allowOnly([])
        guard let factor = Double(spelling.name.dropFirst("sparse*".count)), factor.isFinite else {
            throw spelling.failure("F must be a finite number")
        }
        self.factor = factor
    }

    public var description: String { "sparse*\(CreditScheme.number(factor))" }
    public var isEfficient: Bool { false }

    public func rewards(total: Double, stepCount: Int) -> [Double] {
        var rewards = [Double](repeating: 0, count: stepCount)
        rewards[stepCount - 1] = factor * total
        return rewards
    }
}

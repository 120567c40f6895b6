import Shapley

/// How a sequence reward R is turned into per-step rewards r_1..r_T for one response of T
/// actions (its words, plus `<eos>` when the policy ended the response itself).
///
/// Unit-based schemes (`shapley`, `leaveOneOut`) play the game of the response's units at the
/// run's `UnitLevel`, v(S) = reward(prompt + response keeping the units in S) (`ResponseGame`),
/// and put a unit's credit on the step of the unit's last word; steps inside a unit get 0.
/// - `sparse`: r_T = R, every other r_t = 0 (standard RLHF).
/// - `scaledSparse(factor)`: r_T = factor * R (a reward-scale control: not efficient).
/// - `uniform`: r_t = R / T.
/// - `shapley(options)`: SCAR, r_t = alpha * (phi_t + v(empty) / T) + (1 - alpha) * R [t = T], phi
///   the Shapley values of the units (see `ShapleyCreditOptions` for the estimator); sums to
///   R exactly when the estimator is efficient (exact, Owen and KernelSHAP are).
/// - `leaveOneOut`: r_t = v(N) - v(N minus the unit); not efficient.
/// - `attention(mix: b)`: ABC, r_t = b R a_t + (1 - b) R [t = T], with a_t the attention model's
///   weights over the response's words (final-token attention restricted to the response and
///   renormalised to sum to 1; `<eos>` gets none).
///
/// A response without words (the policy ended it at once) has T = 1: every scheme puts
/// R (factor * R for `scaledSparse`) on that step.
public enum CreditScheme: Sendable, Hashable, CustomStringConvertible {
    case sparse
    case scaledSparse(factor: Double)
    case uniform
    case shapley(ShapleyCreditOptions)
    case leaveOneOut
    case attention(mix: Double)

    /// SCAR with alpha = 1 and the default estimator choice.
    public static let scar = CreditScheme.shapley(ShapleyCreditOptions())
    /// ABC with b = 0.8 (the ABC code's value for TL;DR and OpenLLaMA).
    public static let abc = CreditScheme.attention(mix: 0.8)

    /// Whether the per-step rewards must sum to R (checked by `CreditAssignment.checkEfficiency`).
    public var isEfficient: Bool {
        switch self {
        case .sparse, .uniform, .shapley, .attention: return true
        case .scaledSparse, .leaveOneOut: return false
        }
    }

    /// The name `init(parsing:)` reads back: sparse, sparse*F, uniform, shapley[:alpha], loo,
    /// abc[:b].
    public var description: String {
        switch self {
        case .sparse: return "sparse"
        case .scaledSparse(let factor): return "sparse*\(factor)"
        case .uniform: return "uniform"
        case .shapley(let options): return options.alpha == 1 ? "shapley" : "shapley:\(options.alpha)"
        case .leaveOneOut: return "loo"
        case .attention(let mix): return mix == 0.8 ? "abc" : "abc:\(mix)"
        }
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let text: String
        public var description: String {
            "unknown credit scheme '\(text)'; expected sparse, sparse*F, uniform, shapley, shapley:ALPHA, loo, abc or abc:B (ALPHA, B in [0, 1])"
        }
    }

    /// Parses the names written by `description` (shapley and abc with the default options).
    public init(parsing text: String) throws {
        func fraction(_ word: Substring) throws -> Double {
            guard let value = Double(word), (0...1).contains(value) else { throw ParseError(text: text) }
            return value
        }
        let parts = text.split(separator: ":", maxSplits: 1)
        switch (parts.first.map(String.init), parts.count) {
        case ("sparse", 1): self = .sparse
        case ("uniform", 1): self = .uniform
        case ("loo", 1): self = .leaveOneOut
        case ("shapley", 1): self = .scar
        case ("shapley", 2): self = .shapley(ShapleyCreditOptions(alpha: try fraction(parts[1])))
        case ("abc", 1): self = .abc
        case ("abc", 2): self = .attention(mix: try fraction(parts[1]))
        default:
            guard text.hasPrefix("sparse*"), let factor = Double(text.dropFirst("sparse*".count)), factor.isFinite else {
                throw ParseError(text: text)
            }
            self = .scaledSparse(factor: factor)
        }
    }
}

/// SCAR's estimator choice: exact Shapley values when the response has at most `exactUpTo`
/// units, otherwise `fallback` (Owen values over the units grouped by the next coarser level,
/// or a sampling estimator) at `budget` reward-model calls; `alpha` mixes the dense credit with
/// the sparse reward.
public struct ShapleyCreditOptions: Sendable, Hashable {
    public var alpha: Double
    public var exactUpTo: Int
    public var fallback: EstimatorKind
    public var budget: Int

    public init(alpha: Double = 1, exactUpTo: Int = 10, fallback: EstimatorKind = .owen, budget: Int = 500) {
        self.alpha = alpha
        self.exactUpTo = exactUpTo
        self.fallback = fallback
        self.budget = budget
    }
}

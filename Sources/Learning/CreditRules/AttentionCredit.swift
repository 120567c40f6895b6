import Shapley
import Statistics
import Tasks

/// ABC, attention-based credit (Chan et al. 2024): r_t = b R a_t + (1 - b) R [t = T], with a_t the
/// attention model's weights over the response's words (final-token attention restricted to the
/// response and renormalised to sum to 1; `<eos>` gets none; with no attention mass on the
/// response, R goes to the last step). Efficient; 1 reward call plus one attention pass. Needs an
/// attention model over the text (`CreditEnvironment.attention`), so it plays no unit game and is
/// refused on one. Spelled `abc(b=B)`, b = 0.8 when left out (the ABC code's value for TL;DR and
/// OpenLLaMA).
public struct AttentionCredit: CreditRule {
    public static let grammar = "abc[(b=B)] (B in [0, 1])"

    /// b, the share of R spread by attention.
    public let mix: Double

    public init(mix: Double) { self.mix = mix }

    public init?(spelling: CreditSpelling, defaults: ShapleyCreditOptions) throws {
        guard spelling.name == "abc" else { return nil }
        try spelling.allowOnly(["b"])
        mix = try spelling.fraction("b", default: 0.8)
    }

    public var description: String { "abc(b=\(CreditScheme.number(mix)))" }
    public var isEfficient: Bool { true }
    public var needsAttention: Bool { true }

    public func rewards<Game: CooperativeGame>(
        game: Game, stepOfPlayer: [Int], stepCount: Int, partition: () throws -> PlayerPartition, random: RandomStream
    ) throws -> [Double] {
        throw CreditEnvironment.MissingAttention()
    }

    public func rewards(total: Double, response: GeneratedResponse, environment: CreditEnvironment) throws -> [Double] {
        guard !response.wordRanges.isEmpty else { return rewards(total: total, stepCount: response.stepCount) }
        guard let model = environment.attention else { throw CreditEnvironment.MissingAttention() }
        let offset = response.prompt.unicodeScalars.count
        let weights = model.attention(response.prompt + response.response).filter { $0.token.range.lowerBound >= offset }
        let mass = weights.reduce(0) { $0 + $1.weight }
        guard mass > 0 else { return rewards(total: total, stepCount: response.stepCount) }
        var rewards = [Double](repeating: 0, count: response.stepCount)
        for (token, weight) in weights {
            rewards[response.step(endingUnitAt: token.range.upperBound - offset)] += mix * total * weight / mass
        }
        rewards[response.stepCount - 1] += (1 - mix) * total
        return rewards
    }
}

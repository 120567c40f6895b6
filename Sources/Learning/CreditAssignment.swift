import Shapley
import Statistics
import Tasks

/// Per-step rewards of one response under one credit scheme.
public struct CreditAssignment: Sendable, Equatable {
    /// r_1..r_T.
    public let rewards: [Double]
    /// R, the reward of prompt + response.
    public let sequenceReward: Double
    /// Reward-model calls this assignment used (distinct texts scored, R included).
    public let rewardCalls: Int

    public struct EfficiencyError: Error, CustomStringConvertible {
        public let scheme: String
        public let sum: Double
        public let sequenceReward: Double
        public var description: String {
            "credit scheme \(scheme) gave per-step rewards summing to \(sum), not the sequence reward \(sequenceReward)"
        }
    }

    /// Throws unless |sum of r_t - R| <= tolerance, for a scheme whose rewards must sum to R
    /// (`CreditScheme.isEfficient`); does nothing for the other schemes.
    public func checkEfficiency(of scheme: CreditScheme, tolerance: Double = 1e-9) throws {
        guard scheme.isEfficient else { return }
        let sum = rewards.reduce(0, +)
        guard abs(sum - sequenceReward) <= tolerance else {
            throw EfficiencyError(scheme: scheme.description, sum: sum, sequenceReward: sequenceReward)
        }
    }
}

/// What the schemes score responses with.
public struct CreditEnvironment {
    /// The sequence reward model (R and the unit games).
    public let reward: any TextRewardModel
    /// The attention model ABC redistributes R with (`nil`: ABC is unavailable).
    public let attention: (any TokenAttentionModel)?
    /// The units of the response games.
    public let level: UnitLevel

    public init(reward: any TextRewardModel, attention: (any TokenAttentionModel)?, level: UnitLevel) {
        self.reward = reward
        self.attention = attention
        self.level = level
    }

    public struct MissingAttention: Error, CustomStringConvertible {
        public var description: String { "the attention credit scheme (abc) needs an attention model" }
    }
}

extension CreditScheme {
    /// The per-step rewards of `response` (see `CreditScheme` for each scheme's formula);
    /// `random` feeds the sampling estimators only.
    public func assign(_ response: GeneratedResponse, in environment: CreditEnvironment, random: RandomStream) throws -> CreditAssignment {
        let steps = response.stepCount
        let last = steps - 1
        var rewards = [Double](repeating: 0, count: steps)
        let unitSchemes: Bool = { if case .shapley = self { return true }; return self == .leaveOneOut }()
        guard !response.wordRanges.isEmpty, unitSchemes else {
            let total = try environment.reward.reward(response.prompt + response.response)
            try spread(total, over: &rewards, response: response, environment: environment)
            return CreditAssignment(rewards: rewards, sequenceReward: total, rewardCalls: 1)
        }
        let game = try TextGame(
            text: response.response, level: environment.level,
            model: PromptedRewardModel(prompt: response.prompt, base: environment.reward))
        let total = try game.value(of: game.grandCoalition)
        let credits: [Double]
        switch self {
        case .shapley(let options):
            let estimator = game.playerCount <= options.exactUpTo
                ? ExactShapley()
                : try options.fallback.make(partition: options.fallback == .owen ? try game.partitionByCoarserUnits() : nil)
            let budget = game.playerCount <= options.exactUpTo ? nil : options.budget
            let phi = try estimator.estimate(game, budget: budget, random: random).values
            let empty = try game.value(of: .empty)
            credits = phi.map { options.alpha * $0 }
            for t in 0..<steps { rewards[t] += options.alpha * empty / Double(steps) }
            rewards[last] += (1 - options.alpha) * total
        default:
            credits = try (0..<game.playerCount).map { total - (try game.value(of: game.grandCoalition.removing($0))) }
        }
        for (unit, credit) in zip(game.units, credits) {
            rewards[response.step(endingUnitAt: unit.range.upperBound)] += credit
        }
        return CreditAssignment(rewards: rewards, sequenceReward: total, rewardCalls: game.rewardCalls)
    }

    /// Fills `rewards` for the schemes that only need R (and, for ABC, attention), and for any
    /// scheme on a response without words.
    private func spread(_ total: Double, over rewards: inout [Double], response: GeneratedResponse, environment: CreditEnvironment) throws {
        let last = rewards.count - 1
        switch self {
        case .uniform:
            for t in rewards.indices { rewards[t] = total / Double(rewards.count) }
        case .scaledSparse(let factor):
            rewards[last] = factor * total
        case .attention(let mix) where !response.wordRanges.isEmpty:
            guard let model = environment.attention else { throw CreditEnvironment.MissingAttention() }
            let offset = response.prompt.unicodeScalars.count
            let weights = model.attention(response.prompt + response.response).filter { $0.token.range.lowerBound >= offset }
            let mass = weights.reduce(0) { $0 + $1.weight }
            guard mass > 0 else {
                rewards[last] = total
                return
            }
            for (token, weight) in weights {
                rewards[response.step(endingUnitAt: token.range.upperBound - offset)] += mix * total * weight / mass
            }
            rewards[last] += (1 - mix) * total
        default:
            rewards[last] = total
        }
    }
}

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

    public init(reward: any TextRewardModel, attention: (any TokenAttentionModel)?) {
        self.reward = reward
        self.attention = attention
    }

    public struct MissingAttention: Error, CustomStringConvertible {
        public var description: String { "the attention credit scheme (abc) needs an attention model" }
    }

    /// A unit-game scheme whose units this environment cannot play (actions over text, or text
    /// units over an action task's episode).
    public struct WrongUnits: Error, CustomStringConvertible {
        public let scheme: CreditScheme
        public let expected: String
        public var description: String { "credit scheme \(scheme) cannot be played here: its units must be \(expected)" }
    }
}

extension CreditScheme {
    /// The per-step rewards of `response` (see the scheme's rule for its formula; a unit-game
    /// scheme's units must be text units): a unit-game scheme, or the prompt baseline, plays the
    /// response's text game at its level (`CreditRule.textGameLevel`) through
    /// `PromptedRewardModel`; any other scheme, and any scheme on a response without words, is paid
    /// from R alone (and the environment's attention, for ABC) at 1 reward call. `random` feeds the
    /// sampling estimators only.
    public func assign(_ response: GeneratedResponse, in environment: CreditEnvironment, random: RandomStream) throws -> CreditAssignment {
        let level = try rule.textGameLevel()
        guard !response.wordRanges.isEmpty, let level else {
            let total = try environment.reward.reward(response.prompt + response.response)
            let rewards = try rule.rewards(total: total, response: response, environment: environment)
            return CreditAssignment(rewards: rewards, sequenceReward: total, rewardCalls: 1)
        }
        let game = try TextGame(
            text: response.response, level: level,
            model: PromptedRewardModel(prompt: response.prompt, base: environment.reward), completion: rule.completion)
        let rewards = try unitRewards(
            game, stepOfPlayer: game.units.map { response.step(endingUnitAt: $0.range.upperBound) },
            stepCount: response.stepCount, partition: game.partitionByCoarserUnits, random: random)
        return CreditAssignment(rewards: rewards, sequenceReward: try game.value(of: game.grandCoalition), rewardCalls: game.rewardCalls)
    }

    /// The text level of a unit-game scheme (`nil` for the others); throws `WrongUnits` when its
    /// units are actions.
    func textLevel() throws -> UnitLevel? { try rule.textGameLevel() }

    /// Throws `WrongUnits` unless the scheme needs no units or plays an episode's actions.
    public func checkActionUnits() throws {
        if let units, units != .actions { throw CreditEnvironment.WrongUnits(scheme: self, expected: "actions") }
    }

    /// The per-step rewards of a response whose units are the players of `game`, with
    /// R = v(N): unit i's credit goes to step `stepOfPlayer[i]` (of `stepCount` steps), by the
    /// scheme's rule (`CreditRule.rewards(game:...)`: the one place both learners and the claim
    /// checks C1 and C2 compute rewards). Value calls go through `game`, so a metered or caching
    /// game counts them.
    public func unitRewards(_ game: some CooperativeGame, stepOfPlayer: [Int], stepCount: Int,
                            partition: () throws -> PlayerPartition, random: RandomStream) throws -> [Double] {
        precondition(stepOfPlayer.count == game.playerCount && stepOfPlayer.allSatisfy { (0..<stepCount).contains($0) },
                     "every player needs a step in 0..<stepCount")
        return try rule.rewards(game: game, stepOfPlayer: stepOfPlayer, stepCount: stepCount, partition: partition, random: random)
    }
}

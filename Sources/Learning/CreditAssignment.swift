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
    /// The per-step rewards of `response` (see `CreditScheme` for each scheme's formula; a
    /// unit-game scheme's units must be text units); `random` feeds the sampling estimators only.
    public func assign(_ response: GeneratedResponse, in environment: CreditEnvironment, random: RandomStream) throws -> CreditAssignment {
        // The prompt baseline needs only v(N) and v(empty), the same at every unit level.
        let level = try textLevel() ?? (self == .promptBaseline ? .sentences : nil)
        guard !response.wordRanges.isEmpty, let level else {
            var rewards = [Double](repeating: 0, count: response.stepCount)
            let total = try environment.reward.reward(response.prompt + response.response)
            try spread(total, over: &rewards, response: response, environment: environment)
            return CreditAssignment(rewards: rewards, sequenceReward: total, rewardCalls: 1)
        }
        let game = try TextGame(
            text: response.response, level: level,
            model: PromptedRewardModel(prompt: response.prompt, base: environment.reward), completion: textCompletion)
        let rewards = try unitRewards(
            game, stepOfPlayer: game.units.map { response.step(endingUnitAt: $0.range.upperBound) },
            stepCount: response.stepCount, partition: game.partitionByCoarserUnits, random: random)
        return CreditAssignment(rewards: rewards, sequenceReward: try game.value(of: game.grandCoalition), rewardCalls: game.rewardCalls)
    }

    /// The text level of a unit-game scheme (`nil` for the others); throws `WrongUnits` when its
    /// units are actions.
    func textLevel() throws -> UnitLevel? {
        switch units {
        case .text(let level): return level
        case .actions: throw CreditEnvironment.WrongUnits(scheme: self, expected: "tokens, spans:K or sentences")
        case nil: return nil
        }
    }

    /// How the scheme's text games complete a coalition: SCAR's choice (`masksMissingUnits`), else
    /// removal.
    var textCompletion: TextGame.Completion {
        if case .shapley(let options) = self { return options.completion }
        return .removal
    }

    /// Throws `WrongUnits` unless the scheme needs no units or plays an episode's actions.
    public func checkActionUnits() throws {
        if let units, units != .actions { throw CreditEnvironment.WrongUnits(scheme: self, expected: "actions") }
    }

    /// The per-step rewards of a response whose units are the players of `game`, with
    /// R = v(N): unit i's credit goes to step `stepOfPlayer[i]` (of `stepCount` steps), and
    /// - `shapley`: r_t = alpha * (phi_t + v(empty) / T) + (1 - alpha) * R [t = T], phi exact when
    ///   the game has at most `exactUpTo` players, else `estimator` at `budget` calls (Owen
    ///   values group the players by `partition`);
    /// - `leaveOneOut`: r_t = v(N) - v(N minus unit t);
    /// - `promptBaseline`: v(empty) / T on every step plus v(N) - v(empty) on the last;
    /// - every other scheme: R on the last step (scaled by `scaledSparse`'s factor), or R / T on
    ///   every step for `uniform` (also every scheme's rule for a game without players); ABC
    ///   needs attention over text and is refused.
    /// Value calls go through `game`, so a metered or caching game counts them.
    public func unitRewards(_ game: some CooperativeGame, stepOfPlayer: [Int], stepCount: Int,
                            partition: () throws -> PlayerPartition, random: RandomStream) throws -> [Double] {
        precondition(stepOfPlayer.count == game.playerCount && stepOfPlayer.allSatisfy { (0..<stepCount).contains($0) },
                     "every player needs a step in 0..<stepCount")
        if case .attention = self { throw CreditEnvironment.MissingAttention() }
        let total = try game.value(of: game.grandCoalition)
        var rewards = [Double](repeating: 0, count: stepCount)
        let credits: [Double]
        switch self {
        case .shapley(let options) where game.playerCount > 0:
            let exact = game.playerCount <= options.exactUpTo
            let estimator = exact ? ExactShapley() : try options.fallback(partition: partition)
            let phi = try estimator.estimate(game, budget: exact ? nil : options.budget, random: random).values
            let empty = try game.value(of: .empty)
            credits = phi.map { options.alpha * $0 }
            for t in 0..<stepCount { rewards[t] += options.alpha * empty / Double(stepCount) }
            rewards[stepCount - 1] += (1 - options.alpha) * total
        case .leaveOneOut where game.playerCount > 0:
            credits = try (0..<game.playerCount).map { total - (try game.value(of: game.grandCoalition.removing($0))) }
        case .promptBaseline:
            let empty = try game.value(of: .empty)
            for t in 0..<stepCount { rewards[t] = empty / Double(stepCount) }
            rewards[stepCount - 1] += total - empty
            return rewards
        case .sparse, .scaledSparse, .uniform, .attention, .shapley, .leaveOneOut:
            return rewardsFromTotal(total, stepCount: stepCount)
        }
        for (player, credit) in credits.enumerated() { rewards[stepOfPlayer[player]] += credit }
        return rewards
    }

    /// The rewards of the schemes that need only R: R / T on every step for `uniform`, else R on
    /// the last step (factor * R for `scaledSparse`). Unit schemes use it for a response without
    /// units.
    func rewardsFromTotal(_ total: Double, stepCount: Int) -> [Double] {
        var rewards = [Double](repeating: 0, count: stepCount)
        switch self {
        case .uniform: for t in rewards.indices { rewards[t] = total / Double(stepCount) }
        case .scaledSparse(let factor): rewards[stepCount - 1] = factor * total
        case .sparse, .promptBaseline, .shapley, .leaveOneOut, .attention: rewards[stepCount - 1] = total
        }
        return rewards
    }

    /// Fills `rewards` for the schemes that only need R (and, for ABC, attention), and for any
    /// scheme on a response without words.
    private func spread(_ total: Double, over rewards: inout [Double], response: GeneratedResponse, environment: CreditEnvironment) throws {
        let last = rewards.count - 1
        switch self {
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
        case .attention, .sparse, .scaledSparse, .uniform, .shapley, .leaveOneOut, .promptBaseline:
            rewards = rewardsFromTotal(total, stepCount: rewards.count)
        }
    }
}

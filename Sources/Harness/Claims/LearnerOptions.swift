import Learning
import Tasks

/// What `train` may change about a task's learner: PPO's settings (from the task's defaults),
/// the held-out evaluation interval, on tasks whose policy writes words the word policy, and on
/// tasks that accept one (`BenchmarkTask.acceptsRemoteRewardModel`) the reward model.
public struct LearnerOptions {
    /// Maps the learner's default PPO settings to the ones used.
    public var ppo: (PPOSettings) -> PPOSettings
    /// The word policy (sentiment); tasks whose policy chooses actions ignore it.
    public var wordPolicy: SentimentRLExperiment.Configuration.Policy
    /// The built-in sentiment reward model and ABC's attention (`SentimentReward`), read by the
    /// sentiment task; sentiment-transformer always trains on the transformer, the other tasks
    /// ignore it.
    public var sentimentReward: SentimentReward
    /// A reward model in place of the task's own (e.g. one behind HTTP): its name, which goes
    /// into the stored runs' key, and a factory given the reference the task sends along (`nil`
    /// for none). `nil`: the task's own reward model.
    public var reward: RewardReplacement?
    /// What sentiment's value head reads (the prompt too, for the critic control); tasks whose
    /// value head reads state features ignore it.
    public var critic: SentimentRLExperiment.Configuration.Critic
    /// T, the most words in a sentiment response (`nil`: the task's default, 8); the other tasks
    /// ignore it.
    public var horizon: Int?
    /// k of the held-out evaluations (`HeldOutEvaluation`; part of the stored runs' key); nil:
    /// max(1, round(steps / 20)).
    public var evaluationInterval: Int?

    public typealias RewardReplacement = (name: String, make: @Sendable (_ reference: String?) throws -> any TextRewardModel & Sendable)

    public init(ppo: @escaping (PPOSettings) -> PPOSettings = { $0 }, wordPolicy: SentimentRLExperiment.Configuration.Policy = .gru,
                sentimentReward: SentimentReward = .vader, reward: RewardReplacement? = nil,
                critic: SentimentRLExperiment.Configuration.Critic = .positionAndWord, horizon: Int? = nil,
                evaluationInterval: Int? = nil) {
        self.ppo = ppo
        self.wordPolicy = wordPolicy
        self.sentimentReward = sentimentReward
        self.reward = reward
        self.critic = critic
        self.horizon = horizon
        self.evaluationInterval = evaluationInterval
    }
}

import Learning

/// `SCARLearner` over Learning's `SentimentRLExperiment` (one experiment, i.e. one fitted
/// pi_ref, shared by every run), under any credit scheme whose units are text units. The curve is
/// the mean reward of each training batch (before that step's update) and the held-out
/// evaluations on the evaluation prompts; totals hold the run's reward-model calls and the final
/// policy's held-out evaluation (`final_evaluation`), which the claims use as the final reward.
public struct SentimentRLAdapter: SCARLearner {
    public let experiment: SentimentRLExperiment

    /// Fits pi_ref; `options` choose the word policy, the critic, the horizon and the built-in
    /// reward (VADER or the transformer), map its default PPO settings and may replace the reward
    /// model (e.g. by HTTP).
    public init(_ options: LearnerOptions = LearnerOptions()) throws {
        var configuration = SentimentRLExperiment.Configuration(policy: options.wordPolicy)
        if let horizon = options.horizon { configuration.horizon = horizon }
        configuration.evaluationInterval = options.evaluationInterval
        configuration.reward = options.sentimentReward
        configuration.ppo = options.ppo(configuration.ppo)
        configuration.critic = options.critic
        experiment = try SentimentRLExperiment(configuration: configuration, reward: try options.reward?.make(nil))
    }

    init(experiment: SentimentRLExperiment) {
        self.experiment = experiment
    }

    public var klCoefficient: Double? { experiment.configuration.ppo.klCoefficient }

    /// The same fitted pi_ref (and reward model) under beta = `klCoefficient` and the chosen critic.
    public func variant(klCoefficient: Double, promptAwareCritic: Bool) throws -> (any SCARRunner)? {
        var ppo = experiment.configuration.ppo
        ppo.klCoefficient = klCoefficient
        return SentimentRLAdapter(experiment: experiment.with(ppo: ppo, critic: promptAwareCritic ? .promptAware : .positionAndWord))
    }

    /// The same settings and reward model at responses of at most `horizon` words, pi_ref refitted
    /// (`SentimentRLExperiment.refitted`).
    public func refitted(horizon: Int) throws -> SentimentRLAdapter {
        SentimentRLAdapter(experiment: try experiment.refitted(horizon: horizon))
    }

    /// The learner's settings (`SentimentRLExperiment.Configuration.storeKey`).
    public var storeKey: String { experiment.configuration.storeKey }

    public var evaluationSet: String { "\(experiment.evaluationPromptCount) evaluation prompts" }

    public func train(_ scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int, progress: (Int) -> Void) throws -> LearningCurve {
        try experiment.run(scheme: scheme, seed: seed, steps: steps, batchSize: batchSize, progress: progress)
    }

    public func referenceEvaluation(seed: UInt64) throws -> Double {
        try experiment.referenceEvaluation(seed: seed)
    }
}

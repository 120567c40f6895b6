import Learning

/// `SCARLearner` over Learning's `ActionTaskExperiment` on an action task (an environment whose
/// policy chooses among given actions, e.g. sentences): a log-linear policy from the uniform
/// reference, under any credit scheme whose units are the actions (ABC is refused). The curve is
/// each training batch's mean reward (before that step's update) and the held-out evaluations on
/// the evaluation episodes; totals hold the run's reward-model calls and the final policy's
/// held-out evaluation (`final_evaluation`).
public struct ActionTaskRLAdapter: SCARLearner {
    /// The stored runs' configuration key: the task's data key, then the learner's settings
    /// (`ActionTaskExperiment.Configuration.storeKey`; SCAR's options are in the scheme).
    public let storeKey: String
    public let evaluationSet: String
    private let runOne: (CreditScheme, UInt64, Int, Int, (Int) -> Void) throws -> LearningCurve
    private let referenceOne: (UInt64) throws -> Double
    /// The learner's PPO settings.
    private let ppo: PPOSettings
    /// The same learner on the same data under other PPO settings (for `variant`).
    private let withPPO: (PPOSettings) throws -> ActionTaskRLAdapter

    /// The learner on `environment`'s `trainingEpisodes`, evaluated on `evaluationEpisodes` (held
    /// out: disjoint from the training episodes), which are `episodeNoun` (e.g. "articles");
    /// `dataKey` says what the runs depend on in the task's data (so a change of it redoes stored
    /// runs), `options.ppo` maps the learner's default PPO settings to the ones used.
    public init<Environment: ActionTask>(environment: Environment, trainingEpisodes: [Int], evaluationEpisodes: [Int],
                                         episodeNoun: String, dataKey: String, options: LearnerOptions) throws {
        var configuration = ActionTaskExperiment<Environment>.Configuration()
        configuration.ppo = options.ppo(configuration.ppo)
        configuration.evaluationInterval = options.evaluationInterval
        let experiment = try ActionTaskExperiment(task: environment, trainingEpisodes: trainingEpisodes,
                                                  evaluationEpisodes: evaluationEpisodes, configuration: configuration)
        runOne = { try experiment.run(scheme: $0, seed: $1, steps: $2, batchSize: $3, progress: $4) }
        referenceOne = experiment.referenceEvaluation
        storeKey = dataKey + ";" + experiment.configuration.storeKey
        evaluationSet = "\(evaluationEpisodes.count) evaluation \(episodeNoun)"
        ppo = configuration.ppo
        withPPO = { settings in
            var changed = options
            changed.ppo = { _ in settings }
            return try ActionTaskRLAdapter(environment: environment, trainingEpisodes: trainingEpisodes,
                                           evaluationEpisodes: evaluationEpisodes, episodeNoun: episodeNoun, dataKey: dataKey,
                                           options: changed)
        }
    }

    public var klCoefficient: Double? { ppo.klCoefficient }

    /// The learner under beta = `klCoefficient`; `nil` for the prompt-aware critic, which only
    /// sentiment has (here the value head reads the task's state features: instruction
    /// following's include the prompt's instruction ids, summarization's do not see the article).
    public func variant(klCoefficient: Double, promptAwareCritic: Bool) throws -> (any SCARRunner)? {
        guard !promptAwareCritic else { return nil }
        var settings = ppo
        settings.klCoefficient = klCoefficient
        return try withPPO(settings)
    }

    /// One run under any credit scheme (`CreditScheme.assign`'s action-game rules; ABC is refused).
    public func train(_ scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int, progress: (Int) -> Void) throws -> LearningCurve {
        try runOne(scheme, seed, steps, batchSize, progress)
    }

    /// The held-out reward of the untrained (uniform) policy under `seed`'s evaluation stream.
    public func referenceEvaluation(seed: UInt64) throws -> Double {
        try referenceOne(seed)
    }
}

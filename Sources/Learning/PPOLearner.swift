import Statistics

/// What `PPOTrainer` needs of one learner (the word policy of sentiment control, the action
/// policies of the action tasks), for one run under one credit scheme: rollouts, their credit,
/// the minibatches of an epoch and the clipped-surrogate gradient of a minibatch.
protocol PPOLearner {
    associatedtype Policy: PPOParameters
    associatedtype Episode: PPOEpisode
    associatedtype Value: PPOValueModel where Value.State == Episode.State

    /// `count` rollouts of `policy`, drawing only from `random`, with their log-probabilities
    /// under the sampling policy and pi_ref and their value-head states.
    func rollouts(_ policy: Policy, count: Int, random: RandomStream) throws -> [Episode]

    /// The per-step rewards of `episode` under the run's scheme (`random` feeds the sampling
    /// estimators only).
    func credit(_ episode: Episode, random: RandomStream) throws -> CreditAssignment

    /// The minibatches (episode indices) of one epoch over `count` episodes; may draw from `random`.
    func minibatches(count: Int, random: RandomStream) -> [[Int]]

    /// The gradient of PPO's clipped surrogate loss (`PPO.clippedSurrogate`,
    /// L = -(1/N) sum over the N steps of the `chosen` episodes of min(rho A, clip(rho) A)) with
    /// `advantages` flattened over `batch`'s steps.
    func surrogateGradient(_ policy: Policy, batch: PPOBatch<Episode>, advantages: [Double], chosen: [Int], clip: Double) -> [Double]
}

/// One rollout as PPO reads it.
protocol PPOEpisode {
    associatedtype State
    /// log pi_old(a_t | s_t) per step (the sampling policy).
    var logProbabilities: [Double] { get }
    /// log pi_ref(a_t | s_t) per step.
    var referenceLogProbabilities: [Double] { get }
    /// The value head's input per step.
    var states: [State] { get }
    /// `ExactKL` of the episode: sum over its steps of KL(pi_old(. | s_t) || pi_ref(. | s_t)),
    /// exact over the actions available at each step.
    var exactKL: Double { get }
    /// The response length reported in `LearningCurve.Point.meanLength` (words or content actions).
    var length: Int { get }
}

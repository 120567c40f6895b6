import Foundation
import Shapley
import Statistics
import Tasks

/// SCAR-style RL on an `ActionTask` (extractive summarization, instruction following): a
/// `LinearActionPolicy` is trained by PPO on the task's final reward, spread over the episode's
/// steps by a `CreditScheme` whose units are the episode's content actions (`ActionSubsetGame`:
/// an action's Shapley value is its share of the reward of the response it helped build).
///
/// **Run.** `PPOTrainer` with an `ActionPPOLearner`. The policy starts at theta = 0 (uniform
/// over the legal actions), which is also pi_ref. Per step: `batchSize` training episodes drawn
/// uniformly, one rollout each; per-step rewards r_t = credit_t - beta (log pi_old - log pi_ref)(a_t)
/// (beta = `ppo.klCoefficient`); a linear value baseline on the state features; GAE (discount 1,
/// lambda); advantages whitened over the batch; then `ppo.epochs` full-batch Adam steps on the
/// clipped surrogate and on the value loss. After 0, k, 2k, ... steps and after the last
/// (`HeldOutEvaluation`, k = `Configuration.evaluationInterval`), the policy's mean final reward
/// over `evaluationEpisodes` rollouts of the evaluation episodes: held out where the caller makes
/// them disjoint from the training episodes (the SCAR tasks' splits, in their `SCARTask`s; a task
/// of one instance, such as the token MDP, evaluates where it trains). Credit for unit schemes: step t of a content action gets that action's credit, the stop
/// step gets none (plus v(empty)/T on every step under SCAR, see `CreditScheme.unitRewards`).
/// Randomness: `RandomStream(seed:)` substreams 0 (sampling), 1 (estimators), 3 (evaluation,
/// a fresh copy per evaluation) (2, the trainer's shuffles, goes unused: full batches), so a
/// run is a pure function of its arguments and its training points do not depend on k.
///
/// **Cost.** A rollout computes every legal action's features at every step; the credit costs
/// the value calls of the scheme's estimator (one replay and one reward each; `rewardCalls`).
public struct ActionTaskExperiment<Task: ActionTask> {
    public struct Configuration: Sendable, Equatable {
        /// PPO: KL coefficient beta = 0.01 to the uniform reference, policy learning rate 0.05,
        /// clip 0.2, lambda 0.95, 4 epochs, value learning rate 0.05.
        public var ppo = PPOSettings(klCoefficient: 0.01, policyLearningRate: 0.05)
        /// Episodes of each held-out evaluation (the evaluation list in order, wrapping).
        public var evaluationEpisodes = 128
        /// k of the held-out evaluations (`HeldOutEvaluation`); nil: max(1, round(steps / 20)).
        public var evaluationInterval: Int?

        /// Every setting, for keying stored runs.
        public var storeKey: String {
            "\(ppo.storeKey);evaluation=\(evaluationEpisodes);evaluation-interval=\(HeldOutEvaluation.storeKey(evaluationInterval))"
        }

        public init() {}
    }

    public struct RunError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "invalid action-task RL run: \(reason)" }
    }

    public let task: Task
    public let trainingEpisodes: [Int]
    public let evaluationEpisodes: [Int]
    public let configuration: Configuration

    public init(task: Task, trainingEpisodes: [Int], evaluationEpisodes: [Int], configuration: Configuration = Configuration()) throws {
        guard !trainingEpisodes.isEmpty, !evaluationEpisodes.isEmpty else {
            throw RunError(reason: "an action-task experiment needs training and evaluation episodes")
        }
        guard configuration.evaluationEpisodes >= 1, configuration.evaluationInterval.map({ $0 >= 1 }) ?? true else {
            throw RunError(reason: "evaluation episodes and the evaluation interval must be positive")
        }
        self.task = task
        self.trainingEpisodes = trainingEpisodes
        self.evaluationEpisodes = evaluationEpisodes
        self.configuration = configuration
    }

    /// Trains a fresh uniform policy for `steps` PPO steps of `batchSize` episodes under `scheme`
    /// (a unit-game scheme's units must be `actions`) and returns its learning curve; `progress`
    /// hears the number of finished steps after each.
    public func run(scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int,
                    progress: (Int) -> Void = { _ in }) throws -> LearningCurve {
        try train(scheme: scheme, seed: seed, steps: steps, batchSize: batchSize, progress: progress).curve
    }

    /// `run`, also returning the final policy (for measures the curve does not hold, e.g. the
    /// exact expected reward of a task small enough to enumerate).
    public func train(scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int,
                      progress: (Int) -> Void = { _ in }) throws -> (policy: LinearActionPolicy, curve: LearningCurve) {
        guard steps >= 1, batchSize >= 1 else {
            throw RunError(reason: "steps and batch size must be positive (got \(steps), \(batchSize))")
        }
        try scheme.checkActionUnits()
        let root = RandomStream(seed: seed)
        let trained = try PPOTrainer.train(
            ActionPPOLearner(experiment: self, scheme: scheme), policy: LinearActionPolicy(featureCount: task.policyFeatureCount),
            value: LinearValueBaseline(featureCount: task.valueFeatureCount), scheme: scheme, settings: configuration.ppo,
            root: root, steps: steps, batchSize: batchSize, evaluationInterval: configuration.evaluationInterval,
            evaluate: { try evaluate($0, random: HeldOutEvaluation.stream(seed: seed)) },
            progress: progress)
        let curve = LearningCurve(scheme: scheme.description, seed: seed, batchSize: batchSize, points: trained.points,
                                  evaluations: trained.evaluations, elapsedSeconds: trained.elapsedSeconds)
        return (trained.policy, curve)
    }

    /// The held-out evaluation of the uniform starting policy under `seed`: the evaluation at
    /// step 0 of every run seeded `seed`.
    public func referenceEvaluation(seed: UInt64) throws -> Double {
        try evaluate(LinearActionPolicy(featureCount: task.policyFeatureCount), random: HeldOutEvaluation.stream(seed: seed))
    }

    /// Mean final reward of `policy` over `evaluationEpisodes` rollouts of the evaluation list.
    func evaluate(_ policy: LinearActionPolicy, random: RandomStream) throws -> Double {
        var total = 0.0
        for e in 0..<configuration.evaluationEpisodes {
            total += try rollout(policy, episode: evaluationEpisodes[e % evaluationEpisodes.count], random: random).reward
        }
        return total / Double(configuration.evaluationEpisodes)
    }

    /// One sampled episode with what PPO and the credit need of each step.
    func rollout(_ policy: LinearActionPolicy, episode index: Int, random: RandomStream) throws -> ActionEpisode<Task.Action> {
        var environment = task
        try environment.reset(episode: index)
        var episode = ActionEpisode<Task.Action>(index: index)
        var done = false
        while !done {
            let legal = environment.legalActions
            let features = environment.actionFeatures(legal)
            let distribution = policy.distribution(features)
            let (choice, logProbability) = distribution.sample(random: random)
            episode.stateFeatures.append(environment.stateFeatures())
            episode.features.append(features)
            episode.actions.append(choice)
            episode.logProbabilities.append(logProbability)
            episode.referenceLogProbabilities.append(-log(Double(legal.count)))
            episode.exactKL += ExactKL.divergenceToUniform(distribution)
            if legal[choice] != environment.stopAction {
                episode.contentSteps.append(episode.actions.count - 1)
                episode.contentActions.append(legal[choice])
            }
            done = try environment.take(legal[choice])
        }
        episode.reward = try environment.currentReward()
        return episode
    }
}

/// One rollout of an action task.
struct ActionEpisode<Action: Hashable>: PPOEpisode {
    let index: Int
    var stateFeatures: [[Double]] = []
    /// Per step, the feature rows of the legal actions; `actions` indexes them.
    var features: [[[Double]]] = []
    var actions: [Int] = []
    var logProbabilities: [Double] = []
    var referenceLogProbabilities: [Double] = []
    /// sum_t KL(pi_old(. | s_t) || uniform over the legal actions), exact (`ExactKL`).
    var exactKL = 0.0
    /// The steps that took a content action (not stop), and those actions, in order.
    var contentSteps: [Int] = []
    var contentActions: [Action] = []
    var reward = 0.0

    init(index: Int) { self.index = index }

    /// The value head's input per step.
    var states: [[Double]] { stateFeatures }
    /// Content actions taken.
    var length: Int { contentActions.count }
}

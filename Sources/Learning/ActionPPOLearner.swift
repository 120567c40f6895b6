import Shapley
import Statistics

/// `PPOLearner` of an action task: `experiment`'s log-linear policy plays training episodes
/// drawn uniformly (`ActionTaskExperiment.rollout`, pi_ref uniform over the legal actions), the
/// value head reads the state features, credit is `scheme.unitRewards` of the episode's action
/// game (`ActionSubsetGame`; step t of a content action gets that action's credit, the stop step
/// none), and an epoch is one full-batch step in episode order.
struct ActionPPOLearner<Task: ActionTask>: PPOLearner {
    let experiment: ActionTaskExperiment<Task>
    let scheme: CreditScheme

    typealias Value = LinearValueBaseline

    func rollouts(_ policy: LinearActionPolicy, count: Int, random: RandomStream) throws -> [ActionEpisode<Task.Action>] {
        let episodes = experiment.trainingEpisodes
        return try (0..<count).map { _ in try experiment.rollout(policy, episode: episodes[random.integer(below: episodes.count)], random: random) }
    }

    /// R is the episode's final reward; the game's value calls are counted (`MeteredGame`).
    func credit(_ episode: ActionEpisode<Task.Action>, random: RandomStream) throws -> CreditAssignment {
        let game = MeteredGame(ActionSubsetGame(task: experiment.task, episode: episode.index, actions: episode.contentActions))
        let rewards = try scheme.unitRewards(
            game, stepOfPlayer: episode.contentSteps, stepCount: episode.actions.count,
            partition: { throw GameError.invalidGame("an action game has no coarser units to group by; use another estimator than owen") },
            random: random)
        return CreditAssignment(rewards: rewards, sequenceReward: episode.reward, rewardCalls: game.calls)
    }

    /// One full batch, in episode order (no shuffle).
    func minibatches(count: Int, random: RandomStream) -> [[Int]] { [Array(0..<count)] }

    /// -(1/N) sum over the chosen steps of slope_t d log pi(a_t | s_t) / d theta (`PPO.clippedTerm`).
    func surrogateGradient(_ policy: LinearActionPolicy, batch: PPOBatch<ActionEpisode<Task.Action>>, advantages: [Double],
                           chosen: [Int], clip: Double) -> [Double] {
        var gradient = [Double](repeating: 0, count: policy.weights.count)
        let scale = 1 / Double(batch.steps(of: chosen).count)
        for i in chosen {
            let episode = batch.episodes[i]
            for t in episode.actions.indices {
                let distribution = policy.distribution(episode.features[t])
                let term = PPO.clippedTerm(logProbability: distribution.logProbability(episode.actions[t]),
                                           oldLogProbability: episode.logProbabilities[t], advantage: advantages[batch.offsets[i] + t],
                                           clip: clip)
                if term.slope != 0 {
                    policy.accumulateGradient(features: episode.features[t], action: episode.actions[t], distribution: distribution,
                                              coefficient: -term.slope * scale, into: &gradient)
                }
            }
        }
        return gradient
    }
}

extension LinearActionPolicy: PPOParameters {
    /// The weights theta, as `PPOTrainer` steps them.
    var parameters: [Double] {
        get { weights }
        set { weights = newValue }
    }
}

import Statistics
import Tasks

/// `PPOLearner` of sentiment control: `experiment`'s word policy continues prompts drawn
/// uniformly (`SentimentRLExperiment.rollout`), pi_ref scores each response in one batch, the
/// value head reads each step's position and previous word, credit is `scheme.assign` in
/// `environment`, an epoch is `configuration.minibatches` shuffled minibatches of whole episodes,
/// and the surrogate gradient backpropagates through each episode (`PPO.clippedSurrogate`).
struct WordPPOLearner<Policy: WordPolicy>: PPOLearner {
    let experiment: SentimentRLExperiment
    let reference: Policy
    let scheme: CreditScheme
    /// The run's reward model (memoised per run) and attention model.
    let environment: CreditEnvironment

    typealias Value = ValueBaseline

    /// A rollout with pi_ref's log-probabilities and the value head's states.
    struct Episode: PPOEpisode {
        let rollout: WordRollout
        let referenceLogProbabilities: [Double]
        let states: [PolicyState]
        var logProbabilities: [Double] { rollout.logProbabilities }
        /// Words in the response.
        var length: Int { rollout.response.wordRanges.count }
    }

    func rollouts(_ policy: Policy, count: Int, random: RandomStream) throws -> [Episode] {
        let prompts = experiment.prompts, horizon = experiment.configuration.horizon
        let rollouts = (0..<count).map { _ in
            experiment.rollout(policy, prompt: prompts[random.integer(below: prompts.count)], random: random)
        }
        return zip(rollouts, reference.logProbabilities(rollouts.map(\.sequence))).map { rollout, referenceLogProbabilities in
            Episode(rollout: rollout, referenceLogProbabilities: referenceLogProbabilities,
                    states: rollout.sequence.actions.indices.map { rollout.sequence.state(at: $0, horizon: horizon) })
        }
    }

    func credit(_ episode: Episode, random: RandomStream) throws -> CreditAssignment {
        try scheme.assign(episode.rollout.response, in: environment, random: random)
    }

    /// A shuffled order cut into `configuration.minibatches` chunks of ceil(count / minibatches).
    func minibatches(count: Int, random: RandomStream) -> [[Int]] {
        let order = random.permutation(of: count)
        let size = (count + experiment.configuration.minibatches - 1) / experiment.configuration.minibatches
        return stride(from: 0, to: count, by: size).map { Array(order[$0..<min($0 + size, count)]) }
    }

    func surrogateGradient(_ policy: Policy, batch: PPOBatch<Episode>, advantages: [Double], chosen: [Int], clip: Double) -> [Double] {
        PPO.clippedSurrogate(
            policy, sequences: batch.episodes.map(\.rollout.sequence), oldLogProbabilities: batch.episodes.map(\.logProbabilities),
            advantages: batch.perEpisode(advantages), indices: chosen, clip: clip).gradient
    }
}

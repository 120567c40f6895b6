import Statistics
import Tasks

/// `PPOLearner` of sentiment control: `experiment`'s word policy continues training prompts drawn
/// uniformly (`SentimentRLExperiment.rollout`), pi_ref scores each response in one batch, the
/// value head reads each step's position and previous word (and the prompt under the
/// prompt-aware critic), credit is `scheme.assign` in
/// `environment`, an epoch is `configuration.minibatches` shuffled minibatches of whole episodes,
/// and the surrogate gradient backpropagates through each episode (`PPO.clippedSurrogate`).
struct WordPPOLearner<Policy: WordPolicy>: PPOLearner {
    let experiment: SentimentRLExperiment
    let reference: Policy
    let scheme: CreditScheme
    /// The run's reward model (memoised per run unless it is VADER) and attention model.
    let environment: CreditEnvironment

    typealias Value = ValueBaseline

    /// A rollout with pi_ref's log-probabilities and the value head's states.
    struct Episode: PPOEpisode {
        let rollout: WordRollout
        let referenceLogProbabilities: [Double]
        let states: [CriticState]
        /// `ExactKL.sequence` of the rollout, the sampling policy against pi_ref over the vocabulary.
        let exactKL: Double
        var logProbabilities: [Double] { rollout.logProbabilities }
        /// Words in the response.
        var length: Int { rollout.response.wordRanges.count }
    }

    func rollouts(_ policy: Policy, count: Int, random: RandomStream) throws -> [Episode] {
        let prompts = experiment.trainingPrompts, horizon = experiment.configuration.horizon
        let chosen = (0..<count).map { _ in
            let prompt = random.integer(below: prompts.count)
            return (prompt, experiment.rollout(policy, prompt: prompts[prompt], random: random))
        }
        let rollouts = chosen.map(\.1)
        return zip(chosen, reference.logProbabilities(rollouts.map(\.sequence))).map { chosen, referenceLogProbabilities in
            let (prompt, rollout) = chosen
            return Episode(
                rollout: rollout, referenceLogProbabilities: referenceLogProbabilities,
                states: rollout.sequence.actions.indices.map {
                    CriticState(window: rollout.sequence.state(at: $0, horizon: horizon), prompt: prompt)
                },
                exactKL: ExactKL.sequence(rollout.sequence, policy: policy, reference: reference))
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

import Foundation
import Shapley
import Statistics
import Tasks

/// SCAR-style RL on sentiment control: a small word policy continues review prompts and is
/// fine-tuned by PPO to raise the VADER compound score of prompt + response, with the sequence
/// reward spread over the steps by a `CreditScheme`.
///
/// **Data.** `movieReviewSnippets`: snippet i with i mod 10 == 0 is held out and gives a prompt
/// (its first 2 + (j mod 3) lowercased tokens, j its rank among the held-out snippets, rendered
/// as `PolicyVocabulary.render` does; snippets with no token past the prompt are skipped); the
/// others build the vocabulary and fit pi_ref (`ReferencePolicyFit`).
///
/// **Run.** Per step: `batchSize` prompts drawn uniformly, one response each (up to `horizon`
/// words, stopped by `<eos>`), per-step rewards r_t = credit_t - beta (log pi_old - log pi_ref)(a_t),
/// a tabular value baseline (`ValueBaseline`), GAE (discount 1, lambda), advantages whitened over
/// the batch, then `ppoEpochs` passes of Adam over `minibatches` shuffled minibatches of steps on
/// the clipped surrogate and on the value loss. All randomness comes from `RandomStream(seed:)`
/// substreams (0 sampling, 1 estimators, 2 minibatch shuffles, 3 evaluation), so a run is a pure
/// function of its arguments.
public struct SentimentRLExperiment: Sendable {
    public struct Configuration: Sendable, Equatable {
        public var vocabularySize = 300
        /// T, the most words in a response.
        public var horizon = 8
        /// beta of the per-token KL penalty (TRL's default 0.05).
        public var klCoefficient = 0.05
        public var clipRange = 0.2
        public var gaeLambda = 0.95
        public var ppoEpochs = 4
        public var minibatches = 1
        public var policyLearningRate = 0.02
        public var valueLearningRate = 0.05
        /// Adam epochs, minibatch size, learning rate and seed of the pi_ref fit.
        public var referenceEpochs = 2
        public var referenceMinibatchSize = 1024
        public var referenceLearningRate = 0.01
        public var referenceSeed: UInt64 = 2025
        /// Episodes of the final evaluation (prompts 0..<n of the held-out list, wrapping).
        public var evaluationEpisodes = 128

        public init() {}
    }

    /// A prompt: its text and the context ids of its tokens.
    struct Prompt: Sendable {
        let text: String
        let context: [Int]
    }

    public let configuration: Configuration
    public let vocabulary: PolicyVocabulary
    /// pi_ref, the maximum-likelihood policy every run starts from and is penalised towards.
    public let reference: ContextWindowPolicy
    /// Mean negative log-likelihood per example of pi_ref on the held-out snippets' examples.
    public let referenceHeldOutLoss: Double
    let prompts: [Prompt]
    let reward: VaderSentiment
    let attention: AttentionSentimentModel

    public struct SetupError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "cannot set up the sentiment RL experiment: \(reason)" }
    }

    /// Loads the snippets, VADER and the learned attention model, and fits pi_ref (seconds).
    public init(configuration: Configuration = Configuration()) throws {
        guard configuration.horizon >= 1, configuration.vocabularySize >= 1 else {
            throw SetupError(reason: "horizon and vocabulary size must be positive")
        }
        self.configuration = configuration
        let snippets = try SentimentSnippets.load("movieReviewSnippets")
        let heldOut = snippets.indices.filter { $0 % 10 == 0 }.map { snippets[$0] }
        let training = snippets.indices.filter { $0 % 10 != 0 }.map { snippets[$0] }
        let vocabulary = PolicyVocabulary(snippets: training, size: configuration.vocabularySize)
        self.vocabulary = vocabulary
        let examples = ReferencePolicyFit.examples(snippets: training, vocabulary: vocabulary, horizon: configuration.horizon)
        reference = ReferencePolicyFit.fit(
            examples: examples, symbolCount: vocabulary.symbolCount, horizon: configuration.horizon,
            epochs: configuration.referenceEpochs, minibatchSize: configuration.referenceMinibatchSize,
            learningRate: configuration.referenceLearningRate, random: RandomStream(seed: configuration.referenceSeed))
        let heldOutExamples = ReferencePolicyFit.examples(snippets: heldOut, vocabulary: vocabulary, horizon: configuration.horizon)
        referenceHeldOutLoss = ReferencePolicyFit.negativeLogLikelihood(
            reference, examples: heldOutExamples, indices: Array(heldOutExamples.indices)).loss
        prompts = heldOut.enumerated().compactMap { j, snippet in
            let tokens = PolicyVocabulary.tokens(of: snippet.text)
            let k = 2 + j % 3
            guard tokens.count > k else { return nil }
            return Prompt(text: vocabulary.render(Array(tokens[..<k]), opensText: true).text, context: tokens[..<k].map(vocabulary.contextID))
        }
        guard !prompts.isEmpty else { throw SetupError(reason: "no held-out snippet is long enough for a prompt") }
        reward = try VaderSentiment.standard()
        attention = try AttentionSentimentModel.loadCommitted()
    }

    /// Number of held-out prompts.
    public var promptCount: Int { prompts.count }

    public struct RunError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "invalid RL run: \(reason)" }
    }

    /// Trains a fresh copy of pi_ref for `steps` PPO steps of `batchSize` episodes under `scheme`
    /// (`level`: the units of the Shapley and leave-one-out games) and returns its learning curve.
    public func run(scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int, level: UnitLevel = .tokens) throws -> LearningCurve {
        guard steps >= 1, batchSize >= 1 else { throw RunError(reason: "steps and batch size must be positive (got \(steps), \(batchSize))") }
        let configuration = configuration
        let root = RandomStream(seed: seed)
        let sampler = root.substream(0), estimators = root.substream(1), shuffler = root.substream(2)
        let environment = CreditEnvironment(reward: MemoizedRewardModel(reward), attention: attention, level: level)
        var policy = reference
        var value = ValueBaseline(horizon: configuration.horizon, symbolCount: vocabulary.symbolCount)
        var policyAdam = Adam(parameterCount: policy.parameters.count, learningRate: configuration.policyLearningRate)
        var valueAdam = Adam(parameterCount: value.parameters.count, learningRate: configuration.valueLearningRate)
        var points: [LearningCurve.Point] = []
        var elapsed: [Double] = []
        let clock = ContinuousClock()
        let start = clock.now
        for step in 0..<steps {
            var batch = StepBatch()
            var rewardSum = 0.0, klSum = 0.0, words = 0, calls = 0
            for _ in 0..<batchSize {
                let episode = rollout(policy, prompt: prompts[sampler.integer(below: prompts.count)], random: sampler)
                let credit = try scheme.assign(episode.response, in: environment, random: estimators)
                try credit.checkEfficiency(of: scheme)
                rewardSum += credit.sequenceReward
                calls += credit.rewardCalls
                words += episode.response.wordRanges.count
                let kl = zip(episode.logProbabilities, episode.referenceLogProbabilities).map { $0 - $1 }
                klSum += kl.reduce(0, +)
                let rewards = zip(credit.rewards, kl).map { $0 - configuration.klCoefficient * $1 }
                let values = episode.states.map(value.value)
                let advantages = PPO.advantages(rewards: rewards, values: values, lambda: configuration.gaeLambda)
                batch.append(episode, advantages: advantages, returns: zip(advantages, values).map { $0 + $1 })
            }
            let advantages = PPO.whitened(batch.advantages)
            for _ in 0..<configuration.ppoEpochs {
                let order = shuffler.permutation(of: batch.states.count)
                let size = (order.count + configuration.minibatches - 1) / configuration.minibatches
                for first in stride(from: 0, to: order.count, by: size) {
                    let indices = Array(order[first..<min(first + size, order.count)])
                    let surrogate = PPO.clippedSurrogate(
                        policy, states: batch.states, actions: batch.actions, oldLogProbabilities: batch.oldLogProbabilities,
                        advantages: advantages, indices: indices, clip: configuration.clipRange)
                    policyAdam.step(&policy.parameters, gradient: surrogate.gradient)
                    valueAdam.step(&value.parameters, gradient: value.loss(states: batch.states, returns: batch.returns, indices: indices).gradient)
                }
            }
            points.append(LearningCurve.Point(
                step: step, meanReward: rewardSum / Double(batchSize), meanKL: klSum / Double(batchSize),
                rewardCalls: calls, meanLength: Double(words) / Double(batchSize)))
            elapsed.append(seconds(clock.now - start))
        }
        return LearningCurve(
            scheme: scheme.description, seed: seed, level: level.description, batchSize: batchSize, points: points,
            finalEvaluation: try evaluate(policy, reward: environment.reward, random: root.substream(3)),
            elapsedSeconds: elapsed)
    }

    /// `LearningCurve.finalEvaluation` of pi_ref itself (the untrained starting point) under the
    /// same seed's evaluation stream.
    public func referenceEvaluation(seed: UInt64) throws -> Double {
        try evaluate(reference, reward: reward, random: RandomStream(seed: seed).substream(3))
    }

    /// Mean R of `policy` over the evaluation episodes.
    func evaluate(_ policy: ContextWindowPolicy, reward: any TextRewardModel, random: RandomStream) throws -> Double {
        var total = 0.0
        for e in 0..<configuration.evaluationEpisodes {
            let response = rollout(policy, prompt: prompts[e % prompts.count], random: random).response
            total += try reward.reward(response.prompt + response.response)
        }
        return total / Double(configuration.evaluationEpisodes)
    }

    /// One sampled response to `prompt`, with what PPO needs of each step.
    func rollout(_ policy: ContextWindowPolicy, prompt: Prompt, random: RandomStream) -> Episode {
        var episode = Episode()
        var previous2 = prompt.context[prompt.context.count - 2]
        var previous = prompt.context[prompt.context.count - 1]
        var words: [String] = []
        for position in 0..<configuration.horizon {
            let state = PolicyState(previous2: previous2, previous: previous, position: position)
            let (action, logProbability) = policy.sample(state, random: random)
            episode.states.append(state)
            episode.actions.append(action)
            episode.logProbabilities.append(logProbability)
            episode.referenceLogProbabilities.append(reference.distribution(state).logProbability(action))
            if action == vocabulary.endOfSequence { break }
            words.append(vocabulary.words[action])
            (previous2, previous) = (previous, action)
        }
        let (text, ranges) = vocabulary.render(words, opensText: false)
        episode.response = GeneratedResponse(prompt: prompt.text, response: text, wordRanges: ranges, stepCount: episode.actions.count)
        return episode
    }
}

/// One rollout: the steps' states, actions and log-probabilities under the sampling policy and
/// pi_ref, and the response text.
struct Episode {
    var states: [PolicyState] = []
    var actions: [Int] = []
    var logProbabilities: [Double] = []
    var referenceLogProbabilities: [Double] = []
    var response = GeneratedResponse(prompt: "", response: "", wordRanges: [], stepCount: 1)
}

/// The steps of one PPO batch, flattened over its episodes.
struct StepBatch {
    var states: [PolicyState] = []
    var actions: [Int] = []
    var oldLogProbabilities: [Double] = []
    var advantages: [Double] = []
    var returns: [Double] = []

    mutating func append(_ episode: Episode, advantages: [Double], returns: [Double]) {
        states += episode.states
        actions += episode.actions
        oldLogProbabilities += episode.logProbabilities
        self.advantages += advantages
        self.returns += returns
    }
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

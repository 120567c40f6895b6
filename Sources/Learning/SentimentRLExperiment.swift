import Foundation
import Shapley
import Statistics
import Tasks

/// SCAR-style RL on sentiment control: a small word policy continues review prompts and is
/// fine-tuned by PPO to raise the reward of prompt + response (`Configuration.reward`: VADER
/// compound by default, or the learned transformer; or a reward model given to `init`, e.g. one
/// behind HTTP), with the sequence reward spread over the steps by a `CreditScheme`.
///
/// **Data.** `movieReviewSnippets`: snippet i with i mod 10 == 0 is held out from pi_ref's fit and
/// gives a prompt (its first 2 + (j mod 3) lowercased tokens, j its rank among the held-out
/// snippets, rendered as `PolicyVocabulary.render` does; snippets with no token past the prompt
/// are skipped); the others build the vocabulary and fit pi_ref (`ReferencePolicyFit`). The
/// prompts are split by `HeldOutSplit` (`Configuration.evaluationPromptFraction`, 25%, seed
/// `Configuration.promptSplitSeed`) into training prompts, the only ones PPO's batches draw, and
/// evaluation prompts, the only ones the held-out evaluations read.
///
/// **Policy.** `Configuration.policy`: a one-layer GRU language model (`GRUWordPolicy`, the
/// default) or the log-linear context-window model (`ContextWindowPolicy`, kept for comparison).
///
/// **Run.** `PPOTrainer` with a `WordPPOLearner`. Per step: `batchSize` training prompts drawn uniformly,
/// one response each (up to `horizon` words, stopped by `<eos>`), per-step rewards
/// r_t = credit_t - beta (log pi_old - log pi_ref)(a_t), a tabular value baseline
/// (`ValueBaseline`; `Configuration.critic` says whether it sees the prompt), GAE (discount 1, lambda), advantages whitened over the batch's steps, then
/// `ppo.epochs` passes of Adam over `minibatches` shuffled minibatches of whole episodes (a
/// recurrent policy backpropagates through each episode) on the clipped surrogate and on the
/// value loss of the minibatch's steps. After 0, k, 2k, ... steps and after the last
/// (`HeldOutEvaluation`, k = `Configuration.evaluationInterval`), the policy's mean R over
/// `evaluationEpisodes` responses to the evaluation prompts. All randomness comes from
/// `RandomStream(seed:)` substreams (0 sampling, 1 estimators, 2 minibatch shuffles,
/// 3 evaluation, a fresh copy per evaluation), so a run is a pure function of its
/// arguments and its training points do not depend on k.
public struct SentimentRLExperiment: Sendable {
    public struct Configuration: Sendable, Equatable {
        public enum Policy: String, Sendable {
            case gru
            case contextWindow
        }

        /// The value head's inputs (`ValueBaseline`).
        public enum Critic: String, Sendable, CaseIterable {
            case positionAndWord = "position-word"
            case promptAware = "prompt-aware"
        }

        public var policy: Policy
        /// The reward model, and the attention ABC uses (see `SentimentReward`).
        public var reward: SentimentReward = .vader
        public var vocabularySize = 300
        /// T, the most words in a response.
        public var horizon = 8
        /// d and H of the GRU (unused by the context-window policy).
        public var embeddingSize = 32
        public var hiddenSize = 32
        /// PPO: KL coefficient beta = 0.05 per token (TRL's default), clip 0.2, lambda 0.95, 4
        /// epochs, value learning rate 0.05; the policy's learning rate 0.02 for the context-window policy, whose
        /// parameters are logits read one row per step; 0.002 for the GRU, which then learns at
        /// about the context-window policy's pace (sparse reward, seed 0, 300 steps of 32: held-out
        /// reward 0.18 -> 0.78 against 0.18 -> 0.80; 0.004 reached the same 0.78 with a larger KL).
        public var ppo: PPOSettings
        public var minibatches = 1
        /// What the value head reads (`ValueBaseline`): position and previous word (the
        /// default), or those and the prompt (a control: a per-prompt baseline without credit).
        public var critic = Critic.positionAndWord
        /// Adam epochs, minibatch size (in snippets) and learning rate of the pi_ref fit; the seed's
        /// substream 0 initialises the GRU, substream 1 shuffles. Context window: 2 epochs of 64
        /// snippets (about 1,000 words) at 0.01 from the bigram start, held-out loss 3.43 nats per
        /// step. GRU: 4 epochs of 32 snippets at 0.01, held-out loss 3.34 (about 8 s of CPU;
        /// 2 epochs gave 3.39, 8 epochs at 0.005 gave 3.33 in twice the time).
        public var referenceEpochs: Int
        public var referenceMinibatchSize: Int
        public var referenceLearningRate: Double
        public var referenceSeed: UInt64 = 2025
        /// Episodes of each held-out evaluation: evaluation prompt e mod (their count) for
        /// episode e, one sampled response each.
        public var evaluationEpisodes = 128
        /// The fraction of the prompts held out for evaluation, and the seed of the split
        /// (`HeldOutSplit`).
        public var evaluationPromptFraction = 0.25
        public var promptSplitSeed: UInt64 = 2025
        /// k of the held-out evaluations (`HeldOutEvaluation`); nil: max(1, round(steps / 20)).
        public var evaluationInterval: Int?

        /// Every setting, for keying stored runs (the reward is written only when it is not VADER,
        /// so the keys of runs stored before the choice existed stay valid).
        public var storeKey: String {
            (reward == .vader ? "" : "reward=\(reward.rawValue);") + "policy=\(policy.rawValue);vocabulary=\(vocabularySize);horizon=\(horizon);embedding=\(embeddingSize);hidden=\(hiddenSize);"
                + "\(ppo.storeKey);minibatches=\(minibatches);reference=\(referenceEpochs)x\(referenceMinibatchSize)@\(referenceLearningRate)"
                + ";reference-seed=\(referenceSeed);evaluation=\(evaluationEpisodes)"
                + ";prompt-split=\(evaluationPromptFraction)@\(promptSplitSeed);evaluation-interval=\(HeldOutEvaluation.storeKey(evaluationInterval))"
                + (critic == .positionAndWord ? "" : ";critic=\(critic.rawValue)")
        }

        /// The defaults for `policy`.
        public init(policy: Policy = .gru) {
            self.policy = policy
            switch policy {
            case .gru:
                ppo = PPOSettings(klCoefficient: 0.05, policyLearningRate: 0.002)
                (referenceEpochs, referenceMinibatchSize, referenceLearningRate) = (4, 32, 0.01)
            case .contextWindow:
                ppo = PPOSettings(klCoefficient: 0.05, policyLearningRate: 0.02)
                (referenceEpochs, referenceMinibatchSize, referenceLearningRate) = (2, 64, 0.01)
            }
        }
    }

    /// A prompt: its text and the context ids of its tokens.
    struct Prompt: Sendable {
        let text: String
        let context: [Int]
    }

    public private(set) var configuration: Configuration
    public let vocabulary: PolicyVocabulary
    /// pi_ref, the maximum-likelihood policy every run starts from and is penalised towards.
    let reference: any WordPolicy
    /// Mean negative log-likelihood per scored step of pi_ref on the held-out snippets.
    public let referenceHeldOutLoss: Double
    /// The same over the first `horizon` steps of each held-out continuation only (the steps a
    /// response of at most T words can reach; `ReferencePolicyFit.firstSteps`).
    public let referenceHeldOutLossWithinHorizon: Double
    /// Words after the prompt in each training snippet pi_ref is fitted to (`<eos>` not counted):
    /// how often a response of at most T words cuts pi_ref's text short.
    public let referenceContinuationLengths: [Int]
    /// The prompts training batches draw from, and the disjoint ones the evaluations read.
    let trainingPrompts: [Prompt]
    let evaluationPrompts: [Prompt]
    /// The sequence reward model R (`configuration.reward`'s unless another was given).
    let reward: any TextRewardModel & Sendable
    /// The attention ABC redistributes R with (`SentimentReward`).
    let attention: any TokenAttentionModel & Sendable

    public struct SetupError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "cannot set up the sentiment RL experiment: \(reason)" }
    }

    /// Loads the snippets, the reward and attention models of `configuration.reward` (`reward`, when
    /// given, replaces the reward model only, e.g. one behind HTTP), and fits pi_ref (seconds).
    public init(configuration: Configuration = Configuration(), reward: (any TextRewardModel & Sendable)? = nil) throws {
        guard configuration.horizon >= 1, configuration.vocabularySize >= 1 else {
            throw SetupError(reason: "horizon and vocabulary size must be positive")
        }
        self.configuration = configuration
        let snippets = try SentimentSnippets.load("movieReviewSnippets")
        let heldOut = snippets.indices.filter { $0 % 10 == 0 }.map { snippets[$0] }
        let training = snippets.indices.filter { $0 % 10 != 0 }.map { snippets[$0] }
        let vocabulary = PolicyVocabulary(snippets: training, size: configuration.vocabularySize)
        self.vocabulary = vocabulary
        let sequences = ReferencePolicyFit.sequences(snippets: training, vocabulary: vocabulary)
        let random = RandomStream(seed: configuration.referenceSeed)
        let start: any WordPolicy = switch configuration.policy {
        case .gru:
            GRUWordPolicy.maximumLikelihoodStart(
                sequences: sequences, symbolCount: vocabulary.symbolCount, embeddingSize: configuration.embeddingSize,
                hiddenSize: configuration.hiddenSize, random: random.substream(0))
        case .contextWindow:
            ContextWindowPolicy.bigramStart(sequences: sequences, symbolCount: vocabulary.symbolCount, horizon: configuration.horizon)
        }
        reference = ReferencePolicyFit.fit(
            start, sequences: sequences, epochs: configuration.referenceEpochs,
            minibatchSize: configuration.referenceMinibatchSize, learningRate: configuration.referenceLearningRate,
            random: random.substream(1))
        let heldOutSequences = ReferencePolicyFit.sequences(snippets: heldOut, vocabulary: vocabulary)
        referenceHeldOutLoss = ReferencePolicyFit.negativeLogLikelihood(reference, sequences: heldOutSequences)
        referenceHeldOutLossWithinHorizon = ReferencePolicyFit.negativeLogLikelihood(
            reference, sequences: ReferencePolicyFit.firstSteps(heldOutSequences, count: configuration.horizon))
        referenceContinuationLengths = sequences.map { $0.actions.count - 1 }
        let prompts = ReferencePolicyFit.cuts(heldOut).map { tokens, k in
            Prompt(text: vocabulary.render(Array(tokens[..<k]), opensText: true).text, context: tokens[..<k].map(vocabulary.contextID))
        }
        guard prompts.count >= 2 else { throw SetupError(reason: "fewer than two held-out snippets are long enough for a prompt") }
        guard configuration.evaluationPromptFraction > 0, configuration.evaluationPromptFraction < 1 else {
            throw SetupError(reason: "the evaluation prompt fraction must lie strictly between 0 and 1")
        }
        guard configuration.evaluationEpisodes >= 1, configuration.evaluationInterval.map({ $0 >= 1 }) ?? true else {
            throw SetupError(reason: "evaluation episodes and the evaluation interval must be positive")
        }
        let split = HeldOutSplit(count: prompts.count, evaluationFraction: configuration.evaluationPromptFraction,
                                 seed: configuration.promptSplitSeed)
        trainingPrompts = split.training.map { prompts[$0] }
        evaluationPrompts = split.evaluation.map { prompts[$0] }
        let models = try configuration.reward.models()
        self.reward = reward ?? models.reward
        attention = models.attention
    }

    /// This experiment (its vocabulary, prompts and fitted pi_ref, reused) with the learner's
    /// PPO settings and critic replaced: the cells of a beta sweep or a critic control without
    /// refitting pi_ref.
    public func with(ppo: PPOSettings, critic: Configuration.Critic) -> SentimentRLExperiment {
        var copy = self
        copy.configuration.ppo = ppo
        copy.configuration.critic = critic
        return copy
    }

    /// This experiment's settings and reward model at responses of at most `horizon` words, with
    /// pi_ref fitted again (`init`; the fit reads every snippet to its end whatever T, so the GRU
    /// comes out the same, while the context-window policy's positions depend on T). Its runs key
    /// apart from this one's (`Configuration.storeKey` holds the horizon).
    public func refitted(horizon: Int) throws -> SentimentRLExperiment {
        var configuration = configuration
        configuration.horizon = horizon
        return try SentimentRLExperiment(configuration: configuration, reward: reward)
    }

    /// Number of training prompts and of evaluation prompts.
    public var trainingPromptCount: Int { trainingPrompts.count }
    public var evaluationPromptCount: Int { evaluationPrompts.count }

    public struct RunError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "invalid RL run: \(reason)" }
    }

    /// Trains a fresh copy of pi_ref for `steps` PPO steps of `batchSize` episodes under `scheme`
    /// (a unit-game scheme's units must be text units) and returns its learning curve; `progress`
    /// hears the number of finished steps after each.
    public func run(scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int,
                    progress: (Int) -> Void = { _ in }) throws -> LearningCurve {
        guard steps >= 1, batchSize >= 1 else { throw RunError(reason: "steps and batch size must be positive (got \(steps), \(batchSize))") }
        _ = try scheme.textLevel()
        return try train(reference, scheme: scheme, seed: seed, steps: steps, batchSize: batchSize, progress: progress)
    }

    /// `run` with pi_ref's concrete type: `PPOTrainer` on a `WordPPOLearner`, evaluating on the
    /// evaluation prompts (`HeldOutEvaluation`). The reward model is memoised per run (`MemoizedRewardModel`)
    /// unless it is VADER, whose calls (a few microseconds) cost about what hashing and storing
    /// every coalition text of a run would (token-level SCAR, 300 steps: 17.1 s of CPU with the
    /// memo, 14.0 s without, identical curves).
    private func train<Policy: WordPolicy>(
        _ reference: Policy, scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int,
        progress: (Int) -> Void
    ) throws -> LearningCurve {
        let root = RandomStream(seed: seed)
        let learner = WordPPOLearner(
            experiment: self, reference: reference, scheme: scheme,
            environment: CreditEnvironment(reward: reward is VaderSentiment ? reward as any TextRewardModel : MemoizedRewardModel(reward), attention: attention))
        let trained = try PPOTrainer.train(
            learner, policy: reference, value: ValueBaseline(
                horizon: configuration.horizon, symbolCount: vocabulary.symbolCount,
                promptCount: configuration.critic == .promptAware ? trainingPrompts.count : 0),
            scheme: scheme, settings: configuration.ppo, root: root, steps: steps, batchSize: batchSize,
            evaluationInterval: configuration.evaluationInterval,
            evaluate: { try evaluate($0, reward: learner.environment.reward, random: HeldOutEvaluation.stream(seed: seed)) },
            progress: progress)
        return LearningCurve(scheme: scheme.description, seed: seed, batchSize: batchSize, points: trained.points,
                             evaluations: trained.evaluations, elapsedSeconds: trained.elapsedSeconds)
    }

    /// The held-out evaluation of pi_ref itself (the untrained starting point) under `seed`: the
    /// evaluation at step 0 of every run seeded `seed`.
    public func referenceEvaluation(seed: UInt64) throws -> Double {
        try evaluate(reference, reward: reward, random: HeldOutEvaluation.stream(seed: seed))
    }

    /// One response of pi_ref to each of the first `count` training prompts (wrapping), sampled
    /// from `RandomStream(seed:)`: the texts SCAR's response games meet at the start of training.
    public func referenceResponses(count: Int, seed: UInt64) -> [GeneratedResponse] {
        let random = RandomStream(seed: seed)
        return (0..<count).map { rollout(reference, prompt: trainingPrompts[$0 % trainingPrompts.count], random: random).response }
    }

    /// Mean R of `policy` over the evaluation episodes (episode e: evaluation prompt e mod their count).
    func evaluate(_ policy: some WordPolicy, reward: any TextRewardModel, random: RandomStream) throws -> Double {
        var total = 0.0
        for e in 0..<configuration.evaluationEpisodes {
            let response = rollout(policy, prompt: evaluationPrompts[e % evaluationPrompts.count], random: random).response
            total += try reward.reward(response.prompt + response.response)
        }
        return total / Double(configuration.evaluationEpisodes)
    }

    /// One sampled response to `prompt`, with its log-probabilities under the sampling policy.
    func rollout(_ policy: some WordPolicy, prompt: Prompt, random: RandomStream) -> WordRollout {
        let (actions, logProbabilities) = policy.sampleResponse(
            prompt: prompt.context, horizon: configuration.horizon, endOfSequence: vocabulary.endOfSequence, random: random)
        let words = actions.filter { $0 != vocabulary.endOfSequence }.map { vocabulary.words[$0] }
        let (text, ranges) = vocabulary.render(words, opensText: false)
        return WordRollout(
            sequence: WordSequence(prompt: prompt.context, actions: actions), logProbabilities: logProbabilities,
            response: GeneratedResponse(prompt: prompt.text, response: text, wordRanges: ranges, stepCount: actions.count))
    }
}

/// One rollout: the prompt and actions, their log-probabilities under the sampling policy, and
/// the response text.
struct WordRollout {
    let sequence: WordSequence
    let logProbabilities: [Double]
    let response: GeneratedResponse
}

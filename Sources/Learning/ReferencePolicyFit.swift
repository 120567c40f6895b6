import Foundation
import Statistics
import Tasks

/// Maximum-likelihood fit of a reference policy pi_ref on training snippets, for any
/// `WordPolicy`.
///
/// **Sequences.** Snippet number i (in the order given) is cut like an RL episode: its first
/// k = 2 + (i mod 3) tokens are the prompt, every later token is a step, scored when the token is
/// in the vocabulary (an out-of-vocabulary token is context `<unk>` for the next steps but never
/// a target); after the last token, a scored `<eos>` step. Snippets with at most k tokens give
/// no sequence. Steps past the horizon are kept: the context-window policy shares its last
/// position's row among them (so it learns how likely a long text is to end), the GRU simply
/// reads on.
///
/// **Loss.** The mean negative log-likelihood per scored step,
/// L = -(1/N) sum over scored steps of log pi(a_t | words read before t).
///
/// **Fit.** From a policy-specific start (`ContextWindowPolicy.bigramStart`,
/// `GRUWordPolicy.maximumLikelihoodStart`), `epochs` passes of Adam on L over shuffled
/// minibatches of `minibatchSize` sequences.
enum ReferencePolicyFit {
    /// The snippets with a token past their prompt, as (lowercased tokens, prompt length k).
    static func cuts(_ snippets: [SentimentSnippet]) -> [(tokens: [String], promptLength: Int)] {
        snippets.enumerated().compactMap { i, snippet in
            let tokens = PolicyVocabulary.tokens(of: snippet.text)
            let k = 2 + i % 3
            return tokens.count > k ? (tokens, k) : nil
        }
    }

    static func sequences(snippets: [SentimentSnippet], vocabulary: PolicyVocabulary) -> [WordSequence] {
        cuts(snippets).map { tokens, k in
            let words = tokens[k...].map(vocabulary.wordID)
            return WordSequence(
                prompt: tokens[..<k].map(vocabulary.contextID),
                actions: words.map { $0 ?? vocabulary.unknown } + [vocabulary.endOfSequence],
                scored: words.map { $0 != nil } + [true])
        }
    }

    /// `sequences` with only their first `count` steps scored (later steps still read as context).
    static func firstSteps(_ sequences: [WordSequence], count: Int) -> [WordSequence] {
        sequences.map { sequence in
            WordSequence(prompt: sequence.prompt, actions: sequence.actions,
                         scored: sequence.scored.enumerated().map { t, scored in scored && t < count })
        }
    }

    /// L over `sequences` (no gradient).
    static func negativeLogLikelihood(_ policy: some WordPolicy, sequences: [WordSequence]) -> Double {
        let logProbabilities = policy.logProbabilities(sequences)
        return -scoredMean(logProbabilities, sequences: sequences)
    }

    /// L over the sequences at `indices`, and its gradient.
    static func negativeLogLikelihood(
        _ policy: some WordPolicy, sequences: [WordSequence], indices: [Int]
    ) -> (loss: Double, gradient: [Double]) {
        let batch = indices.map { sequences[$0] }
        let scale = 1 / Double(batch.reduce(0) { $0 + $1.scored.count(where: { $0 }) })
        let (logProbabilities, gradient) = policy.gradient(batch) { _ in
            batch.map { $0.scored.map { $0 ? -scale : 0 } }
        }
        return (-scoredMean(logProbabilities, sequences: batch), gradient)
    }

    /// The mean of the scored steps' log-probabilities.
    private static func scoredMean(_ logProbabilities: [[Double]], sequences: [WordSequence]) -> Double {
        var total = 0.0, count = 0
        for (sequence, steps) in zip(sequences, logProbabilities) {
            for t in steps.indices where sequence.scored[t] {
                total += steps[t]
                count += 1
            }
        }
        return total / Double(count)
    }

    /// The fitted pi_ref; `random` shuffles the minibatches.
    static func fit<Policy: WordPolicy>(
        _ start: Policy, sequences: [WordSequence], epochs: Int, minibatchSize: Int, learningRate: Double,
        random: RandomStream
    ) -> Policy {
        var policy = start
        var adam = Adam(parameterCount: policy.parameters.count, learningRate: learningRate)
        for _ in 0..<epochs {
            let order = random.permutation(of: sequences.count)
            for first in stride(from: 0, to: order.count, by: minibatchSize) {
                let batch = Array(order[first..<min(first + minibatchSize, order.count)])
                adam.step(&policy.parameters, gradient: negativeLogLikelihood(policy, sequences: sequences, indices: batch).gradient)
            }
        }
        return policy
    }
}

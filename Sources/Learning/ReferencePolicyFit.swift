import Foundation
import Statistics
import Tasks

/// Maximum-likelihood fit of the reference policy pi_ref on training snippets.
///
/// **Examples.** Snippet number i (in the order given) is cut like an RL episode: its first
/// k = 2 + (i mod 3) tokens are the prompt, every later token is a step. Step j (j >= k) has
/// state (context of token j-2, context of token j-1, position min(j - k, H - 1)) and its token as
/// action when the token is in the vocabulary (an out-of-vocabulary token is context `<unk>` for
/// the next steps but never a target); after the last token, `<eos>` is the action at position
/// min(L - k, H - 1). Snippets with at most k tokens give no example. Positions past the horizon
/// share the last position's row, so the model learns how likely a long text is to end.
///
/// **Fit.** W starts at the add-one smoothed bigram log-probabilities of the examples
/// (log((n(prev, a) + 1) / (n(prev) + A))), U and P at 0; then `epochs` passes of Adam on the mean
/// negative log-likelihood over shuffled minibatches refine all three blocks.
struct ReferencePolicyFit {
    struct Example: Sendable {
        let state: PolicyState
        let action: Int
    }

    static func examples(snippets: [SentimentSnippet], vocabulary: PolicyVocabulary, horizon: Int) -> [Example] {
        var examples: [Example] = []
        for (i, snippet) in snippets.enumerated() {
            let tokens = PolicyVocabulary.tokens(of: snippet.text)
            let k = 2 + i % 3
            guard tokens.count > k else { continue }
            let context = tokens.map(vocabulary.contextID)
            for j in k...tokens.count {
                let state = PolicyState(previous2: context[j - 2], previous: context[j - 1], position: min(j - k, horizon - 1))
                if j == tokens.count {
                    examples.append(Example(state: state, action: vocabulary.endOfSequence))
                } else if let word = vocabulary.wordID(tokens[j]) {
                    examples.append(Example(state: state, action: word))
                }
            }
        }
        return examples
    }

    /// Mean negative log-likelihood of the examples at `indices`, and its gradient.
    static func negativeLogLikelihood(
        _ policy: ContextWindowPolicy, examples: [Example], indices: [Int]
    ) -> (loss: Double, gradient: [Double]) {
        var gradient = [Double](repeating: 0, count: policy.parameters.count)
        var loss = 0.0
        let scale = 1 / Double(indices.count)
        for i in indices {
            let example = examples[i]
            let distribution = policy.distribution(example.state)
            loss -= distribution.logProbability(example.action) * scale
            policy.accumulateGradient(
                state: example.state, action: example.action, distribution: distribution,
                coefficient: -scale, into: &gradient)
        }
        return (loss, gradient)
    }

    /// The bigram initialisation described above.
    static func bigramStart(examples: [Example], symbolCount: Int, horizon: Int) -> ContextWindowPolicy {
        var policy = ContextWindowPolicy(symbolCount: symbolCount, horizon: horizon)
        var counts = [Double](repeating: 1, count: symbolCount * symbolCount)
        for example in examples { counts[example.state.previous * symbolCount + example.action] += 1 }
        for row in 0..<symbolCount {
            let total = counts[row * symbolCount..<(row + 1) * symbolCount].reduce(0, +)
            for a in 0..<symbolCount { policy.parameters[row * symbolCount + a] = log(counts[row * symbolCount + a] / total) }
        }
        return policy
    }

    /// The fitted pi_ref; `random` shuffles the minibatches.
    static func fit(
        examples: [Example], symbolCount: Int, horizon: Int, epochs: Int, minibatchSize: Int,
        learningRate: Double, random: RandomStream
    ) -> ContextWindowPolicy {
        var policy = bigramStart(examples: examples, symbolCount: symbolCount, horizon: horizon)
        var adam = Adam(parameterCount: policy.parameters.count, learningRate: learningRate)
        for _ in 0..<epochs {
            let order = random.permutation(of: examples.count)
            for start in stride(from: 0, to: order.count, by: minibatchSize) {
                let batch = Array(order[start..<min(start + minibatchSize, order.count)])
                adam.step(&policy.parameters, gradient: negativeLogLikelihood(policy, examples: examples, indices: batch).gradient)
            }
        }
        return policy
    }
}

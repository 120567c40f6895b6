import Foundation
import Statistics
import Tasks
import Testing
@testable import Learning

@Suite("GRUPolicy")
struct GRUPolicyTests {
    /// A GRU with 5 symbols, d = 3, H = 4 and every parameter ~ N(0, 0.5^2) (biases included, so
    /// no term of the backward pass is multiplied by an exact zero).
    static func tinyPolicy(seed: UInt64) -> GRUWordPolicy {
        var policy = GRUWordPolicy(symbolCount: 5, embeddingSize: 3, hiddenSize: 4, random: RandomStream(seed: seed))
        let random = RandomStream(seed: seed + 100)
        for i in policy.parameters.indices { policy.parameters[i] = 0.5 * random.normal() }
        return policy
    }

    /// Backpropagation through time against central finite differences (the relative-error
    /// criterion of `LearningGradientTests.check`) on every one of the tiny GRU's 117 parameters.
    @Test func negativeLogLikelihoodGradient() {
        let sequences = LearningGradientTests.randomSequences(6, random: RandomStream(seed: 2))
        LearningGradientTests.checkNegativeLogLikelihood(Self.tinyPolicy(seed: 1), sequences: sequences)
    }

    @Test func clippedSurrogateGradient() {
        let sequences = LearningGradientTests.randomSequences(6, random: RandomStream(seed: 4))
        LearningGradientTests.checkClippedSurrogate(Self.tinyPolicy(seed: 3), sequences: sequences)
    }

    /// The batched forward pass (dgemm over all sequences) against an independent evaluation of
    /// the GRU equations, written out with scalar loops, for each step of each sequence; and
    /// every step's distribution sums to 1 (the log-probabilities of all 5 possible last actions
    /// of a prefix).
    @Test func forwardPassMatchesTheEquations() {
        let policy = Self.tinyPolicy(seed: 5)
        let sequences = LearningGradientTests.randomSequences(5, random: RandomStream(seed: 6))
        let batched = policy.logProbabilities(sequences)
        for (sequence, steps) in zip(sequences, batched) {
            let words = sequence.prompt + sequence.actions
            for t in sequence.actions.indices {
                let logits = Self.referenceLogits(policy, reading: Array(words[..<(sequence.prompt.count + t)]))
                let top = logits.max()!
                let normaliser = top + log(logits.reduce(0) { $0 + exp($1 - top) })
                #expect(abs(steps[t] - (logits[sequence.actions[t]] - normaliser)) < 1e-12)
            }
            let prefixes = (0..<5).map { WordSequence(prompt: sequence.prompt, actions: Array(sequence.actions.dropLast()) + [$0]) }
            let total = policy.logProbabilities(prefixes).reduce(0) { $0 + exp($1.last!) }
            #expect(abs(total - 1) < 1e-12)
        }
    }

    /// The logits V h + c after reading `words`, from the equations in `GRUWordPolicy`'s
    /// documentation with plain loops over the flat parameter layout.
    static func referenceLogits(_ policy: GRUWordPolicy, reading words: [Int]) -> [Double] {
        let (a, d, h) = (policy.symbolCount, policy.embeddingSize, policy.hiddenSize)
        let theta = policy.parameters
        let (w, u, b, v, c) = (a * d, a * d + 3 * h * d, a * d + 3 * h * (d + h), a * d + 3 * h * (d + h + 1), a * d + 3 * h * (d + h + 1) + a * h)
        func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        var state = [Double](repeating: 0, count: h)
        for word in words {
            let x = Array(theta[word * d..<(word + 1) * d])
            func input(_ row: Int) -> Double { theta[b + row] + (0..<d).reduce(0) { $0 + theta[w + row * d + $1] * x[$1] } }
            func recurrent(_ row: Int, _ vector: [Double]) -> Double { (0..<h).reduce(0) { $0 + theta[u + row * h + $1] * vector[$1] } }
            let z = (0..<h).map { sigmoid(input($0) + recurrent($0, state)) }
            let r = (0..<h).map { sigmoid(input(h + $0) + recurrent(h + $0, state)) }
            let reset = (0..<h).map { r[$0] * state[$0] }
            let n = (0..<h).map { tanh(input(2 * h + $0) + recurrent(2 * h + $0, reset)) }
            state = (0..<h).map { (1 - z[$0]) * n[$0] + z[$0] * state[$0] }
        }
        return (0..<a).map { row in theta[c + row] + (0..<h).reduce(0) { $0 + theta[v + row * h + $1] * state[$1] } }
    }

    /// Sampling is a pure function of the parameters and the stream: the same seed gives the same
    /// actions and log-probabilities bit for bit, and those log-probabilities agree with the
    /// batched forward pass over the sampled sequence.
    @Test func samplingIsDeterministic() {
        let policy = Self.tinyPolicy(seed: 7)
        let draw = { (seed: UInt64) in
            (0..<20).map { _ in policy.sampleResponse(prompt: [1, 3], horizon: 6, endOfSequence: 4, random: RandomStream(seed: seed)) }
        }
        let a = draw(9), b = draw(9)
        #expect(a.map(\.actions) == b.map(\.actions))
        #expect(a.map(\.logProbabilities) == b.map(\.logProbabilities))
        #expect(a.map(\.actions) != draw(10).map(\.actions))
        for response in a {
            #expect(response.actions.count == 6 || response.actions.last == 4)
            let forward = policy.logProbabilities([WordSequence(prompt: [1, 3], actions: response.actions)])[0]
            for (x, y) in zip(forward, response.logProbabilities) { #expect(abs(x - y) < 1e-12) }
        }
    }

    /// Maximum likelihood on a slice (the first 1,500 snippets, every tenth held out, 100 words)
    /// lowers the held-out negative log-likelihood per step below the add-one smoothed unigram
    /// model's, computed here directly from counts (the fit starts from that unigram in c, but
    /// its random V h makes the untrained model worse than the unigram).
    @Test func fitBeatsUnigramOnHeldOutSnippets() throws {
        let snippets = Array(try SentimentSnippets.load("movieReviewSnippets").prefix(1500))
        let heldOut = snippets.indices.filter { $0 % 10 == 0 }.map { snippets[$0] }
        let training = snippets.indices.filter { $0 % 10 != 0 }.map { snippets[$0] }
        let vocabulary = PolicyVocabulary(snippets: training, size: 100)
        let trainingSequences = ReferencePolicyFit.sequences(snippets: training, vocabulary: vocabulary)
        let heldOutSequences = ReferencePolicyFit.sequences(snippets: heldOut, vocabulary: vocabulary)
        var counts = [Double](repeating: 1, count: vocabulary.symbolCount)
        for sequence in trainingSequences {
            for (action, scored) in zip(sequence.actions, sequence.scored) where scored { counts[action] += 1 }
        }
        let total = counts.reduce(0, +)
        var unigram = 0.0, steps = 0.0
        for sequence in heldOutSequences {
            for (action, scored) in zip(sequence.actions, sequence.scored) where scored {
                unigram -= log(counts[action] / total)
                steps += 1
            }
        }
        unigram /= steps
        let start = GRUWordPolicy.maximumLikelihoodStart(
            sequences: trainingSequences, symbolCount: vocabulary.symbolCount, embeddingSize: 16, hiddenSize: 16,
            random: RandomStream(seed: 1))
        let fitted = ReferencePolicyFit.fit(
            start, sequences: trainingSequences, epochs: 3, minibatchSize: 16, learningRate: 0.01, random: RandomStream(seed: 2))
        let before = ReferencePolicyFit.negativeLogLikelihood(start, sequences: heldOutSequences)
        let after = ReferencePolicyFit.negativeLogLikelihood(fitted, sequences: heldOutSequences)
        #expect(before > unigram)
        #expect(after < unigram - 0.1, "unigram \(unigram), GRU before \(before), after \(after)")
    }
}

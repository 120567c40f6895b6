import Foundation

/// A small learned sentiment reward model with one attention-pooling head.
///
/// **Input.** The text's tokens from `TextSegmenter(level: .tokens)`, lowercased, punctuation
/// marks included (so the attention weights cover exactly the players of a token-level
/// `TextGame`, and "!" can carry sentiment). A token outside the vocabulary maps to `<unk>`
/// (index 0), whose embedding is trained on the training words seen fewer than `minCount` times.
///
/// **Model.** With embeddings e_t in R^d (d = `dimension`) for tokens t = 1..T:
///
///     h_t = tanh(W e_t + b)                 W in R^{d x d}, b in R^d
///     s_t = q . h_t                         q in R^d
///     a_t = exp(s_t) / sum_u exp(s_u)       attention, sums to 1
///     p   = sum_t a_t e_t                   pooled vector
///     y   = w . p + c                       predicted mean human rating (scale [-4, 4], not clipped)
///
/// `reward(text)` is y. For a text without tokens (empty or whitespace) the pooled vector is 0
/// and y = c, the output bias. The model is a pure function of its parameters: deterministic,
/// finite for every input, safe to share across threads.
public struct AttentionSentimentModel: TextRewardModel, Sendable {
    public var name: String { "learned" }

    /// Index 0 is `unknownToken`.
    public let vocabulary: [String]
    public let dimension: Int
    /// Every parameter in one flat array (see `Layout`), so the optimizer treats them alike.
    var parameters: [Double]
    let layout: Layout
    /// How this model was trained and evaluated, when it came from `trainAndEvaluate` or a file
    /// that records it.
    public internal(set) var training: TrainingRecord?
    private let index: [String: Int]

    public static let unknownToken = "<unk>"

    /// Offsets of each parameter block in `parameters`: embeddings (row-major, one row of
    /// `dimension` per vocabulary entry), W (row-major), b, q, w, c.
    struct Layout: Sendable, Equatable {
        let vocabularySize: Int
        let dimension: Int
        var embeddings: Int { 0 }
        var attentionWeights: Int { vocabularySize * dimension }
        var attentionBias: Int { attentionWeights + dimension * dimension }
        var attentionQuery: Int { attentionBias + dimension }
        var outputWeights: Int { attentionQuery + dimension }
        var outputBias: Int { outputWeights + dimension }
        var count: Int { outputBias + 1 }
    }

    init(vocabulary: [String], dimension: Int, parameters: [Double]) {
        precondition(vocabulary.first == AttentionSentimentModel.unknownToken, "vocabulary must start with <unk>")
        self.vocabulary = vocabulary
        self.dimension = dimension
        self.layout = Layout(vocabularySize: vocabulary.count, dimension: dimension)
        precondition(parameters.count == layout.count, "expected \(layout.count) parameters, got \(parameters.count)")
        self.parameters = parameters
        self.index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
    }

    public func reward(_ text: String) -> Double {
        forward(ids(of: TextSegmenter(level: .tokens).units(text))).output
    }

    /// The attention weights a_t over the text's tokens, in reading order; they sum to 1 (an
    /// empty list for a text without tokens). These are the last (only) layer's attention over the
    /// response tokens that attention-based credit (ABC) redistributes the reward with.
    public func attention(_ text: String) -> [(token: TextUnit, weight: Double)] {
        let tokens = TextSegmenter(level: .tokens).units(text)
        let weights = forward(ids(of: tokens)).attention
        return zip(tokens, weights).map { (token: $0, weight: $1) }
    }

    /// Vocabulary indices of `tokens` (lowercased; `<unk>` = 0 when absent).
    func ids(of tokens: [TextUnit]) -> [Int] {
        tokens.map { id(of: $0.text.lowercased()) }
    }

    /// Vocabulary index of a lowercased word (`<unk>` = 0 when absent).
    func id(of word: String) -> Int { index[word] ?? 0 }

    /// Intermediate values of one forward pass, kept for the backward pass.
    struct Forward {
        let ids: [Int]
        /// h_t, row-major T x d.
        let hidden: [Double]
        let attention: [Double]
        let pooled: [Double]
        let output: Double
    }

    func forward(_ ids: [Int]) -> Forward {
        let d = dimension
        let p = parameters
        var hidden = [Double](repeating: 0, count: ids.count * d)
        var scores = [Double](repeating: 0, count: ids.count)
        for (t, id) in ids.enumerated() {
            let e = layout.embeddings + id * d
            var score = 0.0
            for i in 0..<d {
                var z = p[layout.attentionBias + i]
                let row = layout.attentionWeights + i * d
                for j in 0..<d { z += p[row + j] * p[e + j] }
                let h = tanh(z)
                hidden[t * d + i] = h
                score += p[layout.attentionQuery + i] * h
            }
            scores[t] = score
        }
        let maxScore = scores.max() ?? 0
        var attention = scores.map { exp($0 - maxScore) }
        let total = attention.reduce(0, +)
        for t in attention.indices { attention[t] /= total }
        var pooled = [Double](repeating: 0, count: d)
        for (t, id) in ids.enumerated() {
            let e = layout.embeddings + id * d
            for j in 0..<d { pooled[j] += attention[t] * p[e + j] }
        }
        var output = p[layout.outputBias]
        for j in 0..<d { output += p[layout.outputWeights + j] * pooled[j] }
        return Forward(ids: ids, hidden: hidden, attention: attention, pooled: pooled, output: output)
    }
}

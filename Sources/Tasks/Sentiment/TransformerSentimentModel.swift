import Foundation

/// A small transformer sentiment reward model whose token scores depend on context.
///
/// **Input.** The same tokens and vocabulary recipe as `AttentionSentimentModel`
/// (`TextSegmenter(level: .tokens)` units, lowercased, punctuation kept; training words seen at
/// least `minCount` times), plus three special entries: `<unk>` (0), `[CLS]` (1, the pooling
/// token, always at position 0) and `[MASK]` (2, the blank that replaces a run of removed units
/// in SCAR's mask variant). In a text, the characters `[MASK]` (any case, no spaces inside) are
/// read as the mask token. At most `maxLength - 1` tokens are read; later ones are ignored.
///
/// **Model** (pre-layer-norm encoder, bidirectional, `heads` heads of size d / heads):
///
///     x_0 = E[CLS] + P_0,   x_t = E[token t] + P_t                      t = 1..T
///     per layer:  u = LN1(x);  Q, K, V = u Wq + bq, u Wk + bk, u Wv + bv
///                 A_h = softmax(Q_h K_h^T / sqrt(d / heads))  (rows: queries)
///                 x  <- x + concat_h(A_h V_h) Wo + bo
///                 x  <- x + relu(LN2(x) W1 + b1) W2 + b2
///     z = LNf(x_0),   y = tanh(w . z + c)
///
/// y, in (-1, 1), is the predicted human rating / 4 (the ground-truth files rate in [-4, 4]),
/// on VADER compound's scale. Only the [CLS] row feeds y, so the last layer computes its
/// queries, attention, feed-forward and residual for row 0 only (keys and values for all rows).
///
/// The model is a pure function of its parameters: deterministic, finite for every input (an
/// empty text scores the [CLS] token alone), safe to share across threads.
public struct TransformerSentimentModel: TextRewardModel, Sendable {
    public var name: String { "transformer" }

    /// The architecture's sizes.
    public struct Shape: Sendable, Equatable, Codable {
        public var dimension = 32
        public var heads = 2
        public var layers = 2
        /// Hidden width of each feed-forward block.
        public var feedForward = 64
        /// Positions, the [CLS] token's included.
        public var maxLength = 64

        public init() {}
        public init(dimension: Int, heads: Int, layers: Int, feedForward: Int, maxLength: Int) {
            self.dimension = dimension
            self.heads = heads
            self.layers = layers
            self.feedForward = feedForward
            self.maxLength = maxLength
        }

        var isValid: Bool {
            dimension > 0 && heads > 0 && dimension % heads == 0 && layers > 0 && feedForward > 0 && maxLength > 1
        }
    }

    public static let unknownToken = "<unk>"
    public static let classToken = "[CLS]"
    public static let maskToken = "[MASK]"
    /// What a caller writes in a text for a blank: `TextGame(..., completion: .mask(maskText))`.
    public static let maskText = "[MASK]"
    static let unknownID = 0
    static let classID = 1
    static let maskID = 2

    /// `<unk>`, `[CLS]`, `[MASK]`, then the words, sorted.
    public let vocabulary: [String]
    public let shape: Shape
    /// Every parameter in one flat array (see `Layout`).
    var parameters: [Double]
    let layout: Layout
    /// How this model was trained and evaluated, when known.
    public internal(set) var training: TrainingRecord?
    private let index: [String: Int]

    init(vocabulary: [String], shape: Shape, parameters: [Double]) {
        precondition(shape.isValid, "invalid transformer shape \(shape)")
        precondition(Array(vocabulary.prefix(3)) == [Self.unknownToken, Self.classToken, Self.maskToken],
                     "vocabulary must start with <unk>, [CLS], [MASK]")
        self.vocabulary = vocabulary
        self.shape = shape
        self.layout = Layout(vocabularySize: vocabulary.count, shape: shape)
        precondition(parameters.count == layout.count, "expected \(layout.count) parameters, got \(parameters.count)")
        self.parameters = parameters
        self.index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
    }

    /// Number of parameters.
    public var parameterCount: Int { parameters.count }

    // MARK: Tokens

    /// Vocabulary index of a lowercased token (`<unk>` when absent; the text `[mask]` is the mask).
    func id(of word: String) -> Int {
        if word == "[mask]" { return Self.maskID }
        guard let id = index[word], id > Self.maskID else { return Self.unknownID }
        return id
    }

    /// The model's tokens of a text: its `TextSegmenter(level: .tokens)` units, except that the
    /// three units `[`, `mask`, `]` written together (no whitespace) form one `[MASK]` unit.
    public static func tokens(of text: String) -> [TextUnit] {
        let units = TextSegmenter(level: .tokens).units(text)
        var result: [TextUnit] = []
        result.reserveCapacity(units.count)
        var i = 0
        while i < units.count {
            if i + 2 < units.count, units[i].text == "[", units[i + 1].text.lowercased() == "mask", units[i + 2].text == "]",
               units[i].range.upperBound == units[i + 1].range.lowerBound,
               units[i + 1].range.upperBound == units[i + 2].range.lowerBound
            {
                let range = units[i].range.lowerBound..<units[i + 2].range.upperBound
                result.append(TextUnit(text: units[i].text + units[i + 1].text + units[i + 2].text, range: range, kind: .word))
                i += 3
            } else {
                result.append(units[i])
                i += 1
            }
        }
        return result
    }

    /// Vocabulary indices of `tokens(of: text)`.
    func ids(of text: String) -> [Int] {
        Self.tokens(of: text).map { id(of: $0.text.lowercased()) }
    }

    /// The input sequence the network reads: [CLS] and then at most `maxLength - 1` of `ids`.
    func sequence(_ ids: [Int]) -> [Int] {
        [Self.classID] + ids.prefix(shape.maxLength - 1)
    }

    // MARK: Scoring

    /// The reward of a text: y in (-1, 1), the predicted human rating / 4.
    public func reward(_ text: String) -> Double {
        forward(sequence(ids(of: text))).output
    }

    /// The reward of a token sequence given as strings (each looked up lowercased, `[MASK]` is
    /// the mask token): what SCAR's v(S) is on the kept tokens, without rendering a text.
    public func score(tokens: [String]) -> Double {
        forward(sequence(tokens.map { id(of: $0.lowercased()) })).output
    }

    /// Each unit's token ids, for `score(unitTokens:keeping:blank:)`: the segmentation's units
    /// (at any level) cut into the model's tokens.
    public func unitTokens(_ segmentation: TextSegmentation) -> [[Int]] {
        segmentation.units.map { ids(of: $0.text) }
    }

    /// v(S) at the token level without building strings: the tokens of the kept units in order,
    /// and with `blank`, one `[MASK]` for each maximal run of dropped units (as
    /// `TextSegmentation.rendered(keeping:mask:)` does). Equal to
    /// `reward(segmentation.rendered(keeping: keep, mask: blank ? maskText : nil))` whenever
    /// rendering does not glue two kept tokens into one (e.g. dropping "," from "good,bad").
    public func score(unitTokens: [[Int]], keeping keep: [Bool], blank: Bool = false) -> Double {
        forward(sequence(keptIDs(unitTokens: unitTokens, keeping: keep, blank: blank))).output
    }

    /// The token ids `score(unitTokens:keeping:blank:)` reads (without [CLS]).
    func keptIDs(unitTokens: [[Int]], keeping keep: [Bool], blank: Bool) -> [Int] {
        precondition(keep.count == unitTokens.count, "keep has \(keep.count) flags for \(unitTokens.count) units")
        var ids: [Int] = []
        var inDroppedRun = false
        for (tokens, kept) in zip(unitTokens, keep) {
            if kept {
                ids += tokens
                inDroppedRun = false
            } else if blank, !inDroppedRun {
                ids.append(Self.maskID)
                inDroppedRun = true
            }
        }
        return ids
    }

    /// The last layer's attention from the [CLS] token to each token of the text, averaged over
    /// heads, in reading order: the weights attention-based credit (ABC, Chan et al. 2024)
    /// redistributes the reward with. [CLS]'s attention to itself is left out and the rest
    /// renormalized to sum to 1 (an empty list for a text without tokens); tokens past
    /// `maxLength - 1` get 0. Units are `tokens(of: text)` (a written `[MASK]` is one unit).
    public func attention(_ text: String) -> [(token: TextUnit, weight: Double)] {
        attention(text, layer: shape.layers - 1)
    }

    /// As `attention(_:)`, from the [CLS] row of layer `layer` (0-based, 0..<layers).
    public func attention(_ text: String, layer: Int) -> [(token: TextUnit, weight: Double)] {
        precondition((0..<shape.layers).contains(layer), "layer \(layer) outside 0..<\(shape.layers)")
        let tokens = Self.tokens(of: text)
        guard !tokens.isEmpty else { return [] }
        let weights = classAttention(sequence(tokens.map { id(of: $0.text.lowercased()) }), layer: layer)
        return tokens.enumerated().map { (token: $0.element, weight: $0.offset < weights.count ? weights[$0.offset] : 0) }
    }

    /// Attention-based credit (ABC, Chan et al. 2024) from this model's own attention: with R =
    /// `reward(text)` and w_t = `attention(text)`, token t gets b R w_t and the last token also
    /// (1 - b) R, so the credits sum to R (b = `mix`; the ABC code uses 0.5 for IMDB, 0.8 for
    /// TL;DR). Empty for a text without tokens.
    public func attentionCredits(_ text: String, mix: Double) -> [(token: TextUnit, credit: Double)] {
        let weights = attention(text)
        guard !weights.isEmpty else { return [] }
        let total = reward(text)
        var credits = weights.map { (token: $0.token, credit: mix * total * $0.weight) }
        credits[credits.count - 1].credit += (1 - mix) * total
        return credits
    }

    /// The [CLS] row of layer `layer`'s attention, head-averaged, over positions 1..T,
    /// renormalized to sum to 1 (empty when T = 0).
    func classAttention(_ sequence: [Int], layer: Int) -> [Double] {
        let pass = forward(sequence)
        let t = sequence.count
        guard t > 1 else { return [] }
        var weights = [Double](repeating: 0, count: t - 1)
        let cache = pass.layers[layer]
        for h in 0..<shape.heads {
            // Query row 0 of head h: [h][0][s] at (h R + 0) T + s.
            for s in 1..<t { weights[s - 1] += cache.attention[h * cache.rows * t + s] }
        }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}

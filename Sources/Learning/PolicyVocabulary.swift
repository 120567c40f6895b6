import Tasks

/// The word alphabet of the sentiment policy.
///
/// Words are the tokens of `TextSegmenter(level: .tokens)` (words and single punctuation marks),
/// lowercased. The vocabulary keeps the `size` most frequent words of the snippets it is built
/// from (ties broken by the word's code-point order), numbered 0..<size by rank.
///
/// The policy uses one alphabet of `symbolCount = size + 1` symbols in two roles:
/// - as an **action**: ids 0..<size are words, id `size` is `<eos>` (end of response);
/// - as **context** (the previous words): ids 0..<size are words, id `size` is `<unk>`, any prompt
///   or training word outside the vocabulary. `<eos>` is never context (generation stops there).
public struct PolicyVocabulary: Sendable {
    public let words: [String]
    /// Whether word i is a punctuation token (rendered attached to what precedes it).
    let attachesLeft: [Bool]
    private let index: [String: Int]

    public init(snippets: [SentimentSnippet], size: Int) {
        var counts: [String: Int] = [:]
        for snippet in snippets {
            for word in PolicyVocabulary.tokens(of: snippet.text) { counts[word, default: 0] += 1 }
        }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        words = ranked.prefix(size).map(\.key)
        index = Dictionary(uniqueKeysWithValues: words.enumerated().map { ($1, $0) })
        let segmenter = TextSegmenter(level: .tokens)
        attachesLeft = words.map { segmenter.units($0).first?.kind == .punctuation }
    }

    /// Number of symbols: the words plus one (`<eos>` as an action, `<unk>` as context).
    public var symbolCount: Int { words.count + 1 }
    /// The action that ends a response.
    public var endOfSequence: Int { words.count }
    /// The context id of a word outside the vocabulary.
    public var unknown: Int { words.count }

    /// The lowercased tokens of `text`.
    public static func tokens(of text: String) -> [String] {
        TextSegmenter(level: .tokens).units(text).map { $0.text.lowercased() }
    }

    /// The word's id, or `nil` outside the vocabulary.
    public func wordID(_ word: String) -> Int? { index[word] }

    /// The word's context id (`unknown` outside the vocabulary).
    public func contextID(_ word: String) -> Int { index[word] ?? unknown }

    /// Whether a token, in or out of the vocabulary, is punctuation.
    func isPunctuation(_ word: String) -> Bool {
        if let id = index[word] { return attachesLeft[id] }
        return TextSegmenter(level: .tokens).units(word).first?.kind == .punctuation
    }

    /// Renders tokens as text: each token is preceded by one space, except punctuation tokens
    /// (attached to what precedes them) and, when `opensText`, the first token. Returns the text
    /// and each token's range in Unicode scalars of that text. Because a space precedes every
    /// word token, re-segmenting the text at token level gives back the same tokens (a connector
    /// such as an apostrophe only joins words written without spaces around it).
    func render(_ tokens: [String], opensText: Bool) -> (text: String, ranges: [Range<Int>]) {
        var text = ""
        var length = 0
        var ranges: [Range<Int>] = []
        for (position, token) in tokens.enumerated() {
            if !(position == 0 && opensText) && !isPunctuation(token) {
                text += " "
                length += 1
            }
            let count = token.unicodeScalars.count
            ranges.append(length..<length + count)
            text += token
            length += count
        }
        return (text, ranges)
    }
}

import Statistics

/// A fixed pool of plain sentences that a response-building policy appends, with their word
/// counts: the content actions of `InstructionEnvironment`.
///
/// A text is eligible (`isEligible`) when it is one plain sentence:
/// - printable ASCII only (U+0020...U+007E), so case conversions and IFEval's language and case
///   rules behave as on English text;
/// - none of `* < > [ ] { } " # ~ | \` ` (the characters that IFEval's format checks look for:
///   highlights, bullets, titles, placeholders, quotation), so formatting comes from the format
///   actions only; commas are allowed (they matter to `punctuation:no_comma`);
/// - starts with an ASCII letter or digit (so a sentence at a line start is never a `-` bullet)
///   and ends with `.`, `!` or `?`;
/// - exactly one unit at `UnitLevel.sentences` (`TextSegmenter`), so each appended sentence is
///   one player of the response's sentence game;
/// - `wordRange` words, counted as IFEval counts them (runs of `\w`).
public struct SentenceBank: Sendable {
    public struct Sentence: Hashable, Sendable {
        public let text: String
        /// IFEval's `count_words`: the number of maximal runs of `\w` code points.
        public let wordCount: Int
        /// Whether the text has a ",", decided once (the environment's features read it at every step).
        public let hasComma: Bool

        init(text: String, wordCount: Int) {
            self.text = text
            self.wordCount = wordCount
            hasComma = text.contains(",")
        }
    }

    public struct BankError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static let defaultSize = 300
    public static let wordRange = 4...40

    public let sentences: [Sentence]

    /// A bank of exactly these texts, in this order; throws on an ineligible or repeated text.
    public init(texts: [String]) throws {
        guard !texts.isEmpty else { throw BankError(description: "a sentence bank needs at least one sentence") }
        guard Set(texts).count == texts.count else { throw BankError(description: "the sentence bank repeats a sentence") }
        if let bad = texts.first(where: { !Self.isEligible($0) }) {
            throw BankError(description: "'\(bad)' is not an eligible bank sentence (see SentenceBank.isEligible)")
        }
        sentences = texts.map { Sentence(text: $0, wordCount: NumberOfWordsCheck.countWords(PythonText.text($0))) }
    }

    /// `size` sentences drawn uniformly without replacement (`RandomStream(seed: seed)`,
    /// `sample`) from the eligible, de-duplicated pool of all BBC article body sentences
    /// (corpus order) followed by the movie-review snippets (`movieReviewSnippets`, file order);
    /// the drawn sentences are kept in pool order.
    public static func load(size: Int = defaultSize, seed: UInt64) throws -> SentenceBank {
        let articles = try BBCCorpus.load().flatMap(\.sentences)
        let snippets = try SentimentSnippets.load("movieReviewSnippets").map(\.text)
        var seen = Set<String>()
        let pool = (articles + snippets).filter { isEligible($0) && seen.insert($0).inserted }
        guard (1...pool.count).contains(size) else {
            throw BankError(description: "a sentence bank size must be in 1...\(pool.count) (eligible sentences), got \(size)")
        }
        let drawn = RandomStream(seed: seed).sample(size, from: pool.count).sorted()
        return try SentenceBank(texts: drawn.map { pool[$0] })
    }

    private static let formatCharacters = Set("*<>[]{}\"#~|\\`".unicodeScalars)

    /// Whether `text` is one plain sentence as described in the type's documentation.
    public static func isEligible(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last,
              scalars.allSatisfy({ (0x20...0x7E).contains($0.value) && !formatCharacters.contains($0) }),
              first.properties.isAlphabetic || ("0"..."9").contains(first),
              ".!?".unicodeScalars.contains(last),
              wordRange.contains(NumberOfWordsCheck.countWords(scalars)) else { return false }
        return TextSegmenter(level: .sentences).units(text).count == 1
    }
}

import Foundation

/// VADER (Hutto & Gilbert, ICWSM 2014), an exact port of vaderSentiment 3.3.2's
/// `SentimentIntensityAnalyzer.polarity_scores`; the reward is the compound score in [-1, 1].
///
/// For a text:
/// 1. every code point listed in the emoji lexicon is replaced by its description (preceded
///    by a space unless the previous output code point was a space), and the result is
///    `str.strip()`ped;
/// 2. it is split on whitespace, and each token loses its leading and trailing ASCII
///    punctuation (`string.punctuation`) unless that would leave 2 code points or fewer
///    (emoticons such as ":)" survive);
/// 3. each word gets a valence: 0 for boosters and for "kind" before "of"; otherwise its
///    lexicon valence (0 if absent) adjusted by the "no" rules, ALL-CAPS emphasis, the
///    boosters, negations and idioms among the three preceding words, and "least"
///    (`VaderRules`);
/// 4. the "but" rule rescales the valences, and `VaderScores` turns them into neg/neu/pos
///    proportions and the normalised compound score, with "!"/"?" emphasis.
///
/// Python string semantics (code point equality, `str.lower`, `str.isupper`, `str.split`)
/// are those of `VaderString`; rounding is Python's `round` (`vaderPythonRound`).
///
/// **Speed.** A call allocates a handful of arrays and no strings: the text's code points are
/// streamed once through the emoji replacement and the split, each word is stripped and
/// lowercased in a reused buffer and looked up once in `VaderVocabulary`, and the rules then
/// compare word numbers (`VaderWord`).
public struct VaderSentiment: TextRewardModel, Sendable {
    public let name = "vader"
    private let lexicon: VaderLexicon
    private let vocabulary: VaderVocabulary

    /// Loads the valence lexicon at `lexiconURL` and the emoji lexicon
    /// `emoji_utf8_lexicon.txt` from the same folder (as the package ships them side by side).
    public init(lexiconURL: URL) throws {
        let emojiURL = lexiconURL.deletingLastPathComponent().appendingPathComponent("emoji_utf8_lexicon.txt")
        lexicon = try VaderLexicon(valenceURL: lexiconURL, emojiURL: emojiURL)
        vocabulary = VaderVocabulary(lexicon: lexicon)
    }

    /// VADER with the lexicons committed under `tasks/sentiment/`.
    public static func standard() throws -> VaderSentiment {
        try VaderSentiment(lexiconURL: ProjectPaths.taskFile("sentiment", "vader_lexicon.txt"))
    }

    /// The compound score.
    public func reward(_ text: String) -> Double {
        polarityScores(text).compound
    }

    /// `polarity_scores(text)`.
    public func polarityScores(_ text: String) -> VaderScores {
        var reader = WordReader(vocabulary: vocabulary, capacity: text.utf8.count)
        for scalar in text.unicodeScalars {
            if !scalar.isASCII, let description = lexicon.emojiDescriptions[scalar] {
                if !reader.previousWasSpace { reader.read(" ") }
                for part in description.scalars { reader.read(part) }
                reader.previousWasSpace = false
            } else {
                reader.read(scalar)
                reader.previousWasSpace = scalar == " "
            }
        }
        reader.endWord()
        let words = reader.words
        let capsDifferential = VaderRules.allCapsDifferential(words)
        var sentiments: [Double] = []
        sentiments.reserveCapacity(words.count)
        for i in words.indices {
            let isKindOf = i < words.count - 1 && words[i].number == vocabulary.kind && words[i + 1].number == vocabulary.of
            if words[i].entry?.booster != nil || isKindOf {
                sentiments.append(0.0)
            } else {
                sentiments.append(valence(at: i, words: words, capsDifferential: capsDifferential))
            }
        }
        VaderRules.butCheck(&sentiments, words: words, but: vocabulary.but)
        return VaderScores(sentiments: sentiments, exclamations: reader.exclamations, questions: reader.questions)
    }

    /// Steps 1 and 2 of the type's description, one code point of the emoji-expanded text at a
    /// time: counts "!" and "?" (for `VaderScores`), splits on Python whitespace, and turns each
    /// token into a `VaderWord`. (`str.strip()` of the expanded text removes only whitespace,
    /// so it changes neither the split nor the counts.)
    private struct WordReader {
        let vocabulary: VaderVocabulary
        var words: [VaderWord] = []
        var exclamations = 0
        var questions = 0
        /// The emoji replacement's state: whether the last code point output was " ".
        var previousWasSpace = true
        /// The current token, and its lowercased stripped form (reused buffers).
        private var token: [Unicode.Scalar] = []
        private var lower: [Unicode.Scalar] = []

        /// A reader for a text of `capacity` UTF-8 bytes (which bounds its words and tokens).
        init(vocabulary: VaderVocabulary, capacity: Int) {
            self.vocabulary = vocabulary
            words.reserveCapacity(capacity / 2 + 1)
            token.reserveCapacity(min(capacity, 64))
            lower.reserveCapacity(min(capacity, 64))
        }

        /// `string.punctuation`: the 32 ASCII punctuation characters.
        private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
            default: return false
            }
        }

        mutating func read(_ scalar: Unicode.Scalar) {
            if scalar == "!" { exclamations += 1 } else if scalar == "?" { questions += 1 }
            if VaderString.isPythonWhitespace(scalar) {
                endWord()
            } else {
                token.append(scalar)
            }
        }

        /// Closes the current token, if any: `SentiText._strip_punc_if_word` (strip
        /// `string.punctuation` unless that leaves 2 code points or fewer), then `str.lower()`,
        /// the vocabulary look-up, `str.isupper()` and `negated`.
        mutating func endWord() {
            guard !token.isEmpty else { return }
            var first = 0
            var last = token.count - 1
            while first <= last && WordReader.isPunctuation(token[first]) { first += 1 }
            while last >= first && WordReader.isPunctuation(token[last]) { last -= 1 }
            let kept = last - first + 1 > 2 ? first..<(last + 1) : 0..<token.count
            lower.removeAll(keepingCapacity: true)
            for k in kept { VaderString.appendLowered(token[k], to: &lower) }
            let number = vocabulary.table.number(of: lower[...])
            let entry = number < 0 ? nil : vocabulary.entries[Int(number)]
            var containsNot = false
            if lower.count >= 3 {
                for k in 0..<(lower.count - 2) where lower[k] == "n" && lower[k + 1] == "'" && lower[k + 2] == "t" {
                    containsNot = true
                    break
                }
            }
            words.append(VaderWord(
                number: number, entry: entry, isUpper: VaderString.isUpper(token[kept]),
                isNegation: (entry?.isListedNegation ?? false) || containsNot))
            token.removeAll(keepingCapacity: true)
        }
    }

    /// `sentiment_valence` for word `i` (not a booster, not "kind" of "kind of").
    private func valence(at i: Int, words: [VaderWord], capsDifferential: Bool) -> Double {
        guard let base = words[i].entry?.valence else { return 0.0 }
        let v = vocabulary
        var valence = base
        // "no" before a lexicon word negates that word instead of counting itself.
        if words[i].number == v.no && i != words.count - 1 && words[i + 1].isLexiconWord {
            valence = 0.0
        }
        if (i > 0 && words[i - 1].number == v.no) || (i > 1 && words[i - 2].number == v.no)
            || (i > 2 && words[i - 3].number == v.no && (words[i - 1].number == v.or || words[i - 1].number == v.nor)) {
            valence = base * VaderRules.negationScalar
        }
        if words[i].isUpper && capsDifferential {
            if valence > 0 { valence += VaderRules.capsIncrement } else { valence -= VaderRules.capsIncrement }
        }
        for distance in 0..<3 where i > distance && !words[i - (distance + 1)].isLexiconWord {
            var shift = VaderRules.boosterShift(word: words[i - (distance + 1)], valence: valence, capsDifferential: capsDifferential)
            if distance == 1 && shift != 0 { shift *= 0.95 }
            if distance == 2 && shift != 0 { shift *= 0.9 }
            valence = valence + shift
            valence = VaderRules.negationCheck(valence, words: words, distance: distance, at: i, in: v)
            if distance == 2 {
                valence = VaderRules.specialIdiomsCheck(valence, words: words, at: i, in: v)
            }
        }
        return VaderRules.leastCheck(valence, words: words, at: i, in: v)
    }
}

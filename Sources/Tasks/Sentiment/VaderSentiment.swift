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
/// **Speed.** A call allocates two arrays (words, valences) and no strings: the emoji-expanded
/// code points go to one stack buffer, each word is stripped in place (and lowercased into a
/// reused buffer only when it has a capital or a non-ASCII code point), looked up once in
/// `VaderVocabulary`, and the rules then compare word numbers (`VaderWord`).
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
        // Step 1 into one stack buffer: each code point, or " " (unless the previous output code
        // point was " ") and the description of an emoji; `capacity` bounds the output.
        var capacity = 0
        for scalar in text.unicodeScalars {
            capacity += scalar.isASCII ? 1 : (lexicon.emojiDescriptions[scalar].map { $0.count + 1 } ?? 1)
        }
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: capacity) { buffer in
            var count = 0
            var previousWasSpace = true
            for scalar in text.unicodeScalars {
                if !scalar.isASCII, let description = lexicon.emojiDescriptions[scalar] {
                    if !previousWasSpace {
                        buffer[count] = " "
                        count += 1
                    }
                    for part in description.scalars {
                        buffer[count] = part
                        count += 1
                    }
                    previousWasSpace = false
                } else {
                    buffer[count] = scalar
                    count += 1
                    previousWasSpace = scalar == " "
                }
            }
            return polarityScores(expanded: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Steps 2 to 4 on the emoji-expanded text: counts "!" and "?" (for `VaderScores`), splits on
    /// Python whitespace, turns each token into a `VaderWord` and applies the rules.
    /// (`str.strip()` of the expanded text removes only whitespace, so it changes neither the
    /// split nor the counts.)
    private func polarityScores(expanded: UnsafeBufferPointer<Unicode.Scalar>) -> VaderScores {
        var words: [VaderWord] = []
        words.reserveCapacity(expanded.count / 2 + 1)
        var exclamations = 0
        var questions = 0
        var lowered: [Unicode.Scalar] = []
        var tokenStart = -1
        for k in 0...expanded.count {
            if k < expanded.count {
                let scalar = expanded[k]
                if scalar == "!" { exclamations += 1 } else if scalar == "?" { questions += 1 }
                if !VaderString.isPythonWhitespace(scalar) {
                    if tokenStart < 0 { tokenStart = k }
                    continue
                }
            }
            if tokenStart >= 0 {
                words.append(word(UnsafeBufferPointer(rebasing: expanded[tokenStart..<k]), scratch: &lowered))
                tokenStart = -1
            }
        }
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
        return VaderScores(sentiments: sentiments, exclamations: exclamations, questions: questions)
    }

    /// `string.punctuation`: the 32 ASCII punctuation characters.
    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: return false
        }
    }

    /// The word of one whitespace-free token: `SentiText._strip_punc_if_word` (strip
    /// `string.punctuation` unless that leaves 2 code points or fewer), then `str.lower()` (in
    /// `scratch`, only when the word has a capital or a non-ASCII code point), the vocabulary
    /// look-up, `str.isupper()` and `negated`.
    private func word(_ token: UnsafeBufferPointer<Unicode.Scalar>, scratch: inout [Unicode.Scalar]) -> VaderWord {
        var first = 0
        var last = token.count - 1
        while first <= last && VaderSentiment.isPunctuation(token[first]) { first += 1 }
        while last >= first && VaderSentiment.isPunctuation(token[last]) { last -= 1 }
        let kept = last - first + 1 > 2 ? UnsafeBufferPointer(rebasing: token[first...last]) : token
        let (number, containsNot): (Int32, Bool)
        if kept.contains(where: { !$0.isASCII || (0x41...0x5A).contains($0.value) }) {
            scratch.removeAll(keepingCapacity: true)
            for scalar in kept { VaderString.appendLowered(scalar, to: &scratch) }
            (number, containsNot) = scratch.withUnsafeBufferPointer { (vocabulary.table.number(of: $0), VaderSentiment.containsNot($0)) }
        } else {
            (number, containsNot) = (vocabulary.table.number(of: kept), VaderSentiment.containsNot(kept))
        }
        let entry = number < 0 ? nil : vocabulary.entries[Int(number)]
        return VaderWord(number: number, entry: entry, isUpper: VaderString.isUpper(kept),
                         isNegation: (entry?.isListedNegation ?? false) || containsNot)
    }

    /// Whether the lowercased word contains "n't".
    private static func containsNot(_ lower: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
        guard lower.count >= 3 else { return false }
        for k in 0..<(lower.count - 2) where lower[k] == "n" && lower[k + 1] == "'" && lower[k + 2] == "t" {
            return true
        }
        return false
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

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
public struct VaderSentiment: TextRewardModel, Sendable {
    public let name = "vader"
    private let lexicon: VaderLexicon

    /// `string.punctuation`: the 32 ASCII punctuation characters.
    private static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.map(\.value))

    /// Loads the valence lexicon at `lexiconURL` and the emoji lexicon
    /// `emoji_utf8_lexicon.txt` from the same folder (as the package ships them side by side).
    public init(lexiconURL: URL) throws {
        let emojiURL = lexiconURL.deletingLastPathComponent().appendingPathComponent("emoji_utf8_lexicon.txt")
        lexicon = try VaderLexicon(valenceURL: lexiconURL, emojiURL: emojiURL)
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
        let expanded = expandingEmojis(text).strip()
        let words = expanded.split().map(VaderSentiment.strippingPunctuation)
        let lower = words.map(\.lowered)
        let capsDifferential = VaderRules.allCapsDifferential(words)
        var sentiments: [Double] = []
        sentiments.reserveCapacity(words.count)
        for i in words.indices {
            let isKindOf = i < words.count - 1 && lower[i] == "kind" && lower[i + 1] == "of"
            if VaderRules.boosters[lower[i]] != nil || isKindOf {
                sentiments.append(0.0)
            } else {
                sentiments.append(valence(at: i, words: words, lower: lower, capsDifferential: capsDifferential))
            }
        }
        VaderRules.butCheck(&sentiments, lower: lower)
        return VaderScores(sentiments: sentiments, text: expanded)
    }

    /// The emoji replacement loop at the top of `polarity_scores` (before `strip`).
    private func expandingEmojis(_ text: String) -> VaderString {
        var output: [Unicode.Scalar] = []
        var previousWasSpace = true
        for scalar in text.unicodeScalars {
            if let description = lexicon.emojiDescriptions[scalar] {
                if !previousWasSpace { output.append(" ") }
                output.append(contentsOf: description.scalars)
                previousWasSpace = false
            } else {
                output.append(scalar)
                previousWasSpace = scalar == " "
            }
        }
        return VaderString(output)
    }

    /// `SentiText._strip_punc_if_word`.
    private static func strippingPunctuation(_ token: VaderString) -> VaderString {
        let stripped = token.strip(asciiSet: punctuation)
        return stripped.count <= 2 ? token : stripped
    }

    /// `sentiment_valence` for word `i` (not a booster, not "kind" of "kind of").
    private func valence(at i: Int, words: [VaderString], lower: [VaderString], capsDifferential: Bool) -> Double {
        guard let base = lexicon.valence[lower[i]] else { return 0.0 }
        let isLexiconWord: (VaderString) -> Bool = { lexicon.valence[$0] != nil }
        var valence = base
        // "no" before a lexicon word negates that word instead of counting itself.
        if lower[i] == "no" && i != words.count - 1 && isLexiconWord(lower[i + 1]) {
            valence = 0.0
        }
        if (i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no")
            || (i > 2 && lower[i - 3] == "no" && (lower[i - 1] == "or" || lower[i - 1] == "nor")) {
            valence = base * VaderRules.negationScalar
        }
        if words[i].isUpper && capsDifferential {
            if valence > 0 { valence += VaderRules.capsIncrement } else { valence -= VaderRules.capsIncrement }
        }
        for distance in 0..<3 where i > distance && !isLexiconWord(lower[i - (distance + 1)]) {
            var shift = VaderRules.boosterShift(
                word: words[i - (distance + 1)], lower: lower[i - (distance + 1)],
                valence: valence, capsDifferential: capsDifferential)
            if distance == 1 && shift != 0 { shift *= 0.95 }
            if distance == 2 && shift != 0 { shift *= 0.9 }
            valence = valence + shift
            valence = VaderRules.negationCheck(valence, lower: lower, distance: distance, at: i)
            if distance == 2 {
                valence = VaderRules.specialIdiomsCheck(valence, lower: lower, at: i)
            }
        }
        return VaderRules.leastCheck(valence, lower: lower, at: i, isLexiconWord: isLexiconWord)
    }
}

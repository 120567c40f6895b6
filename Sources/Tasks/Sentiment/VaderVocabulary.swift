/// Every lowercased word VADER's lexicon and rules can ask about, numbered once at load time,
/// so that scoring a text looks each of its words up once and then compares numbers.
///
/// The words are: the valence lexicon's, the boosters' and negations' (`VaderRules`), the
/// words of the multi-word special cases and boosters, and the words the rules compare with
/// ("kind", "of", "no", "or", "nor", "never", "so", "this", "without", "doubt", "least", "at",
/// "very", "but"). A text word that is none of them gets number -1.
///
/// Multi-word keys ("kind of", "kiss of death") are matched by number tuples: VADER joins 2 or 3
/// lowercased words with single spaces and looks the result up, and since words never contain
/// whitespace, `"a b" == "c d"` exactly when `a == c` and `b == d` (and a join of two words
/// never equals a key of three). Single-word special cases ("badass") are therefore never
/// matched, as in the package, whose look-ups always contain a space.
struct VaderVocabulary: Sendable {
    /// What the rules know about one numbered word.
    struct Entry: Sendable {
        /// Lexicon valence, `nil` if the word is not in the valence lexicon.
        let valence: Double?
        /// `BOOSTER_DICT` value, `nil` if the word is not a booster or dampener.
        let booster: Double?
        /// Whether the word is in `NEGATE`.
        let isListedNegation: Bool
    }

    /// Two or three word numbers; `third` is -2 for two words (not -1, the number of every
    /// unknown word, so that a trigram ending in an unknown word never equals a bigram key).
    struct NGram: Hashable, Sendable {
        let first: Int32
        let second: Int32
        let third: Int32

        init(_ first: Int32, _ second: Int32, _ third: Int32 = -2) {
            (self.first, self.second, self.third) = (first, second, third)
        }
    }

    let table: VaderWordTable
    let entries: [Entry]
    /// Multi-word `SPECIAL_CASES` and `BOOSTER_DICT` keys.
    private let specialCases: [NGram: Double]
    private let boosterNGrams: [NGram: Double]
    /// Whether word k is a word of some multi-word key (most n-grams are ruled out by this).
    private let inNGram: [Bool]
    // The numbers of the words the rules compare with.
    let kind, of, no, or, nor, never, so, this, without, doubt, least, at, very, but: Int32

    init(lexicon: VaderLexicon) {
        let ruleWords: [VaderString] = [
            "kind", "of", "no", "or", "nor", "never", "so", "this", "without", "doubt", "least", "at", "very", "but",
        ]
        let multiWordKeys = (Array(VaderRules.specialCases.keys) + Array(VaderRules.boosters.keys))
            .filter { $0.scalars.contains(" ") }
        var words = Array(lexicon.valence.keys) + Array(VaderRules.boosters.keys) + Array(VaderRules.negations) + ruleWords
        for key in multiWordKeys { words += key.scalars.split(separator: " ").map { VaderString($0) } }
        let table = VaderWordTable(words)
        var valences = [Double?](repeating: nil, count: table.count)
        var boosters = [Double?](repeating: nil, count: table.count)
        var negations = [Bool](repeating: false, count: table.count)
        for (word, valence) in lexicon.valence { valences[Int(table.number(of: word))] = valence }
        for (word, booster) in VaderRules.boosters { boosters[Int(table.number(of: word))] = booster }
        for word in VaderRules.negations { negations[Int(table.number(of: word))] = true }
        entries = (0..<table.count).map {
            Entry(valence: valences[$0], booster: boosters[$0], isListedNegation: negations[$0])
        }
        func nGrams(_ dictionary: [VaderString: Double]) -> [NGram: Double] {
            var result: [NGram: Double] = [:]
            for (key, value) in dictionary where key.scalars.contains(" ") {
                let numbers = key.scalars.split(separator: " ", omittingEmptySubsequences: false)
                    .map { table.number(of: VaderString($0)) }
                precondition(numbers.count <= 3 && numbers.allSatisfy { $0 >= 0 }, "n-gram key \(key) of 2 or 3 words")
                result[NGram(numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : -2)] = value
            }
            return result
        }
        specialCases = nGrams(VaderRules.specialCases)
        boosterNGrams = nGrams(VaderRules.boosters)
        var inNGram = [Bool](repeating: false, count: table.count)
        for key in Array(specialCases.keys) + Array(boosterNGrams.keys) {
            for number in [key.first, key.second, key.third] where number >= 0 { inNGram[Int(number)] = true }
        }
        self.inNGram = inNGram
        let number = ruleWords.map(table.number(of:))
        (kind, of, no, or, nor, never, so, this) = (number[0], number[1], number[2], number[3], number[4], number[5], number[6], number[7])
        (without, doubt, least, at, very, but) = (number[8], number[9], number[10], number[11], number[12], number[13])
        self.table = table
    }

    /// The `SPECIAL_CASES` value of the words `nGram`, if it is a key.
    func specialCase(_ nGram: NGram) -> Double? {
        mayBeKey(nGram) ? specialCases[nGram] : nil
    }

    /// The `BOOSTER_DICT` value of the words `nGram`, if it is a key.
    func boosterNGram(_ nGram: NGram) -> Double? {
        mayBeKey(nGram) ? boosterNGrams[nGram] : nil
    }

    /// False when some word of `nGram` is unknown or in no multi-word key.
    private func mayBeKey(_ nGram: NGram) -> Bool {
        nGram.first >= 0 && nGram.second >= 0 && nGram.third != -1
            && inNGram[Int(nGram.first)] && inNGram[Int(nGram.second)] && (nGram.third < 0 || inNGram[Int(nGram.third)])
    }
}

/// The constants and word-level rules of vaderSentiment 3.3.2 (module constants, `negated`,
/// `scalar_inc_dec`, `allcap_differential`, `_negation_check`, `_special_idioms_check`,
/// `_least_check`, `_but_check`), each with the package's behaviour kept exactly, quirks
/// included. The rules read a text's words as `VaderWord`s: a word equals a listed word exactly
/// when their numbers in `VaderVocabulary` are equal, and "lower" in a rule's description
/// means the word after `str.lower()`.
///
/// `SENTIMENT_LADEN_IDIOMS` and `_sentiment_laden_idioms_check` exist in the package but are
/// never called by `polarity_scores` ("future work"), so they have no counterpart here.
enum VaderRules {
    /// Empirical rating increase for a booster word (`B_INCR`); dampeners use its negative.
    static let boosterIncrement = 0.293
    /// Empirical rating increase for an ALL-CAPS word among non-caps words (`C_INCR`).
    static let capsIncrement = 0.733
    /// Factor applied to a negated valence (`N_SCALAR`).
    static let negationScalar = -0.74

    /// `NEGATE`.
    static let negations: Set<VaderString> = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]

    /// `BOOSTER_DICT`: degree adverbs (+`B_INCR`) and dampeners (`B_DECR` = -`B_INCR`).
    static let boosters: [VaderString: Double] = {
        let up: [VaderString] = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
            "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
            "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
            "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
            "unusually", "utter", "utterly", "very",
        ]
        let down: [VaderString] = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
            "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
            "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof",
            "sort-of",
        ]
        var table: [VaderString: Double] = [:]
        for word in up { table[word] = boosterIncrement }
        for word in down { table[word] = -boosterIncrement }
        return table
    }()

    /// `SPECIAL_CASES`: idioms and phrases containing lexicon words, with their valence.
    static let specialCases: [VaderString: Double] = [
        "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0,
        "yeah right": -2, "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
    ]

    /// `allcap_differential`: true iff some, but not all, words are ALL CAPS (`str.isupper`).
    static func allCapsDifferential(_ words: [VaderWord]) -> Bool {
        let capsCount = words.reduce(0) { $0 + ($1.isUpper ? 1 : 0) }
        let difference = words.count - capsCount
        return difference > 0 && difference < words.count
    }

    /// `scalar_inc_dec`: the shift a preceding booster/dampener `word` gives `valence`: its
    /// table value, sign-flipped for negative valence, pushed a further `C_INCR` away from
    /// zero (towards the valence's sign, zero counting as negative) when the booster alone
    /// is in caps; 0 for other words.
    static func boosterShift(word: VaderWord, valence: Double, capsDifferential: Bool) -> Double {
        guard var scalar = word.entry?.booster else { return 0.0 }
        if valence < 0 { scalar *= -1 }
        if word.isUpper && capsDifferential {
            if valence > 0 { scalar += capsIncrement } else { scalar -= capsIncrement }
        }
        return scalar
    }

    /// `_negation_check` for the word `distance` (0, 1 or 2) places before the one before
    /// word `i`: multiplies by `N_SCALAR` if that word negates (`VaderWord.isNegation`), except
    /// the package's "never so/this" (x1.25) and "without doubt" (unchanged) phrases. The
    /// distance-2 test keeps the package's operator precedence: `(w[i-3] == never and w[i-2] in
    /// {so, this}) or w[i-1] in {so, this}`.
    static func negationCheck(_ valence: Double, words: [VaderWord], distance: Int, at i: Int, in vocabulary: VaderVocabulary) -> Double {
        let v = vocabulary
        let soOrThis: (VaderWord) -> Bool = { $0.number == v.so || $0.number == v.this }
        switch distance {
        case 0:
            return words[i - 1].isNegation ? valence * negationScalar : valence
        case 1:
            if words[i - 2].number == v.never && soOrThis(words[i - 1]) { return valence * 1.25 }
            if words[i - 2].number == v.without && words[i - 1].number == v.doubt { return valence }
            return words[i - 2].isNegation ? valence * negationScalar : valence
        default:
            if (words[i - 3].number == v.never && soOrThis(words[i - 2])) || soOrThis(words[i - 1]) { return valence * 1.25 }
            if words[i - 3].number == v.without && (words[i - 2].number == v.doubt || words[i - 1].number == v.doubt) { return valence }
            return words[i - 3].isNegation ? valence * negationScalar : valence
        }
    }

    /// `_special_idioms_check` at word `i` (needs `i >= 3`): the first special case among
    /// the bigram/trigram ending at `i` and the bigram/trigram ending at `i - 1` (in the
    /// package's order) replaces the valence, then a special case starting at `i` (bigram,
    /// then trigram, the later winning) replaces it; finally every booster n-gram among
    /// `w[i-3..i-1]`, `w[i-3..i-2]`, `w[i-2..i-1]` adds its booster value. (The package joins
    /// the lowercased words with spaces; `VaderVocabulary` explains the number tuples.)
    static func specialIdiomsCheck(_ valence: Double, words: [VaderWord], at i: Int, in vocabulary: VaderVocabulary) -> Double {
        typealias NGram = VaderVocabulary.NGram
        var valence = valence
        let n = { (k: Int) in words[k].number }
        let v = vocabulary
        let oneZero = NGram(n(i - 1), n(i))
        let twoOneZero = NGram(n(i - 2), n(i - 1), n(i))
        let twoOne = NGram(n(i - 2), n(i - 1))
        let threeTwoOne = NGram(n(i - 3), n(i - 2), n(i - 1))
        let threeTwo = NGram(n(i - 3), n(i - 2))
        if let special = v.specialCase(oneZero) ?? v.specialCase(twoOneZero) ?? v.specialCase(twoOne)
            ?? v.specialCase(threeTwoOne) ?? v.specialCase(threeTwo) {
            valence = special
        }
        if words.count - 1 > i, let special = v.specialCase(NGram(n(i), n(i + 1))) {
            valence = special
        }
        if words.count - 1 > i + 1, let special = v.specialCase(NGram(n(i), n(i + 1), n(i + 2))) {
            valence = special
        }
        for nGram in [threeTwoOne, threeTwo, twoOne] {
            if let boost = v.boosterNGram(nGram) { valence = valence + boost }
        }
        return valence
    }

    /// `_least_check`: negates when the previous word is "least" (and not a lexicon word),
    /// unless it reads "at least" or "very least".
    static func leastCheck(_ valence: Double, words: [VaderWord], at i: Int, in vocabulary: VaderVocabulary) -> Double {
        let v = vocabulary
        if i > 1 && !words[i - 1].isLexiconWord && words[i - 1].number == v.least {
            if words[i - 2].number != v.at && words[i - 2].number != v.very { return valence * negationScalar }
        } else if i > 0 && !words[i - 1].isLexiconWord && words[i - 1].number == v.least {
            return valence * negationScalar
        }
        return valence
    }

    /// `_but_check`, including the package's use of `list.index(value)`: if "but" occurs
    /// (first at position `b`), then for each position `k` in order, with `v` the value now
    /// at `k`, the FIRST position `j` holding a value equal to `v` is rescaled: `v * 0.5`
    /// if `j < b`, `v * 1.5` if `j > b`, unchanged if `j == b`. (With distinct values this is
    /// "halve before but, multiply by 1.5 after"; repeated values are rescaled at their
    /// first occurrence, possibly more than once.)
    static func butCheck(_ sentiments: inout [Double], words: [VaderWord], but: Int32) {
        guard let butIndex = words.firstIndex(where: { $0.number == but }) else { return }
        for position in sentiments.indices {
            let value = sentiments[position]
            let first = sentiments.firstIndex(of: value)!
            if first < butIndex {
                sentiments[first] = value * 0.5
            } else if first > butIndex {
                sentiments[first] = value * 1.5
            }
        }
    }
}

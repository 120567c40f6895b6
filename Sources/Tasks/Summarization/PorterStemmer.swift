import Synchronization

/// The Porter suffix-stripping stemmer exactly as nltk's `PorterStemmer()` in its default
/// `NLTK_EXTENSIONS` mode (nltk 3.x, `nltk/stem/porter.py`), which is what rouge-score 0.1.2's
/// `DefaultTokenizer(use_stemmer=True)` constructs.
///
/// The algorithm is Porter (1980), steps 1a, 1b, 1c, 2, 3, 4, 5a, 5b, with nltk's extensions:
/// - an irregular-forms table looked up first (`skies` -> `sky`, `dying` -> `die`, `news` -> `news`...);
/// - words of at most 2 characters are returned unchanged;
/// - 1a: a 4-letter word ending `ies` becomes `...ie` (`ties` -> `tie`);
/// - 1b: `ied` -> `ie` for 4-letter words, else -> `i`;
/// - 1c: `y` -> `i` only when the `y` follows a consonant and the stem has more than one letter;
/// - 2: `alli` -> `al` and restart step 2 (when m > 0); `bli` -> `ble` (Martin's fix of `abli`);
///   extra rules `fulli` -> `ful` and `logi` -> `log` (the latter tests m of the word minus `ogi`);
/// - *o also holds for a 2-letter vowel-consonant stem.
///
/// As in nltk, each step applies only the first rule whose suffix matches; when that rule's
/// condition fails the word is left unchanged by the step (later rules are not tried).
/// Letters are compared as Unicode scalars; the input is expected lowercase (nltk lowercases
/// first; the ROUGE tokenizer only ever passes lowercase `[a-z0-9]` tokens). Digits are consonants.
///
/// Stems are memoised per stemmer (a word's stem never changes), shared by its copies and safe
/// across threads: ROUGE over long texts meets the same words again and again.
public struct PorterStemmer: Sendable {
    private let memo = Memo()

    public init() {}

    /// Word -> stem, behind a lock.
    private final class Memo: Sendable {
        let stems = Mutex<[String: String]>([:])
    }

    /// The stem of a lowercase word.
    public func stem(_ word: String) -> String {
        if let known = memo.stems.withLock({ $0[word] }) { return known }
        let stem = computedStem(word)
        memo.stems.withLock { $0[word] = stem }
        return stem
    }

    /// The stem of a lowercase word, computed.
    private func computedStem(_ word: String) -> String {
        if let irregular = Self.irregularForms[word] { return irregular }
        var letters = Array(word.unicodeScalars)
        if letters.count <= 2 { return word }
        letters = step1a(letters)
        letters = step1b(letters)
        letters = step1c(letters)
        letters = step2(letters)
        letters = step3(letters)
        letters = step4(letters)
        letters = step5a(letters)
        letters = step5b(letters)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: letters)
        return String(result)
    }

    private typealias Letters = [Unicode.Scalar]

    /// nltk's `irregular_forms`, inverted: form -> stem.
    private static let irregularForms: [String: String] = [
        "sky": "sky", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
        "news": "news", "innings": "inning", "inning": "inning", "outings": "outing",
        "outing": "outing", "cannings": "canning", "canning": "canning", "howe": "howe",
        "proceed": "proceed", "exceed": "exceed", "succeed": "succeed",
    ]

    // MARK: Letter classes and the measure m

    private static func isVowel(_ letter: Unicode.Scalar) -> Bool {
        letter == "a" || letter == "e" || letter == "i" || letter == "o" || letter == "u"
    }

    /// Consonant flags: a letter other than a, e, i, o, u, and other than a `y` that follows a
    /// consonant (a leading `y` is a consonant).
    private static func consonantFlags(_ word: Letters) -> [Bool] {
        var flags: [Bool] = []
        flags.reserveCapacity(word.count)
        for (index, letter) in word.enumerated() {
            if isVowel(letter) {
                flags.append(false)
            } else if letter == "y" {
                flags.append(index == 0 ? true : !flags[index - 1])
            } else {
                flags.append(true)
            }
        }
        return flags
    }

    /// m in `[C](VC){m}[V]`: the number of vowel-to-consonant transitions.
    private static func measure(_ stem: Letters) -> Int {
        let flags = consonantFlags(stem)
        var count = 0
        for index in flags.indices.dropFirst() where !flags[index - 1] && flags[index] { count += 1 }
        return count
    }

    /// *v*: the stem contains a vowel.
    private static func containsVowel(_ stem: Letters) -> Bool {
        consonantFlags(stem).contains(false)
    }

    /// *d: the word ends with a double consonant.
    private static func endsDoubleConsonant(_ word: Letters) -> Bool {
        word.count >= 2 && word[word.count - 1] == word[word.count - 2] && consonantFlags(word)[word.count - 1]
    }

    /// *o: the word ends consonant-vowel-consonant with the last not w, x or y; or (nltk) the
    /// word is exactly vowel-consonant.
    private static func endsCVC(_ word: Letters) -> Bool {
        let flags = consonantFlags(word)
        let count = word.count
        if count >= 3, flags[count - 3], !flags[count - 2], flags[count - 1],
           word[count - 1] != "w", word[count - 1] != "x", word[count - 1] != "y" {
            return true
        }
        return count == 2 && !flags[0] && flags[1]
    }

    // MARK: Rules

    private struct Rule {
        let suffix: Letters
        let replacement: Letters
        let condition: (Letters) -> Bool

        init(_ suffix: String, _ replacement: String, _ condition: @escaping (Letters) -> Bool) {
            self.suffix = Array(suffix.unicodeScalars)
            self.replacement = Array(replacement.unicodeScalars)
            self.condition = condition
        }
    }

    private static func hasSuffix(_ word: Letters, _ suffix: Letters) -> Bool {
        word.count >= suffix.count && word[(word.count - suffix.count)...].elementsEqual(suffix)
    }

    private static func hasSuffix(_ word: Letters, _ suffix: String) -> Bool {
        hasSuffix(word, Array(suffix.unicodeScalars))
    }

    private static func dropping(_ count: Int, from word: Letters) -> Letters {
        Array(word.dropLast(count))
    }

    /// The first rule whose suffix ends the word decides: stem + replacement when its condition
    /// holds for the stem, else the word unchanged.
    private static func applyFirstMatching(_ word: Letters, _ rules: [Rule]) -> Letters {
        for rule in rules where hasSuffix(word, rule.suffix) {
            let stem = dropping(rule.suffix.count, from: word)
            return rule.condition(stem) ? stem + rule.replacement : word
        }
        return word
    }

    private static func always(_: Letters) -> Bool { true }
    private static func positiveMeasure(_ stem: Letters) -> Bool { measure(stem) > 0 }
    private static func measureAboveOne(_ stem: Letters) -> Bool { measure(stem) > 1 }

    // MARK: Steps

    /// SSES -> SS, IES -> I, SS -> SS, S -> ; nltk: a 4-letter `...ies` -> `...ie`.
    private func step1a(_ word: Letters) -> Letters {
        if word.count == 4 && Self.hasSuffix(word, "ies") { return Self.dropping(1, from: word) }
        return Self.applyFirstMatching(word, [
            Rule("sses", "ss", Self.always), Rule("ies", "i", Self.always),
            Rule("ss", "ss", Self.always), Rule("s", "", Self.always),
        ])
    }

    /// (m>0) EED -> EE; (*v*) ED -> ; (*v*) ING -> ; then AT -> ATE, BL -> BLE, IZ -> IZE,
    /// (*d and not *L, *S, *Z) -> single letter, (m=1 and *o) -> E. nltk: IED -> IE / I first.
    private func step1b(_ word: Letters) -> Letters {
        if Self.hasSuffix(word, "ied") {
            return Self.dropping(3, from: word) + Array((word.count == 4 ? "ie" : "i").unicodeScalars)
        }
        if Self.hasSuffix(word, "eed") {
            let stem = Self.dropping(3, from: word)
            return Self.measure(stem) > 0 ? stem + ["e", "e"] : word
        }
        var intermediate: Letters?
        for suffix in ["ed", "ing"] where Self.hasSuffix(word, suffix) {
            let stem = Self.dropping(suffix.unicodeScalars.count, from: word)
            if Self.containsVowel(stem) {
                intermediate = stem
                break
            }
        }
        guard let stem = intermediate else { return word }
        if Self.hasSuffix(stem, "at") || Self.hasSuffix(stem, "bl") || Self.hasSuffix(stem, "iz") {
            return stem + ["e"]
        }
        if Self.endsDoubleConsonant(stem) {
            let last = stem[stem.count - 1]
            return last == "l" || last == "s" || last == "z" ? stem : Self.dropping(1, from: stem)
        }
        return Self.measure(stem) == 1 && Self.endsCVC(stem) ? stem + ["e"] : stem
    }

    /// nltk: Y -> I when the stem has more than one letter and ends with a consonant.
    private func step1c(_ word: Letters) -> Letters {
        Self.applyFirstMatching(word, [
            Rule("y", "i") { stem in stem.count > 1 && Self.consonantFlags(stem)[stem.count - 1] },
        ])
    }

    /// The (m>0) double-suffix rules, nltk's variant (see the type's documentation).
    private func step2(_ word: Letters) -> Letters {
        if Self.hasSuffix(word, "alli") {
            let stem = Self.dropping(4, from: word)
            if Self.measure(stem) > 0 { return step2(stem + ["a", "l"]) }
        }
        let positive: (Letters) -> Bool = Self.positiveMeasure
        return Self.applyFirstMatching(word, [
            Rule("ational", "ate", positive), Rule("tional", "tion", positive),
            Rule("enci", "ence", positive), Rule("anci", "ance", positive),
            Rule("izer", "ize", positive), Rule("bli", "ble", positive),
            Rule("alli", "al", positive), Rule("entli", "ent", positive),
            Rule("eli", "e", positive), Rule("ousli", "ous", positive),
            Rule("ization", "ize", positive), Rule("ation", "ate", positive),
            Rule("ator", "ate", positive), Rule("alism", "al", positive),
            Rule("iveness", "ive", positive), Rule("fulness", "ful", positive),
            Rule("ousness", "ous", positive), Rule("aliti", "al", positive),
            Rule("iviti", "ive", positive), Rule("biliti", "ble", positive),
            Rule("fulli", "ful", positive),
            Rule("logi", "log") { _ in Self.measure(Self.dropping(3, from: word)) > 0 },
        ])
    }

    /// (m>0) ICATE -> IC, ATIVE -> , ALIZE -> AL, ICITI -> IC, ICAL -> IC, FUL -> , NESS -> .
    private func step3(_ word: Letters) -> Letters {
        let positive: (Letters) -> Bool = Self.positiveMeasure
        return Self.applyFirstMatching(word, [
            Rule("icate", "ic", positive), Rule("ative", "", positive), Rule("alize", "al", positive),
            Rule("iciti", "ic", positive), Rule("ical", "ic", positive), Rule("ful", "", positive),
            Rule("ness", "", positive),
        ])
    }

    /// (m>1) removal of AL, ANCE, ENCE, ER, IC, ABLE, IBLE, ANT, EMENT, MENT, ENT,
    /// ION (stem ending S or T), OU, ISM, ATE, ITI, OUS, IVE, IZE.
    private func step4(_ word: Letters) -> Letters {
        let aboveOne: (Letters) -> Bool = Self.measureAboveOne
        return Self.applyFirstMatching(word, [
            Rule("al", "", aboveOne), Rule("ance", "", aboveOne), Rule("ence", "", aboveOne),
            Rule("er", "", aboveOne), Rule("ic", "", aboveOne), Rule("able", "", aboveOne),
            Rule("ible", "", aboveOne), Rule("ant", "", aboveOne), Rule("ement", "", aboveOne),
            Rule("ment", "", aboveOne), Rule("ent", "", aboveOne),
            Rule("ion", "") { stem in Self.measure(stem) > 1 && (stem.last == "s" || stem.last == "t") },
            Rule("ou", "", aboveOne), Rule("ism", "", aboveOne), Rule("ate", "", aboveOne),
            Rule("iti", "", aboveOne), Rule("ous", "", aboveOne), Rule("ive", "", aboveOne),
            Rule("ize", "", aboveOne),
        ])
    }

    /// (m>1) E -> ; (m=1 and not *o) E -> .
    private func step5a(_ word: Letters) -> Letters {
        guard word.last == "e" else { return word }
        let stem = Self.dropping(1, from: word)
        let measure = Self.measure(stem)
        if measure > 1 || (measure == 1 && !Self.endsCVC(stem)) { return stem }
        return word
    }

    /// (m>1 and *d and *L) -> single letter, where m is measured on the word minus one `l`.
    private func step5b(_ word: Letters) -> Letters {
        guard Self.hasSuffix(word, "ll") else { return word }
        let shorter = Self.dropping(1, from: word)
        return Self.measure(shorter) > 1 ? shorter : word
    }
}

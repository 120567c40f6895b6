/// langdetect 1.0.9's `NGram` buffer: the last (up to) three normalised characters of the
/// current word, and whether the word is in capitals.
///
/// `add(normalize(ch))` is `NGram.add_char(ch)` (`LangDetectNormalizer.normalize`): after a space the buffer restarts
/// as " " (a second space adds nothing); otherwise a full buffer drops its oldest character;
/// the character is appended. `capitalWord` becomes true when an upper-case character follows
/// an upper-case one, false on a character that is not upper case, and is cleared at a
/// restart. Upper case is Python's `str.isupper()` on one character (`PythonText.isUppercase`).
struct LangDetectNGram {
    /// The buffer's characters, oldest first; only the last `count` are in the buffer.
    private var first: Unicode.Scalar = " "
    private var second: Unicode.Scalar = " "
    private var last: Unicode.Scalar = " "
    private(set) var count = 1
    private(set) var capitalWord = false

    mutating func add(_ normalized: Unicode.Scalar) {
        let previous = last
        if previous == " " {
            count = 1
            capitalWord = false
            if normalized == " " { return }
        } else if count >= 3 {
            count = 2
        }
        first = second
        second = last
        last = normalized
        count += 1
        if PythonText.isUppercase(normalized) {
            if PythonText.isUppercase(previous) { capitalWord = true }
        } else {
            capitalWord = false
        }
    }

    /// The key (`LangDetectProfiles.key`) of the last n characters, 1 <= n <= `count`.
    func key(_ n: Int) -> UInt64 {
        let extend = LangDetectProfiles.extendKey
        switch n {
        case 1: return extend(0, last)
        case 2: return extend(extend(0, second), last)
        default: return extend(extend(extend(0, first), second), last)
        }
    }

    /// Whether the 1-gram is a space (`w != ' '` in `_extract_ngrams`).
    var endsWithSpace: Bool { last == " " }
}

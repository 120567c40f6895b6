/// Hand-written equivalents of the few Python `re` operations IFEval's checks use.
///
/// Each IFEval pattern is ported as a matcher closure `(text, start) -> end?` that answers
/// exactly what the Python pattern matches when tried at `start` (with Python's backtracking
/// order worked out in the matcher's doc comment). These helpers then reproduce `re.findall` /
/// `re.finditer` / `re.sub` / `re.split`: try each start position left to right, and after a
/// match resume at its end (matches never overlap; none of the ported patterns can match the
/// empty string). Lookbehinds see the original text, as in Python.
public enum PythonPatterns {
    public typealias Text = PythonText.Text
    public typealias Matcher = (_ text: Text, _ start: Int) -> Int?

    /// The ranges `re.finditer` yields.
    public static func findAll(_ text: Text, _ matcher: Matcher) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i < text.count {
            if let end = matcher(text, i), end > i {
                ranges.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return ranges
    }

    /// `re.split`: the pieces between the matches (no capture groups in the ported patterns).
    public static func split(_ text: Text, _ matcher: Matcher) -> [Text] {
        var pieces: [Text] = []
        var start = 0
        for range in findAll(text, matcher) {
            pieces.append(Array(text[start..<range.lowerBound]))
            start = range.upperBound
        }
        pieces.append(Array(text[start...]))
        return pieces
    }

    /// `re.sub`: each match `start..<end` is replaced by `replacement(text, start, end)`.
    public static func sub(_ text: Text, _ matcher: Matcher,
                           _ replacement: (_ text: Text, _ start: Int, _ end: Int) -> Text) -> Text {
        var out = Text()
        out.reserveCapacity(text.count + 16)
        var last = 0
        for range in findAll(text, matcher) {
            out.append(contentsOf: text[last..<range.lowerBound])
            out.append(contentsOf: replacement(text, range.lowerBound, range.upperBound))
            last = range.upperBound
        }
        out.append(contentsOf: text[last...])
        return out
    }

    /// `re.sub(pattern, " \g<0> ", text)` where the pattern matches one code point from a set.
    public static func padEach(_ text: Text, where isMember: (Unicode.Scalar) -> Bool) -> Text {
        var out = Text()
        out.reserveCapacity(text.count + 16)
        for c in text {
            if isMember(c) { out.append(" "); out.append(c); out.append(" ") } else { out.append(c) }
        }
        return out
    }

    /// Python's `$` without MULTILINE: the end of the text, or just before a final "\n".
    public static func isEndAnchor(_ text: Text, _ index: Int) -> Bool {
        index == text.count || (index == text.count - 1 && text[index] == "\n")
    }

    /// Python's `\b` for `str` patterns: `\w` on exactly one side (outside the text is non-word).
    public static func isWordBoundary(_ text: Text, _ index: Int) -> Bool {
        let before = index > 0 && PythonText.isWord(text[index - 1])
        let after = index < text.count && PythonText.isWord(text[index])
        return before != after
    }

    /// Whether text code point `c` matches the ASCII pattern code point `p` under
    /// `re.IGNORECASE` (Unicode `str` pattern): a cased `p` matches every `c` whose simple
    /// lowercase is `p`'s lowercase or one of its extra case equivalents from CPython's
    /// `re._casefix` (for ASCII only i ~ U+0131 dotless i, s ~ U+017F long s); an uncased `p`
    /// matches only itself.
    public static func matchesIgnoringCase(_ c: Unicode.Scalar, ascii p: Unicode.Scalar) -> Bool {
        guard (0x41...0x5A).contains(p.value) || (0x61...0x7A).contains(p.value) else { return c == p }  // ASCII cased = letters
        let lower = PythonText.toLowerSimple(p)
        let folded = PythonText.toLowerSimple(c)
        if folded == lower { return true }
        if lower == "i" { return folded == "\u{131}" }
        if lower == "s" { return folded == "\u{17F}" }
        return false
    }

    /// End of the case-insensitive literal `pattern` (ASCII) matched at `start`, if it matches.
    public static func matchLiteralIgnoringCase(_ text: Text, _ start: Int, _ pattern: Text) -> Int? {
        guard start + pattern.count <= text.count else { return nil }
        for k in 0..<pattern.count where !matchesIgnoringCase(text[start + k], ascii: pattern[k]) {
            return nil
        }
        return start + pattern.count
    }

    /// The code points that make a keyword a non-literal regular expression.
    public static let regexMetacharacters: Set<Unicode.Scalar> = [
        ".", "^", "$", "*", "+", "?", "{", "}", "[", "]", "\\", "|", "(", ")",
    ]
}

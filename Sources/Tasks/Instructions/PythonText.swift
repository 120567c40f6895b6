/// Python 3 `str` semantics on Unicode scalars, as IFEval's reference code (Python) sees text.
///
/// Python strings are sequences of code points, so every IFEval check here works on
/// `[Unicode.Scalar]` (never on Swift `Character`s, which would merge grapheme clusters and
/// compare canonically equivalent strings as equal). The predicates follow CPython's
/// `unicodectype.c`:
/// - `isSpace(c)`: `str.isspace()` = Unicode White_Space, plus U+001C...U+001F (bidi class B/S);
///   this is also what `\s` matches in a `str` regex.
/// - `isWord(c)`: regex `\w` = `str.isalnum()` or `_`, where isalnum = general category L*
///   or a numeric type (decimal, digit, numeric).
/// - `isDecimal(c)`: regex `\d` = general category Nd.
/// - `lowercased`: `str.lower()` = the full lowercase mapping of each code point, with Greek
///   capital sigma mapped to final sigma (U+03C2) in the Final_Sigma context.
/// - `toLowerSimple(c)`: CPython's `_PyUnicode_ToLowercase` (used by `re.IGNORECASE`), i.e. the
///   first code point of the full lowercase mapping.
/// - `isUpper` / `isLower`: `str.isupper()` / `str.islower()`: no lowercase (resp. uppercase) or
///   titlecase code point, and at least one uppercase (resp. lowercase) code point.
/// - `isUppercase(c)` / `isLowercase(c)`: the Uppercase / Lowercase property as CPython 3.11's
///   tables (Unicode 14.0) have it. Swift's tables are newer: code points assigned since
///   (e.g. U+A7CB, Unicode 16.0) are neither, and the six whose Lowercase property changed
///   since 14.0 take their 14.0 value (found by comparing every code point with Python 3.11).
public enum PythonText {
    public typealias Text = [Unicode.Scalar]

    public static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (0x09...0x0D).contains(c.value) || (0x1C...0x20).contains(c.value) }
        return c.properties.isWhitespace
    }

    /// ASCII answers without the Unicode tables (the same sets: letters, digits, `_`); the
    /// tables' lookups dominated the IFEval checks' cost.
    public static func isWord(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x5F
        }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return c.properties.numericType != nil
        }
    }

    public static func isDecimal(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (0x30...0x39).contains(c.value) }
        return c.properties.generalCategory == .decimalNumber
    }

    public static func toLowerSimple(_ c: Unicode.Scalar) -> Unicode.Scalar {
        if c.isASCII { return (0x41...0x5A).contains(c.value) ? Unicode.Scalar(c.value + 0x20)! : c }
        return c.properties.lowercaseMapping.unicodeScalars.first ?? c
    }

    public static func lowercased(_ text: Text) -> Text {
        var out = Text()
        out.reserveCapacity(text.count)
        for (index, c) in text.enumerated() {
            if c.isASCII {
                out.append(toLowerSimple(c))
            } else if c.value == 0x3A3 {
                out.append(isFinalSigma(text, index) ? "\u{3C2}" : "\u{3C3}")
            } else {
                out.append(contentsOf: c.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// CPython's `handle_capital_sigma`: cased, case-ignorable*, SIGMA, not (case-ignorable*, cased).
    private static func isFinalSigma(_ text: Text, _ index: Int) -> Bool {
        var j = index - 1
        while j >= 0 && text[j].properties.isCaseIgnorable { j -= 1 }
        guard j >= 0 && text[j].properties.isCased else { return false }
        var k = index + 1
        while k < text.count && text[k].properties.isCaseIgnorable { k += 1 }
        return k == text.count || !text[k].properties.isCased
    }

    public static func isUpper(_ text: Text) -> Bool {
        var cased = false
        for c in text {
            if isLowercase(c) || isTitlecase(c) { return false }
            if isUppercase(c) { cased = true }
        }
        return cased
    }

    public static func isLower(_ text: Text) -> Bool {
        var cased = false
        for c in text {
            if isUppercase(c) || isTitlecase(c) { return false }
            if isLowercase(c) { cased = true }
        }
        return cased
    }

    /// General category Lt (no ASCII code point is one, so those skip the table).
    public static func isTitlecase(_ c: Unicode.Scalar) -> Bool {
        !c.isASCII && c.properties.generalCategory == .titlecaseLetter
    }

    public static func isUppercase(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (0x41...0x5A).contains(c.value) }
        return c.properties.isUppercase && isInPythonTables(c)
    }

    public static func isLowercase(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (0x61...0x7A).contains(c.value) }
        if c.value == 0x295 { return true }
        if lowercaseSinceUnicode14.contains(c.value) { return false }
        return c.properties.isLowercase && isInPythonTables(c)
    }

    /// Code points that became Lowercase after Unicode 14.0 (U+0295 stopped being Lowercase).
    private static let lowercaseSinceUnicode14: Set<UInt32> = [0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69]

    /// Whether `c` was assigned by Unicode 14.0, the version of CPython 3.11's tables.
    private static func isInPythonTables(_ c: Unicode.Scalar) -> Bool {
        guard let age = c.properties.age else { return false }
        return age.major < 14 || (age.major == 14 && age.minor == 0)
    }

    /// `str.strip()` (no argument): drop `isSpace` code points at both ends.
    public static func strip(_ text: Text) -> Text {
        strip(text, where: isSpace)
    }

    /// `str.strip(chars)` / `lstrip` / `rstrip` with an explicit predicate.
    public static func strip(_ text: Text, leading: Bool = true, trailing: Bool = true,
                             where drop: (Unicode.Scalar) -> Bool) -> Text {
        var start = 0
        var end = text.count
        if leading { while start < end && drop(text[start]) { start += 1 } }
        if trailing { while end > start && drop(text[end - 1]) { end -= 1 } }
        return Array(text[start..<end])
    }

    /// `str.split()` (no argument): the maximal runs of non-space code points.
    public static func splitWhitespace(_ text: Text) -> [Text] {
        var pieces: [Text] = []
        var current = Text()
        for c in text {
            if isSpace(c) {
                if !current.isEmpty { pieces.append(current); current.removeAll() }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// `str.split(separator)` with a non-empty literal separator, scanning left to right.
    public static func split(_ text: Text, separator: Text) -> [Text] {
        precondition(!separator.isEmpty, "split separator must not be empty")
        var pieces: [Text] = []
        var start = 0
        var i = 0
        while i + separator.count <= text.count {
            if hasPrefix(text, separator, at: i) {
                pieces.append(Array(text[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(Array(text[start...]))
        return pieces
    }

    public static func hasPrefix(_ text: Text, _ prefix: Text, at index: Int = 0) -> Bool {
        guard index >= 0, index + prefix.count <= text.count else { return false }
        for k in 0..<prefix.count where text[index + k] != prefix[k] { return false }
        return true
    }

    public static func hasSuffix(_ text: Text, _ suffix: Text) -> Bool {
        hasPrefix(text, suffix, at: text.count - suffix.count)
    }

    /// `needle in text` (code-point substring test; the empty needle is always contained).
    public static func contains(_ text: Text, _ needle: Text) -> Bool {
        if needle.isEmpty { return true }
        guard needle.count <= text.count else { return false }
        for i in 0...(text.count - needle.count) where hasPrefix(text, needle, at: i) { return true }
        return false
    }

    public static func text(_ string: String) -> Text { Array(string.unicodeScalars) }
}

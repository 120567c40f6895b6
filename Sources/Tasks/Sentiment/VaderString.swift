/// A Python 3 `str` as vaderSentiment sees it: a sequence of Unicode code points.
///
/// VADER compares, hashes, splits, strips, lowercases and case-tests strings with Python's
/// semantics, which work code point by code point. Swift's `String` compares by canonical
/// equivalence (`"\u{212A}" == "K"`, `"\u{037E}" == ";"`) and iterates grapheme clusters
/// (`"\r\n"` is one `Character`), so the port keeps every string as an array of scalars and
/// implements exactly the Python operations it needs:
///
/// - `==` / hashing: code point sequences, as Python's `str.__eq__` / `dict`.
/// - `isPythonWhitespace`: `str.isspace()` per code point (Python's `Py_UNICODE_ISSPACE`:
///   the ASCII set `\t \n \v \f \r \x1c-\x1f` and space, plus Unicode category Zs and bidi
///   classes B/S/WS; the table below is that set, listed by Python 3.11 over all code points).
/// - `split()`: `str.split()` with no argument (runs of whitespace separate, no empty fields).
/// - `strip()`: `str.strip()` with no argument; `strip(asciiSet:)`: `str.strip(chars)`.
/// - `lowered`: `str.lower()`, each code point replaced by its full Unicode lowercase mapping
///   (SpecialCasing unconditional mappings, e.g. U+0130 -> "i\u{307}"). Python additionally
///   maps a word-final capital sigma to U+03C2 instead of U+03C3; both are non-ASCII and VADER
///   only ever compares lowercased words with ASCII keys or ASCII substrings, so that context
///   rule cannot change any result and is not reproduced.
/// - `isUpper`: `str.isupper()` (CPython `unicode_isupper_impl`): false if any code point is
///   Lowercase or titlecase (Lt), true if at least one is Uppercase.
///
/// Case properties come from Swift's Unicode tables; Python 3.11 uses Unicode 14.0, so they
/// agree on every code point assigned by Unicode 14.0.
struct VaderString: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    var scalars: [Unicode.Scalar]

    init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        self.scalars = Array(scalars)
    }

    init(stringLiteral value: String) {
        self.init(value.unicodeScalars)
    }

    var description: String {
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars)
        return string
    }

    var count: Int { scalars.count }

    /// Python's `str.isspace()` for one code point (see the type's documentation).
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `str.split()`: the maximal runs of non-whitespace code points, in order.
    func split() -> [VaderString] {
        var words: [VaderString] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if VaderString.isPythonWhitespace(scalar) {
                if let begin = start {
                    words.append(VaderString(scalars[begin..<index]))
                    start = nil
                }
            } else if start == nil {
                start = index
            }
        }
        if let begin = start { words.append(VaderString(scalars[begin...])) }
        return words
    }

    /// `str.strip()`: drops leading and trailing whitespace code points.
    func strip() -> VaderString {
        strip { VaderString.isPythonWhitespace($0) }
    }

    /// `str.strip(chars)` for a set of ASCII characters (e.g. `string.punctuation`).
    func strip(asciiSet: Set<UInt32>) -> VaderString {
        strip { asciiSet.contains($0.value) }
    }

    private func strip(where drop: (Unicode.Scalar) -> Bool) -> VaderString {
        guard let first = scalars.firstIndex(where: { !drop($0) }),
              let last = scalars.lastIndex(where: { !drop($0) }) else { return VaderString([]) }
        return VaderString(scalars[first...last])
    }

    /// `str.lower()` (see the type's documentation for the final-sigma remark).
    var lowered: VaderString {
        if scalars.allSatisfy({ $0.isASCII && !(0x41...0x5A).contains($0.value) }) { return self }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII {
                let value = scalar.value
                result.append((0x41...0x5A).contains(value) ? Unicode.Scalar(value + 0x20)! : scalar)
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return VaderString(result)
    }

    /// `str.isupper()` (CPython `unicode_isupper_impl`, single-code-point shortcut included).
    var isUpper: Bool {
        if scalars.count == 1 { return scalars[0].properties.isUppercase }
        var cased = false
        for scalar in scalars {
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    /// `needle in self` for a non-empty needle (Python substring test).
    func contains(_ needle: VaderString) -> Bool {
        let n = needle.scalars.count
        guard n > 0, n <= scalars.count else { return n == 0 }
        for start in 0...(scalars.count - n) where scalars[start..<(start + n)].elementsEqual(needle.scalars) {
            return true
        }
        return false
    }

    /// `self.count(ch)` for one code point.
    func occurrences(of scalar: Unicode.Scalar) -> Int {
        scalars.reduce(0) { $0 + ($1 == scalar ? 1 : 0) }
    }

    /// `" ".join(parts)`.
    static func spaceJoined(_ parts: [VaderString]) -> VaderString {
        var result: [Unicode.Scalar] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { result.append(" ") }
            result.append(contentsOf: part.scalars)
        }
        return VaderString(result)
    }
}

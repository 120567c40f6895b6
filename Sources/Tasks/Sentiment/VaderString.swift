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
/// - `str.split()` with no argument: runs of `isPythonWhitespace` code points separate, no
///   empty fields (`VaderSentiment` splits while it reads a text).
/// - `strip()`: `str.strip()` with no argument.
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

    /// `str.strip()`: drops leading and trailing whitespace code points.
    func strip() -> VaderString {
        strip { VaderString.isPythonWhitespace($0) }
    }

    private func strip(where drop: (Unicode.Scalar) -> Bool) -> VaderString {
        guard let first = scalars.firstIndex(where: { !drop($0) }),
              let last = scalars.lastIndex(where: { !drop($0) }) else { return VaderString([]) }
        return VaderString(scalars[first...last])
    }

    /// `str.lower()` (see the type's documentation for the final-sigma remark).
    var lowered: VaderString {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(scalars.count)
        for scalar in scalars { VaderString.appendLowered(scalar, to: &result) }
        return VaderString(result)
    }

    /// Appends `str.lower()` of one code point: ASCII A-Z shifted to a-z, other code points
    /// replaced by their full Unicode lowercase mapping.
    static func appendLowered(_ scalar: Unicode.Scalar, to result: inout [Unicode.Scalar]) {
        if scalar.isASCII {
            let value = scalar.value
            result.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        } else {
            result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }

    /// `str.isupper()` (CPython `unicode_isupper_impl`, single-code-point shortcut included).
    var isUpper: Bool { VaderString.isUpper(scalars[...]) }

    /// `str.isupper()` of the code points `scalars`; ASCII code points are decided without
    /// Unicode property look-ups (their only cased letters are A-Z and a-z).
    static func isUpper<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> Bool {
        if scalars.count == 1 {
            let scalar = scalars.first!
            return scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
        }
        var cased = false
        for scalar in scalars {
            if scalar.isASCII {
                if (0x61...0x7A).contains(scalar.value) { return false }
                if (0x41...0x5A).contains(scalar.value) { cased = true }
                continue
            }
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }
}

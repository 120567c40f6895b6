/// A reader for one langdetect profile file, the JSON object
/// `{"freq": {gram: count, ...}, "n_words": [c1, c2, c3], "name": code}` (keys in any order,
/// each exactly once, no others), straight from its UTF-8 bytes.
///
/// It replaces `JSONDecoder`, which spent about 0.25 s of CPU building 55 `[String: Int]`
/// dictionaries on every process start that scores a langdetect instruction; here each gram is
/// decoded to code points and turned into its table key (`LangDetectProfiles.key`) without a
/// `String`. Grams are compared as code point sequences, as Python's `dict` compares them
/// (`JSONDecoder`'s `String` keys compared by canonical equivalence). Strings follow RFC 8259:
/// escapes `\" \\ \/ \b \f \n \r \t \uXXXX` (surrogate pairs combined; a lone surrogate is
/// malformed), no raw code point below U+0020, UTF-8 sequences checked for their continuation
/// bytes and for a valid scalar value. Counts are JSON integers (no fraction or exponent).
struct LangDetectProfileReader {
    /// One gram of `freq`: its key, its length in code points (grams longer than 3 get key 0)
    /// and its count.
    struct Gram {
        let key: UInt64
        let length: Int
        let count: Int
    }

    struct Profile {
        let name: String
        let grams: [Gram]
        let wordCounts: [Int]
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The profile in `bytes`, or nil when they are not one (a reason is not kept: the caller
    /// names the file).
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Profile? {
        var reader = LangDetectProfileReader(bytes)
        return reader.profile()
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
    }

    /// Skips whitespace, then consumes `byte` if it comes next.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard current == byte else { return false }
        index += 1
        return true
    }

    private mutating func profile() -> Profile? {
        var name: String?, grams: [Gram]?, wordCounts: [Int]?
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
            var keyText = ""
            keyText.unicodeScalars.append(contentsOf: key)
            switch keyText {
            case "name" where name == nil:
                guard let value = string() else { return nil }
                var text = ""
                text.unicodeScalars.append(contentsOf: value)
                name = text
            case "freq" where grams == nil:
                guard let value = frequencies() else { return nil }
                grams = value
            case "n_words" where wordCounts == nil:
                guard let value = integers() else { return nil }
                wordCounts = value
            default:
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")) else { return nil }
        skipWhitespace()
        guard index == bytes.count, let name, let grams, let wordCounts else { return nil }
        return Profile(name: name, grams: grams, wordCounts: wordCounts)
    }

    /// `{gram: count, ...}`.
    private mutating func frequencies() -> [Gram]? {
        guard take(UInt8(ascii: "{")) else { return nil }
        var grams: [Gram] = []
        if take(UInt8(ascii: "}")) { return grams }
        repeat {
            guard let gram = string(), take(UInt8(ascii: ":")), let count = integer() else { return nil }
            let key = gram.count <= 3 ? LangDetectProfiles.key(gram) : 0
            grams.append(Gram(key: key, length: gram.count, count: count))
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "}")) ? grams : nil
    }

    /// `[n, ...]`.
    private mutating func integers() -> [Int]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var values: [Int] = []
        if take(UInt8(ascii: "]")) { return values }
        repeat {
            guard let value = integer() else { return nil }
            values.append(value)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? values : nil
    }

    /// `-?(0|[1-9][0-9]*)`, not followed by a fraction or exponent; nil on overflow.
    private mutating func integer() -> Int? {
        skipWhitespace()
        let negative = current == UInt8(ascii: "-")
        if negative { index += 1 }
        guard let first = current, (0x30...0x39).contains(first) else { return nil }
        var value = 0
        while let c = current, (0x30...0x39).contains(c) {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int(c - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
            if first == 0x30 { break }
        }
        if let c = current, c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || (0x30...0x39).contains(c) {
            return nil
        }
        return negative ? -value : value
    }

    /// A JSON string's code points.
    private mutating func string() -> [Unicode.Scalar]? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        var scalars: [Unicode.Scalar] = []
        while let c = current {
            index += 1
            switch c {
            case UInt8(ascii: "\""):
                return scalars
            case UInt8(ascii: "\\"):
                guard let escaped = escape() else { return nil }
                scalars.append(escaped)
            case 0..<0x20:
                return nil
            case 0x20..<0x80:
                scalars.append(Unicode.Scalar(c))
            default:
                guard let decoded = multibyte(lead: c) else { return nil }
                scalars.append(decoded)
            }
        }
        return nil
    }

    /// The code point of the escape after a backslash.
    private mutating func escape() -> Unicode.Scalar? {
        guard let c = current else { return nil }
        index += 1
        switch c {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return Unicode.Scalar(c)
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            guard let unit = hexUnit() else { return nil }
            guard (0xD800...0xDBFF).contains(unit) else { return Unicode.Scalar(unit) }
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
            index += 2
            guard let low = hexUnit(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        default: return nil
        }
    }

    /// Four hex digits.
    private mutating func hexUnit() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// The code point of a UTF-8 sequence of 2 to 4 bytes whose lead byte (already consumed) is
    /// `lead`.
    private mutating func multibyte(lead: UInt8) -> Unicode.Scalar? {
        let (length, bits): (Int, UInt8) = switch lead {
        case 0xC2...0xDF: (2, lead & 0x1F)
        case 0xE0...0xEF: (3, lead & 0x0F)
        case 0xF0...0xF4: (4, lead & 0x07)
        default: (0, 0)
        }
        guard length > 0, index + length - 1 <= bytes.count else { return nil }
        var value = UInt32(bits)
        for _ in 1..<length {
            let c = bytes[index]
            guard c & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(c & 0x3F)
            index += 1
        }
        let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= shortest else { return nil }
        return Unicode.Scalar(value)
    }
}

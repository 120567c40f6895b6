/// Whether Python's `json.loads(text)` accepts `text` (a `str`), as its C scanner decides:
/// - whitespace is only space, tab, LF and CR, around and between tokens;
/// - values: objects with string keys, arrays, strings, `null`, `true`, `false`, `NaN`,
///   `Infinity`, `-Infinity`, and numbers `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`
///   (ASCII digits; a `.` or exponent that is not followed by digits ends the number there);
/// - strings: no raw code point below U+0020 (strict mode); escapes `\" \\ \/ \b \f \n \r \t`
///   and `\u` with exactly four hex digits (lone surrogates allowed);
/// - nothing but whitespace may follow the value ("Extra data" otherwise).
/// Nesting deeper than `maximumDepth` is rejected: CPython raises RecursionError there (near
/// depth 1000), which the reference does not catch, so no verdict exists to match.
enum PythonJSON {
    static let maximumDepth = 512

    static func isValid(_ text: PythonText.Text) -> Bool {
        var parser = Parser(text: text)
        parser.skipWhitespace()
        guard parser.value(depth: 0) else { return false }
        parser.skipWhitespace()
        return parser.index == text.count
    }

    private struct Parser {
        let text: PythonText.Text
        var index = 0

        var current: Unicode.Scalar? { index < text.count ? text[index] : nil }

        mutating func skipWhitespace() {
            while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { index += 1 }
        }

        mutating func consume(_ word: String) -> Bool {
            let scalars = PythonText.text(word)
            guard PythonText.hasPrefix(text, scalars, at: index) else { return false }
            index += scalars.count
            return true
        }

        mutating func value(depth: Int) -> Bool {
            guard depth < PythonJSON.maximumDepth, let c = current else { return false }
            switch c {
            case "\"": return string()
            case "{": return object(depth: depth)
            case "[": return array(depth: depth)
            case "n": return consume("null")
            case "t": return consume("true")
            case "f": return consume("false")
            case "N": return consume("NaN")
            case "I": return consume("Infinity")
            case "-": return consume("-Infinity") || number()
            default: return number()
            }
        }

        mutating func object(depth: Int) -> Bool {
            index += 1
            skipWhitespace()
            if current == "}" { index += 1; return true }
            while true {
                guard current == "\"", string() else { return false }
                skipWhitespace()
                guard current == ":" else { return false }
                index += 1
                skipWhitespace()
                guard value(depth: depth + 1) else { return false }
                skipWhitespace()
                if current == "}" { index += 1; return true }
                guard current == "," else { return false }
                index += 1
                skipWhitespace()
            }
        }

        mutating func array(depth: Int) -> Bool {
            index += 1
            skipWhitespace()
            if current == "]" { index += 1; return true }
            while true {
                guard value(depth: depth + 1) else { return false }
                skipWhitespace()
                if current == "]" { index += 1; return true }
                guard current == "," else { return false }
                index += 1
                skipWhitespace()
            }
        }

        mutating func string() -> Bool {
            index += 1
            while let c = current {
                index += 1
                if c == "\"" { return true }
                if c.value < 0x20 { return false }
                guard c == "\\" else { continue }
                guard let escape = current else { return false }
                index += 1
                if "\"\\/bfnrt".unicodeScalars.contains(escape) { continue }
                guard escape == "u", index + 4 <= text.count,
                      text[index..<(index + 4)].allSatisfy({ $0.properties.isASCIIHexDigit }) else { return false }
                index += 4
            }
            return false
        }

        mutating func digits() -> Int {
            let start = index
            while let c = current, ("0"..."9").contains(c) { index += 1 }
            return index - start
        }

        mutating func number() -> Bool {
            if current == "-" { index += 1 }
            guard let first = current, ("0"..."9").contains(first) else { return false }
            if first == "0" { index += 1 } else { _ = digits() }
            if current == ".", index + 1 < text.count, ("0"..."9").contains(text[index + 1]) {
                index += 1
                _ = digits()
            }
            if current == "e" || current == "E" {
                var probe = index + 1
                if probe < text.count && (text[probe] == "+" || text[probe] == "-") { probe += 1 }
                if probe < text.count && ("0"..."9").contains(text[probe]) {
                    index = probe
                    _ = digits()
                }
            }
            return true
        }
    }
}

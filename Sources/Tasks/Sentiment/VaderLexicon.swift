import Foundation

/// VADER's two word lists, read as vaderSentiment 3.3.2's `SentimentIntensityAnalyzer.__init__`
/// reads them.
///
/// Both files are decoded as UTF-8 without newline translation (`codecs.open`), the text has
/// its trailing `\n`s removed and is split on `\n`; every line is `str.strip()`ped (which also
/// drops the `\r` of CRLF line ends) and split on tabs, and its first two fields are kept.
/// - Valence lexicon (`vader_lexicon.txt`): word TAB mean valence TAB ...; empty lines are
///   skipped; the mean is read as a decimal float; a word listed twice keeps its last value.
/// - Emoji lexicon (`emoji_utf8_lexicon.txt`): emoji TAB textual description. VADER replaces
///   emojis code point by code point, so only one-code-point entries can ever apply; the
///   multi-code-point ones (flags, skin tones, ZWJ sequences) are read and ignored.
public struct VaderLexicon: Sendable {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String)
        case notUTF8(path: String)
        case malformedLine(path: String, line: Int)
        case badValence(path: String, line: Int, field: String)

        public var description: String {
            switch self {
            case .unreadable(let path): return "cannot read VADER lexicon file \(path)"
            case .notUTF8(let path): return "VADER lexicon file \(path) is not valid UTF-8"
            case .malformedLine(let path, let line): return "\(path):\(line): expected at least two tab-separated fields"
            case .badValence(let path, let line, let field): return "\(path):\(line): valence '\(field)' is not a number"
            }
        }
    }

    /// Word (as written in the file, code point for code point) -> mean valence.
    let valence: [VaderString: Double]
    /// Emoji code point -> textual description.
    let emojiDescriptions: [Unicode.Scalar: VaderString]

    /// Reads the valence lexicon and the emoji lexicon.
    public init(valenceURL: URL, emojiURL: URL) throws {
        var valence: [VaderString: Double] = [:]
        for (number, fields) in try VaderLexicon.fieldLines(valenceURL, skipEmpty: true) {
            let field = fields[1].description
            guard let value = Double(field) else {
                throw LoadError.badValence(path: valenceURL.path, line: number, field: field)
            }
            valence[fields[0]] = value
        }
        var emojis: [Unicode.Scalar: VaderString] = [:]
        for (_, fields) in try VaderLexicon.fieldLines(emojiURL, skipEmpty: false) where fields[0].count == 1 {
            emojis[fields[0].scalars[0]] = fields[1]
        }
        self.valence = valence
        self.emojiDescriptions = emojis
    }

    /// The first two tab-separated fields of each line, with 1-based line numbers.
    private static func fieldLines(_ url: URL, skipEmpty: Bool) throws -> [(Int, [VaderString])] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LoadError.unreadable(path: url.path)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw LoadError.notUTF8(path: url.path)
        }
        var scalars = Array(text.unicodeScalars)
        while scalars.last == "\n" { scalars.removeLast() }
        var result: [(Int, [VaderString])] = []
        for (index, line) in scalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if skipEmpty && line.isEmpty { continue }
            let fields = VaderString(line).strip().scalars
                .split(separator: "\t", omittingEmptySubsequences: false)
                .map { VaderString($0) }
            guard fields.count >= 2 else { throw LoadError.malformedLine(path: url.path, line: index + 1) }
            result.append((index + 1, Array(fields[0..<2])))
        }
        return result
    }
}

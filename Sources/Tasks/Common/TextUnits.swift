/// One unit of a text: a token, a span or a sentence, with where it sits in the text.
///
/// Offsets count **Unicode scalars** (`String.unicodeScalars`) from the start of the text, so
/// `range` is `Range<Int>` over `Array(text.unicodeScalars)` and does not depend on `String.Index`.
/// `text` is exactly the scalars in `range`; a unit never starts or ends with whitespace.
public struct TextUnit: Hashable, Sendable, CustomStringConvertible {
    /// What a unit is: a word token, a punctuation token (any single non-word, non-space scalar),
    /// a span of tokens, or a sentence of tokens.
    public enum Kind: String, Hashable, Sendable {
        case word, punctuation, span, sentence
    }

    public let text: String
    public let range: Range<Int>
    public let kind: Kind

    public init(text: String, range: Range<Int>, kind: Kind) {
        self.text = text
        self.range = range
        self.kind = kind
    }

    public var description: String { "\(kind.rawValue)[\(range.lowerBound)..<\(range.upperBound)] \(text)" }
}

/// The granularity at which a text is cut into players.
public enum UnitLevel: Hashable, Sendable, CustomStringConvertible {
    /// Words and punctuation marks, each its own unit.
    case tokens
    /// Clause-like chunks of at most `maxTokens` tokens (see `TextSegmenter`).
    case spans(maxTokens: Int)
    /// SCAR's own spans: cut right after each of `. , ; ? !`, nothing else, no length cap (see
    /// `TextSegmenter`).
    case punctuation
    /// Sentences.
    case sentences

    /// The span length cap used when a level is parsed from the bare word "spans".
    public static let defaultMaxSpanTokens = 12

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case unknownLevel(String)
        case invalidSpanLength(String)

        public var description: String {
            switch self {
            case .unknownLevel(let word):
                return "unknown unit level '\(word)'; expected tokens, punctuation, spans, spans:K (K a positive integer) or sentences"
            case .invalidSpanLength(let word):
                return "invalid span length in '\(word)'; expected spans:K with K a positive integer"
            }
        }
    }

    /// Parses "tokens", "punctuation", "sentences", "spans" (at most `defaultMaxSpanTokens` tokens
    /// per span) or "spans:K" (at most K tokens, K >= 1). Anything else throws `ParseError`.
    public init(parsing word: String) throws {
        switch word {
        case "tokens": self = .tokens
        case "punctuation": self = .punctuation
        case "sentences": self = .sentences
        case "spans": self = .spans(maxTokens: UnitLevel.defaultMaxSpanTokens)
        default:
            guard word.hasPrefix("spans:") else { throw ParseError.unknownLevel(word) }
            guard let k = Int(word.dropFirst("spans:".count)), k >= 1 else {
                throw ParseError.invalidSpanLength(word)
            }
            self = .spans(maxTokens: k)
        }
    }

    public var description: String {
        switch self {
        case .tokens: return "tokens"
        case .punctuation: return "punctuation"
        case .sentences: return "sentences"
        case .spans(let k): return "spans:\(k)"
        }
    }
}

/// A text cut into units, with the whitespace around and between them, so that any subset of
/// units can be rendered back into a string.
///
/// Invariant: `separators.count == units.count + 1`; `separators[0]` is the text before the first
/// unit, `separators[i]` (0 < i < count) the text between unit i-1 and unit i, and the last entry
/// the text after the last unit. Separators hold only whitespace, and
/// `separators[0] + units[0].text + separators[1] + ... + units[n-1].text + separators[n]`
/// equals the original text exactly. A text that is empty or all whitespace has no units and one
/// separator (the text itself).
public struct TextSegmentation: Hashable, Sendable {
    public let text: String
    public let units: [TextUnit]
    public let separators: [String]

    /// The original text, rebuilt from units and separators (always equal to `text`).
    public func rebuilt() -> String {
        var result = separators[0]
        for (index, unit) in units.enumerated() {
            result += unit.text
            result += separators[index + 1]
        }
        return result
    }

    /// The text that keeps only the units with `keep[i] == true`, in their original order.
    ///
    /// The leading and trailing separators are always kept. A kept unit other than the first kept
    /// one is preceded by its own original separator (the whitespace that came just before it in
    /// the text), so "The movie was good" keeping {The, good} reads "The good".
    ///
    /// With `mask` set, every maximal run of dropped units is replaced by one `mask` string, placed
    /// as if it were a unit: preceded by the separator before the run's first unit (unless the run
    /// opens the text) and followed by the separator before the next kept unit. Keeping nothing
    /// gives `separators[0] + mask + separators[n]`; without a mask it gives
    /// `separators[0] + separators[n]`.
    public func rendered(keeping keep: [Bool], mask: String? = nil) -> String {
        precondition(keep.count == units.count, "keep has \(keep.count) flags for \(units.count) units")
        return TextPieces(self).rendered(mask: mask.map { Array($0.utf8) }) { keep[$0] }
    }
}

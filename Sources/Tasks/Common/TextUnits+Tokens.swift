/// Cuts a text into units at one `UnitLevel`, without a parser or a model.
///
/// **Tokens.** A word token is a maximal run of word scalars (letters, digits, combining marks,
/// and other numeric scalars such as "½"), where a run may continue across one connector scalar
/// that has a word scalar on both sides: an apostrophe (' or ’), so "don't" and "Century's" are one
/// word; a hyphen (- or ‐), so "co-writer" is one word; and "." or "," between two decimal digits,
/// so "2.5" and "10,000" are one word. Every other scalar that is not whitespace is a punctuation
/// token on its own ("..." is three tokens, "''" two). Whitespace separates tokens and belongs to
/// no unit.
///
/// **Spans**, **punctuation spans** and **sentences** group consecutive tokens; see `TextSegmenter.group` (TextUnits+Spans.swift).
///
/// For every level, `segment(text).rebuilt() == text`.
public struct TextSegmenter: Sendable {
    public let level: UnitLevel

    public init(level: UnitLevel) {
        precondition({ if case .spans(let k) = level { return k >= 1 }; return true }(), "spans need maxTokens >= 1")
        self.level = level
    }

    /// The text cut into units at this segmenter's level, with the separators between them.
    public func segment(_ text: String) -> TextSegmentation {
        let scalars = Array(text.unicodeScalars)
        let tokens = TextSegmenter.tokenRanges(scalars)
        let ranges: [Range<Int>]
        let kind: (Range<Int>) -> TextUnit.Kind
        switch level {
        case .tokens:
            ranges = tokens
            kind = { TextSegmenter.isWordScalar(scalars[$0.lowerBound]) ? .word : .punctuation }
        case .spans(let maxTokens):
            ranges = TextSegmenter.group(tokens, in: scalars, rule: .spans(maxTokens: maxTokens))
            kind = { _ in .span }
        case .punctuation:
            ranges = TextSegmenter.group(tokens, in: scalars, rule: .punctuation)
            kind = { _ in .span }
        case .sentences:
            ranges = TextSegmenter.group(tokens, in: scalars, rule: .sentences)
            kind = { _ in .sentence }
        }
        let units = ranges.map { TextUnit(text: TextSegmenter.string(scalars[$0]), range: $0, kind: kind($0)) }
        var separators: [String] = []
        separators.reserveCapacity(ranges.count + 1)
        var cursor = 0
        for range in ranges {
            separators.append(TextSegmenter.string(scalars[cursor..<range.lowerBound]))
            cursor = range.upperBound
        }
        separators.append(TextSegmenter.string(scalars[cursor..<scalars.count]))
        return TextSegmentation(text: text, units: units, separators: separators)
    }

    /// The units of `text` at this level (`segment(text).units`).
    public func units(_ text: String) -> [TextUnit] { segment(text).units }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    /// Whether `middle` joins the word scalars `before` and `after` into one word.
    static func joins(_ before: Unicode.Scalar, _ middle: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        switch middle {
        case "'", "\u{2019}", "-", "\u{2010}":
            return isWordScalar(before) && isWordScalar(after)
        case ".", ",":
            return isDigit(before) && isDigit(after)
        default:
            return false
        }
    }

    /// Scalar ranges of the tokens of `scalars`, in order.
    static func tokenRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            let scalar = scalars[start]
            if scalar.properties.isWhitespace {
                start += 1
                continue
            }
            guard isWordScalar(scalar) else {
                ranges.append(start..<start + 1)
                start += 1
                continue
            }
            var end = start + 1
            while end < scalars.count {
                if isWordScalar(scalars[end]) {
                    end += 1
                } else if end + 1 < scalars.count, joins(scalars[end - 1], scalars[end], scalars[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}

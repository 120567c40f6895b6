/// Grouping tokens into spans, punctuation spans and sentences.
///
/// Every level reads the token sequence left to right and starts a new unit before token i when:
///
/// 0. **Right after a mark** (punctuation spans only, SCAR's own segmentation, and their only
///    rule: no clause words, no length cap). Token i-1 is one of `. , ; ? !` and token i is not.
///    The cut comes right after the mark, with or without a space, as in SCAR's splitter
///    ("good,but" -> "good," | "but"); a run of marks stays with its unit ("wait...what" ->
///    "wait..." | "what"); a closing quote written right after a mark opens the next unit
///    ("great!'' Then" -> "great!" | "'' Then"); decimals such as "2.5" and "10,000" are one
///    token and never split. A text without any mark is one unit.
/// 1. **End mark** (spans and sentences). The current unit holds an end mark that has been
///    followed by no word token since, and whitespace separates token i-1 from token i. End marks are `. , ; ? !` for spans
///    and `. ! ?` for sentences. So the mark stays with its unit, together with closing quotes or
///    brackets written right after it ("great!'' Then" -> "great!''" | "Then"); decimals such as
///    "2.5" are one token and never split; "screen...Tuck" (no space) does not split; an
///    abbreviation followed by a space does ("J.R.R. Tolkien" -> "J.R.R." | "Tolkien"), as in
///    SCAR's splitter. SCAR splits right after the mark even without a space; waiting for the
///    space keeps "2,000" and "...Tuck" whole.
/// 2. **Clause word** (spans only). Token i, lowercased, is one of `TextSegmenter.clauseWords`
///    and the current unit is not empty: "not good, but the acting" -> "not good," | "but the acting".
/// 3. **Length cap** (spans only). The current unit already holds `maxTokens` tokens.
///
/// Every unit is therefore a non-empty run of consecutive tokens, and the units cover all tokens.
/// Without the cap, every sentence boundary is also a span boundary (spans nest in sentences); a
/// cap reached between an end mark and a closing quote glued to it breaks that nesting, and so
/// does a closing quote after a mark for punctuation spans (it opens the next one).
extension TextSegmenter {
    /// Words that open a new span (coordinating and subordinating conjunctions and relative
    /// pronouns): and, but, or, nor, yet, because, although, though, while, whereas, unless,
    /// since, which, who, whom, whose, that.
    public static let clauseWords: Set<String> = [
        "and", "but", "or", "nor", "yet", "because", "although", "though", "while", "whereas",
        "unless", "since", "which", "who", "whom", "whose", "that",
    ]

    enum GroupingRule {
        case spans(maxTokens: Int)
        case punctuation
        case sentences

        var endMarks: Set<Unicode.Scalar> {
            switch self {
            case .spans, .punctuation: return [".", ",", ";", "?", "!"]
            case .sentences: return [".", "!", "?"]
            }
        }
    }

    /// Scalar ranges of the units made by grouping `tokens` (ranges into `scalars`) under `rule`.
    static func group(_ tokens: [Range<Int>], in scalars: [Unicode.Scalar], rule: GroupingRule) -> [Range<Int>] {
        let endMarks = rule.endMarks
        func isEndMark(_ token: Range<Int>) -> Bool { token.count == 1 && endMarks.contains(scalars[token.lowerBound]) }
        var units: [Range<Int>] = []
        var first = 0
        var endPending = false
        for (index, token) in tokens.enumerated() {
            if index > 0 {
                var boundary: Bool
                if case .punctuation = rule {
                    boundary = isEndMark(tokens[index - 1]) && !isEndMark(token)
                } else {
                    boundary = endPending && token.lowerBound > tokens[index - 1].upperBound
                }
                if case .spans(let maxTokens) = rule, !boundary {
                    let word = string(scalars[token]).lowercased()
                    boundary = clauseWords.contains(word) || index - first >= maxTokens
                }
                if boundary {
                    units.append(tokens[first].lowerBound..<tokens[index - 1].upperBound)
                    first = index
                    endPending = false
                }
            }
            if isEndMark(token) {
                endPending = true
            } else if isWordScalar(scalars[token.lowerBound]) {
                endPending = false
            }
        }
        if !tokens.isEmpty {
            units.append(tokens[first].lowerBound..<tokens[tokens.count - 1].upperBound)
        }
        return units
    }
}

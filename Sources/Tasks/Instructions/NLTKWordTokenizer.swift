/// A port of NLTK's `NLTKWordTokenizer.tokenize` (the tokenizer behind `nltk.word_tokenize`,
/// NLTK 3.10.4, `convert_parentheses=False`) applied to one line of text, i.e.
/// `word_tokenize(text, preserve_line=True)`: the same ordered regex substitutions
/// (starting quotes, punctuation, brackets, double dashes, ending quotes, contractions), each
/// written out as a `PythonPatterns` matcher with Python `re` semantics for `\w`, `\s`, `\d`,
/// `\b` and IGNORECASE, then `str.split()`.
enum NLTKWordTokenizer {
    typealias Text = PythonText.Text

    static func tokenize(_ input: Text) -> [Text] {
        var text = startingQuotes(input)
        text = punctuation(text)
        text = PythonPatterns.padEach(text) { "][(){}<>".unicodeScalars.contains($0) }
        text = PythonPatterns.sub(text, literal("--")) { _, _, _ in PythonText.text(" -- ") }
        text = [" "] + text + [" "]
        text = endingQuotes(text)
        text = contractions(text)
        return PythonText.splitWhitespace(text)
    }

    private static func literal(_ string: String) -> PythonPatterns.Matcher {
        let pattern = PythonText.text(string)
        return { text, start in PythonText.hasPrefix(text, pattern, at: start) ? start + pattern.count : nil }
    }

    private static func padded(_ text: Text, _ start: Int, _ end: Int) -> Text {
        [" "] + Array(text[start..<end]) + [" "]
    }

    private static func startingQuotes(_ input: Text) -> Text {
        // ([«“‘„]|[`]+) -> " \1 "
        var text = PythonPatterns.sub(input, { text, start in
            if "«“‘„".unicodeScalars.contains(text[start]) { return start + 1 }
            guard text[start] == "`" else { return nil }
            var end = start
            while end < text.count && text[end] == "`" { end += 1 }
            return end
        }, padded)
        // ^\" -> ``
        if text.first == "\"" { text = PythonText.text("``") + text.dropFirst() }
        // (``) -> " \1 "
        text = PythonPatterns.sub(text, literal("``"), padded)
        // ([ \(\[{<])(\"|\'{2}) -> "\1 `` "
        text = PythonPatterns.sub(text, { text, start in
            guard " ([{<".unicodeScalars.contains(text[start]), start + 1 < text.count else { return nil }
            if text[start + 1] == "\"" { return start + 2 }
            return PythonText.hasPrefix(text, ["'", "'"], at: start + 1) ? start + 3 : nil
        }, { text, start, _ in [text[start]] + PythonText.text(" `` ") })
        // (?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w) -> "\1 "
        let suffixes = ["re", "ve", "ll", "m", "t", "s", "d", "n"].map(PythonText.text)
        return PythonPatterns.sub(text, { text, start in
            guard text[start] == "'",
                  !(start > 0 && PythonText.isWord(text[start - 1])),
                  start + 1 < text.count, PythonText.isWord(text[start + 1]) else { return nil }
            let blocked = suffixes.contains { suffix in
                guard let end = PythonPatterns.matchLiteralIgnoringCase(text, start + 1, suffix) else { return false }
                return PythonPatterns.isWordBoundary(text, end)
            }
            return blocked ? nil : start + 1
        }, { _, _, _ in PythonText.text("' ") })
    }

    /// `([^\.])(\.)([closers]*)\s*$`: a final period, closers after it, then only whitespace.
    private static func finalPeriod(closers: Set<Unicode.Scalar>) -> PythonPatterns.Matcher {
        { text, start in
            guard start + 1 < text.count, text[start] != ".", text[start + 1] == "." else { return nil }
            var end = start + 2
            while end < text.count && closers.contains(text[end]) { end += 1 }
            var rest = end
            while rest < text.count && PythonText.isSpace(text[rest]) { rest += 1 }
            return rest == text.count ? rest : nil
        }
    }

    private static func closerRun(_ text: Text, from start: Int, _ closers: Set<Unicode.Scalar>) -> Text {
        var end = start
        while end < text.count && closers.contains(text[end]) { end += 1 }
        return Array(text[start..<end])
    }

    private static func punctuation(_ input: Text) -> Text {
        let wideClosers: Set<Unicode.Scalar> = ["]", ")", "}", ">", "\"", "'", "»", "”", "’", " "]
        let closers: Set<Unicode.Scalar> = ["]", ")", "}", ">", "\"", "'"]
        // ([^\.])(\.)([\]\)}>"\'»”’ ]*+)\s*$ -> "\1 \2 \3 "
        var text = PythonPatterns.sub(input, finalPeriod(closers: wideClosers)) { text, start, _ in
            [text[start], " ", ".", " "] + closerRun(text, from: start + 2, wideClosers) + [" "]
        }
        // ([:,])([^\d]) -> " \1 \2"
        text = PythonPatterns.sub(text, { text, start in
            guard ":,".unicodeScalars.contains(text[start]), start + 1 < text.count,
                  !PythonText.isDecimal(text[start + 1]) else { return nil }
            return start + 2
        }, { text, start, _ in [" ", text[start], " ", text[start + 1]] })
        // ([:,])$ -> " \1 "
        text = PythonPatterns.sub(text, { text, start in
            ":,".unicodeScalars.contains(text[start]) && PythonPatterns.isEndAnchor(text, start + 1) ? start + 1 : nil
        }, padded)
        // \.{2,} -> " \g<0> "
        text = PythonPatterns.sub(text, { text, start in
            var end = start
            while end < text.count && text[end] == "." { end += 1 }
            return end - start >= 2 ? end : nil
        }, padded)
        text = PythonPatterns.padEach(text) { ";@#$%&".unicodeScalars.contains($0) }
        text = PythonPatterns.padEach(text) { (0x2012...0x2015).contains($0.value) }
        // ([^\.])(\.)([\]\)}>"\']*)\s*$ -> "\1 \2\3 "
        text = PythonPatterns.sub(text, finalPeriod(closers: closers)) { text, start, _ in
            [text[start], " ", "."] + closerRun(text, from: start + 2, closers) + [" "]
        }
        text = PythonPatterns.padEach(text) { $0 == "?" || $0 == "!" }
        // ([^'])' -> "\1 ' "
        text = PythonPatterns.sub(text, { text, start in
            guard text[start] != "'", PythonText.hasPrefix(text, ["'", " "], at: start + 1) else { return nil }
            return start + 3
        }, { text, start, _ in [text[start], " ", "'", " "] })
        return PythonPatterns.padEach(text) { $0 == "*" }
    }

    private static func endingQuotes(_ input: Text) -> Text {
        var text = PythonPatterns.padEach(input) { "»”’".unicodeScalars.contains($0) }
        text = PythonPatterns.sub(text, literal("''")) { _, _, _ in PythonText.text(" '' ") }
        text = PythonPatterns.sub(text, literal("\"")) { _, _, _ in PythonText.text(" '' ") }
        // \s+ -> " "
        text = PythonPatterns.sub(text, { text, start in
            var end = start
            while end < text.count && PythonText.isSpace(text[end]) { end += 1 }
            return end > start ? end : nil
        }, { _, _, _ in [" "] })
        // ([^' ])('[sS]|'[mM]|'[dD]|') -> "\1 \2 "
        text = PythonPatterns.sub(text, { text, start in
            guard text[start] != "'", text[start] != " ", start + 2 < text.count, text[start + 1] == "'" else { return nil }
            if "sSmMdD".unicodeScalars.contains(text[start + 2]), start + 3 < text.count, text[start + 3] == " " {
                return start + 4
            }
            return text[start + 2] == " " ? start + 3 : nil
        }, { text, start, end in [text[start], " "] + Array(text[(start + 1)..<(end - 1)]) + [" "] })
        // ([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) -> "\1 \2 "
        let clitics = ["'ll", "'LL", "'re", "'RE", "'ve", "'VE", "n't", "N'T"].map(PythonText.text)
        return PythonPatterns.sub(text, { text, start in
            guard text[start] != "'", text[start] != " " else { return nil }
            for clitic in clitics where PythonText.hasPrefix(text, clitic + [" "], at: start + 1) {
                return start + 5
            }
            return nil
        }, { text, start, end in [text[start], " "] + Array(text[(start + 1)..<(end - 1)]) + [" "] })
    }

    /// MacIntyre contractions: `(?i)\b(A)(B)\b` (and `(?=\s)` for wanna), then `(?i) ('t)(B)\b`,
    /// each replaced by " \1 \2 ".
    private static func contractions(_ input: Text) -> Text {
        let pairs: [(String, String, Bool)] = [
            ("can", "not", false), ("d", "'ye", false), ("gim", "me", false), ("gon", "na", false),
            ("got", "ta", false), ("lem", "me", false), ("more", "'n", false), ("wan", "na", true),
        ]
        var text = input
        for (first, second, needsSpaceAfter) in pairs {
            let a = PythonText.text(first)
            let whole = a + PythonText.text(second)
            text = PythonPatterns.sub(text, { text, start in
                guard PythonPatterns.isWordBoundary(text, start),
                      let end = PythonPatterns.matchLiteralIgnoringCase(text, start, whole) else { return nil }
                if needsSpaceAfter {
                    return end < text.count && PythonText.isSpace(text[end]) ? end : nil
                }
                return PythonPatterns.isWordBoundary(text, end) ? end : nil
            }, { text, start, end in
                [" "] + Array(text[start..<(start + a.count)]) + [" "] + Array(text[(start + a.count)..<end]) + [" "]
            })
        }
        for second in ["is", "was"] {
            let whole = PythonText.text(" 't" + second)
            text = PythonPatterns.sub(text, { text, start in
                guard let end = PythonPatterns.matchLiteralIgnoringCase(text, start, whole),
                      PythonPatterns.isWordBoundary(text, end) else { return nil }
                return end
            }, { text, start, end in
                [" "] + Array(text[(start + 1)..<(start + 3)]) + [" "] + Array(text[(start + 3)..<end]) + [" "]
            })
        }
        return text
    }
}

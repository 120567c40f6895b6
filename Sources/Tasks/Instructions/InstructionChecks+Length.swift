/// `length_constraints:number_words` (NumberOfWords): `count_words` is
/// `nltk.tokenize.RegexpTokenizer(r"\w+")`, i.e. the number of maximal runs of `\w` code points.
struct NumberOfWordsCheck: InstructionCheck {
    let threshold: Int
    let relation: CountRelation

    static func countWords(_ text: PythonText.Text) -> Int {
        var count = 0
        var inWord = false
        for c in text {
            let word = PythonText.isWord(c)
            if word && !inWord { count += 1 }
            inWord = word
        }
        return count
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        relation.holds(Self.countWords(response), threshold)
    }
}

/// `length_constraints:number_sentences` (NumberOfSentences). NOT FAITHFUL: the reference counts
/// NLTK Punkt sentences with the trained English model (`tokenizers/punkt/english.pickle`),
/// which is data this project cannot ship or reproduce. Closest rule (Punkt's boundary rule
/// without its learned abbreviation, collocation and orthographic tables): a sentence ends at a
/// run of `.`, `?` or `!` (optionally followed by closing quotes or brackets) that is followed by
/// whitespace and then more text; the count is those boundaries + 1 for a text with any
/// non-space code point, and 0 otherwise.
struct NumberOfSentencesCheck: InstructionCheck {
    let threshold: Int
    let relation: CountRelation

    static func countSentences(_ text: PythonText.Text) -> Int {
        guard text.contains(where: { !PythonText.isSpace($0) }) else { return 0 }
        let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}"]
        var boundaries = 0
        var i = 0
        while i < text.count {
            guard ".?!".unicodeScalars.contains(text[i]) else { i += 1; continue }
            var j = i
            while j < text.count && ".?!".unicodeScalars.contains(text[j]) { j += 1 }
            while j < text.count && closers.contains(text[j]) { j += 1 }
            var k = j
            while k < text.count && PythonText.isSpace(text[k]) { k += 1 }
            if k > j && k < text.count { boundaries += 1 }
            i = max(j, i + 1)
        }
        return boundaries + 1
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        relation.holds(Self.countSentences(response), threshold)
    }
}

/// `length_constraints:number_paragraphs` (ParagraphChecker): `re.split(r"\s?\*\*\*\s?", value)`;
/// an empty (whitespace-only) first or last piece is not counted, an empty inner piece fails the
/// check; otherwise the piece count must equal `num_paragraphs`.
struct NumberOfParagraphsCheck: InstructionCheck {
    let paragraphs: Int

    /// `\s?\*\*\*\s?` at `start`: the optional leading space is tried first (greedy `?`).
    private static let stars = PythonText.text("***")

    static func divider(_ text: PythonText.Text, _ start: Int) -> Int? {
        var end: Int
        if PythonText.isSpace(text[start]) && PythonText.hasPrefix(text, stars, at: start + 1) {
            end = start + 4
        } else if PythonText.hasPrefix(text, stars, at: start) {
            end = start + 3
        } else {
            return nil
        }
        if end < text.count && PythonText.isSpace(text[end]) { end += 1 }
        return end
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        let pieces = PythonPatterns.split(response, Self.divider)
        var count = pieces.count
        for (index, piece) in pieces.enumerated() where PythonText.strip(piece).isEmpty {
            guard index == 0 || index == pieces.count - 1 else { return false }
            count -= 1
        }
        return count == paragraphs
    }
}

/// `length_constraints:nth_paragraph_first_word` (ParagraphFirstWordCheck): paragraphs are
/// `value.split("\n\n")`; the count leaves out whitespace-only pieces; the check needs
/// `nth_paragraph <= count`, a non-empty stripped piece number `nth_paragraph` (indexing the
/// unfiltered list, as the reference does), and its first word (first `split()` token, with
/// leading `'` then `"` stripped, cut before the first of `. , ? ! ' "`, lowercased) equal to
/// `first_word.lower()`, and the count equal to `num_paragraphs`.
struct NthParagraphFirstWordCheck: InstructionCheck {
    let paragraphs: Int
    let nth: Int
    let firstWord: PythonText.Text

    func isFollowed(_ response: PythonText.Text) -> Bool {
        let pieces = PythonText.split(response, separator: PythonText.text("\n\n"))
        let count = pieces.filter { !PythonText.strip($0).isEmpty }.count
        guard nth <= count else { return false }
        let paragraph = PythonText.strip(pieces[nth - 1])
        guard let token = PythonText.splitWhitespace(paragraph).first else { return false }
        var word = PythonText.strip(token, trailing: false) { $0 == "'" }
        word = PythonText.strip(word, trailing: false) { $0 == "\"" }
        let stops: Set<Unicode.Scalar> = [".", ",", "?", "!", "'", "\""]
        var first = PythonText.Text()
        for c in word {
            if stops.contains(c) { break }
            first.append(contentsOf: PythonText.lowercased([c]))
        }
        return count == paragraphs && first == firstWord
    }
}

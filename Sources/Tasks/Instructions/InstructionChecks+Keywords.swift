/// `keywords:existence` (KeywordChecker): every keyword occurs, `re.search(keyword, value,
/// re.IGNORECASE)`. Keywords are literal ASCII (see `InstructionArguments.literalKeyword`).
struct KeywordExistenceCheck: InstructionCheck {
    let keywords: [PythonText.Text]

    func isFollowed(_ response: PythonText.Text) -> Bool {
        keywords.allSatisfy { keyword in
            keyword.isEmpty || !PythonPatterns.findAll(response) { text, start in
                PythonPatterns.matchLiteralIgnoringCase(text, start, keyword)
            }.isEmpty
        }
    }
}

/// `keywords:frequency` (KeywordFrequencyChecker): the number of non-overlapping
/// case-insensitive occurrences of `keyword.strip()` compared with `frequency` by `relation`.
struct KeywordFrequencyCheck: InstructionCheck {
    let keyword: PythonText.Text
    let frequency: Int
    let relation: CountRelation

    func isFollowed(_ response: PythonText.Text) -> Bool {
        let count = PythonPatterns.findAll(response) { text, start in
            PythonPatterns.matchLiteralIgnoringCase(text, start, keyword)
        }.count
        return relation.holds(count, frequency)
    }
}

/// `keywords:forbidden_words` (ForbiddenWords): no `\bword\b` match, case-insensitive.
struct ForbiddenWordsCheck: InstructionCheck {
    let words: [PythonText.Text]

    func isFollowed(_ response: PythonText.Text) -> Bool {
        !words.contains { word in
            !PythonPatterns.findAll(response) { text, start in
                guard PythonPatterns.isWordBoundary(text, start),
                      let end = PythonPatterns.matchLiteralIgnoringCase(text, start, word),
                      PythonPatterns.isWordBoundary(text, end) else { return nil }
                return max(end, start + 1)
            }.isEmpty
        }
    }
}

/// `keywords:letter_frequency` (LetterFrequencyChecker): in `value.lower()`, the number of code
/// points equal to `letter.strip().lower()` (0 when that is not exactly one code point, as
/// `collections.Counter` would give) compared with `let_frequency` by `let_relation`.
struct LetterFrequencyCheck: InstructionCheck {
    let letter: PythonText.Text
    let frequency: Int
    let relation: CountRelation

    func isFollowed(_ response: PythonText.Text) -> Bool {
        var count = 0
        if letter.count == 1 {
            count = PythonText.lowercased(response).reduce(0) { $0 + ($1 == letter[0] ? 1 : 0) }
        }
        return relation.holds(count, frequency)
    }
}

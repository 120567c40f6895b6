/// `change_case:capital_word_frequency` (CapitalWordFrequencyChecker): the number of
/// `nltk.word_tokenize(value)` tokens with `str.isupper()` compared with `capital_frequency` by
/// `capital_relation`. NOT FAITHFUL as a whole: `word_tokenize` first splits sentences with
/// NLTK's trained Punkt model, data this project cannot ship; this port tokenizes the whole
/// text as one sentence (`preserve_line=True`, see `NLTKWordTokenizer`). Punkt only breaks at
/// whitespace, and the tokenizer rules that look at a sentence's ends only detach uncased
/// punctuation (a final period, quotes), so the count of all-caps tokens should not depend on
/// the split. The parity script checks the port against NLTK's `preserve_line=True`, and that
/// splitting after every `. ? !` + space leaves the count unchanged on the real responses.
struct CapitalWordFrequencyCheck: InstructionCheck {
    let frequency: Int
    let relation: CountRelation

    static func countCapitalWords(_ text: PythonText.Text) -> Int {
        NLTKWordTokenizer.tokenize(text).filter(PythonText.isUpper).count
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        relation.holds(Self.countCapitalWords(response), frequency)
    }
}

/// `change_case:english_capital` (CapitalLettersEnglishChecker): `value.isupper() and
/// langdetect.detect(value) == "en"`, so langdetect runs only on an all-caps text; followed
/// when it raises (see `ResponseLanguageCheck.isDetected`).
struct EnglishCapitalCheck: InstructionCheck {
    let detector: LanguageDetector

    func isFollowed(_ response: PythonText.Text) -> Bool {
        PythonText.isUpper(response) && ResponseLanguageCheck.isDetected("en", in: response, by: detector)
    }
}

/// `change_case:english_lowercase` (LowercaseLettersEnglishChecker): `value.islower() and
/// langdetect.detect(value) == "en"`, as for `english_capital`.
struct EnglishLowercaseCheck: InstructionCheck {
    let detector: LanguageDetector

    func isFollowed(_ response: PythonText.Text) -> Bool {
        PythonText.isLower(response) && ResponseLanguageCheck.isDetected("en", in: response, by: detector)
    }
}

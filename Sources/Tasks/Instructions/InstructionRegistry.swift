/// Instruction id -> check, built from kwargs exactly as the reference's `build_description`
/// reads them (`instructions_registry.INSTRUCTION_DICT` of Google's instruction_following_eval).
///
/// Where the reference would draw a random value (missing kwarg, negative count, `letter` not a
/// single code point, `nth_paragraph` outside 1...num_paragraphs) or raise (unknown relation,
/// unknown kwarg), this throws an `IFEvalError` naming the id and key. The ids that call
/// langdetect throw a `LangDetectError` when its data (`tasks/instructions/langdetect/`) cannot
/// be loaded.
public enum InstructionRegistry {
    typealias Builder = @Sendable (InstructionArguments) throws -> any InstructionCheck

    /// Every supported instruction id, sorted.
    public static var supportedIDs: [String] { builders.keys.sorted() }

    public static func check(id: String, kwargs: [String: IFEvalKwarg]) throws -> any InstructionCheck {
        guard let builder = builders[id] else { throw IFEvalError.unknownInstruction(id: id) }
        return try builder(InstructionArguments(id: id, values: kwargs))
    }

    private static func noArguments(_ make: @escaping @Sendable () throws -> any InstructionCheck) -> Builder {
        { args in try args.requireOnly([]); return try make() }
    }

    static let builders: [String: Builder] = [
        "keywords:existence": { args in
            try args.requireOnly(["keywords"])
            return KeywordExistenceCheck(keywords: try args.strings("keywords").map { try args.literalKeyword("keywords", $0) })
        },
        "keywords:frequency": { args in
            try args.requireOnly(["keyword", "frequency", "relation"])
            let keyword = PythonText.strip(try args.literalKeyword("keyword", try args.string("keyword")))
            guard !keyword.isEmpty else { throw IFEvalError.badKwarg(id: args.id, key: "keyword", reason: "must not be blank") }
            return KeywordFrequencyCheck(keyword: keyword, frequency: try args.int("frequency", minimum: 0),
                                         relation: try args.relation("relation"))
        },
        "keywords:forbidden_words": { args in
            try args.requireOnly(["forbidden_words"])
            return ForbiddenWordsCheck(words: try args.strings("forbidden_words").map { try args.literalKeyword("forbidden_words", $0) })
        },
        "keywords:letter_frequency": { args in
            try args.requireOnly(["letter", "let_frequency", "let_relation"])
            let letter = PythonText.text(try args.string("letter"))
            guard letter.count == 1 else {
                throw IFEvalError.badKwarg(id: args.id, key: "letter", reason: "must be exactly one character")
            }
            return LetterFrequencyCheck(letter: PythonText.lowercased(PythonText.strip(letter)),
                                        frequency: try args.int("let_frequency", minimum: 0),
                                        relation: try args.relation("let_relation"))
        },
        "language:response_language": { args in
            try args.requireOnly(["language"])
            let language = try args.string("language")
            guard ResponseLanguageCheck.languageCodes.contains(language) else {
                throw IFEvalError.badKwarg(id: args.id, key: "language", reason: "'\(language)' is not one of IFEval's language codes")
            }
            return ResponseLanguageCheck(language: language, detector: try LanguageDetector.shared())
        },
        "length_constraints:number_sentences": { args in
            try args.requireOnly(["num_sentences", "relation"])
            return NumberOfSentencesCheck(threshold: try args.int("num_sentences", minimum: 0),
                                          relation: try args.relation("relation"))
        },
        "length_constraints:number_paragraphs": { args in
            try args.requireOnly(["num_paragraphs"])
            return NumberOfParagraphsCheck(paragraphs: try args.int("num_paragraphs", minimum: 0))
        },
        "length_constraints:number_words": { args in
            try args.requireOnly(["num_words", "relation"])
            return NumberOfWordsCheck(threshold: try args.int("num_words", minimum: 0), relation: try args.relation("relation"))
        },
        "length_constraints:nth_paragraph_first_word": { args in
            try args.requireOnly(["num_paragraphs", "nth_paragraph", "first_word"])
            let paragraphs = try args.int("num_paragraphs", minimum: 0)
            let nth = try args.int("nth_paragraph", minimum: 1)
            guard nth <= paragraphs else {
                throw IFEvalError.badKwarg(id: args.id, key: "nth_paragraph", reason: "must not exceed num_paragraphs (\(paragraphs))")
            }
            return NthParagraphFirstWordCheck(paragraphs: paragraphs, nth: nth,
                                              firstWord: PythonText.lowercased(PythonText.text(try args.string("first_word"))))
        },
        "detectable_content:number_placeholders": { args in
            try args.requireOnly(["num_placeholders"])
            return PlaceholderCheck(placeholders: try args.int("num_placeholders", minimum: 0))
        },
        "detectable_content:postscript": { args in
            try args.requireOnly(["postscript_marker"])
            let marker = PythonText.strip(PythonText.text(try args.string("postscript_marker")))
            let known = ["P.P.S", "P.S."].map(PythonText.text)
            return PostscriptCheck(marker: known.contains(marker)
                                   ? marker : try args.literalKeyword("postscript_marker", String(String.UnicodeScalarView(marker))))
        },
        "detectable_format:number_bullet_lists": { args in
            try args.requireOnly(["num_bullets"])
            return BulletListCheck(bullets: try args.int("num_bullets", minimum: 0))
        },
        "detectable_format:constrained_response": noArguments { ConstrainedResponseCheck() },
        "detectable_format:number_highlighted_sections": { args in
            try args.requireOnly(["num_highlights"])
            return HighlightedSectionsCheck(highlights: try args.int("num_highlights", minimum: 0))
        },
        "detectable_format:multiple_sections": { args in
            try args.requireOnly(["section_spliter", "num_sections"])
            let splitter = try args.literalKeyword("section_spliter", try args.string("section_spliter"))
            return MultipleSectionsCheck(splitter: PythonText.strip(splitter), sections: try args.int("num_sections", minimum: 0))
        },
        "detectable_format:json_format": noArguments { JSONFormatCheck() },
        "detectable_format:title": noArguments { TitleCheck() },
        "combination:two_responses": noArguments { TwoResponsesCheck() },
        "combination:repeat_prompt": { args in
            try args.requireOnly(["prompt_to_repeat"])
            let prompt = try args.string("prompt_to_repeat")
            guard !prompt.isEmpty else { throw IFEvalError.badKwarg(id: args.id, key: "prompt_to_repeat", reason: "must not be empty") }
            return RepeatPromptCheck(prompt: PythonText.text(prompt))
        },
        "startend:end_checker": { args in
            try args.requireOnly(["end_phrase"])
            return EndPhraseCheck(endPhrase: PythonText.text(try args.string("end_phrase")))
        },
        "startend:quotation": noArguments { QuotationCheck() },
        "change_case:capital_word_frequency": { args in
            try args.requireOnly(["capital_frequency", "capital_relation"])
            return CapitalWordFrequencyCheck(frequency: try args.int("capital_frequency"),
                                             relation: try args.relation("capital_relation"))
        },
        "change_case:english_capital": noArguments { EnglishCapitalCheck(detector: try LanguageDetector.shared()) },
        "change_case:english_lowercase": noArguments { EnglishLowercaseCheck(detector: try LanguageDetector.shared()) },
        "punctuation:no_comma": noArguments { NoCommaCheck() },
    ]
}

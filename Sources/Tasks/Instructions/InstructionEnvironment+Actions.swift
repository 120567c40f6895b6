extension InstructionEnvironment {
    /// One move of the response builder. Pieces are joined with a single space when the text so
    /// far ends, and the piece starts, with a non-space. "New line" and "after a blank line"
    /// prefix a piece with the newlines that achieve that after the text so far (none at the
    /// start; "\n" or "\n\n", one less after a piece that ends with "\n").
    ///
    /// Line openers (paragraph break, divider, bullet, section, postscript) are illegal right
    /// after another opener; a paragraph break or divider also needs some text before it.
    public enum Action: Hashable, Sendable {
        /// Appends bank sentence i (each bank sentence at most once).
        case appendSentence(Int)
        /// A blank line ("\n\n" after a sentence): a paragraph as `nth_paragraph_first_word` counts.
        case paragraphBreak
        /// New line, then "***\n": the divider `number_paragraphs` splits on.
        case paragraphDivider
        /// New line, then "* ": a markdown bullet line that the following pieces fill.
        case bullet
        /// After a blank line, "SPLITTER k\n" with the kwargs' `section_spliter` (default
        /// "SECTION") and k = 1, 2, ... in order.
        case section
        /// "<<Answer>>\n", only at the start.
        case title
        /// After a blank line, "MARKER " with the kwargs' `postscript_marker` (default "P.S."), once.
        case postscript
        /// Appends keyword i of `keywords` (repeatable).
        case keyword(Int)
        /// The whole final response in upper / lower case (at most one of the two, once).
        case uppercase, lowercase
        /// The whole final response (after any case change) wrapped in double quotes, once.
        case quote
        /// Appends the kwargs' `end_phrase`, once.
        case endPhrase
        /// Wraps the last piece, a bank sentence not yet highlighted, in `*...*`. At a line
        /// start the result also reads as a `*` bullet to `number_bullet_lists`, as it would in
        /// the reference.
        case highlight
        /// Ends the episode.
        case stop

        public var kind: ActionKind {
            switch self {
            case .appendSentence: return .appendSentence
            case .paragraphBreak: return .paragraphBreak
            case .paragraphDivider: return .paragraphDivider
            case .bullet: return .bullet
            case .section: return .section
            case .title: return .title
            case .postscript: return .postscript
            case .keyword: return .keyword
            case .uppercase: return .uppercase
            case .lowercase: return .lowercase
            case .quote: return .quote
            case .endPhrase: return .endPhrase
            case .highlight: return .highlight
            case .stop: return .stop
            }
        }
    }

    /// The action types, in the order of the features' one-hot block.
    public enum ActionKind: String, CaseIterable, Sendable {
        case appendSentence, paragraphBreak, paragraphDivider, bullet, section, title, postscript
        case keyword, uppercase, lowercase, quote, endPhrase, highlight, stop
    }

    /// Which action types each supported instruction id brings into an episode (appending
    /// sentences and stopping are always there). An id that maps to no type (`no_comma`,
    /// `forbidden_words`, `letter_frequency`, `number_words`, `response_language` and the
    /// excluded `number_sentences`) is satisfied or broken by the choice of sentences alone.
    /// The bank's sentences are English, so a `response_language` prompt for another language
    /// (all 25 eligible ones) is followed only by a response in which langdetect finds no
    /// features (no letters), which the reference counts as followed.
    public static let actionKindsByInstruction: [String: [ActionKind]] = [
        "keywords:existence": [.keyword],
        "keywords:frequency": [.keyword],
        "keywords:forbidden_words": [],
        "keywords:letter_frequency": [],
        "language:response_language": [],
        "length_constraints:number_sentences": [],
        "length_constraints:number_paragraphs": [.paragraphDivider],
        "length_constraints:number_words": [],
        "length_constraints:nth_paragraph_first_word": [.paragraphBreak, .keyword],
        "detectable_content:postscript": [.postscript],
        "detectable_format:number_bullet_lists": [.bullet],
        "detectable_format:number_highlighted_sections": [.highlight],
        "detectable_format:multiple_sections": [.section],
        "detectable_format:title": [.title],
        "startend:end_checker": [.endPhrase],
        "startend:quotation": [.quote],
        "change_case:capital_word_frequency": [.uppercase, .lowercase],
        "change_case:english_capital": [.uppercase],
        "change_case:english_lowercase": [.lowercase],
        "punctuation:no_comma": [],
    ]

    /// Ids that no sequence of actions can satisfy, with the reason; prompts holding one are
    /// left out of the data set's episodes (together with `IFEvalScorer.unfaithfulInstructions`).
    public static let unsatisfiableInstructions: [String: String] = [
        "combination:repeat_prompt": "no action repeats the prompt",
        "combination:two_responses": "no action writes the ****** separator between two responses",
        "detectable_content:number_placeholders": "no action writes [placeholders] and bank sentences hold no brackets",
        "detectable_format:constrained_response": "no action writes 'My answer is yes/no/maybe.'",
        "detectable_format:json_format": "no action writes JSON",
        "language:response_language": "the sentence bank is English and every such prompt asks for another language; only a response without letters (which langdetect cannot classify, so the reference counts it as followed) would pass, a reward the policy could game",
    ]

    /// Why a data set prompt is left out, or nil when it is eligible: the first of its ids that
    /// is unfaithful (`IFEvalScorer.unfaithfulInstructions`) or unsatisfiable
    /// (`unsatisfiableInstructions`), in the prompt's order.
    public static func exclusionReason(_ item: IFEvalItem) -> String? {
        for id in item.instructionIDs {
            if IFEvalScorer.unfaithfulInstructions.contains(id) { return "\(id): its verdict is not faithful to the reference scorer" }
            if let reason = unsatisfiableInstructions[id] { return "\(id): \(reason)" }
        }
        return nil
    }

    /// The prompt-specific texts the actions write, read from the kwargs in instruction order.
    struct PromptTexts: Sendable {
        var kinds: Set<ActionKind> = [.appendSentence, .stop]
        /// `keywords:existence` keywords, `keywords:frequency` keyword, `nth_paragraph_first_word`
        /// first word, in instruction order, without repeats.
        var keywords: [String] = []
        var sectionSplitter = "SECTION"
        var postscriptMarker = "P.S."
        var endPhrase = ""

        init(_ item: IFEvalItem) throws {
            guard item.instructionIDs.count == item.kwargs.count else {
                throw IFEvalError.kwargsCountMismatch(instructions: item.instructionIDs.count, kwargs: item.kwargs.count)
            }
            for (id, kwargs) in zip(item.instructionIDs, item.kwargs) {
                guard let kinds = actionKindsByInstruction[id] else {
                    throw StepError(description: "instruction '\(id)' has no actions in the instruction environment")
                }
                self.kinds.formUnion(kinds)
                let args = InstructionArguments(id: id, values: kwargs.compactMapValues { $0 })
                func trimmed(_ key: String) throws -> String {
                    String(String.UnicodeScalarView(PythonText.strip(PythonText.text(try args.string(key)))))
                }
                switch id {
                case "keywords:existence": addKeywords(try args.strings("keywords"))
                case "keywords:frequency": addKeywords([try trimmed("keyword")])
                case "length_constraints:nth_paragraph_first_word": addKeywords([try trimmed("first_word")])
                case "detectable_format:multiple_sections": sectionSplitter = try trimmed("section_spliter")
                case "detectable_content:postscript": postscriptMarker = try trimmed("postscript_marker")
                case "startend:end_checker": endPhrase = try trimmed("end_phrase")
                default: break
                }
            }
        }

        private mutating func addKeywords(_ words: [String]) {
            for word in words where !keywords.contains(word) { keywords.append(word) }
        }
    }
}

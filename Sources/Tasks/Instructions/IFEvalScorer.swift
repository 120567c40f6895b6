/// One IFEval prompt: its instruction ids and, per instruction, the kwargs (same order).
public struct IFEvalItem: Sendable, Decodable {
    public let prompt: String
    public let instructionIDs: [String]
    public let kwargs: [[String: IFEvalKwarg?]]

    enum CodingKeys: String, CodingKey {
        case prompt
        case instructionIDs = "instruction_id_list"
        case kwargs
    }

    public init(prompt: String, instructionIDs: [String], kwargs: [[String: IFEvalKwarg?]]) {
        self.prompt = prompt
        self.instructionIDs = instructionIDs
        self.kwargs = kwargs
    }
}

/// Verdicts for one response, in instruction order.
public struct IFEvalResult: Sendable, Equatable {
    public let strict: [Bool]
    public let loose: [Bool]

    /// Fraction of instructions followed under the strict test (0 for an empty list).
    public var instructionLevelReward: Double { Self.instructionLevelReward(strict) }

    /// 1 when every instruction is followed under the strict test, else 0.
    public var promptLevelReward: Double { Self.promptLevelReward(strict) }

    /// The fraction of `true` strict verdicts (0 for none).
    public static func instructionLevelReward(_ strict: [Bool]) -> Double {
        strict.isEmpty ? 0 : Double(strict.filter { $0 }.count) / Double(strict.count)
    }

    /// 1 when every strict verdict is `true`, else 0.
    public static func promptLevelReward(_ strict: [Bool]) -> Double { strict.allSatisfy { $0 } ? 1 : 0 }
}

/// Google's IFEval scoring (`evaluation_lib.test_instruction_following_strict` / `_loose`).
///
/// Strict: instruction i is followed iff `response.strip()` is non-empty and the check passes
/// on the response as given. Loose: followed iff the check passes on any of eight variants
/// with a non-blank `strip()`: the response; the response with every `*` removed; with the first
/// line removed, the last line removed, both removed (lines split on "\n", the rest joined with
/// "\n" and stripped); and those three with every `*` removed.
///
/// Faithfulness: every check is a port of the reference with Python string semantics, except
/// the ids in `unfaithfulInstructions`, which need data this project cannot reproduce and use
/// the closest documented rule instead. The three ids that call langdetect
/// (`language:response_language`, `change_case:english_capital`,
/// `change_case:english_lowercase`) use its port seeded as `DetectorFactory.seed = 0`
/// (`LanguageDetector`); the reference calls langdetect unseeded, so its own verdicts on a
/// text the detector finds ambiguous can vary from run to run.
public struct IFEvalScorer: Sendable {
    /// Ids whose verdicts may differ from the reference:
    /// - `length_constraints:number_sentences`: NLTK Punkt with its trained English model is
    ///   replaced by a boundary rule without learned abbreviations (`NumberOfSentencesCheck`).
    /// - `change_case:capital_word_frequency`: `nltk.word_tokenize` needs Punkt data to split
    ///   sentences first; the port tokenizes the text as one sentence (`CapitalWordFrequencyCheck`).
    public static let unfaithfulInstructions: [String] = [
        "change_case:capital_word_frequency",
        "length_constraints:number_sentences",
    ]

    public init() {}

    /// Every check is a pure function of the text, so each distinct text is checked once: the
    /// loose test reuses the strict verdict for the response itself (the first variant, present
    /// exactly when the strict test's non-blank condition holds) and tries each other distinct
    /// non-blank variant at most once per check (variants often coincide, e.g. a response without
    /// `*` or with a single line).
    public func evaluate(_ item: IFEvalItem, response: String) throws -> IFEvalResult {
        let checks = try Self.checks(item)
        let text = PythonText.text(response)
        let strict = Self.strictVerdicts(checks, text)
        var others: [PythonText.Text] = []
        for variant in Self.looseVariants(text).dropFirst()
        where variant != text && !others.contains(variant) && !PythonText.strip(variant).isEmpty {
            others.append(variant)
        }
        return IFEvalResult(
            strict: strict,
            loose: zip(checks, strict).map { check, followed in followed || others.contains { check.isFollowed($0) } })
    }

    /// `evaluate(item, response: response).strict` without running the loose variants (what
    /// the rewards read; the langdetect checks make the variants costly).
    public func strictVerdicts(_ item: IFEvalItem, response: String) throws -> [Bool] {
        Self.strictVerdicts(try Self.checks(item), PythonText.text(response))
    }

    private static func checks(_ item: IFEvalItem) throws -> [any InstructionCheck] {
        guard item.instructionIDs.count == item.kwargs.count else {
            throw IFEvalError.kwargsCountMismatch(instructions: item.instructionIDs.count, kwargs: item.kwargs.count)
        }
        return try zip(item.instructionIDs, item.kwargs).map { id, kwargs in
            try InstructionRegistry.check(id: id, kwargs: kwargs.compactMapValues { $0 })
        }
    }

    private static func strictVerdicts(_ checks: [any InstructionCheck], _ text: PythonText.Text) -> [Bool] {
        let strictOK = !PythonText.strip(text).isEmpty
        return checks.map { strictOK && $0.isFollowed(text) }
    }

    /// The eight loose variants, in the reference's order. Splitting on "\n", dropping the first
    /// and/or last line and joining with "\n" leaves the text after the first "\n", before the
    /// last one, or between the two (nothing where there is no such "\n"); each is then stripped.
    static func looseVariants(_ response: PythonText.Text) -> [PythonText.Text] {
        let first = response.firstIndex(of: "\n"), last = response.lastIndex(of: "\n")
        func stripped(_ range: Range<Int>) -> PythonText.Text { PythonText.strip(Array(response[range])) }
        let removeFirst = first.map { stripped($0 + 1..<response.count) } ?? []
        let removeLast = last.map { stripped(0..<$0) } ?? []
        let removeBoth = if let first, let last, first < last { stripped(first + 1..<last) } else { PythonText.Text() }
        let noStars = { (text: PythonText.Text) in text.contains("*") ? text.filter { $0 != "*" } : text }
        return [response, noStars(response), removeFirst, removeLast, removeBoth,
                noStars(removeFirst), noStars(removeLast), noStars(removeBoth)]
    }
}

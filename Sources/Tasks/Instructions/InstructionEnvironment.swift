/// Instruction following (IFEval) as an episodic RL task: a response is built by discrete actions.
///
/// - Episode: one prompt (`reset(promptIndex:)`). The actions that exist come from the prompt's
///   instruction types (`actionKindsByInstruction`; see `Action` for what each writes), so
///   constraints interact as in real responses: a bank sentence with a comma breaks
///   `no_comma`, lower-casing breaks an upper-case section splitter, and so on.
/// - The response (`responseText`): the pieces joined as `Action` describes, then the case change
///   (`uppercase`: `String.uppercased()`; `lowercase`: Python's `str.lower()`), then the quotes.
/// - The episode ends at `.stop` or after `maxActions` actions other than stop.
/// - Reward (sparse): `IFEvalReward(item:level:)` of the response at the end (instruction level
///   by default: the fraction of the prompt's instructions followed, strict test).
/// - Credit: `game(level:)` is the `TextGame` of the response's units under the same reward
///   (sentences by default). A "segments" level (one player per action's piece) is not offered:
///   `TextGame` builds its units with `TextSegmenter` only and takes no given segmentation.
///
/// `maxActions` bounds what is reachable: with the default 24 and a 300-sentence bank (seed 1),
/// at most 789 words, so `number_words` "at least" 800 or more cannot be met, nor 15 highlights
/// (each needs a sentence and a highlight); 7 of the eligible prompts have such a threshold.
///
/// Data set episodes leave out prompts with an id in `IFEvalScorer.unfaithfulInstructions` or
/// `unsatisfiableInstructions` (`exclusionReason`). A hand-built item list is used as given.
///
/// Features of an action in the current state (`actionFeatures`, `actionFeatureCount` = 43):
/// 1. one-hot of its `ActionKind` (14, in `ActionKind.allCases` order);
/// 2. for `.appendSentence`: the sentence's IFEval word count / 40, and 1 if it has a comma
///    (both 0 for other actions);
/// 3. the prompt: 1 for each id of `InstructionRegistry.supportedIDs` (25, sorted) it holds;
/// 4. progress: actions taken / `maxActions`, and the response's IFEval word count / 400.
public struct InstructionEnvironment {
    public struct StepError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static let defaultMaxActions = 24
    public static let title = "<<Answer>>"
    public static let actionFeatureCount = ActionKind.allCases.count + 2 + InstructionRegistry.supportedIDs.count + 2

    public let prompts: [IFEvalItem]
    public let bank: SentenceBank
    public let level: IFEvalReward.Level
    public let maxActions: Int

    public private(set) var promptIndex = 0
    /// True before the first `reset` and once the episode has ended.
    public private(set) var isDone = true
    /// Actions taken this episode, `.stop` not counted.
    public private(set) var actionsTaken = 0
    private var texts: PromptTexts?
    private var pieces: [(action: Action, text: String)] = []
    private var caseChange: Action?
    private var quoted = false

    public init(prompts: [IFEvalItem], bank: SentenceBank, level: IFEvalReward.Level = .instruction,
                maxActions: Int = defaultMaxActions) throws {
        guard !prompts.isEmpty else { throw StepError(description: "the instruction environment needs at least one prompt") }
        guard maxActions >= 1 else { throw StepError(description: "maxActions must be at least 1, got \(maxActions)") }
        self.prompts = prompts
        self.bank = bank
        self.level = level
        self.maxActions = maxActions
    }

    /// The data set's prompts without those that `exclusionReason` leaves out, in data set order.
    public init(dataset: IFEvalDataset, bank: SentenceBank, level: IFEvalReward.Level = .instruction,
                maxActions: Int = defaultMaxActions) throws {
        try self.init(prompts: dataset.entries.map(\.item).filter { Self.exclusionReason($0) == nil },
                      bank: bank, level: level, maxActions: maxActions)
    }

    public var prompt: IFEvalItem { prompts[promptIndex] }
    public var rewardModel: IFEvalReward { IFEvalReward(item: prompt, level: level) }
    /// The keywords `.keyword(i)` writes this episode.
    public var keywords: [String] { texts?.keywords ?? [] }

    /// Starts an episode on `prompts[promptIndex]` with an empty response. Throws when the
    /// prompt's kwargs cannot be scored or name an id without actions.
    public mutating func reset(promptIndex: Int) throws {
        guard prompts.indices.contains(promptIndex) else {
            throw StepError(description: "prompt index \(promptIndex) is outside 0..<\(prompts.count)")
        }
        let texts = try PromptTexts(prompts[promptIndex])
        _ = try IFEvalReward(item: prompts[promptIndex], level: level).reward("")
        self.promptIndex = promptIndex
        self.texts = texts
        pieces = []
        caseChange = nil
        quoted = false
        actionsTaken = 0
        isDone = false
    }

    /// The actions after which a line has no content yet.
    private static let lineOpeners: Set<ActionKind> = [.paragraphBreak, .paragraphDivider, .bullet, .section, .postscript]

    /// The legal actions, in `ActionKind` order (sentences and keywords by index); empty once done.
    public var legalActions: [Action] {
        guard !isDone, let texts else { return [] }
        let used = Set(pieces.compactMap { if case .appendSentence(let i) = $0.action { i } else { nil } })
        let afterContent = pieces.last.map { !Self.lineOpeners.contains($0.action.kind) } ?? false
        let lineCanStart = pieces.isEmpty || afterContent
        var actions: [Action] = bank.sentences.indices.filter { !used.contains($0) }.map(Action.appendSentence)
        for kind in ActionKind.allCases where texts.kinds.contains(kind) {
            switch kind {
            case .appendSentence, .stop: break
            case .paragraphBreak where afterContent: actions.append(.paragraphBreak)
            case .paragraphDivider where afterContent: actions.append(.paragraphDivider)
            case .bullet where lineCanStart: actions.append(.bullet)
            case .section where lineCanStart: actions.append(.section)
            case .title where pieces.isEmpty: actions.append(.title)
            case .postscript where lineCanStart && !wrote(.postscript): actions.append(.postscript)
            case .keyword: actions += texts.keywords.indices.map(Action.keyword)
            case .uppercase where caseChange == nil: actions.append(.uppercase)
            case .lowercase where caseChange == nil: actions.append(.lowercase)
            case .quote where !quoted: actions.append(.quote)
            case .endPhrase where !wrote(.endPhrase): actions.append(.endPhrase)
            case .highlight:
                if let last = pieces.last, last.action.kind == .appendSentence, !last.text.hasPrefix("*") {
                    actions.append(.highlight)
                }
            default: break
            }
        }
        return actions + [.stop]
    }

    private func wrote(_ action: Action) -> Bool { pieces.contains { $0.action == action } }

    /// Applies `action` (which must be in `legalActions`); `reward` is non-nil exactly when the
    /// step ends the episode.
    public mutating func step(_ action: Action) throws -> (done: Bool, reward: Double?) {
        guard !isDone, let texts else { throw StepError(description: "the episode is over (or never started); call reset(promptIndex:)") }
        guard legalActions.contains(action) else { throw StepError(description: "\(action) is not a legal action now") }
        if action == .stop {
            isDone = true
        } else {
            switch action {
            case .appendSentence(let i): pieces.append((action, bank.sentences[i].text))
            case .paragraphBreak: pieces.append((action, lineStart(blank: true)))
            case .paragraphDivider: pieces.append((action, lineStart(blank: false) + "***\n"))
            case .bullet: pieces.append((action, lineStart(blank: false) + "* "))
            case .section:
                let number = pieces.filter { $0.action == .section }.count + 1
                pieces.append((action, lineStart(blank: true) + "\(texts.sectionSplitter) \(number)\n"))
            case .title: pieces.append((action, Self.title + "\n"))
            case .postscript: pieces.append((action, lineStart(blank: true) + texts.postscriptMarker + " "))
            case .keyword(let i): pieces.append((action, texts.keywords[i]))
            case .uppercase, .lowercase: caseChange = action
            case .quote: quoted = true
            case .endPhrase: pieces.append((action, texts.endPhrase))
            case .highlight: pieces[pieces.count - 1].text = "*\(pieces[pieces.count - 1].text)*"
            case .stop: break
            }
            actionsTaken += 1
            isDone = actionsTaken == maxActions
        }
        guard isDone else { return (false, nil) }
        return (true, try rewardModel.reward(responseText))
    }

    /// The newlines that start a new line (after a blank line when `blank`) after the pieces so
    /// far: none at the start, else "\n" or "\n\n" less one when the last piece ends with "\n".
    private func lineStart(blank: Bool) -> String {
        guard let last = pieces.last else { return "" }
        return String(repeating: "\n", count: (blank ? 2 : 1) - (last.text.hasSuffix("\n") ? 1 : 0))
    }

    /// The response built so far (see the type's documentation for the order of operations).
    public var responseText: String {
        var body = ""
        for piece in pieces {
            if let last = body.unicodeScalars.last, !PythonText.isSpace(last),
               let first = piece.text.unicodeScalars.first, !PythonText.isSpace(first) {
                body += " "
            }
            body += piece.text
        }
        switch caseChange {
        case .uppercase?: body = body.uppercased()
        case .lowercase?: body = String(String.UnicodeScalarView(PythonText.lowercased(PythonText.text(body))))
        default: break
        }
        return quoted ? "\"\(body)\"" : body
    }

    /// The game of the response's units under the prompt's reward (throws for an empty response).
    public func game(level: UnitLevel = .sentences) throws -> TextGame {
        try TextGame(text: responseText, level: level, model: rewardModel)
    }

    /// The features of `action` in the current state (see the type's documentation).
    public func actionFeatures(_ action: Action) -> [Double] {
        actionFeatures([action])[0]
    }

    /// The features of each of `actions` in the current state; the prompt and progress parts,
    /// shared by every action, are computed once.
    public func actionFeatures(_ actions: [Action]) -> [[Double]] {
        let present = Set(prompt.instructionIDs)
        let words = NumberOfWordsCheck.countWords(PythonText.text(responseText))
        let shared = InstructionRegistry.supportedIDs.map { present.contains($0) ? 1.0 : 0.0 }
            + [Double(actionsTaken) / Double(maxActions), Double(words) / 400]
        return actions.map { action in
            var features = ActionKind.allCases.map { $0 == action.kind ? 1.0 : 0.0 }
            if case .appendSentence(let i) = action {
                features += [Double(bank.sentences[i].wordCount) / 40, bank.sentences[i].hasComma ? 1 : 0]
            } else {
                features += [0, 0]
            }
            return features + shared
        }
    }
}

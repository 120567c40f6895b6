/// IFEval as a text reward model for one prompt: the reward of a response is the fraction of the
/// prompt's instructions it follows under the strict test (instruction level), or 1 if it follows
/// them all and 0 otherwise (prompt level).
public struct IFEvalReward: TextRewardModel, Sendable {
    public enum Level: String, CaseIterable, Sendable {
        case instruction, prompt
    }

    public let item: IFEvalItem
    public let level: Level
    private let scorer = IFEvalScorer()

    public init(item: IFEvalItem, level: Level = .instruction) {
        self.item = item
        self.level = level
    }

    public var name: String { "ifeval-\(level.rawValue)" }

    public func reward(_ text: String) throws -> Double {
        let strict = try scorer.strictVerdicts(item, response: text)
        return level == .instruction ? IFEvalResult.instructionLevelReward(strict) : IFEvalResult.promptLevelReward(strict)
    }
}

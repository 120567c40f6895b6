import Tasks

/// What `explain` was given, for `BenchmarkTask.explain`: the output (a text, or a user and
/// candidates), the unit level and completion, and the reward-model choices some tasks read.
/// Strings are parsed by the task that reads them, so their errors name the option.
public struct ExplainRequest {
    /// An option a task needs and `explain` did not get (`--task T needs --option`).
    public struct Missing: Error, CustomStringConvertible {
        public let task: String
        public let option: String
        public var description: String { "--task \(task) needs \(option)" }
    }

    public var text: String?
    /// Unit level: tokens, punctuation, spans, spans:K or sentences.
    public var units = "spans"
    /// Replace each run of missing units by this token instead of removing it.
    public var mask: String?
    /// Sentiment model: vader or learned.
    public var sentimentModel = "vader"
    public var reference: String?
    public var rouge = "rouge1"
    public var stemmer = false
    public var promptKey: Int?
    public var ifevalLevel = "instruction"
    public var user: Int?
    public var candidates: [Int]?
    public var utility = "best"
    /// The reward model that stands in for the task's own (`--reward-model`), given the reference
    /// the task sends with every text; returns `nil` when none was chosen.
    public var remoteRewardModel: (_ reference: String?) throws -> (any TextRewardModel)? = { _ in nil }

    public init() {}

    /// `value`, or `Missing` naming `option` for `task`.
    public func required<T>(_ value: T?, _ option: String, task: String) throws -> T {
        guard let value else { throw Missing(task: task, option: option) }
        return value
    }

    /// The game of `text` at the requested units and completion, under `reward`.
    public func textGame(_ text: String, reward: any TextRewardModel) throws -> ExplainedGame {
        let level = try UnitLevel(parsing: units)
        let game = try TextGame(text: text, level: level, model: reward, completion: mask.map { .mask($0) } ?? .removal)
        let partition = try game.partitionByCoarserUnits()
        let separators = game.segmentation.separators
        return ExplainedGame(
            game: game, partition: partition,
            pieces: game.units.enumerated().map { (before: separators[$0.offset], text: $0.element.text) },
            trailing: separators[game.playerCount], rewardName: reward.name, unitName: level.description)
    }

    /// The word of `T` spelled `word`, or an error naming `option` and the choices.
    public static func parse<T: RawRepresentable & CaseIterable>(_ word: String, as type: T.Type, option: String) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: word) else {
            throw HarnessError.invalidPlan("\(option) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(word)\"")
        }
        return value
    }
}

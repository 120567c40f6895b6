import Tasks

/// The players of a unit-game credit scheme (SCAR, leave-one-out): the response's text units at
/// a `UnitLevel` (the word policy's tasks) or the episode's content actions (the action tasks).
/// Written `tokens`, `punctuation`, `spans:K`, `sentences` or `actions` (`spans` alone reads as
/// spans:`UnitLevel.defaultMaxSpanTokens`).
public enum CreditUnits: Sendable, Hashable, CustomStringConvertible {
    case text(UnitLevel)
    case actions

    public var description: String {
        switch self {
        case .text(let level): return level.description
        case .actions: return "actions"
        }
    }

    /// Reads `description`'s spellings; `nil` for anything else.
    public init?(parsing word: String) {
        if word == "actions" {
            self = .actions
        } else if let level = try? UnitLevel(parsing: word) {
            self = .text(level)
        } else {
            return nil
        }
    }
}

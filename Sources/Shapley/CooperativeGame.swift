/// A transferable-utility cooperative game: players `0..<playerCount` and a value function v
/// defined on every coalition. v(empty) need not be 0; Shapley values then sum to
/// v(N) - v(empty) (efficiency).
///
/// `value(of:)` may be expensive (a reward-model call); estimators reach a game through
/// `MeteredGame`, which counts calls, caches where asked, and rejects non-finite values.
public protocol CooperativeGame {
    var playerCount: Int { get }
    /// Display names of the players (tokens, spans, candidates...); `nil` means "player i".
    var playerNames: [String]? { get }
    func value(of coalition: Coalition) throws -> Double
}

extension CooperativeGame {
    public var playerNames: [String]? { nil }
    public var grandCoalition: Coalition { Coalition.grand(playerCount) }
}

/// A game that knows its Shapley values in closed form (additive games, unanimity sums, the max
/// game). `ClosedFormShapley` uses it; estimator tests use it as an independent ground truth.
public protocol ClosedFormShapleyGame: CooperativeGame {
    func closedFormShapleyValues() -> [Double]
}

/// Why a game or an estimate could not be produced. Each case reads as one line for the CLI.
public enum GameError: Error, Equatable, CustomStringConvertible {
    case nonFiniteValue(coalition: Coalition, value: Double)
    case invalidGame(String)
    case tooManyPlayers(players: Int, limit: Int, method: String, alternatives: String)
    case budgetTooSmall(budget: Int, minimum: Int, method: String)
    case unsupportedGame(String)

    public var description: String {
        switch self {
        case .nonFiniteValue(let coalition, let value):
            return "the game returned \(value) for coalition \(coalition); values must be finite numbers"
        case .invalidGame(let reason):
            return "invalid game: \(reason)"
        case .tooManyPlayers(let players, let limit, let method, let alternatives):
            return "\(method) needs at most \(limit) players, this game has \(players); use a sampling estimator instead (\(alternatives))"
        case .budgetTooSmall(let budget, let minimum, let method):
            return "\(method) needs a budget of at least \(minimum) value calls for this game, got \(budget)"
        case .unsupportedGame(let reason):
            return reason
        }
    }
}

/// A game given by its full value table: `values[c.rawValue]` = v(c) for all 2^n coalitions.
///
/// This is both the game file format (`GameFile`) and the cache that exact enumeration works on.
public struct TableGame: CooperativeGame, Sendable {
    /// The largest table CreditBench will hold: 2^30 doubles is 8 GiB.
    public static let maximumPlayers = 30

    public let playerCount: Int
    public let values: [Double]
    public let playerNames: [String]?

    /// Validates the table: 2^n finite entries, n in 0...30, names (if any) one per player.
    public init(playerCount: Int, values: [Double], playerNames: [String]? = nil) throws {
        guard (0...TableGame.maximumPlayers).contains(playerCount) else {
            throw GameError.invalidGame("a value table supports 0 to \(TableGame.maximumPlayers) players, got \(playerCount)")
        }
        guard values.count == 1 << playerCount else {
            throw GameError.invalidGame("\(playerCount) players need 2^\(playerCount) = \(1 << playerCount) values, got \(values.count)")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw GameError.nonFiniteValue(coalition: Coalition(rawValue: UInt64(bad)), value: values[bad])
        }
        if let names = playerNames, names.count != playerCount {
            throw GameError.invalidGame("\(names.count) names for \(playerCount) players")
        }
        self.playerCount = playerCount
        self.values = values
        self.playerNames = playerNames
    }

    /// Tabulates `game` by evaluating all 2^n coalitions (2^n value calls).
    public init<G: CooperativeGame>(tabulating game: G) throws {
        guard game.playerCount <= TableGame.maximumPlayers else {
            throw GameError.invalidGame("cannot tabulate \(game.playerCount) players (at most \(TableGame.maximumPlayers))")
        }
        var values = [Double](repeating: 0, count: 1 << game.playerCount)
        for index in values.indices {
            values[index] = try game.value(of: Coalition(rawValue: UInt64(index)))
        }
        try self.init(playerCount: game.playerCount, values: values, playerNames: game.playerNames)
    }

    public func value(of coalition: Coalition) throws -> Double { values[Int(coalition.rawValue)] }
}

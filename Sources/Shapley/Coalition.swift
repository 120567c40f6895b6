/// A set of players `0..<64`, stored as a bit set: bit `i` set means player `i` is in the coalition.
///
/// The raw value is also the coalition's index in a value table (`TableGame`), so the table's
/// entry `values[c.rawValue]` is v(c).
public struct Coalition: Hashable, Sendable, CustomStringConvertible {
    /// The most players a coalition can hold.
    public static let maximumPlayers = 64

    public var rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The coalition holding exactly `players` (each in `0..<64`).
    public init<S: Sequence>(_ players: S) where S.Element == Int {
        rawValue = 0
        for player in players { insert(player) }
    }

    public static let empty = Coalition(rawValue: 0)

    /// All of `0..<playerCount`.
    public static func grand(_ playerCount: Int) -> Coalition {
        precondition((0...maximumPlayers).contains(playerCount), "player count must be in 0...64")
        return Coalition(rawValue: playerCount == 64 ? ~0 : (UInt64(1) << UInt64(playerCount)) - 1)
    }

    public var count: Int { rawValue.nonzeroBitCount }
    public var isEmpty: Bool { rawValue == 0 }

    public func contains(_ player: Int) -> Bool { rawValue & (1 << UInt64(player)) != 0 }

    public mutating func insert(_ player: Int) {
        precondition((0..<Coalition.maximumPlayers).contains(player), "player \(player) is outside 0..<64")
        rawValue |= 1 << UInt64(player)
    }

    public mutating func remove(_ player: Int) { rawValue &= ~(1 << UInt64(player)) }

    public func inserting(_ player: Int) -> Coalition { var copy = self; copy.insert(player); return copy }
    public func removing(_ player: Int) -> Coalition { var copy = self; copy.remove(player); return copy }

    public func union(_ other: Coalition) -> Coalition { Coalition(rawValue: rawValue | other.rawValue) }

    /// The complement within `0..<playerCount`.
    public func complement(in playerCount: Int) -> Coalition {
        Coalition(rawValue: ~rawValue & Coalition.grand(playerCount).rawValue)
    }

    /// The members in increasing order.
    public var members: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        var bits = rawValue
        while bits != 0 {
            result.append(bits.trailingZeroBitCount)
            bits &= bits - 1
        }
        return result
    }

    public var description: String { "{" + members.map(String.init).joined(separator: ",") + "}" }
}

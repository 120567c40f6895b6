import Shapley
import Statistics

/// Leave-one-out credit: each unit gets r = v(N) - v(N minus the unit) on the step of its last word
/// (action), other steps 0. Not efficient (the marginals need not sum to R); 1 + n reward calls
/// for n units. Spelled `loo(units=U)`, units from the defaults when left out.
public struct LeaveOneOutCredit: CreditRule {
    public static let grammar = "loo[(units=U)]"

    public let unitsPlayed: CreditUnits

    public init(units: CreditUnits) { unitsPlayed = units }

    public init?(spelling: CreditSpelling, defaults: ShapleyCreditOptions) throws {
        guard spelling.name == "loo" else { return nil }
        try spelling.allowOnly(["units"])
        unitsPlayed = try spelling.units(default: defaults.units)
    }

    public var description: String { "loo(units=\(unitsPlayed))" }
    public var isEfficient: Bool { false }
    public var units: CreditUnits? { unitsPlayed }

    public func rewards<Game: CooperativeGame>(
        game: Game, stepOfPlayer: [Int], stepCount: Int, partition: () throws -> PlayerPartition, random: RandomStream
    ) throws -> [Double] {
        let total = try game.value(of: game.grandCoalition)
        guard game.playerCount > 0 else { return rewards(total: total, stepCount: stepCount) }
        var rewards = [Double](repeating: 0, count: stepCount)
        for player in 0..<game.playerCount {
            rewards[stepOfPlayer[player]] += total - (try game.value(of: game.grandCoalition.removing(player)))
        }
        return rewards
    }
}

import Shapley
import Statistics

/// A game from a closure, for hand-built test games.
struct FunctionGame: CooperativeGame {
    let playerCount: Int
    let function: (Coalition) -> Double
    func value(of coalition: Coalition) throws -> Double { function(coalition) }
}

/// Seeded random test games of several families, as value tables.
enum RandomGames {
    static func soum(players: Int, seed: UInt64) -> UnanimitySumGame {
        UnanimitySumGame.random(players: players, terms: 2 * players, random: RandomStream(seed: seed, stream: 1))
    }

    /// Independent standard-normal values on every coalition: no structure at all.
    static func noise(players: Int, seed: UInt64) throws -> TableGame {
        let random = RandomStream(seed: seed, stream: 2)
        return try TableGame(playerCount: players, values: (0..<(1 << players)).map { _ in random.normal() })
    }

    static func families(players: Int, seed: UInt64) throws -> [(String, TableGame)] {
        [
            ("soum", try TableGame(tabulating: soum(players: players, seed: seed))),
            ("noise", try noise(players: players, seed: seed)),
            ("voting", try TableGame(tabulating: WeightedVotingGame.random(players: players, random: RandomStream(seed: seed, stream: 3)))),
        ]
    }
}

func exactValues<G: CooperativeGame>(_ game: G) throws -> [Double] {
    try ExactShapley().estimate(game, random: RandomStream(seed: 0)).values
}

func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

func total<G: CooperativeGame>(_ game: G) throws -> Double {
    try game.value(of: game.grandCoalition) - game.value(of: .empty)
}

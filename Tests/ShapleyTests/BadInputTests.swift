import Foundation
import Testing
import Shapley
import Statistics

@Suite struct BadInputTests {
    @Test func exactRefusesTooManyPlayersAndNamesTheAlternatives() throws {
        let game = UnanimitySumGame(playerCount: 30, terms: [])
        do {
            _ = try ExactShapley().estimate(game, random: RandomStream(seed: 0))
            Issue.record("exact accepted 30 players")
        } catch let error as GameError {
            #expect(error.description.contains("at most \(ExactShapley.defaultMaximumPlayers) players") && error.description.contains("kernelshap"))
        }
    }

    @Test func nonFiniteValuesAreRejected() throws {
        let game = FunctionGame(playerCount: 4) { $0.count == 2 ? .nan : 1 }
        for kind in [EstimatorKind.exact, .permutation, .kernelshap] {
            #expect(throws: GameError.self) { try kind.make().estimate(game, budget: 16, random: RandomStream(seed: 0)) }
        }
        #expect(throws: GameError.self) { try TableGame(playerCount: 1, values: [0, .infinity]) }
    }

    @Test func budgetsBelowTheMinimumAreRejected() throws {
        let game = RandomGames.soum(players: 10, seed: 0)
        for kind in [EstimatorKind.permutation, .antithetic, .kernelshap, .loo] {
            #expect(throws: GameError.self) { try kind.make().estimate(game, budget: 5, random: RandomStream(seed: 0)) }
        }
    }

    @Test func malformedGameFilesGetOneLineErrors() throws {
        let cases: [(String, String)] = [
            ("{\"players\": 2, \"values\": [0, 1,", "malformed JSON"),
            ("{\"players\": 2, \"values\": [0, 1, 2]}", "2^2 = 4 values"),
            ("{\"values\": [0, 1]}", "\"players\""),
            ("{\"players\": 1, \"values\": [0, \"x\"]}", "malformed JSON"),
            ("{\"kind\": \"soum\", \"players\": 3, \"terms\": [{\"members\": [5], \"weight\": 1}]}", "outside 0..<3"),
            ("{\"kind\": \"banana\"}", "malformed JSON"),
        ]
        for (json, expected) in cases {
            do {
                _ = try GameFile.decode(Data(json.utf8))
                Issue.record("accepted \(json)")
            } catch let error as GameError {
                #expect(error.description.contains(expected), "\(json): \(error.description)")
                #expect(!error.description.contains("\n"))
            }
        }
        #expect(throws: GameError.self) { try GameFile.load(URL(fileURLWithPath: "/nonexistent/game.json")) }
    }

    @Test func largeTablesReadByTheFastPathEqualJSONDecoder() throws {
        // GameFile reads "values" with strtod; JSONDecoder on the same bytes is the reference.
        let table = try RandomGames.noise(players: 12, seed: 4)
        let names = (0..<12).map { "p\($0), \"quoted\" [\($0)]" }
        let values = table.values.map { "\($0)" }.joined(separator: ", ")
        let layouts = [
            "{\"values\": [\(values)], \"names\": \(try String(decoding: JSONEncoder().encode(names), as: UTF8.self)), \"players\": 12}",
            "{ \"players\" : 12 , \"names\": \(try String(decoding: JSONEncoder().encode(names), as: UTF8.self)),\n \"values\" :[ \(values) ] }",
        ]
        for layout in layouts {
            let game = try GameFile.decode(Data(layout.utf8))
            let decoded = try TableGame(tabulating: game)
            #expect(decoded.values == table.values)
            #expect(decoded.playerNames == names)
        }
        for (json, expected) in [("{\"players\": 1, \"values\": [0, 0x10]}", "malformed JSON"),
                                 ("{\"players\": 1, \"values\": [0, -inf]}", "malformed JSON")] {
            do {
                _ = try GameFile.decode(Data(json.utf8))
                Issue.record("accepted \(json)")
            } catch let error as GameError {
                #expect(error.description.contains(expected), "\(json): \(error.description)")
            }
        }
    }

    @Test func partitionsMustCoverEveryPlayerOnce() {
        #expect(throws: GameError.self) { try PlayerPartition(groups: [[0, 1], [1, 2]], playerCount: 3) }
        #expect(throws: GameError.self) { try PlayerPartition(groups: [[0, 1]], playerCount: 3) }
        #expect(throws: GameError.self) { try PlayerPartition(groups: [[0, 1, 2], []], playerCount: 3) }
        #expect(throws: GameError.self) { try PlayerPartition(groups: [[0, 3]], playerCount: 2) }
        #expect(throws: GameError.self) { try EstimatorKind.owen.make(partition: nil) }
    }

    @Test func gameFilesRoundTrip() throws {
        let games: [any CooperativeGame] = [
            AdditiveGame(weights: [1, -2, 0.5], intercept: 0.25), MaxGame(scores: [0.1, 0.9]),
            RandomGames.soum(players: 5, seed: 1), WeightedVotingGame(weights: [3, 2, 2], quota: 4),
            try RandomGames.noise(players: 4, seed: 1),
        ]
        for game in games {
            let decoded = try GameFile.decode(try GameFile.encode(game))
            #expect(try TableGame(tabulating: decoded).values == (try TableGame(tabulating: game).values))
        }
    }
}

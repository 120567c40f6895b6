import ArgumentParser
import Foundation
import Shapley
import Statistics

struct MakeGame: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "game",
        abstract: "Write a seeded synthetic test game as JSON (for estimate, tests and benchmarks).",
        discussion: """
        Kinds: additive (weights standard normal; phi_i = w_i), soum (a sum of unanimity games: --terms \
        terms, sizes uniform in 1...n, weights standard normal; phi_i = sum of w_T/|T| over terms T \
        containing i), voting (integer weights 1...10, quota = half the total + 1), max (scores uniform \
        in [0, 1): v(S) = max score in S, the best-candidate game of ShapE-GRPO).

        By default the file holds the game's parameters (so closed-form applies); --table writes the \
        full value table instead (2^n numbers; n at most \(TableGame.maximumPlayers)).

        Example: creditbench game soum --players 16 --seed 3 --table > soum16.json
        """
    )

    @Argument(help: "additive, soum, voting or max.")
    var kind: SyntheticKind

    @Option(help: "Number of players.")
    var players: Int

    @Option(help: "Seed of the random stream.")
    var seed: UInt64 = 0

    @Option(help: "Number of unanimity terms (soum only; default 2n).")
    var terms: Int?

    @Flag(help: "Write the full value table instead of the parameters.")
    var table = false

    enum SyntheticKind: String, ExpressibleByArgument, CaseIterable {
        case additive, soum, voting, max
    }

    func validate() throws {
        guard (1...Coalition.maximumPlayers).contains(players) else { throw ValidationError("--players must be in 1...64") }
        if table && players > TableGame.maximumPlayers {
            throw ValidationError("--table supports at most \(TableGame.maximumPlayers) players")
        }
    }

    func run() throws {
        let random = RandomStream(seed: seed)
        let game: any CooperativeGame
        switch kind {
        case .additive: game = AdditiveGame(weights: (0..<players).map { _ in random.normal() })
        case .soum: game = UnanimitySumGame.random(players: players, terms: terms ?? 2 * players, random: random)
        case .voting: game = WeightedVotingGame.random(players: players, random: random)
        case .max: game = MaxGame(scores: (0..<players).map { _ in random.uniform() })
        }
        let output = try GameFile.encode(table ? try TableGame(tabulating: game) : game)
        FileHandle.standardOutput.write(output)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}

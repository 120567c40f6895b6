import ArgumentParser
import Foundation
import Shapley
import Statistics

struct MakeGame: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "game",
        abstract: "Write a seeded synthetic test game as JSON or a NumPy .npy value table (for estimate, tests and benchmarks).",
        discussion: """
        Kinds: additive (weights standard normal; phi_i = w_i), soum (a sum of unanimity games: --terms \
        terms, sizes uniform in 1...n, weights standard normal; phi_i = sum of w_T/|T| over terms T \
        containing i), voting (integer weights 1...10, quota = half the total + 1), max (scores uniform \
        in [0, 1): v(S) = max score in S, the best-candidate game of ShapE-GRPO).

        By default the file holds the game's parameters (so closed-form applies); --table writes the \
        full value table instead (2^n numbers; n at most \(TableGame.maximumPlayers)). --output FILE.npy \
        writes the value table in NumPy's .npy format (float64 little endian, shape (2^n,)), which \
        estimate --game reads memory-mapped, far faster than JSON for large n.

        Example: creditbench game soum --players 16 --seed 3 --table > soum16.json
        Example: creditbench game soum --players 24 --seed 3 --output soum24.npy
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

    @Option(help: ArgumentHelp("Write to FILE instead of standard output; a name ending in .npy writes the value table in NumPy's format (implies --table).", valueName: "FILE"))
    var output: String?

    private var writesNumpy: Bool { output?.hasSuffix(".npy") ?? false }

    enum SyntheticKind: String, ExpressibleByArgument, CaseIterable {
        case additive, soum, voting, max
    }

    func validate() throws {
        guard (1...Coalition.maximumPlayers).contains(players) else { throw ValidationError("--players must be in 1...64") }
        if (table || writesNumpy) && players > TableGame.maximumPlayers {
            throw ValidationError("--table and .npy output support at most \(TableGame.maximumPlayers) players")
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
        let bytes = writesNumpy
            ? NumpyTable.encode(try TableGame(tabulating: game))
            : try GameFile.encode(table ? try TableGame(tabulating: game) : game) + Data("\n".utf8)
        guard let output else { return FileHandle.standardOutput.write(bytes) }
        do { try bytes.write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            throw CommandFailure("cannot write the game to \(output): \(error.localizedDescription)")
        }
    }
}

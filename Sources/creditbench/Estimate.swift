import ArgumentParser
import Foundation
import Shapley
import Statistics

extension EstimatorKind: ExpressibleByArgument {}

/// `estimate --estimator`: a registered estimator, or auto (`EstimatorSelection`).
enum EstimatorChoice: ExpressibleByArgument {
    case auto
    case named(EstimatorKind)

    init?(argument: String) {
        if argument == "auto" {
            self = .auto
        } else if let kind = EstimatorKind(rawValue: argument) {
            self = .named(kind)
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { ["auto"] + EstimatorRegistry.names }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, table
}

struct Estimate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shapley values of a game from one estimator, with standard errors, value calls and seconds.",
        discussion: """
        The game file is JSON: a value table {"players": n, "names": [...], "values": [v_0, ..., v_(2^n-1)]} \
        (bit i of an index set = player i in the coalition), or a synthetic game by its parameters \
        ({"kind": "additive"|"max"|"soum"|"voting", ...}; see `creditbench game --help`); or a NumPy .npy \
        value table (float64 little endian, shape (2^n,), entry i = v(i); recognised by its magic string, \
        memory-mapped), as numpy.save or `creditbench game --output FILE.npy` writes it.

        Estimators (`creditbench estimators` lists what each computes, costs and guarantees): \
        \(EstimatorRegistry.names.joined(separator: ", ")). owen groups the players by --groups. The budget \
        counts distinct value calls, v(empty) and v(N) included; sampling estimators default to 100 calls per \
        player; a budget below an estimator's minimum is refused. --estimator auto picks by the game, the number \
        of players and the budget, following the recorded board (results/estimators/best-estimators.md): \
        closed-form where the game has one, exact when the budget covers 2^n, else msr-linear from 5n calls, \
        antithetic from 2n, svarm below; with --target-se, kernelshap-unbiased from 10n, else antithetic.

        Examples:
          creditbench game soum --players 12 --seed 1 --table > soum.json
          creditbench estimate --game soum.json --estimator exact
          creditbench estimate --game soum.json --estimator kernelshap-paired --budget 240 --seed 7 --format table
          creditbench estimate --game soum.json --estimator owen --groups groups.json --budget 500
          creditbench estimate --game soum.json --estimator permutation --target-se 0.01 --budget 5000
          creditbench estimate --game soum.json --estimator auto --budget 120
        """
    )

    @Option(help: "Game JSON file.")
    var game: String

    @Option(help: "Estimator: \(EstimatorRegistry.names.joined(separator: ", ")), or auto (picked by the game, the number of players and the budget from the recorded board; says which and why on standard error).")
    var estimator: EstimatorChoice

    @Option(help: "Most distinct value calls to spend (sampling estimators).")
    var budget: Int?

    @Option(help: "Seed of the random stream; the same seed gives bit-identical output.")
    var seed: UInt64 = 0

    @Option(help: "Partition JSON for owen: {\"groups\": [[0, 1], [2, 3]]}.")
    var groups: String?

    @Option(help: ArgumentHelp("Sample until the largest standard error is at most SE or the budget (default 100 calls per player) is spent: rounds of the estimator from the seed with growing budgets over one cache; for estimators that report standard errors. Reports the distinct calls used over all rounds.", valueName: "SE"))
    var targetSe: Double?

    @Option(help: "Output format: json or table.")
    var format: OutputFormat = .json

    func validate() throws {
        if let budget, budget < 1 { throw ValidationError("--budget must be a positive number of value calls") }
        if let targetSe, !(targetSe > 0 && targetSe.isFinite) { throw ValidationError("--target-se must be a positive number, got \(targetSe)") }
    }

    func run() throws {
        let loaded = try GameFile.load(URL(fileURLWithPath: game))
        let partition = try groups.map { try GameFile.loadPartition(URL(fileURLWithPath: $0), playerCount: loaded.playerCount) }
        let kind: EstimatorKind
        switch estimator {
        case .named(let named):
            kind = named
        case .auto:
            let choice = try EstimatorSelection.choose(for: loaded, budget: budget ?? 100 * loaded.playerCount, standardErrors: targetSe != nil)
            kind = choice.kind
            FileHandle.standardError.write(Data("auto: \(kind) (\(choice.reason))\n".utf8))
        }
        let chosen = try kind.make(partition: partition)
        let result: ShapleyEstimate
        if let targetSe {
            let outcome = try StandardErrorTarget(target: targetSe, budget: budget ?? 100 * loaded.playerCount).run(chosen, on: loaded, seed: seed)
            result = outcome.estimate
            let verdict = outcome.reachedTarget ? "reached" : "not reached: the budget is spent"
            FileHandle.standardError.write(Data("target standard error \(targetSe) \(verdict); largest standard error \(String(format: "%.4g", outcome.largestStandardError)) after \(outcome.rounds) rounds, \(result.calls) distinct value calls\n".utf8))
        } else {
            result = try chosen.estimate(loaded, budget: budget, random: RandomStream(seed: seed))
        }
        let names = loaded.playerNames ?? (0..<loaded.playerCount).map { "player \($0)" }
        switch format {
        case .json:
            let report = EstimateReport(estimate: result, players: loaded.playerCount, names: names, budget: budget, seed: seed)
            print(try JSONOutput.string(report))
        case .table:
            print(EstimateTable.render(result, names: names))
        }
    }
}

/// `estimate`'s JSON: the estimate plus what is needed to repeat it.
struct EstimateReport: Encodable {
    var estimator: String
    var players: Int
    var names: [String]
    var values: [Double]
    var standardErrors: [Double]?
    var calls: Int
    var seconds: Double
    var budget: Int?
    var seed: UInt64

    init(estimate: ShapleyEstimate, players: Int, names: [String], budget: Int?, seed: UInt64) {
        estimator = estimate.estimator
        self.players = players
        self.names = names
        values = estimate.values
        standardErrors = estimate.standardErrors
        calls = estimate.calls
        seconds = estimate.seconds
        self.budget = budget
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case estimator, players, names, values, calls, seconds, budget, seed
        case standardErrors = "standard_errors"
    }
}

enum EstimateTable {
    static func render(_ estimate: ShapleyEstimate, names: [String]) -> String {
        let width = max(6, names.map(\.count).max() ?? 6)
        var lines = ["\(pad("player", width))  \(pad("value", 14))  std.error"]
        for (index, name) in names.enumerated() {
            let error = estimate.standardErrors.map { String(format: "%.6g", $0[index]) } ?? "-"
            lines.append("\(pad(name, width))  \(pad(String(format: "%.8g", estimate.values[index]), 14))  \(error)")
        }
        lines.append("sum \(String(format: "%.10g", estimate.values.reduce(0, +)))  calls \(estimate.calls)  seconds \(String(format: "%.4g", estimate.seconds))  estimator \(estimate.estimator)")
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

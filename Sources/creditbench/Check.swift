import ArgumentParser
import Foundation
import Harness
import Shapley

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regression-test the estimators: rerun a recorded baseline of the estimator board and flag cells that got worse.",
        discussion: """
        --record runs the board (synthetic games and, with --task-instances, real task games; every \
        estimator at budgets k*n over seeded replicates) and writes a baseline: per cell (task family x \
        estimator x budget) every replicate's relative L2 error, the configuration (board, estimators, \
        games with their exact values) with its hash, and the commit.

        --baseline FILE reruns that configuration on the current code and decides each cell: \
        replicates bit-identical to the baseline's are unchanged; budget-free estimators are compared \
        game by game to \(EstimatorCheck.exactTolerance); otherwise a paired one-sided t-test on log \
        errors (pairs share a game and a seed) tests whether the geometric-mean error ratio is above \
        1 + T ("worse") or below 1/(1 + T) ("better"), Holm-corrected across cells at --alpha. \
        Prints a table, writes JUnit XML with --junit, and exits non-zero naming the cells on any \
        regression. A baseline whose configuration cannot be reproduced (games changed, an estimator \
        no longer registered) is refused with one line.

        Examples:
          creditbench check --baseline benchmarks/baselines/estimators.json --junit check.xml
          creditbench check --baseline benchmarks/baselines/estimators.json --estimators kernelshap,kernelshap-paired
          creditbench check --record --output benchmarks/baselines/estimators.json
        """
    )

    @Flag(help: "Record a baseline instead of checking one.")
    var record = false

    @Option(help: "The baseline to check against.")
    var baseline: String?

    @Option(help: "Where --record writes the baseline.")
    var output: String = "benchmarks/baselines/estimators.json"

    @Option(help: ArgumentHelp("Estimators, comma-separated (default: all registered with --record, all in the baseline otherwise).", valueName: "name,name,..."))
    var estimators: CommaSeparated<EstimatorKind>?

    @Option(help: "T: a cell regresses when its mean error is shown above (1 + T) times the baseline's.")
    var tolerance: Double = EstimatorCheck.defaultTolerance

    @Option(help: "Family-wise error rate of the regression tests (Holm across cells).")
    var alpha: Double = EstimatorCheck.defaultAlpha

    @Option(help: "Write JUnit XML here (one testcase per cell, a failure per regression).")
    var junit: String?

    @Option(help: "Games run in parallel; the results do not depend on it.")
    var jobs: Int = OrderedParallel.machineCores

    @Option(help: "--record: players per synthetic game.")
    var players: Int = CheckBoard.quick.syntheticPlayers

    @Option(help: "--record: synthetic games per family.")
    var syntheticInstances: Int = CheckBoard.quick.syntheticInstances

    @Option(help: "--record: task games per task family (0: synthetic games only).")
    var taskInstances: Int = CheckBoard.quick.taskInstances

    @Option(help: ArgumentHelp("--record: budgets as multiples of n, comma-separated.", valueName: "k,k,..."))
    var budgets = CommaSeparated(CheckBoard.quick.budgetMultiples)

    @Option(help: "--record: seeded replicates per estimator and budget.")
    var repetitions: Int = CheckBoard.quick.repetitions

    @Option(help: "--record: seed of the games and of every estimator's random stream.")
    var seed: UInt64 = CheckBoard.quick.seed

    func validate() throws {
        guard record != (baseline != nil) else { throw ValidationError("give either --record or --baseline FILE") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        guard (2...EstimatorComparison.exactMaximumPlayers).contains(players) else {
            throw ValidationError("--players must be in 2...\(EstimatorComparison.exactMaximumPlayers) (exact ground truth)")
        }
        guard budgets.elements.allSatisfy({ $0 > 0 }) else { throw ValidationError("--budgets takes positive multiples of n") }
        guard syntheticInstances >= 1, taskInstances >= 0, repetitions >= 2 else {
            throw ValidationError("--synthetic-instances must be at least 1, --task-instances at least 0, --repetitions at least 2")
        }
    }

    func run() throws {
        do {
            if record { try recordBaseline() } else { try checkBaseline(URL(fileURLWithPath: baseline!)) }
        } catch let refusal as EstimatorCheck.Refusal {
            throw CommandFailure(refusal.description)
        }
    }

    func recordBaseline() throws {
        let board = CheckBoard(syntheticPlayers: players, syntheticInstances: syntheticInstances, taskInstances: taskInstances,
                               budgetMultiples: budgets.elements,
                               repetitions: repetitions, seed: seed)
        let kinds = estimators?.elements ?? EstimatorKind.allCases
        let recorded = try EstimatorCheck.record(board: board, estimators: kinds.map(\.entry), commit: RunProvenance.commit,
                                                 jobs: jobs, progress: "record")
        try recorded.write(to: URL(fileURLWithPath: output))
        print("recorded \(recorded.cells.count) cells of \(recorded.configuration.estimators.count) estimators on \(recorded.configuration.games.count) games into \(output) (configuration \(recorded.configurationHash), commit \(recorded.commit))")
    }

    func checkBaseline(_ url: URL) throws {
        let recorded = try CheckBaseline.read(from: url)
        let clock = ContinuousClock()
        let start = clock.now
        let verdicts = try EstimatorCheck.check(recorded, estimators: EstimatorRegistry.entries, only: estimators?.elements.map(\.rawValue),
                                                tolerance: tolerance, alpha: alpha, jobs: jobs, progress: "check")
        print(CheckReport.table(verdicts), terminator: "")
        print("\(CheckReport.summary(verdicts)) against \(url.path) (commit \(recorded.commit), configuration \(recorded.configurationHash)); tolerance \(tolerance), alpha \(alpha), \(String(format: "%.1f", (clock.now - start) / .seconds(1))) s")
        if let junit {
            try CheckReport.junit(verdicts).write(toFile: junit, atomically: true, encoding: .utf8)
        }
        let regressed = verdicts.filter { $0.status == .regressed }.map(\.cell.name)
        guard regressed.isEmpty else { throw CommandFailure("regressed: \(regressed.joined(separator: "; "))") }
    }
}

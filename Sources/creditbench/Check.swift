import ArgumentParser
import Foundation
import Harness
import Learning
import Shapley

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regression-test estimators and credit schemes: rerun a recorded baseline and flag cells that got worse.",
        discussion: """
        Estimators: --record runs the board (synthetic games and, with --task-instances, real task \
        games; every estimator at budgets k*n over seeded replicates) and writes a baseline: per cell \
        (task family x estimator x budget) every replicate's relative L2 error, the configuration \
        (board, estimators, games with their exact values) with its hash, and the commit. A check \
        decides each cell: replicates bit-identical to the baseline's are unchanged; budget-free \
        estimators are compared game by game to \(EstimatorCheck.exactTolerance); otherwise a paired \
        one-sided t-test on log errors (pairs share a game and a seed) tests whether the \
        geometric-mean error ratio is above 1 + T ("worse") or below 1/(1 + T) ("better").

        Credit schemes: --record --schemes trains each scheme (spelled as in `train --scheme`; keys \
        left out take each task's defaults) on each of --tasks it applies to, --repetitions seeded \
        runs of --steps PPO steps of --batch episodes, and writes per cell (task x scheme) each seed's \
        final reward (held-out reward of the trained policy) and area under the learning curve \
        (time-averaged training reward), with the untrained policy's held-out reward per seed, the \
        configuration hash and the commit. A check decides each cell and metric: seeds bit-identical \
        to the baseline's are unchanged; otherwise, with G the baseline's mean gain over the untrained \
        policy (final reward minus the untrained held-out reward; area minus the first batch's \
        reward), a paired one-sided t-test over the shared seeds tests whether the mean fell by more \
        than T*G ("worse") or rose by more than T*G ("better").

        Both: Holm-corrected across the tested cells at --alpha; prints a table per baseline, writes \
        JUnit XML with --junit (one testsuite per kind), and exits non-zero naming the cells on any \
        regression. --baseline may be given several times. A baseline whose configuration cannot be \
        reproduced (games or tasks changed, an estimator no longer registered, a board option that \
        differs from the recorded one) is refused with one line.

        Examples:
          creditbench check --baseline benchmarks/baselines/estimators.json --baseline benchmarks/baselines/schemes.json --junit check.xml
          creditbench check --baseline benchmarks/baselines/estimators.json --estimators kernelshap,kernelshap-paired
          creditbench check --baseline benchmarks/baselines/schemes.json --schemes sparse,scar
          creditbench check --record --output benchmarks/baselines/estimators.json
          creditbench check --record --schemes '\(SchemeCheckBoard.quick.schemes.joined(separator: ","))' --output benchmarks/baselines/schemes.json
        """
    )

    @Flag(help: "Record a baseline instead of checking one.")
    var record = false

    @Option(help: "A baseline to check against (repeatable).")
    var baseline: [String] = []

    @Option(help: "Where --record writes the baseline (default: benchmarks/baselines/estimators.json, or schemes.json with --schemes).")
    var output: String?

    @Option(help: ArgumentHelp("Estimators, comma-separated (default: all registered with --record, all in the baseline otherwise).", valueName: "name,name,..."))
    var estimators: CommaSeparated<EstimatorKind>?

    @Option(help: ArgumentHelp("Credit schemes, comma-separated, as `train --scheme` spells them: with --record, record these learning runs; with --baseline, check only these (default: all in the baseline).", valueName: "scheme,scheme,..."))
    var schemes: CommaSeparated<String>?

    @Option(help: "T: an estimator cell regresses when its mean error is shown above (1 + T) times the baseline's; a scheme cell when its mean is shown below the baseline's by more than T times the baseline's gain over the untrained policy (default \(EstimatorCheck.defaultTolerance)).")
    var tolerance: Double = EstimatorCheck.defaultTolerance

    @Option(help: "Family-wise error rate of the regression tests (Holm across cells).")
    var alpha: Double = EstimatorCheck.defaultAlpha

    @Option(help: "Write JUnit XML here (one testcase per cell, a failure per regression).")
    var junit: String?

    @Option(help: "Games or learning runs in parallel; the results do not depend on it.")
    var jobs: Int = OrderedParallel.machineCores

    @Option(help: "Estimator board: players per synthetic game (default \(CheckBoard.quick.syntheticPlayers)).")
    var players: Int?

    @Option(help: "Estimator board: synthetic games per family (default \(CheckBoard.quick.syntheticInstances)).")
    var syntheticInstances: Int?

    @Option(help: "Estimator board: task games per task family; 0: synthetic games only (default \(CheckBoard.quick.taskInstances)).")
    var taskInstances: Int?

    @Option(help: ArgumentHelp("Estimator board: budgets as multiples of n, comma-separated (default \(CheckBoard.quick.budgetMultiples.map(String.init).joined(separator: ","))).", valueName: "k,k,..."))
    var budgets: CommaSeparated<Int>?

    @Option(help: "Seeded replicates: per estimator and budget (default \(CheckBoard.quick.repetitions)), or learning runs per scheme (default \(SchemeCheckBoard.quick.repetitions)).")
    var repetitions: Int?

    @Option(help: "Seed of the estimator board's games and streams (default \(CheckBoard.quick.seed)), or the first learning run's seed (the others count up; default \(SchemeCheckBoard.quick.seed)).")
    var seed: Int?

    @Option(help: ArgumentHelp("Scheme runs: tasks, comma-separated (default \(SchemeCheckBoard.quick.tasks.joined(separator: ","))).", valueName: "task,task,..."))
    var tasks: CommaSeparated<SCARTask>?

    @Option(help: "Scheme runs: PPO steps per run (default \(SchemeCheckBoard.quick.steps)).")
    var steps: Int?

    @Option(help: "Scheme runs: episodes per PPO step (default \(SchemeCheckBoard.quick.batchSize)).")
    var batch: Int?

    /// The options that only set the estimator board, and those that only set scheme runs, by name.
    var estimatorBoardOptions: [String] {
        [("--players", players != nil), ("--synthetic-instances", syntheticInstances != nil),
         ("--task-instances", taskInstances != nil), ("--budgets", budgets != nil)].filter(\.1).map(\.0)
    }
    var schemeBoardOptions: [String] {
        [("--tasks", tasks != nil), ("--steps", steps != nil), ("--batch", batch != nil)].filter(\.1).map(\.0)
    }

    func validate() throws {
        guard record != !baseline.isEmpty else { throw ValidationError("give either --record or --baseline FILE") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if !record, output != nil { throw ValidationError("--output is where --record writes; a check writes only --junit") }
        if record, schemes != nil, let option = estimatorBoardOptions.first ?? (estimators != nil ? "--estimators" : nil) {
            throw ValidationError("\(option) sets the estimator board; record estimators and schemes separately")
        }
        if record, schemes == nil, let option = schemeBoardOptions.first {
            throw ValidationError("\(option) sets scheme runs; record them with --schemes")
        }
        if let players, !(2...EstimatorComparison.exactMaximumPlayers).contains(players) {
            throw ValidationError("--players must be in 2...\(EstimatorComparison.exactMaximumPlayers) (exact ground truth)")
        }
        if let budgets, !budgets.elements.allSatisfy({ $0 > 0 }) { throw ValidationError("--budgets takes positive multiples of n") }
        if let syntheticInstances, syntheticInstances < 1 { throw ValidationError("--synthetic-instances must be at least 1") }
        if let taskInstances, taskInstances < 0 { throw ValidationError("--task-instances must be at least 0") }
        if let repetitions, repetitions < 2 { throw ValidationError("--repetitions must be at least 2") }
        if let seed, seed < 0 { throw ValidationError("--seed must be at least 0") }
        if let steps, steps < 2 { throw ValidationError("--steps must be at least 2 (an area needs two points)") }
        if let batch, batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        do {
            if record {
                try schemes == nil ? recordEstimators() : recordSchemes(schemes!.elements)
            } else {
                try checkBaselines()
            }
        } catch let refusal as CheckRefusal {
            throw CommandFailure(refusal.description)
        }
    }

    /// `base` with the estimator-board options given applied.
    func estimatorBoard(over base: CheckBoard) -> CheckBoard {
        CheckBoard(syntheticPlayers: players ?? base.syntheticPlayers, syntheticInstances: syntheticInstances ?? base.syntheticInstances,
                   taskInstances: taskInstances ?? base.taskInstances, budgetMultiples: budgets?.elements ?? base.budgetMultiples,
                   repetitions: repetitions ?? base.repetitions, seed: seed.map(UInt64.init) ?? base.seed)
    }

    /// `base` with the scheme-run options given applied (and `schemes` in place of its schemes).
    func schemeBoard(over base: SchemeCheckBoard, schemes: [String]) -> SchemeCheckBoard {
        SchemeCheckBoard(tasks: tasks?.elements.map(\.rawValue) ?? base.tasks, schemes: schemes, steps: steps ?? base.steps,
                         batchSize: batch ?? base.batchSize, repetitions: repetitions ?? base.repetitions, seed: seed ?? base.seed)
    }

    func recordEstimators() throws {
        let output = output ?? "benchmarks/baselines/estimators.json"
        let kinds = estimators?.elements ?? EstimatorKind.allCases
        let recorded = try EstimatorCheck.record(board: estimatorBoard(over: .quick), estimators: kinds.map(\.entry), commit: RunProvenance.commit,
                                                 jobs: jobs, progress: "record")
        try recorded.write(to: URL(fileURLWithPath: output))
        print("recorded \(recorded.cells.count) cells of \(recorded.configuration.estimators.count) estimators on \(recorded.configuration.games.count) games into \(output) (configuration \(recorded.configurationHash), commit \(recorded.commit))")
    }

    func recordSchemes(_ schemes: [String]) throws {
        let output = output ?? "benchmarks/baselines/schemes.json"
        let recorded = try SchemeCheck.record(board: schemeBoard(over: .quick, schemes: schemes), commit: RunProvenance.commit,
                                              jobs: jobs, progress: "record")
        try recorded.write(to: URL(fileURLWithPath: output))
        print("recorded \(recorded.cells.count) cells (task x scheme) of \(recorded.board.repetitions) seeded runs into \(output) (configuration \(recorded.configurationHash), commit \(recorded.commit))")
    }

    func checkBaselines() throws {
        let files = try baseline.map { path in (url: URL(fileURLWithPath: path), format: try Self.format(of: URL(fileURLWithPath: path))) }
        if estimators != nil, !files.contains(where: { $0.format == CheckBaseline.formatName }) {
            throw CheckRefusal("--estimators selects cells of an estimator baseline; none is given")
        }
        if schemes != nil, !files.contains(where: { $0.format == SchemeCheckBaseline.formatName }) {
            throw CheckRefusal("--schemes selects cells of a scheme baseline; none is given (record one with --record --schemes)")
        }
        var rows: [any CheckRow] = []
        for (url, format) in files {
            let clock = ContinuousClock()
            let start = clock.now
            let recorded: any CheckBaselineFile, verdicts: [any CheckRow]
            if format == SchemeCheckBaseline.formatName {
                if let option = estimatorBoardOptions.first { throw CheckRefusal("\(option) sets the estimator board; \(url.path) is a scheme baseline") }
                let file = try SchemeCheckBaseline.read(from: url)
                try file.requireBoard(schemeBoard(over: file.board, schemes: file.board.schemes))
                let checked = try SchemeCheck.check(file, only: schemes?.elements, tolerance: tolerance, alpha: alpha, jobs: jobs, progress: "check")
                print(CheckReport.table(checked), terminator: "")
                (recorded, verdicts) = (file, checked)
            } else {
                if let option = schemeBoardOptions.first { throw CheckRefusal("\(option) sets scheme runs; \(url.path) is an estimator baseline") }
                let file = try CheckBaseline.read(from: url)
                try file.requireBoard(estimatorBoard(over: file.board))
                let checked = try EstimatorCheck.check(file, estimators: EstimatorRegistry.entries, only: estimators?.elements.map(\.rawValue),
                                                       tolerance: tolerance, alpha: alpha, jobs: jobs, progress: "check")
                print(CheckReport.table(checked), terminator: "")
                (recorded, verdicts) = (file, checked)
            }
            rows += verdicts
            print("\(CheckReport.summary(verdicts)) against \(url.path) (commit \(recorded.commit), configuration \(recorded.configurationHash)); tolerance \(tolerance), alpha \(alpha), \(String(format: "%.1f", (clock.now - start) / .seconds(1))) s")
        }
        if let junit {
            try CheckReport.junit(rows).write(toFile: junit, atomically: true, encoding: .utf8)
        }
        let regressed = rows.filter { $0.status == .regressed }.map(\.name)
        guard regressed.isEmpty else { throw CommandFailure("regressed: \(regressed.joined(separator: "; "))") }
    }

    /// The `format` a baseline file names, or a one-line refusal.
    static func format(of url: URL) throws -> String {
        struct Header: Decodable { let format: String }
        guard let data = try? Data(contentsOf: url) else { throw CheckRefusal("cannot read baseline \(url.path)") }
        guard let header = try? JSONDecoder().decode(Header.self, from: data),
              [CheckBaseline.formatName, SchemeCheckBaseline.formatName].contains(header.format) else {
            throw CheckRefusal("\(url.path) is not a \(CheckBaseline.formatName) or \(SchemeCheckBaseline.formatName) file")
        }
        return header.format
    }
}

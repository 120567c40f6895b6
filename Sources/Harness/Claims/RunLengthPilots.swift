import Foundation
import Learning

/// Trains the pilot runs that fix the claims' run lengths, and chooses them (`PilotRunLength`).
///
/// Per task, the primary schemes (sparse and the task's SCAR, which C3 compares; ShapE-GRPO and
/// GRPO, which C7c compares) are trained on the pilot seeds `firstSeed`..<`firstSeed` + n (the
/// analysed runs use seeds 0..<seeds, so no pilot is ever analysed) at L_max = 2x the task's fixed
/// length (full: sentiment 600 x 32, summarization 200 x 32, instructions 200 x 16, ShapE-GRPO 800
/// steps; quick: twice the quick sizes), with the batch and every other setting of the analysed runs
/// but the held-out evaluation interval (`evaluationInterval(maximumSteps:)`).
/// The runs go to their own stores, `<folder>/pilots/<task>.csv` (`CurveStore`: resumable, never the
/// analysed store), and the chosen lengths to `<folder>/run_lengths.json` and `.md` (`RunLengths`).
/// The tolerance is the task's C3 reward margin (`ClaimMargins.reward` with the pilots' untrained
/// reward). Progress goes to standard error.
public enum RunLengthPilots {
    /// The first pilot seed.
    public static let firstSeed = 1000

    /// Trains (or reads back) the pilots of `scarTasks` (each task's learner with the default
    /// settings but `evaluationInterval(maximumSteps:)`) and, when `shapE`, of ShapE-GRPO, `jobs`
    /// at a time (the runs do not depend on `jobs`), chooses each task's length, writes the files
    /// (keeping the entries of tasks not run this time from an existing file made under the same
    /// learner version and sizes) and returns their one-line summary.
    public static func run(quick: Bool, seeds: Int, jobs: Int, force: Bool, folder: URL,
                           scarTasks: [SCARTask], shapE: Bool) throws -> String {
        let pilotFolder = folder.appendingPathComponent("pilots")
        try FileManager.default.createDirectory(at: pilotFolder, withIntermediateDirectories: true)
        let seedRange = firstSeed..<(firstSeed + seeds)
        let fixed = ClaimsSettings(quick: quick)
        let tasks = SCARTask.allCases.filter(scarTasks.contains)
        var plan: [SCARLearningClaims.Cell] = []
        var experiments: [SCARTask: SCARLearningClaims.Experiment] = [:]
        for task in tasks {
            let (steps, batch) = fixed.scarSize(task)
            let runner = try task.learner(LearnerOptions(evaluationInterval: evaluationInterval(maximumSteps: 2 * steps)))
            let experiment = SCARLearningClaims.Experiment(task: task, runner: runner, steps: 2 * steps, batchSize: batch, design: "")
            experiments[task] = experiment
            let store = try CurveStore(url: pilotFolder.appendingPathComponent("\(task.rawValue).csv"))
            for seed in seedRange {
                for scheme in primarySchemes(task) {
                    plan.append(SCARLearningClaims.Cell(experiment: experiment, runner: runner, store: store, scheme: scheme, seed: seed))
                }
            }
        }
        let scarProgress = ProgressBar(total: plan.count, label: "SCAR pilot runs")
        let scarRuns = try SCARLearningClaims.train(plan, jobs: jobs, force: force, role: .all, progress: scarProgress.update) ?? []

        var lengths = RunLengths(learnerVersion: learnerVersion, quick: quick, tasks: [:])
        if let existing = try RunLengths.read(folder: folder), existing.learnerVersion == learnerVersion, existing.quick == quick {
            lengths.tasks = existing.tasks
        }
        for task in tasks {
            let experiment = experiments[task]!
            let runs = zip(plan, scarRuns).filter { $0.0.experiment.task == task }.map(\.1)
            lengths.tasks[task.rawValue] = try entry(runs: runs, schemes: primarySchemes(task).map(\.description), attainable: task.attainable,
                                                     maximumSteps: experiment.steps, batch: experiment.batchSize, seeds: seedRange,
                                                     series: runs.allSatisfy { !$0.evaluations.isEmpty } ? "held-out evaluations" : "training-batch reward (the runs have no held-out evaluations)")
        }
        if shapE {
            var experiment = fixed.shapE
            experiment.configuration.steps *= 2
            let credits: [SetCredit] = [.shapeGRPO, .grpo]
            let progress = ProgressBar(total: seeds * credits.count, label: "ShapE-GRPO pilot runs")
            let runs = try experiment.run(store: try CurveStore(url: pilotFolder.appendingPathComponent("\(RunLengths.shapEKey).csv")),
                                          credits: credits, seedIndices: seedRange, jobs: jobs, force: force, progress: progress.update)
            lengths.tasks[RunLengths.shapEKey] = try entry(runs: runs, schemes: credits.map(\.rawValue), attainable: ClaimMargins.movieLensAttainable,
                                                           maximumSteps: experiment.configuration.steps, batch: experiment.configuration.usersPerStep,
                                                           seeds: seedRange, series: "held-out evaluations")
        }
        try lengths.write(folder: folder)
        return lengths.summary
    }

    /// k of a SCAR pilot's held-out evaluations: max(1, floor(L_max / 60)), so that the shortest
    /// candidate L_max / 4, whose window is its last 20% = L_max / 20 >= 3k steps, holds at least
    /// three evaluations (the analysed runs' default, about ten a run, would leave it one). The
    /// evaluations do not touch the training streams (`HeldOutEvaluation`), so k changes no
    /// training step. ShapE-GRPO keeps its own interval (10 steps: 20 in the shortest window).
    static func evaluationInterval(maximumSteps: Int) -> Int { max(1, maximumSteps / 60) }

    /// The schemes whose plateau fixes a SCAR task's length: sparse and the task's SCAR (C3).
    static func primarySchemes(_ task: SCARTask) -> [CreditScheme] { [.sparse, task.scar] }

    /// One task's entry from its pilot runs: the tolerance from their untrained reward, the rule's choice.
    static func entry(runs: [CurveRun], schemes: [String], attainable: (value: Double, basis: String), maximumSteps: Int,
                      batch: Int, seeds: Range<Int>, series: String) throws -> RunLengths.Entry {
        let tolerance = try ClaimMargins.reward(untrained: CurveMetrics.initialReward(runs), attainable: attainable)
        let pilots = Dictionary(uniqueKeysWithValues: schemes.map { scheme in
            (scheme, runs.filter { $0.scheme == scheme }.map(PlateauCheck.series(of:)))
        })
        let length = try PilotRunLength(pilots: pilots, maximumSteps: maximumSteps, tolerance: tolerance.margin)
        return RunLengths.Entry(steps: length.steps, batch: batch, maximumSteps: maximumSteps, tolerance: tolerance.margin,
                                toleranceBasis: tolerance.basis, pilotSeeds: Array(seeds), schemes: schemes, series: series,
                                plateauShown: length.plateauShown, projectedChanges: length.chosen.meanProjectedChange,
                                candidates: length.candidates)
    }
}

import CSVFiles
import Foundation
import Learning
import Statistics

/// The sizes of one claims run: `quick` for minutes on a laptop, `full` for the recorded run.
public struct ClaimsSettings: Sendable {
    public var quick: Bool
    /// Seeds per scheme for the learning experiments.
    public var seeds: Int
    /// Seeds per cell of the matched-KL beta sweep (`FairComparisons`).
    public var sweepSeeds: Int
    public var seed: UInt64
    /// Learning runs trained at once (threads); the results do not depend on it.
    public var jobs: Int
    /// Retrain every learning run instead of reusing stored curves.
    public var force: Bool
    /// One process, one shard of a job array, or the step that puts the shards together.
    public var role: LearningRunRole

    public init(quick: Bool, seeds: Int? = nil, sweepSeeds: Int? = nil, seed: UInt64 = 0, jobs: Int = 1, force: Bool = false,
                role: LearningRunRole = .all) {
        self.quick = quick
        self.seeds = seeds ?? (quick ? 6 : 20)
        self.sweepSeeds = sweepSeeds ?? min(self.seeds, quick ? 3 : 10)
        self.seed = seed
        self.jobs = jobs
        self.force = force
        self.role = role
    }

    /// Seeds per cell of the unit-level and alpha grid (`UnitLevelGrid`): `sweepSeeds`, at most 2 quick.
    var gridSeeds: Int { quick ? min(2, sweepSeeds) : sweepSeeds }
    /// The grid's alphas: `UnitLevelGrid.alphas` (0.25, 0.5, 1); quick 0.5 and 1.
    var gridAlphas: [Double] { quick ? [0.5, 1] : UnitLevelGrid.alphas }

    var efficiencyTexts: Int { quick ? 40 : 300 }
    var invarianceTables: Int { quick ? 200 : 2000 }
    /// C2b's PPO runs on the token MDP: VADER and the first 5 (quick) or 50 (full) tables, 2 or 4
    /// seeds each; 400 steps of 32 episodes, beta = 0 (the claim is about the unregularised
    /// optimum C2a solves), policy learning rate 0.05, PPO's other settings at their defaults.
    /// The run length was fixed on a pilot that is not analysed (VADER and 20 tables drawn with
    /// seed 1, 2 seeds each, at 200, 400 and 800 steps): from 400 steps on, both schemes' projected
    /// change over a further run was within +-0.05 by the plateau check (sparse 0.0001, SCAR 0.017).
    var invarianceLearning: TokenMDPLearning {
        TokenMDPLearning(tables: quick ? 5 : 50, seedsPerModel: quick ? 2 : 4, steps: 400, batchSize: 32,
                         ppo: PPOSettings(klCoefficient: 0, policyLearningRate: 0.05))
    }
    var closedFormVectors: Int { quick ? 20 : 200 }
    var exactMaximum: Int { quick ? 16 : 20 }
    /// The run lengths chosen on pilot seeds (`run_lengths.json`, `RunLengthPilots`), which a full
    /// run uses in place of the fixed full lengths; `nil`: the fixed lengths. `ClaimsRun` reads them.
    var runLengths: RunLengths?

    var shapE: ShapEConvergenceExperiment {
        var experiment = ShapEConvergenceExperiment()
        experiment.seeds = seeds
        experiment.seed = seed
        experiment.configuration.steps = quick ? 150 : runLengths?.tasks[RunLengths.shapEKey]?.steps ?? 400
        return experiment
    }
    /// PPO steps and episodes per step of each SCAR task: the quick sizes, else the length chosen
    /// on pilot seeds where there is one, else the fixed full size.
    func scarSize(_ task: SCARTask) -> (steps: Int, batchSize: Int) {
        if quick { return task.quickSize }
        return runLengths?.tasks[task.rawValue].map { ($0.steps, $0.batch) } ?? task.fullSize
    }

    /// Where the run lengths come from, for paper-check.md's limits.
    var runLengthSource: String {
        guard let runLengths else {
            return "Run lengths. Fixed per task (\(quick ? "the quick sizes" : "not chosen on pilot seeds: `creditbench pilot-run-lengths` would choose them")); C3 and C7c read \"not at convergence\" where the analysed runs fail the plateau check."
        }
        return "Run lengths. Chosen per task on pilot seeds \(RunLengthPilots.firstSeed) onward that no claim analyses (`creditbench pilot-run-lengths`, run_lengths.json, learner version \(runLengths.learnerVersion)): the shortest of L_max x {1/4, 3/8, ..., 1} from which on (at it and every longer candidate) the mean, over each primary scheme's pilots, of the change a further run as long would bring at the held-out reward's slope over the last 20% of steps is within the C3 reward margin: \(runLengths.summary). Every analysed run has that length; C3 and C7c still read \"not at convergence\" where the analysed runs fail the plateau check."
    }

    /// What this run cannot test because of how its lengths were fixed (paper-check.md's summary).
    var untested: [String] {
        runLengths == nil ? ["C3 and C7c at convergence: the run lengths are fixed, not chosen on pilot seeds so that every run plateaus."] : []
    }

    /// What bounds this run's scale, for paper-check.md (sizes from these settings).
    var limits: [String] {
        let (sentimentSteps, sentimentBatch) = scarSize(.sentiment)
        let (transformerSteps, transformerBatch) = scarSize(.sentimentTransformer)
        let (summarySteps, summaryBatch) = scarSize(.summarization)
        let (instructionSteps, instructionBatch) = scarSize(.instructions)
        return [
            "Models. The papers fine-tune GPT-2 and LLaMA-size language models; here sentiment control uses a one-layer GRU (d = 32, H = 32) over a 300-word vocabulary that continues 2-4-word prompts for at most 8 words, and summarization and instruction following use log-linear policies that choose among given sentences and actions (at most 3 and 24 steps). Sparse credit is a milder handicap over such short horizons than over hundreds of tokens; the horizon section measures how SCAR's gain changes at responses of up to \(HorizonGrid.horizons(quick: quick).map(String.init).joined(separator: ", ")) words.",
            "Reward models. VADER (a lexicon) stands in for a learned sentiment classifier, ROUGE-1 F against the BBC extractive reference for a summarization reward model, and Google's rule-based IFEval checks for an instruction-following reward model. On the VADER task ABC is a proxy: it redistributes with a separately trained attention model's weights, not with the reward model's own attention as Chan et al. (2024) do; the sentiment-transformer task (a small learned transformer classifier as the reward, still far from the papers' reward models) runs true ABC from that model's [CLS] attention; no attention model exists for ROUGE or IFEval, so ABC is compared on the sentiment tasks only. Whether the reward models score SCAR's partial texts sensibly: `claims/partial_texts.md`.",
            "Compute. Two CPU cores: \(seeds) seeds per scheme; sentiment \(sentimentSteps) PPO steps of \(sentimentBatch) episodes (\(transformerSteps) x \(transformerBatch) under the transformer reward), summarization \(summarySteps) x \(summaryBatch), instruction following \(instructionSteps) x \(instructionBatch). Final rewards are held-out evaluations of the last policy, not converged optima.",
            runLengthSource,
            "Statistics. Verdicts control both errors at alpha = 0.05 (see the header); margins are stated fractions of quantities that do not depend on the compared groups (5% of the gap from the untrained policy to the attainable maximum, 5% of the run length); the fraction is a judgement, so every verdict is also shown at half and double the margin.",
        ]
    }

    var description: String {
        "\(quick ? "Quick" : "Full") run: \(seeds) seeds per scheme for the learning experiments, seed \(seed)."
    }
}

/// Runs every claim check, applies Holm across the run, and writes under `folder`
/// (`results/claims`): the `ClaimReport` files, `curves/*.csv` (`CurveStore`, reused on rerun
/// unless `settings.force`; missing runs trained `settings.jobs` at a time),
/// the matched-KL sweep and credit controls (`FairComparisons`, with `kl_frontier_<task>.svg`),
/// the comparisons at equal reward-model calls (`ComputeMatching`),
/// the sentiment horizon grid (`HorizonGrid`, with `horizon.svg`),
/// the unit-level and alpha grid (`UnitLevelGrid`), in the full run SCAR's headline configuration
/// per task (`SCARHeadline`: `headline.json`, pilot runs under `pilots/`),
/// `scar_curves.svg` (sentiment), `scar_summarization_curves.svg`, `scar_instructions_curves.svg` and
/// `shape_grpo_curves.svg` (mean reward per step with 95% bands), `closed_form_timing.csv` and
/// `.svg`, `partial_texts.md` (`PartialTextsDocument`); then `paperCheck` (paper-check.md). SCAR tasks without a runner in `scarRunners` are
/// not run (their comparisons are missing; a claim with none reads "not measured"). Progress goes
/// to standard error.
///
/// Under `settings.role = .shard(I, N)` only the learning runs that shard owns are trained, into
/// `curves/shards/<name>.shard-I-of-N.csv`, and no claim is decided (none is returned); under
/// `.merge(N)` the shard stores' runs are first adopted into `curves/<name>.csv`, nothing is
/// trained, and the claims are decided as one process would.
public enum ClaimsRun {
    @discardableResult
    public static func run(settings: ClaimsSettings, folder: URL, paperCheck: URL,
                           scarRunners: [SCARTask: any SCARRunner]) throws -> [ClaimCheck] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let settings = try withRunLengths(settings, folder: folder)
        let stream = RandomStream(seed: settings.seed, stream: 0xC1A1)
        func note(_ text: String) { FileHandle.standardError.write(Data("claims: \(text)\n".utf8)) }
        func store(_ name: String) throws -> CurveStore {
            let curves = folder.appendingPathComponent("curves")
            switch settings.role {
            case .all:
                return try CurveStore(url: curves.appendingPathComponent("\(name).csv"))
            case .shard(let index, let count):
                return try CurveStore(url: curves.appendingPathComponent("shards/\(name).shard-\(index)-of-\(count).csv"))
            case .merge(let count):
                let main = try CurveStore(url: curves.appendingPathComponent("\(name).csv"))
                let shards = try (0..<count).map { curves.appendingPathComponent("shards/\(name).shard-\($0)-of-\(count).csv") }
                    .filter { FileManager.default.fileExists(atPath: $0.path) }.map { try CurveStore(url: $0) }
                try main.adopt(from: shards)
                return main
            }
        }

        if case .shard = settings.role {
            try trainShard(settings: settings, folder: folder, scarRunners: scarRunners, store: store)
            return []
        }

        note("C1 efficiency on \(settings.efficiencyTexts) texts")
        var claims = [try EfficiencyClaim.check(texts: settings.efficiencyTexts, seed: settings.seed)]
        note("C2 policy invariance on \(settings.invarianceTables) reward tables, PPO on \(settings.invarianceLearning.tables) of them and VADER")
        claims += try PolicyInvarianceClaim.check(tables: settings.invarianceTables, seed: settings.seed, learning: settings.invarianceLearning,
                                                  jobs: settings.jobs, stream: stream.substream(2))

        let (experiments, headlines) = try headlinedExperiments(settings: settings, folder: folder, scarRunners: scarRunners)
        let scarProgress = ProgressBar(total: settings.seeds * experiments.filter { $0.runner != nil }.map(\.task.schemes.count).reduce(0, +),
                                       label: "C3-C6 SCAR runs")
        let scar = try SCARLearningClaims.check(
            experiments: experiments,
            store: { try store($0.task.rawValue) },
            seeds: settings.seeds, stream: stream.substream(3), jobs: settings.jobs, force: settings.force, role: settings.role,
            progress: scarProgress.update)
        claims += scar.claims
        let fair = try FairComparisons.run(
            experiments: experiments, store: { try store($0.task.rawValue) }, seeds: settings.seeds, sweepSeeds: settings.sweepSeeds,
            folder: folder, stream: stream.substream(12), jobs: settings.jobs, force: settings.force, role: settings.role)
        let matched = try ComputeMatching.run(experiments: experiments, store: { try store($0.task.rawValue) }, sweepSeeds: settings.sweepSeeds,
                                              stream: stream.substream(13), jobs: settings.jobs, force: settings.force, role: settings.role)
        let horizon = try HorizonGrid.run(experiments: experiments, store: { try store($0.task.rawValue) }, quick: settings.quick, sweepSeeds: settings.sweepSeeds,
                                          folder: folder, stream: stream.substream(14), jobs: settings.jobs, force: settings.force, role: settings.role)
        let grid = try UnitLevelGrid.run(experiments: experiments, store: { try store($0.task.rawValue) }, seeds: settings.gridSeeds, alphas: settings.gridAlphas,
                                         stream: stream.substream(15), jobs: settings.jobs, force: settings.force, role: settings.role)
        for (task, runs) in scar.runs.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let runner = scarRunners[task] else { continue }
            try LearningCurveChart.chart(title: task.title, yLabel: "mean reward R", runs: runs, schemes: task.schemes.map(\.description),
                                         evaluationSet: runner.evaluationSet, trainingBatches: true)
                .render(to: folder.appendingPathComponent(task == .sentiment ? "scar_curves" : "scar_\(task.rawValue)_curves"))
        }

        note("C7a closed form vs exact")
        let (closedForm, timings) = try ShapEClosedFormClaim.check(vectors: settings.closedFormVectors, exactMaximum: settings.exactMaximum, seed: settings.seed)
        claims.append(closedForm)
        let timingFile = try CSVWriter(url: folder.appendingPathComponent("closed_form_timing.csv"), columns: ["method", "k", "seconds"])
        for t in timings { try timingFile.write([t.method, String(t.k), CSVWriter.cell(t.seconds)]) }
        try GnuplotChart(title: "Best-candidate game: Shapley values, closed form vs enumeration", xLabel: "K (candidates)",
                         yLabel: "median seconds", panels: [(title: "time against K", series: ["closed-form", "exact"].map { method in
                             GnuplotChart.Series(name: method, points: timings.filter { $0.method == method }.map { (Double($0.k), $0.seconds) })
                         })]).render(to: folder.appendingPathComponent("closed_form_timing"))

        let shapE = settings.shapE
        let progress = ProgressBar(total: shapE.seeds * SetCredit.allCases.count, label: "C7b-c GRPO runs")
        let runs = try shapE.run(store: try store("shape_grpo"), jobs: settings.jobs, force: settings.force, role: settings.role,
                                 progress: progress.update)
        claims += try shapE.claims(runs, stream: stream.substream(7))
        try LearningCurveChart.chart(title: "MovieLens set recommendation: best-candidate reward",
                                     yLabel: "mean set reward (stars)", runs: runs, schemes: SetCredit.allCases.map(\.rawValue),
                                     evaluationSet: shapE.evaluationSet, trainingBatches: false)
            .render(to: folder.appendingPathComponent("shape_grpo_curves"))

        note("partial texts: the sentiment reward models on SCAR's coalitions")
        let partialTexts = try PartialTextsDocument(models: PartialTextsDocument.sentimentRewardModels(),
                                                    heldOut: PartialTextsDocument.heldOutSnippets(), responses: 300)
        try partialTexts.markdown.write(to: folder.appendingPathComponent("partial_texts.md"), atomically: true, encoding: .utf8)

        try ClaimReport.adjust(&claims)
        try ClaimReport.write(claims, to: folder)
        try PaperCheckDocument.markdown(claims, runDescription: settings.description, limits: settings.limits, untested: settings.untested,
                                        sections: [fair, matched, horizon, SCARHeadline.markdown(headlines, quick: settings.quick), grid].compactMap { $0 } + [partialTexts.summary(file: "claims/partial_texts.md")])
            .write(to: paperCheck, atomically: true, encoding: .utf8)
        return claims
    }

    /// A shard's share of the SCAR and GRPO learning runs, trained into its own stores.
    static func trainShard(settings: ClaimsSettings, folder: URL, scarRunners: [SCARTask: any SCARRunner],
                           store: (String) throws -> CurveStore) throws {
        let experiments = try headlinedExperiments(settings: settings, folder: folder, scarRunners: scarRunners).experiments
        let scarRuns = settings.seeds * experiments.filter { $0.runner != nil }.map(\.task.schemes.count).reduce(0, +)
        let scarProgress = ProgressBar(total: (0..<scarRuns).filter(settings.role.trains).count, label: "SCAR runs (this shard's share)")
        _ = try SCARLearningClaims.runs(experiments: experiments, store: { try store($0.task.rawValue) }, seeds: settings.seeds,
                                        jobs: settings.jobs, force: settings.force, role: settings.role, progress: scarProgress.update)
        _ = try FairComparisons.run(experiments: experiments, store: { try store($0.task.rawValue) }, seeds: settings.seeds,
                                    sweepSeeds: settings.sweepSeeds, folder: URL(fileURLWithPath: "/dev/null"), stream: RandomStream(seed: settings.seed),
                                    jobs: settings.jobs, force: settings.force, role: settings.role)
        _ = try ComputeMatching.run(experiments: experiments, store: { try store($0.task.rawValue) }, sweepSeeds: settings.sweepSeeds,
                                    stream: RandomStream(seed: settings.seed), jobs: settings.jobs, force: settings.force, role: settings.role)
        _ = try HorizonGrid.run(experiments: experiments, store: { try store($0.task.rawValue) }, quick: settings.quick, sweepSeeds: settings.sweepSeeds,
                                folder: URL(fileURLWithPath: "/dev/null"), stream: RandomStream(seed: settings.seed), jobs: settings.jobs, force: settings.force, role: settings.role)
        _ = try UnitLevelGrid.run(experiments: experiments, store: { try store($0.task.rawValue) }, seeds: settings.gridSeeds, alphas: settings.gridAlphas,
                                  stream: RandomStream(seed: settings.seed), jobs: settings.jobs, force: settings.force, role: settings.role)
        let shapE = settings.shapE
        let progress = ProgressBar(total: (0..<shapE.seeds * SetCredit.allCases.count).filter(settings.role.trains).count,
                                   label: "GRPO runs (this shard's share)")
        _ = try shapE.run(store: try store("shape_grpo"), jobs: settings.jobs, force: settings.force, role: settings.role,
                          progress: progress.update)
    }

    /// `settings` with the run lengths chosen on pilot seeds (`folder/run_lengths.json`) in a full
    /// run, where the file holds full-size lengths (a warning when chosen under another learner version).
    static func withRunLengths(_ settings: ClaimsSettings, folder: URL) throws -> ClaimsSettings {
        var settings = settings
        if !settings.quick, let lengths = try RunLengths.read(folder: folder) {
            if lengths.quick {
                FileHandle.standardError.write(Data("claims: \(folder.path)/\(RunLengths.fileName) was chosen at the quick sizes; the full run keeps its fixed lengths\n".utf8))
            } else {
                if lengths.learnerVersion != learnerVersion {
                    FileHandle.standardError.write(Data("claims: warning: the run lengths were chosen under learner version \(lengths.learnerVersion), this is \(learnerVersion); rerun `creditbench pilot-run-lengths`\n".utf8))
                }
                settings.runLengths = lengths
                FileHandle.standardError.write(Data("claims: run lengths chosen on pilot seeds (\(RunLengths.fileName)): \(lengths.summary)\n".utf8))
            }
        }
        return settings
    }

    /// SCAR's headline pilot alone (`reproduce --headline-pilot`): the choices of `SCARHeadline`
    /// at `settings`' sizes (a full run's chosen run lengths included), written to
    /// `folder/headline.json`.
    public static func headlinePilot(settings: ClaimsSettings, folder: URL, scarRunners: [SCARTask: any SCARRunner]) throws
        -> [SCARTask: SCARHeadline.Choice] {
        let settings = try withRunLengths(settings, folder: folder)
        return try SCARHeadline.choices(experiments: experiments(settings: settings, scarRunners: scarRunners), folder: folder,
                                        jobs: settings.jobs, force: settings.force, role: .all)
    }

    /// The SCAR experiments of `settings` with each task's SCAR as `SCARHeadline`'s rule chose it
    /// (full run; the pilot is trained if `folder/headline.json` holds no current choice) or its
    /// default (quick run), and the choices.
    public static func headlinedExperiments(settings: ClaimsSettings, folder: URL, scarRunners: [SCARTask: any SCARRunner]) throws
        -> (experiments: [SCARLearningClaims.Experiment], headlines: [SCARTask: SCARHeadline.Choice]) {
        let headlines = settings.quick ? [:] : try SCARHeadline.choices(
            experiments: experiments(settings: settings, scarRunners: scarRunners), folder: folder, jobs: settings.jobs, force: settings.force,
            role: settings.role)
        return (try experiments(settings: settings, scarRunners: scarRunners, headlines: headlines), headlines)
    }

    /// The SCAR experiments of `settings`, one per task (without a runner: not run), each task's
    /// SCAR set to its choice in `headlines` where it has one.
    public static func experiments(settings: ClaimsSettings, scarRunners: [SCARTask: any SCARRunner],
                                   headlines: [SCARTask: SCARHeadline.Choice] = [:]) throws -> [SCARLearningClaims.Experiment] {
        try SCARTask.allCases.map { registered in
            let task = try headlines[registered].map { registered.headlined(by: try CreditScheme(parsing: $0.scheme, defaults: registered.creditDefaults)) } ?? registered
            let (steps, batchSize) = settings.scarSize(task)
            return SCARLearningClaims.Experiment(task: task, runner: scarRunners[task], steps: steps, batchSize: batchSize,
                                                 design: "\(task.rawValue.capitalized): \(steps) steps of \(batchSize) episodes, schemes \(task.schemes.map(\.description).joined(separator: ", ")).")
        }
    }
}

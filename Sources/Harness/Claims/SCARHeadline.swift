import Statistics
import Foundation
import Learning

/// SCAR's headline configuration per task (the SCAR scheme of C3-C5, the matched-KL sweep and the
/// credit controls, `SCARTask.scar`), chosen by a rule fixed before any analysed run (`rule`):
/// the candidates are `UnitLevelGrid.schemes` (every unit level at every alpha); each is trained
/// on the pilot seeds `pilotSeeds`, which no analysed run uses and no report analyses, at the
/// analysed runs' size and learner settings, into its own store (`pilots/<task>-headline.csv`
/// under the claims folder, never the analysed store); the choice is the candidate with the
/// largest mean final held-out reward over the pilot seeds (`SCARLearningClaims.finalReward`),
/// ties broken by fewer mean reward-model calls per episode, then by candidate order (`choose`).
/// It is written to `headline.json` beside the stores, with every candidate's pilot means, and
/// the full run reads it back; a choice made at another size, learner or learner version is made
/// again (the pilot store keeps what still matches). Tasks that do not compare unit levels have no
/// candidates and keep their default; the quick run keeps every task's default.
public enum SCARHeadline {
    /// Seeds of the pilot runs: disjoint from the analysed seeds (0 up to at most a few dozen).
    public static let pilotSeeds = 2000..<2005

    /// The rule in words, for paper-check.md and the file.
    public static let rule = """
        SCAR's headline configuration per task is the unit level and alpha (tokens, punctuation spans \
        with blank mask, clause spans, sentences; alpha 0.25, 0.5, 1) with the best mean final \
        held-out reward on pilot seeds \(pilotSeeds.lowerBound)-\(pilotSeeds.upperBound - 1) (trained at the \
        analysed runs' size and settings into their own store, never analysed), ties broken by fewer \
        reward-model calls per episode; tasks that do not compare unit levels keep their default (the \
        action tasks; sentiment-transformer, whose span-level SCAR was fixed before its runs), and so \
        does the quick run. C6 still compares the task's default spans with tokens (the paper's span claim).
        """

    /// One candidate's pilot means.
    public struct Candidate: Codable, Equatable, Sendable {
        public let scheme: String
        public let meanFinalReward: Double
        public let rewardCallsPerEpisode: Double
    }

    /// One task's choice, as `headline.json` holds it.
    public struct Choice: Codable, Equatable, Sendable {
        public let scheme: String
        public let seeds: [Int]
        public let steps: Int
        public let batch: Int
        /// The learner's settings (`SCARRunner.storeKey`) and `learnerVersion` of the pilot runs.
        public let learner: String
        public let learnerVersion: Int
        public let candidates: [Candidate]
    }

    /// `headline.json`: the rule and the choice per task name.
    struct File: Codable {
        var rule: String
        var tasks: [String: Choice]
    }

    /// The candidate with the largest `meanFinalReward`, ties by the smaller
    /// `rewardCallsPerEpisode`, then the first; `nil` for none.
    public static func choose(_ candidates: [Candidate]) -> Candidate? {
        candidates.enumerated().min { x, y in
            (-x.element.meanFinalReward, x.element.rewardCallsPerEpisode, x.offset) < (-y.element.meanFinalReward, y.element.rewardCallsPerEpisode, y.offset)
        }?.element
    }

    /// The pilot store of `task` under the claims folder.
    static func pilotStore(_ task: SCARTask, folder: URL) throws -> CurveStore {
        try CurveStore(url: folder.appendingPathComponent("pilots/\(task.rawValue)-headline.csv"))
    }

    /// The headline of every experiment with a runner and candidates: read from
    /// `folder/headline.json` when it holds a choice for the task made at the experiment's size and
    /// learner (and `force` is off), else chosen from pilot runs (read back from the pilot store
    /// or trained, `jobs` at a time) and written there. Under a shard or merge role the pilot is not
    /// run: a missing choice is an error that says how to make it.
    public static func choices(experiments: [SCARLearningClaims.Experiment], folder: URL, jobs: Int, force: Bool,
                               role: LearningRunRole) throws -> [SCARTask: Choice] {
        let url = folder.appendingPathComponent("headline.json")
        var file = File(rule: rule, tasks: [:])
        if FileManager.default.fileExists(atPath: url.path) {
            do {
                file.tasks = try decoder.decode(File.self, from: Data(contentsOf: url)).tasks
            } catch {
                throw HarnessError.invalidPlan("cannot read \(url.path) (\(error)); move it away to choose the headline again")
            }
        }
        var choices: [SCARTask: Choice] = [:]
        var pending: [(experiment: SCARLearningClaims.Experiment, runner: any SCARRunner, candidates: [CreditScheme])] = []
        for experiment in experiments {
            guard let runner = experiment.runner, let candidates = UnitLevelGrid.schemes(experiment.task) else { continue }
            if !force, let stored = file.tasks[experiment.task.rawValue], stored.steps == experiment.steps, stored.batch == experiment.batchSize,
               stored.learner == runner.storeKey, stored.learnerVersion == learnerVersion, stored.seeds == Array(pilotSeeds) {
                choices[experiment.task] = stored
            } else {
                pending.append((experiment, runner, candidates))
            }
        }
        guard !pending.isEmpty else { return choices }
        guard role == .all else {
            throw HarnessError.invalidPlan("\(url.path) holds no current headline for \(pending.map(\.experiment.task.rawValue).joined(separator: ", ")); run `creditbench reproduce --headline-pilot` with this run's size and output first")
        }
        var plan: [SCARLearningClaims.Cell] = []
        for (experiment, runner, candidates) in pending {
            let store = try pilotStore(experiment.task, folder: folder)
            for seed in pilotSeeds {
                for scheme in candidates { plan.append(.init(experiment: experiment, runner: runner, store: store, scheme: scheme, seed: seed)) }
            }
        }
        let progress = ProgressBar(total: plan.count, label: "SCAR headline pilot")
        guard let runs = try SCARLearningClaims.train(plan, jobs: jobs, force: force, role: role, progress: progress.update) else { return choices }
        for (experiment, runner, candidates) in pending {
            let episodes = Double(experiment.steps * experiment.batchSize)
            let scored = candidates.map { scheme in
                let cell = zip(plan, runs).filter { $0.0.experiment.task == experiment.task && $0.0.scheme == scheme }.map(\.1)
                let mean = Descriptive.meanOrNaN
                return Candidate(scheme: scheme.description, meanFinalReward: mean(cell.map(SCARLearningClaims.finalReward)),
                                 rewardCallsPerEpisode: mean(cell.map { ($0.totals["reward_calls"] ?? .nan) / episodes }))
            }
            let choice = Choice(scheme: choose(scored)!.scheme, seeds: Array(pilotSeeds), steps: experiment.steps, batch: experiment.batchSize,
                                learner: runner.storeKey, learnerVersion: learnerVersion, candidates: scored)
            choices[experiment.task] = choice
            file.tasks[experiment.task.rawValue] = choice
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(file).write(to: url, options: .atomic)
        return choices
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// paper-check.md's section: the rule, then each task's choice with the pilot means of every
    /// candidate, or why the run uses the default.
    static func markdown(_ choices: [SCARTask: Choice], quick: Bool) -> String {
        let f = PaperCheckDocument.format
        var out = "## SCAR's headline configuration\n\n**Rule, fixed before the run.** \(rule)\n\n"
        guard !choices.isEmpty else {
            return out + (quick ? "This is the quick run: every task uses its default SCAR.\n" : "No task with SCAR over text units was run.\n")
        }
        for (task, choice) in choices.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out += "**\(task.rawValue.capitalized):** `\(choice.scheme)`, from \(choice.seeds.count) pilot seeds "
            out += "(\(choice.seeds.first!)-\(choice.seeds.last!); \(choice.steps) steps of \(choice.batch) episodes, learner version \(choice.learnerVersion)).\n\n"
            out += "| candidate | pilot mean final reward | reward calls per episode |\n|---|---|---|\n"
            for candidate in choice.candidates {
                out += "| `\(candidate.scheme)`\(candidate.scheme == choice.scheme ? " (chosen)" : "") | \(f(candidate.meanFinalReward)) | \(f(candidate.rewardCallsPerEpisode)) |\n"
            }
            out += "\n"
        }
        return out
    }
}

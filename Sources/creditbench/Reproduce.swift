import ArgumentParser
import Foundation
import Harness

struct Reproduce: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The whole study: the estimator comparison, every claim check with its statistics, the plots and paper-check.md.",
        discussion: """
        Runs, in order: the estimator comparison (`compare`, quick or full size) into <output>/estimators, then \
        the claim checks into <output>/claims (efficiency of the credit, policy invariance on an exactly solved \
        token MDP, the SCAR learning claims from PPO runs with sparse, ABC and SCAR credit on sentiment \
        control (VADER reward; and under the learned transformer reward, the sentiment-transformer task, where ABC \
        uses the reward model's own attention), extractive summarization and instruction following, ShapE's closed form and ShapE-GRPO against GRPO on MovieLens), with seed-paired effects and bootstrap intervals, \
        censored times by restricted mean, decision rules that control both errors with stated margins, and Holm \
        across claims; then the fair-comparison runs (a beta sweep of sparse and SCAR at 1/2, 1, 2 and 4 times each \
        task's default beta, 3 seeds quick and 10 full (--sweep-seeds), giving the reward-KL frontier plots \
        <output>/claims/kl_frontier_<task>.svg, the reward difference at matched KL and R - beta KL; and on \
        sentiment the credit controls: sparse with the prompt baseline and the prompt-aware critic, with the \
        claims' seeds); then the comparisons at equal reward-model calls (sparse and ABC at round(c x B) \
        episodes per step, c SCAR's calls per episode on two pilot seeds that are not analysed, and \
        token-level SCAR held to 4 calls per response; --sweep-seeds seeds); then SCAR at every unit level, \
        tokens, punctuation spans with blank mask, clause spans and sentences, at alpha 0.25, 0.5 and 1 \
        against sparse (--sweep-seeds seeds; quick 2 seeds at alpha 0.5 and 1); the partial-text report \
        (<output>/claims/partial_texts.md: how VADER and the transformer score SCAR's coalitions, by removal and \
        by blank mask, against full texts); finally regenerates paper-check.md, whose learning comparisons all show the final KL to pi_ref.

        SCAR's headline configuration (the SCAR of C3-C5 and of the fair comparisons) is fixed by a rule \
        stated before the run: on each task that compares unit levels (sentiment), the unit level and alpha with the \
        best mean final held-out reward on pilot seeds 2000-2004 (never analysed), ties broken by fewer \
        reward-model calls. The full run reads the choice from <output>/claims/headline.json, or first \
        trains the pilot runs (<output>/claims/pilots/<task>-headline.csv, resumable) and writes it; \
        --headline-pilot does only that. The quick run uses each task's default SCAR.

        --quick (the default) takes minutes; --full is the recorded run (20 seeds). Finished learning runs \
        are stored as they finish (<output>/claims/curves/*.csv), keyed by a hash of their whole \
        configuration and the learner version, and reused on a rerun with the same settings (so an \
        interrupted full run resumes); --force retrains them. --jobs N trains N runs at once (default: \
        the machine's cores); every run has its own seeded stream, so the results do not depend on N. \
        Progress goes to standard error.

        Examples:
          creditbench reproduce
          creditbench reproduce --full --output results
          creditbench reproduce --seeds 10 --skip-estimators
          creditbench reproduce --full --skip-estimators --scar-tasks summarization,instructions
          creditbench reproduce --full --headline-pilot --scar-tasks sentiment --jobs 1
          creditbench reproduce --quick --output out --shard 0/4   (1/4 ... 3/4, e.g. as a Slurm job array)
          creditbench reproduce --quick --output out --paper-check out/paper-check.md --merge-shards 4
        """
    )

    @Flag(help: "Size of the run: --quick (default, minutes) or --full (the recorded run, under two hours).")
    var size: Size = .quick

    enum Size: String, EnumerableFlag {
        case quick, full
    }

    @Option(help: "Seeds per scheme for the learning experiments (default: 6 quick, 20 full).")
    var seeds: Int?

    @Option(help: "Seeds per cell of the matched-KL beta sweep and of the equal-calls comparison (default: 3 quick, 10 full, at most --seeds).")
    var sweepSeeds: Int?

    @Option(help: "Seed of every random stream in the run.")
    var seed: UInt64 = 0

    @Option(help: "Results folder (estimators/ and claims/ go under it).")
    var output: String = "results"

    @Option(help: "Where paper-check.md is written.")
    var paperCheck: String = "paper-check.md"

    @Option(help: "Learning runs trained at once (default: the machine's cores).")
    var jobs: Int = OrderedParallel.machineCores

    @Flag(help: "Retrain every learning run instead of reusing the stored curves.")
    var force = false

    @Flag(help: "Skip the estimator comparison (claims only).")
    var skipEstimators = false

    @Flag(help: "Skip the SCAR learning runs (claims C3-C6b then read 'not measured in this run').")
    var skipScar = false

    @Flag(help: "Only choose SCAR's headline configuration: train the pilot runs (seeds 2000-2004, at this run's size) of the --scar-tasks that compare unit levels (sentiment), write <output>/claims/headline.json, print the choices and stop.")
    var headlinePilot = false

    @Option(help: ArgumentHelp("SCAR learning tasks to run, comma-separated.", valueName: "sentiment,summarization,instructions,sentiment-transformer"))
    var scarTasks: String = SCARTask.allCases.map(\.rawValue).joined(separator: ",")

    @Option(help: ArgumentHelp("Run shard I of N (I in 0..<N) of the estimator comparison's instances and of the learning runs, each into its own files under the output folder (a rerun skips what the shard finished); no claims. Then --merge-shards N.", valueName: "I/N"))
    var shard: ShardSpec?

    @Option(help: ArgumentHelp("Put the N shards' files together and write what one process writes (estimators, claims, paper-check.md); trains nothing and names the shards to rerun if a run is missing.", valueName: "N"))
    var mergeShards: Int?

    func validate() throws {
        if let seeds, seeds < 2 { throw ValidationError("--seeds must be at least 2 (the tests need two seeds per scheme)") }
        if let sweepSeeds, sweepSeeds < 2 { throw ValidationError("--sweep-seeds must be at least 2 (the frontier's intervals resample seeds)") }
        if let mergeShards, mergeShards < 1 { throw ValidationError("--merge-shards must be at least 1, got \(mergeShards)") }
        if shard != nil && mergeShards != nil { throw ValidationError("--shard runs one shard, --merge-shards puts them together: give one") }
        if headlinePilot && (shard != nil || mergeShards != nil || skipScar) {
            throw ValidationError("--headline-pilot runs in one process and needs the SCAR runs: leave out --shard, --merge-shards and --skip-scar")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        _ = try tasks()
    }

    func run() throws {
        let folder = URL(fileURLWithPath: output)
        if headlinePilot {
            let claimsFolder = folder.appendingPathComponent("claims")
            let choices = try ClaimsRun.headlinePilot(settings: ClaimsSettings(quick: size == .quick, jobs: jobs, force: force),
                                                      folder: claimsFolder, scarRunners: try runners())
            for (task, choice) in choices.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { print("\(task.rawValue)\t\(choice.scheme)") }
            FileHandle.standardError.write(Data("wrote \(claimsFolder.appendingPathComponent("headline.json").path)\n".utf8))
            return
        }
        if !skipEstimators {
            let sharding = shard.map { ["--shard", $0.description] } ?? mergeShards.map { ["--merge-shards", String($0)] } ?? []
            let compare = try Compare.parse((size == .quick ? ["--quick"] : []) + [
                "--seed", String(seed), "--jobs", String(jobs), "--output", folder.appendingPathComponent("estimators").path,
            ] + sharding)
            try compare.run()
        }
        let role: LearningRunRole = shard.map { .shard(index: $0.index, count: $0.count) } ?? mergeShards.map { .merge(shardCount: $0) } ?? .all
        let settings = ClaimsSettings(quick: size == .quick, seeds: seeds, sweepSeeds: sweepSeeds, seed: seed, jobs: jobs, force: force, role: role)
        let claims: [ClaimCheck]
        do {
            claims = try ClaimsRun.run(settings: settings, folder: folder.appendingPathComponent("claims"),
                                       paperCheck: URL(fileURLWithPath: paperCheck),
                                       scarRunners: skipScar ? [:] : try runners())
        } catch {
            throw CommandFailure("\(error) (finished learning runs are kept in \(folder.appendingPathComponent("claims/curves").path))")
        }
        if let shard {
            FileHandle.standardError.write(Data("shard \(shard) finished; put the shards together with --merge-shards \(shard.count)\n".utf8))
            return
        }
        for claim in claims { print("\(claim.id)\t\(claim.verdict.rawValue)\t\(claim.title)") }
        FileHandle.standardError.write(Data("wrote \(folder.path)/claims and \(paperCheck)\n".utf8))
    }

    /// The tasks `--scar-tasks` names.
    func tasks() throws -> [SCARTask] {
        try scarTasks.split(separator: ",").map { name in
            guard let task = SCARTask(rawValue: String(name)) else {
                throw ValidationError("unknown SCAR task '\(name)'; expected \(SCARTask.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return task
        }
    }

    /// One learner per task to run (loading each task's data).
    func runners() throws -> [SCARTask: any SCARRunner] {
        var runners: [SCARTask: any SCARRunner] = [:]
        for task in try tasks() { runners[task] = try task.learner() }
        return runners
    }
}

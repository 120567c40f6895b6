import ArgumentParser
import Foundation
import Harness
import Service
import Shapley

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Error against cost for every Shapley estimator: tidy CSV, a summary table and log-log plots.",
        discussion: """
        Runs every estimator at budgets of k*n value calls (n players) over seeded replicates on each \
        instance and measures, against exact Shapley values: mean squared error, relative squared and L2 \
        error, max absolute error, Spearman rank correlation, top-k precision, sign agreement and the \
        efficiency gap, with the calls used and wall seconds.

        Instances (--suite): the synthetic games of the estimator literature (sum of unanimity games, weighted \
        voting, the max game; --players n) and games from every task (sentiment texts under VADER and the \
        learned model at token and span level, BBC lead summaries under ROUGE-1, GPT-4's IFEval responses by \
        sentence, MovieLens candidate sets under each set utility), all with at most 14 units so that exact \
        enumeration gives the ground truth; without --quick, a second tier of sentiment texts with 20 to 40 \
        tokens whose truth is a long converged run (two paired-KernelSHAP runs of \(TaskInstances.convergedBudget) \
        calls, averaged; the truth_source column says so and gives the runs' disagreement). Owen groups tokens \
        by spans, spans by sentences, synthetic players and candidates in contiguous blocks.

        Writes to --output: records.csv (one row per run and metric), summary.csv, summary.md, \
        best-estimators.md (per task and unit level, the estimator with the lowest mean relative squared \
        error at 5n, 10n and 20n calls and those tied with it by a paired bootstrap ratio; the Leverage SHAP \
        and regression-adjusted MSR claims checked by a stated rule), \
        error_vs_calls.svg, error_vs_seconds.svg and run.json (configuration, commit, tool versions). \
        Records are written as each instance's runs finish (and journalled in shards/shard-0-of-1.jsonl), \
        so an interrupted run keeps them; --resume finishes it, running only the instances not yet \
        finished (same options; the kept rows, timings included, are not recomputed).

        --reward-model URL replaces the task games by games under a reward model served over HTTP \
        (the protocol of `serve-reward`; see the README): with --reward-task sentiment, snippets at \
        token and span level; with summarization, BBC lead sentences at spans of 6 tokens, each \
        article's reference sent along. Truth is exact enumeration (sent in batches); the estimators \
        ask for one coalition per request, as an RL loop meeting each text once would. --cache DIR \
        keeps scores on disk, so a rerun or a resume pays for none of them again; since the truth \
        asks for every coalition first, the estimators are then served from it (their seconds leave \
        the server out). Standard error ends with the texts actually sent to the server.

        Examples:
          creditbench compare --quick --jobs 2
          creditbench compare --quick --plan
          creditbench compare --quick --shard 0/4 --output out   (then 1/4, 2/4, 3/4, e.g. as a Slurm job array)
          creditbench compare --quick --merge-shards 4 --output out
          creditbench compare --suite tasks --reward-model http://127.0.0.1:8080/ --cache scores --output out
          creditbench compare --suite tasks --reward-model http://127.0.0.1:8080/ --cache scores --output out --resume
          creditbench compare --players 16 --instances 5 --repetitions 30 --budgets 2,5,10,20,50 --output results/estimators
        """
    )

    enum Suite: String, ExpressibleByArgument, CaseIterable {
        case synthetic, tasks, all
    }

    @Option(help: "Instances: synthetic (games of the estimator literature), tasks (real reward-model games) or all.")
    var suite: Suite = .all

    @Flag(help: "A few-minute run: 12 players, 2 instances per family, 5 replicates, budgets 2n, 10n, 50n.")
    var quick = false

    @Option(help: "Players per synthetic game (exact truth needs at most \(ExactShapley.defaultMaximumPlayers)).")
    var players: Int = 16

    @Option(help: "Instances per game family and per task.")
    var instances: Int = 5

    @Option(help: "Seeded replicates per estimator and budget.")
    var repetitions: Int = 20

    @Option(help: ArgumentHelp("Budgets as multiples of n, comma-separated.", valueName: "k,k,..."))
    var budgets = CommaSeparated([1, 2, 5, 10, 20, 50])

    @Option(help: ArgumentHelp("Estimators, comma-separated, from: \(EstimatorRegistry.names.joined(separator: ", ")).", valueName: "name,name,..."))
    var estimators = CommaSeparated(EstimatorKind.allCases)

    @Option(help: "Seed of every random stream in the run.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Gaussian noise on every value call, sigma as a fraction of each game's value spread (the standard deviation of v over 256 random coalitions): fresh noise per call, no cache, as a sampled LLM judge; errors against the noiseless values.", valueName: "SIGMA"))
    var noise: Double = 0

    @Option(help: "Output folder (default: results/quick/estimators with --quick, where `make reproduce` puts it, else results/estimators, the recorded full run).")
    var output: String?

    @Option(help: "Instances run in parallel (default: the machine's cores); the files written do not depend on it.")
    var jobs: Int = OrderedParallel.machineCores

    @Flag(name: .customLong("plan"), help: "Print the plan's independent runs (its instances, in the order shards take them) and exit.")
    var printPlan = false

    @Option(help: ArgumentHelp("Run shard I of N (I in 0..<N: instances I, I+N, I+2N, ...) into <output>/shards/; a rerun skips what the shard finished. Then --merge-shards N.", valueName: "I/N"))
    var shard: ShardSpec?

    @Option(help: ArgumentHelp("Put the N shard files under <output>/shards/ together into the files one process writes; names missing instances and the shards to rerun.", valueName: "N"))
    var mergeShards: Int?

    @Flag(help: "Finish the interrupted run in --output: keep the instances it finished and run only the rest (the options must be the ones it ran with). Without it a run starts over.")
    var resume = false

    @OptionGroup(title: "Reward model over HTTP (the task games)")
    var http: HTTPRewardOptions

    @Option(help: "With --reward-model: the games it scores, sentiment (snippets at token and span level) or summarization (BBC lead sentences at spans of 6 tokens, each article's reference sent along).")
    var rewardTask = RemoteRewardTask(argument: "sentiment")!

    func run() throws {
        let plan = try makePlan()
        let pool = try http.pool()
        let playerCount = quick ? 12 : players
        guard (2...ExactShapley.defaultMaximumPlayers).contains(playerCount) else {
            throw ValidationError("--players must be in 2...\(ExactShapley.defaultMaximumPlayers) (exact ground truth)")
        }
        let folder = URL(fileURLWithPath: output ?? (quick ? "results/quick/estimators" : "results/estimators"))
        var configuration = [
            "suite": suite.rawValue, "players": String(playerCount), "instances_per_family": String(quick ? 2 : instances),
            "repetitions": String(plan.repetitions), "budget_multiples": plan.budgetMultiples.map(String.init).joined(separator: ","),
            "estimators": plan.estimators.map(\.name).joined(separator: ","), "seed": String(seed), "quick": String(quick), "noise": String(noise),
        ]
        if let pool {
            configuration["reward_model"] = pool.name
            configuration["reward_task"] = rewardTask.task.name
        }
        if resume { try checkResumable(folder: folder, configuration: configuration) }
        var instanceList: [ComparisonInstance] = []
        if suite != .tasks {
            instanceList += try SyntheticInstances.make(players: playerCount, count: quick ? 2 : instances, seed: seed)
        }
        if suite != .synthetic {
            FileHandle.standardError.write(Data("building task games and their exact values...\n".utf8))
            if let pool {
                do {
                    instanceList += try TaskInstances.make(task: rewardTask.task, rewardName: "http", model: { try pool.model(reference: $0) },
                                                           perTask: quick ? 2 : instances, seed: seed)
                } catch {
                    throw CommandFailure("\(error)")
                }
            } else {
                instanceList += try TaskInstances.make(perTask: quick ? 2 : instances, seed: seed, largeTier: !quick)
            }
        }
        if printPlan {
            print("\(instanceList.count) instances, \(EstimatorComparison.runCount(instances: instanceList, plan: plan)) estimator runs")
            print("index\ttask\tinstance\tunit_level\tplayers\truns")
            for (index, instance) in instanceList.enumerated() {
                let runs = EstimatorComparison.runCount(instances: [instance], plan: plan)
                print("\(index)\t\(instance.task)\t\(instance.instance)\t\(instance.unitLevel)\t\(instance.game.playerCount)\t\(runs)")
            }
            return
        }
        if let shard {
            let shards = try ComparisonShards(folder: folder, count: shard.count)
            let mine = shards.planIndices(of: shard.index, total: instanceList.count).map { instanceList[$0] }
            let progress = ProgressBar(total: EstimatorComparison.runCount(instances: mine, plan: plan), label: "compare shard \(shard)")
            do {
                let ran = try shards.run(shard.index, instances: instanceList, plan: plan, jobs: jobs, onProgress: progress.update)
                FileHandle.standardError.write(Data("shard \(shard): ran \(ran) of its \(mine.count) instances into \(shards.file(shard.index).path)\n".utf8))
            } catch {
                throw CommandFailure("\(error) (finished instances are kept in \(shards.file(shard.index).path))")
            }
            return
        }
        let out = try ComparisonOutput(folder: folder, provenance: RunProvenance(configuration: configuration))
        let records: [ComparisonRecord]
        if let mergeShards {
            records = try ComparisonShards(folder: folder, count: mergeShards).collect(total: instanceList.count)
            for record in records { try out.append(record) }
        } else {
            records = try runJournalled(instanceList, plan: plan, output: out)
        }
        let rows = try out.finish(records, seed: seed)
        print(ComparisonSummary.markdown(rows), terminator: "")
        if let pool { FileHandle.standardError.write(Data("reward model \(pool.name): \(pool.textsSent) texts sent\n".utf8)) }
        FileHandle.standardError.write(Data("wrote \(folder.path)/{records.csv,summary.csv,summary.md,best-estimators.md,error_vs_calls.svg,error_vs_seconds.svg,run.json}\n".utf8))
    }

    /// Runs every instance in this process, with shard 0 of 1 as the journal: each finished
    /// instance's records go to it and to records.csv as they finish (in plan order). With
    /// --resume the instances the journal already holds are written back first and not run
    /// again; without it the journal starts empty. Returns every record in plan order.
    func runJournalled(_ instanceList: [ComparisonInstance], plan: ComparisonPlan, output out: ComparisonOutput) throws -> [ComparisonRecord] {
        let journal = try ComparisonShards(folder: out.folder, count: 1)
        if !resume { try journal.discard(0) }
        let kept = try journal.finished(0)
        for record in kept.records { try out.append(record) }
        let keptInstances = Set(kept.instances)
        let remaining = instanceList.indices.filter { !keptInstances.contains($0) }.map { instanceList[$0] }
        if resume {
            FileHandle.standardError.write(Data("resuming: \(kept.instances.count) of \(instanceList.count) instances finished before, running the other \(remaining.count)\n".utf8))
        }
        let progress = ProgressBar(total: EstimatorComparison.runCount(instances: remaining, plan: plan), label: "compare")
        do {
            try journal.run(0, instances: instanceList, plan: plan, jobs: jobs, onProgress: progress.update,
                            onFinished: { try $0.forEach(out.append) })
        } catch {
            throw CommandFailure("\(error) (finished instances are kept in \(out.folder.appendingPathComponent("records.csv").path); --resume finishes the run)")
        }
        return try journal.collect(total: instanceList.count)
    }

    /// Refuses to resume a run whose run.json names other options (its instances and runs would not be these).
    func checkResumable(folder: URL, configuration: [String: String]) throws {
        let file = folder.appendingPathComponent("run.json")
        guard let previous = RunProvenance.configuration(at: file), previous != configuration else { return }
        let differing = Set(previous.keys).union(configuration.keys).filter { previous[$0] != configuration[$0] }.sorted()
        throw CommandFailure("--resume: \(file.path) was written with other options (\(differing.joined(separator: ", "))); give the same options, or leave out --resume to start over")
    }

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
        if let mergeShards, mergeShards < 1 { throw ValidationError("--merge-shards must be at least 1, got \(mergeShards)") }
        if shard != nil && mergeShards != nil { throw ValidationError("--shard runs one shard, --merge-shards puts them together: give one") }
        if resume && (shard != nil || mergeShards != nil) { throw ValidationError("--resume is for a run in one process; a rerun of --shard I/N always skips what the shard finished") }
        if http.url != nil && suite == .synthetic { throw ValidationError("--reward-model scores the task games; --suite synthetic has none") }
    }

    func makePlan() throws -> ComparisonPlan {
        let multiples = quick ? [2, 10, 50] : budgets.elements
        guard multiples.allSatisfy({ $0 > 0 }) else { throw ValidationError("--budgets takes positive multiples of n") }
        let kinds = estimators.elements
        guard repetitions > 0 else { throw ValidationError("--repetitions must be positive") }
        guard noise >= 0 && noise.isFinite else { throw ValidationError("--noise must be a non-negative fraction, got \(noise)") }
        return ComparisonPlan(estimators: kinds.map(\.entry), budgetMultiples: multiples, repetitions: quick ? 5 : repetitions, seed: seed, noise: noise)
    }
}

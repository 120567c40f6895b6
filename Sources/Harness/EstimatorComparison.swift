import Shapley
import Statistics

/// One game to compare estimators on, with its ground truth.
public struct ComparisonInstance {
    public var task: String
    public var instance: String
    public var unitLevel: String
    public var game: any CooperativeGame
    /// The Shapley values to measure against.
    public var truth: [Double]
    /// Where `truth` came from: "exact" (enumeration) or a description of a converged run.
    public var truthSource: String
    /// The coalition structure the Owen estimator uses (e.g. tokens grouped into spans).
    public var partition: PlayerPartition

    public init(task: String, instance: String, unitLevel: String, game: any CooperativeGame,
                truth: [Double], truthSource: String, partition: PlayerPartition) {
        self.task = task
        self.instance = instance
        self.unitLevel = unitLevel
        self.game = game
        self.truth = truth
        self.truthSource = truthSource
        self.partition = partition
    }

    /// An instance whose truth is exact enumeration (at most `ExactShapley.defaultMaximumPlayers` players).
    public static func withExactTruth(task: String, instance: String, unitLevel: String,
                                      game: any CooperativeGame, partition: PlayerPartition) throws -> ComparisonInstance {
        let truth = try ExactShapley().estimate(game, random: RandomStream(seed: 0)).values
        return ComparisonInstance(task: task, instance: instance, unitLevel: unitLevel, game: game,
                                  truth: truth, truthSource: "exact", partition: partition)
    }
}

/// Which estimators to run, at which budgets, how often. The estimators are registry entries
/// (`EstimatorKind.entry`), or any other entries, e.g. a changed estimator under test.
public struct ComparisonPlan: Sendable {
    public var estimators: [EstimatorEntry]
    /// Budgets as multiples of the number of players n (budget = multiple * n value calls).
    public var budgetMultiples: [Int]
    public var repetitions: Int
    public var seed: UInt64
    public var topK: Int
    /// Gaussian noise on every value call, as a fraction of the instance's value spread
    /// (`NoisyGame.valueSpread`); 0: the noiseless game, memoized. With noise every call draws
    /// fresh noise and is charged, repeats too (no cache), and errors are still measured against
    /// the noiseless Shapley values.
    public var noise: Double

    public init(estimators: [EstimatorEntry], budgetMultiples: [Int], repetitions: Int, seed: UInt64, topK: Int = 3, noise: Double = 0) {
        self.estimators = estimators
        self.budgetMultiples = budgetMultiples
        self.repetitions = repetitions
        self.seed = seed
        self.topK = topK
        self.noise = noise
    }
}

/// One estimator run on one instance and its errors.
public struct ComparisonRecord: Sendable, Codable, Equatable {
    public var task: String
    public var instance: String
    public var unitLevel: String
    public var players: Int
    public var truthSource: String
    public var estimator: String
    /// `nil` for budget-free estimators (exact, closed-form, loo).
    public var budgetMultiple: Int?
    public var budget: Int?
    public var replicate: Int
    public var seed: UInt64
    public var calls: Int
    public var seconds: Double
    public var errors: EstimateErrors
}

/// Runs a plan over instances: every estimator at every budget, `repetitions` seeded replicates
/// each (replicate r of estimator e at budget b on instance i draws from its own sub-stream, so
/// any single run can be repeated alone; all estimators share the stream of a given instance,
/// budget and replicate, i.e. common random numbers). Instances run in parallel on `jobs` workers
/// (each instance's runs in order on one worker, since a task game caches its reward-model
/// calls); every instance's records are handed to `onRecord` in plan order as soon as that
/// instance and all before it are finished, so `jobs` never changes what is written, and a caller
/// can write records out before a later run fails. A budget below an estimator's minimum (e.g.
/// n + 1 calls for one permutation) yields no record.
public enum EstimatorComparison {
    public static func runCount(instances: [ComparisonInstance], plan: ComparisonPlan) -> Int {
        instances.map { instance in
            plan.estimators.filter { applies($0, to: instance) }
                .map { $0.capabilities.budgetFree ? 1 : plan.budgetMultiples.count * plan.repetitions }.reduce(0, +)
        }.reduce(0, +)
    }

    /// The most players on which the comparison runs an exhaustive estimator (2^16 reward-model calls).
    public static let exactMaximumPlayers = 16

    /// Whether `entry` runs on `instance`: the estimator must apply to the game (a closed form needs
    /// a game that knows it), and exhaustive estimators run only up to `exactMaximumPlayers`.
    static func applies(_ entry: EstimatorEntry, to instance: ComparisonInstance) -> Bool {
        guard let estimator = try? entry.make(partition: instance.partition) else { return false }
        return estimator.applies(to: instance.game)
            && (!estimator.capabilities.exhaustive || instance.game.playerCount <= exactMaximumPlayers)
    }

    public static func run(
        instances: [ComparisonInstance], plan: ComparisonPlan, jobs: Int = 1,
        onRecord: (ComparisonRecord) throws -> Void = { _ in }, onProgress: (Int) -> Void = { _ in }
    ) throws -> [ComparisonRecord] {
        var records: [ComparisonRecord] = []
        var attempted = 0
        try OrderedParallel.run(
            count: instances.count, jobs: jobs,
            work: { index in try runs(on: instances[index], index: index, plan: plan) },
            emit: { _, finished in
                attempted += finished.attempted
                onProgress(attempted)
                for record in finished.records {
                    records.append(record)
                    try onRecord(record)
                }
            })
        return records
    }

    /// Every run of the plan on one instance, in plan order, and how many were attempted.
    static func runs(on instance: ComparisonInstance, index instanceIndex: Int, plan: ComparisonPlan) throws
        -> (records: [ComparisonRecord], attempted: Int) {
        var records: [ComparisonRecord] = []
        var attempted = 0
        let n = instance.game.playerCount
        let sigma = plan.noise > 0 ? plan.noise * (try NoisyGame.valueSpread(of: instance.game, seed: plan.seed)) : 0
        for entry in plan.estimators {
            guard applies(entry, to: instance) else { continue }
            let estimator = try entry.make(partition: instance.partition)
            let budgetFree = entry.capabilities.budgetFree  // deterministic: one run
            let budgets: [Int?] = budgetFree ? [nil] : plan.budgetMultiples.map { $0 }
            for multiple in budgets {
                for replicate in 0..<(budgetFree ? 1 : plan.repetitions) {
                    let stream = RandomStream(seed: plan.seed)
                        .substream(UInt64(instanceIndex)).substream(UInt64(multiple ?? 0)).substream(UInt64(replicate))
                    attempted += 1
                    let estimate: ShapleyEstimate
                    do {
                        if plan.noise > 0 && estimator.cost(playerCount: n) != .fixed(0) {
                            // (a closed form makes no call, so it sees no noise); the noise comes from its own
                            // sub-stream, so the estimator's draws match the noiseless run's
                            let noisy = NoisyGame(instance.game, sigma: sigma, random: stream.substream(1 << 32))
                            estimate = try estimator.estimate(noisy, budget: multiple.map { $0 * n }, random: stream, memoize: false)
                        } else {
                            estimate = try estimator.estimate(instance.game, budget: multiple.map { $0 * n }, random: stream)
                        }
                    } catch GameError.budgetTooSmall {
                        continue
                    }
                    records.append(ComparisonRecord(
                        task: instance.task, instance: instance.instance, unitLevel: instance.unitLevel, players: n,
                        truthSource: instance.truthSource, estimator: estimator.name, budgetMultiple: multiple,
                        budget: multiple.map { $0 * n }, replicate: replicate, seed: plan.seed,
                        calls: estimate.calls, seconds: estimate.seconds,
                        errors: EstimateErrors(estimate: estimate.values, truth: instance.truth, topK: plan.topK)))
                }
            }
        }
        return (records, attempted)
    }
}

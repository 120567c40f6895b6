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

/// Which estimators to run, at which budgets, how often.
public struct ComparisonPlan: Sendable {
    public var estimators: [EstimatorKind]
    /// Budgets as multiples of the number of players n (budget = multiple * n value calls).
    public var budgetMultiples: [Int]
    public var repetitions: Int
    public var seed: UInt64
    public var topK: Int

    public init(estimators: [EstimatorKind], budgetMultiples: [Int], repetitions: Int, seed: UInt64, topK: Int = 3) {
        self.estimators = estimators
        self.budgetMultiples = budgetMultiples
        self.repetitions = repetitions
        self.seed = seed
        self.topK = topK
    }

    /// Deterministic estimators that ignore the budget run once per instance.
    static func isBudgetFree(_ kind: EstimatorKind) -> Bool { [.exact, .closedForm, .loo].contains(kind) }
}

/// One estimator run on one instance and its errors.
public struct ComparisonRecord: Sendable {
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
/// budget and replicate, i.e. common random numbers). Each record is handed to `onRecord` as soon
/// as it exists, so a caller can write it out before a later run fails. A budget below an
/// estimator's minimum (e.g. n + 1 calls for one permutation) yields no record.
public enum EstimatorComparison {
    public static func runCount(instances: [ComparisonInstance], plan: ComparisonPlan) -> Int {
        instances.map { instance in
            plan.estimators.filter { applies($0, to: instance) }
                .map { ComparisonPlan.isBudgetFree($0) ? 1 : plan.budgetMultiples.count * plan.repetitions }.reduce(0, +)
        }.reduce(0, +)
    }

    /// The most players on which the comparison runs exact enumeration (2^16 reward-model calls).
    public static let exactMaximumPlayers = 16

    /// Closed forms exist only for games that know theirs; enumeration only for small games.
    static func applies(_ kind: EstimatorKind, to instance: ComparisonInstance) -> Bool {
        switch kind {
        case .closedForm: return instance.game is any ClosedFormShapleyGame
        case .exact: return instance.game.playerCount <= exactMaximumPlayers
        default: return true
        }
    }

    public static func run(
        instances: [ComparisonInstance], plan: ComparisonPlan,
        onRecord: (ComparisonRecord) throws -> Void = { _ in }, onProgress: (Int) -> Void = { _ in }
    ) throws -> [ComparisonRecord] {
        var records: [ComparisonRecord] = []
        var attempted = 0
        for (instanceIndex, instance) in instances.enumerated() {
            let n = instance.game.playerCount
            for kind in plan.estimators {
                guard applies(kind, to: instance) else { continue }
                let estimator = try kind.make(partition: instance.partition)
                let budgetFree = ComparisonPlan.isBudgetFree(kind)
                let budgets: [Int?] = budgetFree ? [nil] : plan.budgetMultiples.map { $0 }
                for multiple in budgets {
                    for replicate in 0..<(budgetFree ? 1 : plan.repetitions) {
                        let stream = RandomStream(seed: plan.seed)
                            .substream(UInt64(instanceIndex)).substream(UInt64(multiple ?? 0)).substream(UInt64(replicate))
                        attempted += 1
                        onProgress(attempted)
                        let estimate: ShapleyEstimate
                        do {
                            estimate = try estimator.estimate(instance.game, budget: multiple.map { $0 * n }, random: stream)
                        } catch GameError.budgetTooSmall {
                            continue
                        }
                        records.append(ComparisonRecord(
                            task: instance.task, instance: instance.instance, unitLevel: instance.unitLevel, players: n,
                            truthSource: instance.truthSource, estimator: estimator.name, budgetMultiple: multiple,
                            budget: multiple.map { $0 * n }, replicate: replicate, seed: plan.seed,
                            calls: estimate.calls, seconds: estimate.seconds,
                            errors: EstimateErrors(estimate: estimate.values, truth: instance.truth, topK: plan.topK)))
                        try onRecord(records[records.count - 1])
                    }
                }
            }
        }
        return records
    }
}

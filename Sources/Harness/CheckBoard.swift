import Shapley

/// The games and runs of a `creditbench check` baseline: the estimator board (`compare`) reduced
/// to what a CI job can rerun in minutes. Synthetic games (`SyntheticInstances`: sum of unanimity
/// games, weighted voting, max) of `syntheticPlayers` players, `syntheticInstances` per family; with
/// `taskInstances` > 0, that many games per task family (`TaskInstances`, exact truth); every
/// estimator at budgets `budgetMultiples` x n with `repetitions` seeded replicates; `seed` seeds
/// both the games and the estimators' streams, as in `compare`.
public struct CheckBoard: Codable, Equatable, Sendable {
    public var syntheticPlayers: Int
    public var syntheticInstances: Int
    public var taskInstances: Int
    public var budgetMultiples: [Int]
    public var repetitions: Int
    public var seed: UInt64

    public init(syntheticPlayers: Int, syntheticInstances: Int, taskInstances: Int, budgetMultiples: [Int], repetitions: Int, seed: UInt64) {
        self.syntheticPlayers = syntheticPlayers
        self.syntheticInstances = syntheticInstances
        self.taskInstances = taskInstances
        self.budgetMultiples = budgetMultiples
        self.repetitions = repetitions
        self.seed = seed
    }

    /// The committed default (`benchmarks/baselines/estimators.json`): 12-player synthetic games,
    /// three per family, two games per task family, budgets 2n and 10n, 10 replicates (seconds to run).
    public static let quick = CheckBoard(syntheticPlayers: 12, syntheticInstances: 3, taskInstances: 2,
                                         budgetMultiples: [2, 10], repetitions: 10, seed: 0)

    enum CodingKeys: String, CodingKey {
        case seed, repetitions
        case syntheticPlayers = "synthetic_players"
        case syntheticInstances = "synthetic_instances_per_family"
        case taskInstances = "task_instances_per_family"
        case budgetMultiples = "budget_multiples"
    }

    /// The games, in the order that fixes each one's random streams.
    public func instances() throws -> [ComparisonInstance] {
        var instances = try SyntheticInstances.make(players: syntheticPlayers, count: syntheticInstances, seed: seed)
        if taskInstances > 0 { instances += try TaskInstances.make(perTask: taskInstances, seed: seed) }
        return instances
    }

    /// The comparison plan of `estimators` on this board.
    public func plan(_ estimators: [EstimatorEntry]) -> ComparisonPlan {
        ComparisonPlan(estimators: estimators, budgetMultiples: budgetMultiples, repetitions: repetitions, seed: seed)
    }
}

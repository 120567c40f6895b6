import Statistics
import Tasks

/// A task of the benchmark: a reward model over the outputs of some policy, and everything the
/// commands and the claims need from it. `TaskRegistry.tasks` lists every task; `explain`,
/// `compare`, `check`, `train`, `reproduce` and the learning claims (C3-C6b) enumerate it, so a
/// new task is one folder under `Sources/Harness/BenchmarkTasks/` (its type conforming here) plus
/// its line in the registry, next to its environment and reward model in `Sources/Tasks/`.
///
/// What a task provides:
/// - `explain`: the game of one output (players = its units, v(S) = the reward of the output
///   keeping only the units in S) with what is needed to show it;
/// - `comparisonInstances`: games with exact Shapley values for `compare` and `check` (and, for
///   the full comparison, `largeComparisonInstances` with a converged truth);
/// - `learning`: its SCAR learning setup (policy learner, credit defaults, schemes compared, sizes,
///   the attainable reward that fixes the claims' margins), `nil` where no policy is trained.
public protocol BenchmarkTask: Sendable {
    /// The command-line name (`explain --task`, `train --task`, `reproduce --scar-tasks`).
    var name: String { get }
    /// The options `explain` reads for this task, one help line (after the name).
    var explainUsage: String { get }
    /// Whether a caller's reward model (`--reward-model URL` of explain, compare and train) may
    /// stand in for the task's own (a text task whose reward needs at most a reference besides
    /// the text); such a task implements `comparisonInstances(rewardName:model:perTask:random:)`
    /// and honours `LearnerOptions.reward`.
    var acceptsRemoteRewardModel: Bool { get }
    /// The game `explain` shows for `request`; throws `ExplainRequest.Missing` naming an option
    /// the task needs and did not get.
    func explain(_ request: ExplainRequest) throws -> ExplainedGame
    /// A request `explain` answers with the task's own reward model (`TaskRegistryTests` explains
    /// it for every task).
    var explainExample: ExplainRequest { get }
    /// Up to `count` exact-truth instances per family of the task, drawn from `random` in order
    /// (`TaskInstances.make` calls the tasks in registry order on one stream).
    func comparisonInstances(perTask count: Int, random: RandomStream) throws -> [ComparisonInstance]
    /// The same games as `comparisonInstances` under a caller's reward model, task
    /// `<name>-<rewardName>`; `model` is given the reference the task sends with each text (`nil`
    /// for none). Only for tasks that `acceptsRemoteRewardModel`.
    func comparisonInstances(rewardName: String, model: (_ reference: String?) throws -> any TextRewardModel,
                             perTask count: Int, random: RandomStream) throws -> [ComparisonInstance]
    /// Instances too large for enumeration, with a converged truth (the full comparison's second
    /// tier; drawn after every task's exact instances). None by default.
    func largeComparisonInstances(perTask count: Int, random: RandomStream) throws -> [ComparisonInstance]
    /// The task's SCAR learning setup, `nil` where the benchmark trains no policy on it.
    var learning: SCARTask? { get }
}

extension BenchmarkTask {
    public var acceptsRemoteRewardModel: Bool { false }
    public func comparisonInstances(rewardName: String, model: (_ reference: String?) throws -> any TextRewardModel,
                                    perTask count: Int, random: RandomStream) throws -> [ComparisonInstance] {
        throw HarnessError.invalidPlan("the \(name) task takes no other reward model")
    }
    public func largeComparisonInstances(perTask count: Int, random: RandomStream) throws -> [ComparisonInstance] { [] }
    public var learning: SCARTask? { nil }
}

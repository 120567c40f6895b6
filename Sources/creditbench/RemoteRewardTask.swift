import ArgumentParser
import Harness

/// A `--reward-task` argument: a registered task whose reward model a caller's may stand in for
/// (`BenchmarkTask.acceptsRemoteRewardModel`).
struct RemoteRewardTask: ExpressibleByArgument {
    let task: any BenchmarkTask

    init?(argument: String) {
        guard let task = TaskRegistry.task(named: argument), task.acceptsRemoteRewardModel else { return nil }
        self.task = task
    }

    static var allValueStrings: [String] { TaskRegistry.namesAcceptingRemoteRewardModels }

    var defaultValueDescription: String { task.name }
}

import ArgumentParser
import Harness

/// A `--task` argument: the name of a task in `TaskRegistry`.
struct RegisteredTask: ExpressibleByArgument {
    let task: any BenchmarkTask

    var name: String { task.name }

    init?(argument: String) {
        guard let task = TaskRegistry.task(named: argument) else { return nil }
        self.task = task
    }

    static var allValueStrings: [String] { TaskRegistry.names }

    /// The registered names for `--help`.
    static var help: String { list(TaskRegistry.names) }

    /// `names` as a sentence lists them: "a, b or c".
    static func list(_ names: [String]) -> String {
        names.dropLast().joined(separator: ", ") + (names.count > 1 ? " or " : "") + (names.last ?? "")
    }
}

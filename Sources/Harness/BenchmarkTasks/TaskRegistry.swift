/// Every task of the benchmark, in the order the commands list them and `compare` draws their
/// instances (the order is part of the seeded results: a new task goes last).
public enum TaskRegistry {
    public static let tasks: [any BenchmarkTask] = [
        SentimentBenchmark(),
        SummarizationBenchmark(),
        InstructionsBenchmark(),
        RecommendationBenchmark(),
        SentimentTransformerBenchmark(),
    ]

    public static var names: [String] { tasks.map(\.name) }

    /// The tasks a caller's reward model can stand in for (`BenchmarkTask.acceptsRemoteRewardModel`).
    public static var namesAcceptingRemoteRewardModels: [String] { tasks.filter(\.acceptsRemoteRewardModel).map(\.name) }

    /// The task called `name`, `nil` for none.
    public static func task(named name: String) -> (any BenchmarkTask)? {
        tasks.first { $0.name == name }
    }
}

import ArgumentParser

@main
struct CreditBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "creditbench",
        abstract: "Shapley credit assignment for reinforcement learning from feedback: estimators, tasks and claim checks.",
        subcommands: [Estimate.self, Estimators.self, MakeGame.self, Compare.self, Check.self, Explain.self, Serve.self, ServeReward.self, Score.self, TrainRewardModel.self, Train.self, PilotRunLengths.self, Reproduce.self]
    )
}

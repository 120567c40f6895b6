import Learning
import Shapley
import Statistics
import Tasks

/// `SCARRunner` over Learning's `ActionTaskExperiment` on the two action tasks:
/// - summarization: BBC articles, the environment's seeded 80/20 split (seed 2025), ROUGE-1 F
///   with stemming, at most 3 sentences; SCAR is exact (at most 3 players, 8 value calls);
/// - instructions: the IFEval prompts the environment keeps, every fifth (index mod 5 == 0)
///   held out for evaluation, a 60-sentence bank (`SentenceBank.load(size: 60, seed: 1)`), at
///   most 24 actions, instruction-level reward; SCAR (`ShapleyCreditOptions.actions`) is exact up
///   to 6 actions, else antithetic permutation sampling at 64 value calls (efficient by construction).
/// Any credit scheme whose units are the actions (ABC is refused). The curve is each training
/// batch's mean reward (before that step's update); totals hold the run's reward-model calls and
/// the final policy's held-out evaluation (`final_evaluation`).
public struct ActionTaskRLAdapter: SCARRunner {
    public static let summarizationSplitSeed: UInt64 = 2025
    public static let bankSize = 60
    public static let bankSeed: UInt64 = 1
    let task: SCARTask
    /// The stored runs' configuration key: for instructions the number of prompts the
    /// environment keeps (so a change of the eligible set redoes the runs) and the bank; for
    /// summarization the split seed and the reward; then the learner's settings
    /// (`ActionTaskExperiment.Configuration.storeKey`; SCAR's options are in the scheme).
    public let storeKey: String
    private let runOne: (CreditScheme, UInt64, Int, Int, (Int) -> Void) throws -> LearningCurve
    private let referenceOne: (UInt64) throws -> Double

    /// Loads the task's data (`task` must be summarization or instructions); `ppo` maps the
    /// learner's default PPO settings to the ones used; `summaryReward` replaces ROUGE-1 as the
    /// summarization reward (its name goes into `storeKey`, its factory builds an article's model
    /// from the reference summary).
    public init(task: SCARTask, ppo: (PPOSettings) -> PPOSettings = { $0 },
                summaryReward: (name: String, make: ExtractiveSummaryEnvironment.RewardFactory)? = nil) throws {
        self.task = task
        switch task {
        case .summarization:
            let environment = try ExtractiveSummaryEnvironment(reward: summaryReward?.make)
            let experiment = try ActionTaskExperiment(
                task: environment,
                trainingEpisodes: environment.episodes(split: .train, seed: Self.summarizationSplitSeed),
                evaluationEpisodes: environment.episodes(split: .test, seed: Self.summarizationSplitSeed),
                configuration: Self.configuration(ppo))
            runOne = { try experiment.run(scheme: $0, seed: $1, steps: $2, batchSize: $3, progress: $4) }
            referenceOne = experiment.referenceEvaluation
            storeKey = "split=\(Self.summarizationSplitSeed);\(summaryReward?.name ?? "rouge1");" + experiment.configuration.storeKey
        case .instructions:
            let environment = try InstructionEnvironment(
                dataset: try IFEvalDataset.load(), bank: try SentenceBank.load(size: Self.bankSize, seed: Self.bankSeed))
            let indices = Array(environment.prompts.indices)
            let experiment = try ActionTaskExperiment(
                task: environment, trainingEpisodes: indices.filter { $0 % 5 != 0 }, evaluationEpisodes: indices.filter { $0 % 5 == 0 },
                configuration: Self.configuration(ppo))
            runOne = { try experiment.run(scheme: $0, seed: $1, steps: $2, batchSize: $3, progress: $4) }
            referenceOne = experiment.referenceEvaluation
            storeKey = "prompts=\(environment.prompts.count);bank=\(Self.bankSize)x\(Self.bankSeed);" + experiment.configuration.storeKey
        case .sentiment:
            throw HarnessError.invalidPlan("sentiment is not an action task; use SentimentRLAdapter")
        }
    }

    /// The default configuration with its PPO settings mapped by `ppo`.
    static func configuration<Task>(_ ppo: (PPOSettings) -> PPOSettings) -> ActionTaskExperiment<Task>.Configuration {
        var configuration = ActionTaskExperiment<Task>.Configuration()
        configuration.ppo = ppo(configuration.ppo)
        return configuration
    }

    public func run(scheme: CreditScheme, seed: Int, steps: Int, batchSize: Int) throws -> CurveRun {
        CurveRun(try train(scheme, seed: UInt64(seed), steps: steps, batchSize: batchSize), seed: seed)
    }

    /// One run under any credit scheme (`CreditScheme.assign`'s action-game rules; ABC is refused).
    public func train(_ credit: CreditScheme, seed: UInt64, steps: Int, batchSize: Int,
                      progress: (Int) -> Void = { _ in }) throws -> LearningCurve {
        try runOne(credit, seed, steps, batchSize, progress)
    }

    /// The held-out reward of the untrained (uniform) policy under `seed`'s evaluation stream.
    public func referenceEvaluation(seed: UInt64) throws -> Double {
        try referenceOne(seed)
    }
}

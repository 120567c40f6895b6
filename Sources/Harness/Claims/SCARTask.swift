import Learning
import Statistics
import Tasks

/// A task SCAR's learning claims (C3-C6b) are tested on and `train` trains: its credit defaults,
/// the schemes compared, the run sizes, the reward bound that fixes the claims' margins and the
/// learner. Each task declares its own (`BenchmarkTask.learning`); `allCases` lists the
/// registered ones in registry order. Two tasks are the same task when their names are.
public struct SCARTask: RawRepresentable, CaseIterable, Hashable, Sendable {
    /// The command-line name (`train --task`, `reproduce --scar-tasks`, the curve store's file).
    public let rawValue: String
    /// The title of the task's learning-curve chart.
    public let title: String
    /// SCAR's settings on this task, which a scheme's missing keys take
    /// (`CreditScheme(parsing:defaults:)`).
    public let creditDefaults: ShapleyCreditOptions
    /// The schemes trained, in run order (with the headline SCAR added by `headlined(by:)`).
    public private(set) var schemes: [CreditScheme]
    /// The dense-credit baselines of C4 and C5 besides sparse.
    let denseBaselines: [CreditScheme]
    /// SCAR at token and at sentence level, against which C6a (span level, the task's `scar`) and
    /// C6b compare cost and reward; `nil` where the task has no text unit levels.
    let unitLevelSchemes: (tokens: CreditScheme, sentences: CreditScheme)?
    /// The largest reward the task admits, with the reason (`ClaimMargins.reward`).
    let attainable: (value: Double, basis: String)
    /// PPO steps and episodes per step of the quick and of the full run (`ClaimsSettings.scarSize`).
    let quickSize: (steps: Int, batchSize: Int)
    let fullSize: (steps: Int, batchSize: Int)
    /// The built-in sentiment reward the task trains on (`train --model` and ABC apply where it is
    /// set); `nil` for a task whose policy chooses actions.
    public let sentimentReward: SentimentReward?
    /// Loads the task's data and builds its learner.
    let makeLearner: @Sendable (LearnerOptions) throws -> any SCARLearner

    init(name: String, title: String, creditDefaults: ShapleyCreditOptions, schemes: [CreditScheme], denseBaselines: [CreditScheme],
         unitLevelSchemes: (tokens: CreditScheme, sentences: CreditScheme)? = nil, attainable: (value: Double, basis: String),
         quickSize: (steps: Int, batchSize: Int), fullSize: (steps: Int, batchSize: Int), sentimentReward: SentimentReward? = nil,
         makeLearner: @escaping @Sendable (LearnerOptions) throws -> any SCARLearner) {
        rawValue = name
        self.title = title
        self.creditDefaults = creditDefaults
        self.schemes = schemes
        self.denseBaselines = denseBaselines
        self.unitLevelSchemes = unitLevelSchemes
        self.attainable = attainable
        self.quickSize = quickSize
        self.fullSize = fullSize
        self.sentimentReward = sentimentReward
        self.makeLearner = makeLearner
        scar = .shapley(creditDefaults)
    }

    /// The registered tasks that train a policy, in registry order.
    public static var allCases: [SCARTask] { TaskRegistry.tasks.compactMap(\.learning) }

    /// The registered task called `rawValue`, `nil` for none.
    public init?(rawValue: String) {
        guard let task = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = task
    }

    /// The SCAR scheme C3-C5 and the fair comparisons test: SCAR with the task's defaults
    /// (`defaultSCAR`) unless `headlined(by:)` set the configuration `SCARHeadline`'s rule chose.
    public private(set) var scar: CreditScheme

    /// SCAR with the task's default settings (sentiment: clause spans of at most 12 tokens, alpha
    /// 1), which C6a compares with token level whatever the headline is (the paper's span claim).
    public var defaultSCAR: CreditScheme { .shapley(creditDefaults) }

    /// This task with `scheme` as its SCAR (`scar`), added to the trained schemes if missing.
    public func headlined(by scheme: CreditScheme) -> SCARTask {
        var task = self
        task.scar = scheme
        if !task.schemes.contains(scheme) { task.schemes.append(scheme) }
        return task
    }

    /// The task's learner (loading its data) under `options`.
    public func learner(_ options: LearnerOptions = LearnerOptions()) throws -> any SCARLearner {
        try makeLearner(options)
    }

    public static func == (a: SCARTask, b: SCARTask) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

import Learning

/// The learning runs of a credit-scheme check baseline: each credit scheme of `schemes` on each
/// task of `tasks` it applies to, `repetitions` runs seeded `seed`, `seed` + 1, ..., each `steps`
/// PPO steps of `batchSize` episodes with the learners of `creditbench train` at their default
/// settings. Schemes are spelled as `train --scheme` reads them; keys left out take each task's
/// defaults (`SCARTask.creditDefaults`), so `scar` is SCAR over spans on sentiment and over the
/// actions on the action tasks.
public struct SchemeCheckBoard: Codable, Equatable, Sendable {
    public var tasks: [String]
    public var schemes: [String]
    public var steps: Int
    public var batchSize: Int
    public var repetitions: Int
    public var seed: Int

    public init(tasks: [String], schemes: [String], steps: Int, batchSize: Int, repetitions: Int, seed: Int) {
        self.tasks = tasks
        self.schemes = schemes
        self.steps = steps
        self.batchSize = batchSize
        self.repetitions = repetitions
        self.seed = seed
    }

    /// The committed default (`benchmarks/baselines/schemes.json`): the two action tasks (the
    /// sentiment learner's reference fit alone takes longer than all their runs), every scheme
    /// family that applies there, 8 seeds of 20 PPO steps of 16 episodes.
    public static let quick = SchemeCheckBoard(
        tasks: [SCARTask.summarization, .instructions].map(\.rawValue), schemes: ["sparse", "sparse*2", "uniform", "loo", "scar"],
        steps: 20, batchSize: 16, repetitions: 8, seed: 0)

    enum CodingKeys: String, CodingKey {
        case tasks, schemes, steps, repetitions, seed
        case batchSize = "batch_size"
    }

    /// The seeds of the runs, in order.
    public var seeds: [Int] { Array(seed..<(seed + repetitions)) }

    /// The cells, task by task in `tasks` order and scheme by scheme in `schemes` order: each scheme
    /// read with the task's defaults, where it applies (`applies(_:to:)`). Throws a `CheckRefusal`
    /// for an unknown task, a scheme that does not read, or one that applies to none of the tasks.
    public func cells() throws -> [(task: SCARTask, scheme: CreditScheme)] {
        let known = try tasks.map { name in
            guard let task = SCARTask(rawValue: name) else {
                throw CheckRefusal("unknown task '\(name)'; expected \(SCARTask.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return task
        }
        var cells: [(task: SCARTask, scheme: CreditScheme)] = []
        for spelling in schemes {
            let applicable = try known.compactMap { task -> (task: SCARTask, scheme: CreditScheme)? in
                let scheme: CreditScheme
                do { scheme = try CreditScheme(parsing: spelling, defaults: task.creditDefaults) } catch {
                    throw CheckRefusal("\(error)")
                }
                return Self.applies(scheme, to: task) ? (task, scheme) : nil
            }
            guard !applicable.isEmpty else { throw CheckRefusal("scheme \(spelling) applies to none of the tasks \(tasks.joined(separator: ", "))") }
            cells += applicable
        }
        return known.flatMap { task in cells.filter { $0.task == task } }
    }

    /// Whether `scheme` can train on `task`: ABC needs a sentiment task's attention model (as
    /// `train` says), a unit-game scheme units of the task's kind (text units on a text task, actions on an
    /// action task: `SCARTask.creditDefaults`); sparse, scaled sparse and uniform apply everywhere.
    public static func applies(_ scheme: CreditScheme, to task: SCARTask) -> Bool {
        if scheme.needsAttention { return task.sentimentReward != nil }
        guard let units = scheme.units else { return true }
        return (units == .actions) == (task.creditDefaults.units == .actions)
    }
}

import Shapley
import Statistics
import Tasks

/// Comparison instances from the registered tasks (`TaskRegistry`), small enough (at most
/// `maximumPlayers` units) for exact ground truth: each task's `comparisonInstances` in registry
/// order, drawn from one seeded stream; each instance names its source item.
///
/// With `largeTier`, a second tier adds each task's `largeComparisonInstances` (e.g. sentiment
/// snippets of 20 to 40 tokens), too many for enumeration, whose truth is the mean of two
/// independent paired-KernelSHAP runs of `convergedBudget` calls each (`convergedTruth`); the
/// instance's `truthSource` says so and gives the two runs' relative squared difference, a gauge
/// of the truth's own error.
public enum TaskInstances {
    public static let maximumPlayers = 14
    static let minimumPlayers = 6
    static let largePlayers = 20...40
    public static let convergedBudget = 20_000

    public static func make(perTask count: Int, seed: UInt64, largeTier: Bool = false) throws -> [ComparisonInstance] {
        let random = RandomStream(seed: seed, stream: 0x7A5C)
        var instances = try TaskRegistry.tasks.flatMap { try $0.comparisonInstances(perTask: count, random: random) }
        if largeTier {
            instances += try TaskRegistry.tasks.flatMap { try $0.largeComparisonInstances(perTask: count, random: random) }
        }
        return instances
    }

    /// The first tier's games of `task` under a caller's reward model (e.g. one behind HTTP), task
    /// `<task>-<rewardName>` (`BenchmarkTask.comparisonInstances(rewardName:model:perTask:random:)`,
    /// for the tasks that accept one), drawn from the stream `make` starts with, so a model that
    /// scores as the task's own gets that model's instances. Truth is exact enumeration, asked of
    /// the model in one batch per game (`ExactShapley` prefetches); the converged second tier is
    /// left out, since its truth asks for 40,000 coalitions one at a time per game.
    public static func make(task: any BenchmarkTask, rewardName: String, model: (_ reference: String?) throws -> any TextRewardModel,
                            perTask count: Int, seed: UInt64) throws -> [ComparisonInstance] {
        try task.comparisonInstances(rewardName: rewardName, model: model, perTask: count, random: RandomStream(seed: seed, stream: 0x7A5C))
    }

    /// Exact enumeration.
    static func exactTruth(_ game: TextGame, random: RandomStream) throws -> (values: [Double], source: String) {
        (try ExactShapley().estimate(game, random: random).values, "exact")
    }

    /// The mean of two independent paired-KernelSHAP runs of `convergedBudget` calls.
    static func convergedTruth(_ game: TextGame, random: RandomStream) throws -> (values: [Double], source: String) {
        let runs = try (0..<2).map {
            try KernelSHAP(paired: true).estimate(game, budget: convergedBudget, random: random.substream(UInt64($0))).values
        }
        let difference = EstimateErrors(estimate: runs[0], truth: runs[1]).relativeSquaredError
        let mean = zip(runs[0], runs[1]).map { ($0 + $1) / 2 }
        return (mean, "converged: mean of 2 kernelshap-paired runs of \(convergedBudget) calls (relative squared difference \(String(format: "%.1e", difference)))")
    }

    /// Up to `count` items, in seeded random order, whose unit count at `level` is within
    /// `players` and whose Shapley values are not all zero.
    static func textInstances(
        task: String, candidates: [(id: String, text: String)], level: UnitLevel,
        model: (String) throws -> any TextRewardModel, count: Int, random: RandomStream,
        players: ClosedRange<Int> = minimumPlayers...maximumPlayers,
        truth: (TextGame, RandomStream) throws -> (values: [Double], source: String) = exactTruth
    ) throws -> [ComparisonInstance] {
        var chosen: [ComparisonInstance] = []
        let segmenter = TextSegmenter(level: level)
        for index in random.permutation(of: candidates.count) where chosen.count < count {
            let (id, text) = candidates[index]
            guard players.contains(segmenter.segment(text).units.count) else { continue }
            // Truth from a caching game; the estimators run on one that calls the reward model
            // every time, so their seconds include the reward model's cost.
            let truthGame = try TextGame(text: text, level: level, model: try model(id))
            let (values, source) = try truth(truthGame, random)
            // A game whose units all get zero credit (e.g. no sentiment word) measures nothing.
            guard values.contains(where: { abs($0) > 1e-12 }) else { continue }
            let game = try TextGame(text: text, level: level, model: try model(id), cachesValues: false)
            chosen.append(ComparisonInstance(task: task, instance: id, unitLevel: level.description, game: game, truth: values,
                                             truthSource: source, partition: try game.partitionByCoarserUnits()))
        }
        return chosen
    }
}

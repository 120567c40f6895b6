import Shapley
import Statistics
import Tasks

/// Comparison instances from the real tasks, small enough (at most `maximumPlayers` units) for
/// exact ground truth:
/// - `sentiment-vader` and `sentiment-learned`: movie-review snippets at token level, and at
///   span level (spans of at most 3 tokens), VADER's compound score or the learned model's rating;
/// - `summarization-rouge1`: the lead sentences of a BBC article as the summary, cut into spans
///   of at most 6 tokens, ROUGE-1 F against the reference summary;
/// - `instructions-ifeval`: GPT-4's IFEval responses at sentence level, instruction-level reward;
/// - `recommendation-best|mnl|coverage`: 10 MovieLens candidates for a user (5 of the user's
///   held-out movies and 5 random catalog movies), under each set utility.
/// Items are drawn with a seeded stream; each instance names its source item.
///
/// With `largeTier`, a second tier adds `sentiment-vader-large` and `sentiment-learned-large`:
/// snippets of 20 to 40 tokens, too many for enumeration, whose truth is the mean of two
/// independent paired-KernelSHAP runs of `convergedBudget` calls each; the instance's
/// `truthSource` says so and gives the two runs' relative squared difference, a gauge of the
/// truth's own error.
public enum TaskInstances {
    public static let maximumPlayers = 14
    static let minimumPlayers = 6
    static let largePlayers = 20...40
    public static let convergedBudget = 20_000

    public static func make(perTask count: Int, seed: UInt64, largeTier: Bool = false) throws -> [ComparisonInstance] {
        let random = RandomStream(seed: seed, stream: 0x7A5C)
        var instances: [ComparisonInstance] = []
        let snippets = try SentimentSnippets.load("movieReviewSnippets")
        let models: [(String, any TextRewardModel)] = [
            ("sentiment-vader", try VaderSentiment.standard()),
            ("sentiment-learned", try AttentionSentimentModel.loadCommitted()),
        ]
        for (task, model) in models {
            for level in [UnitLevel.tokens, .spans(maxTokens: 3)] {
                instances += try textInstances(task: task, candidates: snippets.map { ($0.id, $0.text) }, level: level,
                                               model: { _ in model }, count: count, random: random)
            }
        }
        let articles = try BBCCorpus.load()
        let rouge = Dictionary(uniqueKeysWithValues: try articles.map { ($0.id, try RougeReward(reference: $0.summary, variant: .rouge1, stemming: true)) })
        instances += try textInstances(task: "summarization-rouge1", candidates: articles.map { ($0.id, $0.sentences.prefix(2).joined(separator: "\n")) },
                                       level: .spans(maxTokens: 6), model: { rouge[$0]! }, count: count, random: random)
        let ifeval = try IFEvalDataset.load().entries.filter { $0.referenceResponse != nil }
        let items = Dictionary(uniqueKeysWithValues: ifeval.map { (String($0.key), $0.item) })
        instances += try textInstances(task: "instructions-ifeval", candidates: ifeval.map { (String($0.key), $0.referenceResponse!) },
                                       level: .sentences, model: { IFEvalReward(item: items[$0]!) }, count: count, random: random)
        instances += try recommendationInstances(count: count, random: random)
        if largeTier {
            for (task, model) in models {
                instances += try textInstances(task: task + "-large", candidates: snippets.map { ($0.id, $0.text) }, level: .tokens,
                                               model: { _ in model }, count: count, random: random,
                                               players: largePlayers, truth: convergedTruth)
            }
        }
        return instances
    }

    /// The two text tasks whose reward model a caller may supply (`make(task:rewardName:model:perTask:seed:)`).
    public enum TextTask: String, CaseIterable, Sendable {
        case sentiment, summarization
    }

    /// The first tier's games of one text task under a caller's reward model (e.g. one behind
    /// HTTP), task `<task>-<rewardName>`: sentiment snippets at token level and at spans of at most
    /// 3 tokens (`model(nil)`), or the lead sentences of BBC articles at spans of at most 6 tokens
    /// (`model(reference summary)`). Sentiment draws from the stream `make` starts with, so a
    /// model that scores as VADER gets `sentiment-vader`'s instances. Truth is exact enumeration,
    /// asked of the model in one batch per game (`ExactShapley` prefetches); the converged second
    /// tier is left out, since its truth asks for 40,000 coalitions one at a time per game.
    public static func make(task: TextTask, rewardName: String, model: (_ reference: String?) throws -> any TextRewardModel,
                            perTask count: Int, seed: UInt64) throws -> [ComparisonInstance] {
        let random = RandomStream(seed: seed, stream: 0x7A5C)
        switch task {
        case .sentiment:
            let snippets = try SentimentSnippets.load("movieReviewSnippets")
            return try [UnitLevel.tokens, .spans(maxTokens: 3)].flatMap { level in
                try textInstances(task: "sentiment-\(rewardName)", candidates: snippets.map { ($0.id, $0.text) }, level: level,
                                  model: { _ in try model(nil) }, count: count, random: random)
            }
        case .summarization:
            let articles = try BBCCorpus.load()
            let references = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0.summary) })
            return try textInstances(task: "summarization-\(rewardName)", candidates: articles.map { ($0.id, $0.sentences.prefix(2).joined(separator: "\n")) },
                                     level: .spans(maxTokens: 6), model: { try model(references[$0]) }, count: count, random: random)
        }
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

    static func recommendationInstances(count: Int, random: RandomStream) throws -> [ComparisonInstance] {
        let task = try RecommendationTask.load()
        let catalog = task.data.movies.keys.sorted()
        var instances: [ComparisonInstance] = []
        let users = task.eligibleUserIDs
        for userIndex in random.sample(min(count, users.count), from: users.count) {
            let userID = users[userIndex]
            let heldOut = try task.split(userID: userID).heldOut.keys.sorted()
            var movieIDs = random.sample(min(5, heldOut.count), from: heldOut.count).map { heldOut[$0] }
            while movieIDs.count < 10 {
                let movie = catalog[random.integer(below: catalog.count)]
                if !movieIDs.contains(movie) { movieIDs.append(movie) }
            }
            for name in SetUtility.names {
                let game = try task.game(userID: userID, movieIDs: movieIDs, utility: try SetUtility(name: name))
                instances.append(try .withExactTruth(task: "recommendation-\(name)", instance: "user-\(userID)", unitLevel: "candidates",
                                                     game: game, partition: .contiguous(game.playerCount, size: 2)))
            }
        }
        return instances
    }
}

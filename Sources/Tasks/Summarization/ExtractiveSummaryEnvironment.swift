import Foundation
import Statistics

/// Extractive summarization of BBC articles as an episodic RL task.
///
/// - Episode: one article (`reset(articleIndex:)`). State: the article and the body sentences
///   chosen so far, in the order chosen.
/// - Actions: `.append(i)` for a body sentence i not yet chosen, or `.stop`. After
///   `maxSentences` appends, or once every body sentence is chosen, the episode ends by itself.
/// - Summary (`summaryText`): the chosen sentences in article order, joined by "\n".
/// - Reward (sparse): 0 for every step but the last, which carries
///   `RougeReward(reference: article.summary, variant:, stemming:)` of the summary (an F-measure
///   in [0, 1]; stopping with nothing chosen scores the empty summary, 0), or the score of the
///   reward model `makeReward` builds for the article's reference summary (e.g. one behind HTTP).
/// - Credit: `game(level:)` is the `TextGame` of the final summary's units under that same
///   reward model (sentences by default), so a unit's Shapley value splits the final reward.
///
/// Policy features of a body sentence i of an article with n body sentences (`sentenceFeatures`,
/// `sentenceFeatureCount` = 4), in this order:
/// 1. position i / n, in [0, 1);
/// 2. length: its ROUGE tokens (`RougeTokenizer`, the environment's stemming) / 50;
/// 3. title overlap: |distinct title tokens that occur in the sentence| / |distinct title tokens|
///    (0 for a title without tokens), in [0, 1];
/// 4. chosen: 1 if already in the summary, else 0.
/// `actionFeatures` appends a fifth number, 1 for `.stop` (whose first four are 0), else 0.
public struct ExtractiveSummaryEnvironment {
    public enum Action: Hashable, Sendable {
        case append(Int)
        case stop
    }

    public enum Split: String, CaseIterable, Sendable {
        case train, test
    }

    public struct StepError: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static let defaultMaxSentences = 3
    public static let trainFraction = 0.8
    public static let sentenceFeatureCount = 4
    public static let actionFeatureCount = sentenceFeatureCount + 1

    public let articles: [BBCArticle]
    public let variant: RougeReward.Variant
    public let stemming: Bool
    public let maxSentences: Int
    /// The reward model of an article, given its reference summary (`nil`: ROUGE `variant`).
    public typealias RewardFactory = @Sendable (_ reference: String) throws -> any TextRewardModel
    private let makeReward: RewardFactory?
    private let tokenizer: RougeTokenizer
    /// Per-article reward models and static sentence features, computed at an article's first
    /// `reset` and shared by copies of the environment (replays reset often; both are pure
    /// functions of the article; the cache is locked, so copies may run on several threads).
    private let articleCache = ArticleCache()

    /// The current article's index into `articles`.
    public private(set) var articleIndex = 0
    /// Body sentence indices chosen so far, in the order chosen.
    public private(set) var chosen: [Int] = []
    /// True before the first `reset` and once the episode has ended.
    public private(set) var isDone = true
    private var rewardModel: (any TextRewardModel)?
    /// The current article's static sentence features (from the cache).
    private var staticFeatures: [[Double]] = []

    public init(articles: [BBCArticle], variant: RougeReward.Variant = .rouge1, stemming: Bool = true,
                maxSentences: Int = defaultMaxSentences, reward makeReward: RewardFactory? = nil) throws {
        guard !articles.isEmpty else { throw StepError(description: "the summarization environment needs at least one article") }
        guard maxSentences >= 1 else { throw StepError(description: "maxSentences must be at least 1, got \(maxSentences)") }
        self.articles = articles
        self.variant = variant
        self.stemming = stemming
        self.maxSentences = maxSentences
        self.makeReward = makeReward
        tokenizer = RougeTokenizer(stemming: stemming)
    }

    /// The whole BBC corpus (`BBCCorpus.load()`).
    public init(variant: RougeReward.Variant = .rouge1, stemming: Bool = true, maxSentences: Int = defaultMaxSentences,
                reward makeReward: RewardFactory? = nil) throws {
        try self.init(articles: BBCCorpus.load(), variant: variant, stemming: stemming, maxSentences: maxSentences, reward: makeReward)
    }

    /// A seeded 80/20 split of the article indices, as an episode order: the permutation
    /// `RandomStream(seed: seed).permutation(of: articles.count)`, whose first
    /// round(0.8 * count) entries are `.train` and the rest `.test`.
    public func episodes(split: Split, seed: UInt64) -> [Int] {
        let order = RandomStream(seed: seed).permutation(of: articles.count)
        let trainCount = Int((Self.trainFraction * Double(articles.count)).rounded(.toNearestOrAwayFromZero))
        return split == .train ? Array(order[..<trainCount]) : Array(order[trainCount...])
    }

    /// Starts an episode on `articles[articleIndex]` with nothing chosen.
    public mutating func reset(articleIndex: Int) throws {
        guard articles.indices.contains(articleIndex) else {
            throw StepError(description: "article index \(articleIndex) is outside 0..<\(articles.count)")
        }
        let article = articles[articleIndex]
        let (model, features) = try articleCache.entry(articleIndex) {
            let title = Set(tokenizer.tokens(article.title))
            let model: any TextRewardModel = try makeReward.map { try $0(article.summary) }
                ?? RougeReward(reference: article.summary, variant: variant, stemming: stemming)
            return (model,
                    article.sentences.indices.map { index in
                        let tokens = tokenizer.tokens(article.sentences[index])
                        let overlap = title.isEmpty ? 0 : Double(title.intersection(tokens).count) / Double(title.count)
                        return [Double(index) / Double(article.sentences.count), Double(tokens.count) / 50, overlap]
                    })
        }
        (rewardModel, staticFeatures) = (model, features)
        self.articleIndex = articleIndex
        chosen = []
        isDone = false
    }

    public var article: BBCArticle { articles[articleIndex] }

    /// Every unchosen body sentence in article order, then `.stop`; empty once the episode is done.
    public var legalActions: [Action] {
        guard !isDone else { return [] }
        return article.sentences.indices.filter { !chosen.contains($0) }.map(Action.append) + [.stop]
    }

    /// Applies `action`; `reward` is non-nil exactly when the step ends the episode.
    public mutating func step(_ action: Action) throws -> (done: Bool, reward: Double?) {
        guard !isDone else { throw StepError(description: "the episode is over (or never started); call reset(articleIndex:)") }
        switch action {
        case .stop:
            isDone = true
        case .append(let index):
            guard article.sentences.indices.contains(index), !chosen.contains(index) else {
                throw StepError(description: "append(\(index)) is not legal: choose an unchosen sentence in 0..<\(article.sentences.count)")
            }
            chosen.append(index)
            isDone = chosen.count == maxSentences || chosen.count == article.sentences.count
        }
        return (isDone, try isDone ? rewardModel!.reward(summaryText) : nil)
    }

    /// The chosen sentences in article order, joined by "\n".
    public var summaryText: String {
        chosen.sorted().map { article.sentences[$0] }.joined(separator: "\n")
    }

    /// The reward model of the current article (the final reward and the game's values).
    public var reward: any TextRewardModel {
        get throws {
            guard let rewardModel else { throw StepError(description: "no episode has started; call reset(articleIndex:)") }
            return rewardModel
        }
    }

    /// The game of the summary's units under the article's reward model (throws for an empty summary).
    public func game(level: UnitLevel = .sentences) throws -> TextGame {
        try TextGame(text: summaryText, level: level, model: reward)
    }

    /// The four features of body sentence `index` of the current article (see the type's docs);
    /// an episode must have started.
    public func sentenceFeatures(_ index: Int) -> [Double] {
        staticFeatures[index] + [chosen.contains(index) ? 1 : 0]
    }

    /// `sentenceFeatures` plus a stop indicator; `.stop` is [0, 0, 0, 0, 1].
    public func actionFeatures(_ action: Action) -> [Double] {
        switch action {
        case .append(let index): return sentenceFeatures(index) + [0]
        case .stop: return [Double](repeating: 0, count: Self.sentenceFeatureCount) + [1]
        }
    }
}

/// The memo behind `ExtractiveSummaryEnvironment`'s per-article values, by article index: the
/// reward model and the position, length and title overlap of each body sentence. Locked, so
/// environment copies on several threads share it.
private final class ArticleCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Int: (any TextRewardModel, [[Double]])] = [:]

    /// The entry of `index`, made by `make` on first use.
    func entry(_ index: Int, make: () throws -> (any TextRewardModel, [[Double]])) throws -> (any TextRewardModel, [[Double]]) {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[index] { return entry }
        let entry = try make()
        entries[index] = entry
        return entry
    }
}

import Learning
import Statistics
import Tasks

/// Sentiment: the sentiment of a text, scored by VADER (a lexicon with rules, the reference) or
/// the learned attention model.
/// - `explain`: `--text` under `--model vader|learned` (or `--reward-model URL`), at any unit level;
/// - comparison instances: movie-review snippets of 6 to 14 units at token level and at span level
///   (spans of at most 3 tokens), under each model (`sentiment-vader`, `sentiment-learned`); the
///   large tier adds snippets of 20 to 40 tokens (`sentiment-vader-large`, `sentiment-learned-large`);
/// - learning: sentiment control (`SentimentRLExperiment`, a GRU word policy continuing review
///   prompts, VADER reward unless `LearnerOptions.sentimentReward` says otherwise, KL to the
///   fitted pi_ref); the transformer reward is the `sentiment-transformer` task.
struct SentimentBenchmark: BenchmarkTask {
    let name = "sentiment"
    let explainUsage = "--text T [--model vader|learned | --reward-model URL]"
    var acceptsRemoteRewardModel: Bool { true }

    /// The explained model names and loaders.
    static var models: [(name: String, load: () throws -> any TextRewardModel)] {
        [("vader", { try VaderSentiment.standard() }), ("learned", { try AttentionSentimentModel.loadCommitted() })]
    }

    func explain(_ request: ExplainRequest) throws -> ExplainedGame {
        let reward = try request.remoteRewardModel(nil) ?? Self.model(named: request.sentimentModel)
        return try request.textGame(try request.required(request.text, "--text", task: name), reward: reward)
    }

    static func model(named name: String) throws -> any TextRewardModel {
        guard let model = models.first(where: { $0.name == name }) else {
            throw HarnessError.invalidPlan("--model must be one of \(models.map(\.name).joined(separator: ", ")), got \"\(name)\"")
        }
        return try model.load()
    }

    func comparisonInstances(perTask count: Int, random: RandomStream) throws -> [ComparisonInstance] {
        try Self.models.flatMap { model in
            let reward = try model.load()
            return try Self.instances(task: "sentiment-\(model.name)", model: { _ in reward }, count: count, random: random)
        }
    }

    func comparisonInstances(rewardName: String, model: (_ reference: String?) throws -> any TextRewardModel,
                             perTask count: Int, random: RandomStream) throws -> [ComparisonInstance] {
        try Self.instances(task: "sentiment-\(rewardName)", model: { _ in try model(nil) }, count: count, random: random)
    }

    /// Snippets at token level, then at spans of at most 3 tokens (also the
    /// `sentiment-transformer` task's games).
    static func instances(task: String, model: (String) throws -> any TextRewardModel, count: Int,
                           random: RandomStream) throws -> [ComparisonInstance] {
        let snippets = try SentimentSnippets.load("movieReviewSnippets").map { ($0.id, $0.text) }
        return try [UnitLevel.tokens, .spans(maxTokens: 3)].flatMap { level in
            try TaskInstances.textInstances(task: task, candidates: snippets, level: level, model: model, count: count, random: random)
        }
    }

    func largeComparisonInstances(perTask count: Int, random: RandomStream) throws -> [ComparisonInstance] {
        let snippets = try SentimentSnippets.load("movieReviewSnippets").map { ($0.id, $0.text) }
        return try Self.models.flatMap { model in
            let reward = try model.load()
            return try TaskInstances.textInstances(task: "sentiment-\(model.name)-large", candidates: snippets, level: .tokens,
                                                   model: { _ in reward }, count: count, random: random,
                                                   players: TaskInstances.largePlayers, truth: TaskInstances.convergedTruth)
        }
    }

    /// "The movie was not good, but the acting was great!" at token level (also the
    /// `sentiment-transformer` task's example).
    static var example: ExplainRequest {
        var request = ExplainRequest()
        request.text = "The movie was not good, but the acting was great!"
        request.units = "tokens"
        return request
    }

    var explainExample: ExplainRequest { Self.example }

    var learning: SCARTask? { .sentiment }
}

extension SCARTask {
    /// Sentiment control. Schemes: sparse, sparse with the reward doubled, ABC (b = 0.8) and SCAR
    /// at token, span and sentence level (SCAR's default: span level, the paper's recommendation);
    /// C6a and C6b compare span and sentence level with token level.
    public static let sentiment = SCARTask(
        name: "sentiment", title: "Sentiment control: VADER reward of the prompt + response",
        creditDefaults: .text,
        schemes: [.sparse, .scaledSparse(factor: 2), .abc]
            + [UnitLevel.tokens, .spans(maxTokens: UnitLevel.defaultMaxSpanTokens), .sentences].map { sentimentSCAR($0) },
        denseBaselines: [.abc], unitLevelSchemes: (sentimentSCAR(.tokens), sentimentSCAR(.sentences)),
        attainable: (1, "VADER's compound score is at most 1"),
        quickSize: (60, 16), fullSize: (300, 32), sentimentReward: .vader,
        makeLearner: { try SentimentRLAdapter($0) })

    /// SCAR with the sentiment defaults at `level`, missing units removed or (`masksMissingUnits`)
    /// blanked.
    static func sentimentSCAR(_ level: UnitLevel, masksMissingUnits: Bool = false) -> CreditScheme {
        var options = ShapleyCreditOptions.text.with(units: .text(level))
        options.masksMissingUnits = masksMissingUnits
        return .shapley(options)
    }
}

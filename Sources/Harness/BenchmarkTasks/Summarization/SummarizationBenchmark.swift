import Learning
import Statistics
import Tasks

/// Extractive summarization of BBC articles, scored by ROUGE against the reference summary.
/// - `explain`: a summary `--text` against `--reference` under `--rouge` (or `--reward-model URL`,
///   sent the reference with each batch);
/// - comparison instances (`summarization-rouge1`): an article's two lead sentences as the
///   summary, cut into spans of at most 6 tokens, ROUGE-1 F with stemming;
/// - learning: a log-linear policy picks at most 3 sentences (`ExtractiveSummaryEnvironment`),
///   the environment's seeded 80/20 split (seed 2025), ROUGE-1 F with stemming; SCAR is exact
///   (at most 3 players, 8 value calls).
struct SummarizationBenchmark: BenchmarkTask {
    static let splitSeed: UInt64 = 2025
    let name = "summarization"
    let explainUsage = """
        --text SUMMARY --reference REF [--rouge rouge1|rouge2|rougeL|mean] [--stemmer]
                        [or --reward-model URL, sent the reference with each batch]
        """
    var acceptsRemoteRewardModel: Bool { true }

    func explain(_ request: ExplainRequest) throws -> ExplainedGame {
        let reference = try request.required(request.reference, "--reference", task: name)
        if let remote = try request.remoteRewardModel(reference) {
            return try request.textGame(try request.required(request.text, "--text", task: name), reward: remote)
        }
        let variant = try ExplainRequest.parse(request.rouge, as: RougeReward.Variant.self, option: "--rouge")
        let reward = try RougeReward(reference: reference, variant: variant, stemming: request.stemmer)
        return try request.textGame(try request.required(request.text, "--text", task: name), reward: reward)
    }

    func comparisonInstances(perTask count: Int, random: RandomStream) throws -> [ComparisonInstance] {
        let articles = try BBCCorpus.load()
        let rouge = Dictionary(uniqueKeysWithValues: try articles.map {
            ($0.id, try RougeReward(reference: $0.summary, variant: .rouge1, stemming: true))
        })
        return try instances(task: "summarization-rouge1", articles: articles, model: { rouge[$0]! }, count: count, random: random)
    }

    func comparisonInstances(rewardName: String, model: (_ reference: String?) throws -> any TextRewardModel,
                             perTask count: Int, random: RandomStream) throws -> [ComparisonInstance] {
        let articles = try BBCCorpus.load()
        let references = Dictionary(uniqueKeysWithValues: articles.map { ($0.id, $0.summary) })
        return try instances(task: "summarization-\(rewardName)", articles: articles, model: { try model(references[$0]) },
                             count: count, random: random)
    }

    /// Each article's two lead sentences as the summary, at spans of at most 6 tokens.
    private func instances(task: String, articles: [BBCArticle], model: (String) throws -> any TextRewardModel, count: Int,
                           random: RandomStream) throws -> [ComparisonInstance] {
        try TaskInstances.textInstances(
            task: task, candidates: articles.map { ($0.id, $0.sentences.prefix(2).joined(separator: "\n")) },
            level: .spans(maxTokens: 6), model: model, count: count, random: random)
    }

    var explainExample: ExplainRequest {
        var request = ExplainRequest()
        request.text = "The council approved the new budget. Taxes will rise next year."
        request.reference = "Council approves budget; taxes to rise."
        return request
    }

    var learning: SCARTask? { .summarization }

    /// A replacement reward model as the environment builds it, per article from its reference summary.
    static func articleReward(_ replacement: LearnerOptions.RewardReplacement?) -> ExtractiveSummaryEnvironment.RewardFactory? {
        guard let make = replacement?.make else { return nil }
        return { reference in try make(reference) }
    }
}

extension SCARTask {
    /// Extractive summarization. Schemes: sparse, sparse with the reward doubled and SCAR over the
    /// actions (no attention-bearing reward model exists for ROUGE, so no ABC).
    public static let summarization = SCARTask(
        name: "summarization", title: "Extractive summarization (BBC): ROUGE-1 F of the summary",
        creditDefaults: .actions, schemes: [.sparse, .scaledSparse(factor: 2), .shapley(.actions)], denseBaselines: [],
        attainable: (1, "ROUGE-1 F is at most 1 (no oracle extractive summary is computed)"),
        quickSize: (30, 16), fullSize: (100, 32),
        makeLearner: { options in
            let environment = try ExtractiveSummaryEnvironment(reward: SummarizationBenchmark.articleReward(options.reward))
            let seed = SummarizationBenchmark.splitSeed
            return try ActionTaskRLAdapter(
                environment: environment, trainingEpisodes: environment.episodes(split: .train, seed: seed),
                evaluationEpisodes: environment.episodes(split: .test, seed: seed), episodeNoun: "articles",
                dataKey: "split=\(seed);\(options.reward?.name ?? "rouge1")", options: options)
        })
}

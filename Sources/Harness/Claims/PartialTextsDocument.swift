import Foundation
import Learning
import Tasks

/// Whether the sentiment reward models score SCAR's partial texts sensibly, as one markdown
/// document (`SentimentPartialTextReport`: for each model, the scores v(S) of token coalitions by
/// removal and by blank mask against the scores v(N) of the full texts, and the fraction of v(S)
/// outside [min, max] v(N)). Two tables: held-out movie-review snippets (the 20% both learned
/// models were not trained on, `heldOutSnippets()`), and responses of the RL task's pi_ref to its
/// training prompts, the prompt always kept, as SCAR's response games on the sentiment tasks score
/// them. `reproduce` writes it to `claims/partial_texts.md` (VADER and the transformer, the two
/// reward models the sentiment tasks train on) with `summary` in paper-check.md;
/// `train-reward-model sentiment-report` prints the same tables for its models.
public struct PartialTextsDocument {
    public let configuration: SentimentPartialTextReport.Configuration
    /// The held-out snippets' rows (each model: removal, then mask) and how many texts they used.
    public let texts: (count: Int, rows: [SentimentPartialTextReport.Row])
    /// pi_ref's responses' rows and their count; `nil` when no response was asked for.
    public let responses: (count: Int, rows: [SentimentPartialTextReport.Row])?

    /// The seed of the train/held-out split both learned sentiment models were trained on.
    public static let splitSeed: UInt64 = 2025

    /// The held-out 20% of `movieReviewSnippets` (split seed `splitSeed`).
    public static func heldOutSnippets() throws -> [SentimentSnippet] {
        AttentionSentimentModel.split(try SentimentSnippets.load("movieReviewSnippets"), seed: splitSeed).test
    }

    /// The reward models of the sentiment tasks: VADER and the committed transformer.
    public static func sentimentRewardModels() throws -> [any TextRewardModel] {
        [try VaderSentiment.standard(), try TransformerSentimentModel.loadCommitted()]
    }

    /// Scores `models` on `configuration`'s held-out texts of `heldOut` and, when `responses` > 0,
    /// on that many pi_ref responses (sampled with `configuration.seed`; fitting pi_ref takes
    /// about 8 s of CPU) whose response has at least one word.
    public init(models: [any TextRewardModel], heldOut: [SentimentSnippet], responses: Int,
                configuration: SentimentPartialTextReport.Configuration = .init()) throws {
        self.configuration = configuration
        let texts = SentimentPartialTextReport.texts(from: heldOut, configuration: configuration)
        self.texts = (texts.count, try SentimentPartialTextReport.run(models: models, texts: texts, configuration: configuration))
        if responses > 0 {
            let sampled = try SentimentRLExperiment().referenceResponses(count: responses, seed: configuration.seed).filter { !$0.wordRanges.isEmpty }
            self.responses = (sampled.count, try SentimentPartialTextReport.run(
                models: models, texts: sampled.map(\.response), prompts: sampled.map(\.prompt), configuration: configuration))
        } else {
            self.responses = nil
        }
    }

    /// The two tables.
    public var markdown: String {
        let c = configuration
        var out = SentimentPartialTextReport.markdown(
            title: "Partial texts (\(texts.count) held-out texts of \(c.minTokens)-\(c.maxTokens) tokens, "
                + "\(c.coalitionsPerText) token coalitions each, seed \(c.seed))", rows: texts.rows)
        if let responses {
            out += "\n" + SentimentPartialTextReport.markdown(
                title: "Partial responses (\(responses.count) responses of pi_ref to the RL task's training prompts, seed \(c.seed); "
                    + "players: the response's tokens, the prompt always kept; v(N): the full prompt + response; \(c.coalitionsPerText) coalitions each)",
                rows: responses.rows)
        }
        return out
    }

    /// The paper-check.md section: per model, the fraction of coalitions scored outside the range
    /// of full texts and outside their central 90%, by removal and by blank mask (on pi_ref's responses when there are any, else
    /// on the held-out snippets), and where the tables are (`file`).
    public func summary(file: String) -> String {
        let (what, rows) = responses.map { ("\($0.count) responses of pi_ref (the prompt always kept)", $0.rows) }
            ?? ("\(texts.count) held-out movie-review snippets", texts.rows)
        func percent(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }
        let models = rows.map(\.model).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        func shares(_ share: (SentimentPartialTextReport.Row) -> Double) -> String {
            models.map { model in
                let cells = ["removal", "mask"].map { completion in
                    rows.first { $0.model == model && $0.completion == completion }.map { percent(share($0)) } ?? "n/a"
                }
                return "\(model) \(cells[0]) by removal and \(cells[1]) with the blank mask"
            }.joined(separator: "; ")
        }
        return """
            ## Partial texts: do the reward models score SCAR's coalitions sensibly?

            SCAR's v(S) asks the reward model to score texts with units missing. On \(what), \
            \(configuration.coalitionsPerText) token coalitions each, the share of coalition scores outside \
            the range [min, max] of the full texts' scores: \(shares(\.outsideFullRange)); outside their \
            central 90% [q05, q95] (about 10% if coalitions scored like full texts): \(shares(\.outsideFullCentral90)). \
            Distributions, mean v(empty) and the held-out snippets: `\(file)`.

            """
    }
}

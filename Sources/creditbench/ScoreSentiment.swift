import ArgumentParser
import Foundation
import Tasks

/// `creditbench score sentiment --model vader [--input FILE]`: scores each input line (one
/// text per line; `\n`-separated, a trailing `\r` dropped, invalid UTF-8 replaced by U+FFFD)
/// and writes one JSON object per line, numbers in Swift's shortest round-trip form.
struct ScoreSentiment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score texts with a sentiment model; one JSON object per input line."
    )

    /// The sentiment models; a new model is a new case plus its arm in `load()`.
    enum Model: String, CaseIterable, ExpressibleByArgument {
        /// VADER: keys compound, neg, neu, pos.
        case vader
        /// The learned attention model (tasks/sentiment/learned-model.json): key rating, the
        /// predicted human rating on the ground-truth files' [-4, 4] scale, and compound =
        /// rating / 4 clamped to [-1, 1], on VADER's scale.
        case learned
        /// The transformer (tasks/sentiment/transformer-model.json): keys compound, its output
        /// in (-1, 1) (predicted rating / 4, on VADER's scale), and rating = 4 compound.
        case transformer

        func load() throws -> any SentimentLineScorer {
            switch self {
            case .vader: return try VaderSentiment.standard()
            case .learned: return try AttentionSentimentModel.loadCommitted()
            case .transformer: return try TransformerSentimentModel.loadCommitted()
            }
        }
    }

    @Option(help: "The sentiment model.")
    var model: Model = .vader

    @Option(help: "A file with one text per line (default: standard input).")
    var input: String?

    func run() throws {
        let scorer = try model.load()
        try InputLines.forEach(path: input) { _, text in
            let fields = try scorer.scoreFields(text)
            // One string built in place: the same text as joining the fields, without the pieces.
            var line = "{"
            for (index, field) in fields.enumerated() {
                line += index == 0 ? "\"" : ", \""
                line += field.key
                line += "\": "
                line += field.value.description
            }
            line += "}"
            print(line)
        }
    }
}

/// A sentiment model as `score sentiment` prints it: named numbers for one text, in order.
protocol SentimentLineScorer {
    func scoreFields(_ text: String) throws -> KeyValuePairs<String, Double>
}

extension VaderSentiment: SentimentLineScorer {
    func scoreFields(_ text: String) -> KeyValuePairs<String, Double> {
        let scores = polarityScores(text)
        return ["compound": scores.compound, "neg": scores.neg, "neu": scores.neu, "pos": scores.pos]
    }
}

extension AttentionSentimentModel: SentimentLineScorer {
    func scoreFields(_ text: String) -> KeyValuePairs<String, Double> {
        let rating = reward(text)
        return ["compound": min(max(rating / 4, -1), 1), "rating": rating]
    }
}

extension TransformerSentimentModel: SentimentLineScorer {
    func scoreFields(_ text: String) -> KeyValuePairs<String, Double> {
        let compound = reward(text)
        return ["compound": compound, "rating": 4 * compound]
    }
}

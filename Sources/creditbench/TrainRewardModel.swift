import ArgumentParser
import Foundation
import Harness
import Learning
import Shapley
import Statistics
import Tasks

struct TrainRewardModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-reward-model",
        abstract: "Train a learned reward model on a task's committed data.",
        subcommands: [TrainSentimentModel.self, SentimentModelReport.self]
    )
}

struct TrainSentimentModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Train a sentiment reward model (\"learned\" or \"transformer\") on the human-rated movie review snippets.",
        discussion: """
            Splits tasks/sentiment/movieReviewSnippets_GroundTruth.txt 80/20 with the seed, trains by \
            Adam on squared error, prints each epoch's training error to stderr, writes the weights \
            (learned: rounded to 6 significant digits; transformer: Float32) and prints the held-out \
            Pearson r and sign accuracy of the written model, beside VADER's and the committed \
            learned model's on the same held-out snippets. Deterministic: the same seed and \
            options give the same file.

            Examples:
              creditbench train-reward-model sentiment
              creditbench train-reward-model sentiment --model transformer
              creditbench train-reward-model sentiment --seed 7 --epochs 3 --output /tmp/model.json
            """
    )

    enum Kind: String, CaseIterable, ExpressibleByArgument {
        /// The attention-pooling model, tasks/sentiment/learned-model.json.
        case learned
        /// The transformer, tasks/sentiment/transformer-model.json.
        case transformer

        var defaultFile: String { self == .learned ? "learned-model.json" : "transformer-model.json" }
    }

    @Option(help: "Which model to train: learned (attention pooling) or transformer.")
    var model: Kind = .learned

    @Option(help: "Seed of the split, the initialization and the shuffles.")
    var seed: UInt64 = 2025

    @Option(help: "Passes over the training part (default: \(AttentionSentimentModel.TrainingConfiguration().epochs) for learned, \(TransformerSentimentModel.TrainingConfiguration().epochs) for transformer).")
    var epochs: Int?

    @Option(help: "Transformer only: encoder layers.")
    var layers: Int = TransformerSentimentModel.TrainingConfiguration().shape.layers

    @Option(help: "Transformer only: attention heads (must divide d).")
    var heads: Int = TransformerSentimentModel.TrainingConfiguration().shape.heads

    @Option(help: "Transformer only: model width d.")
    var dimension: Int = TransformerSentimentModel.TrainingConfiguration().shape.dimension

    @Option(help: "Transformer only: Adam's learning rate.")
    var learningRate: Double = TransformerSentimentModel.TrainingConfiguration().learningRate

    @Option(help: "Transformer only: decoupled weight decay (per step, times the learning rate).")
    var weightDecay: Double = TransformerSentimentModel.TrainingConfiguration().weightDecay

    @Option(help: "Transformer only: probability of dropping each training token per epoch (by removal or [MASK]).")
    var tokenDropout: Double = TransformerSentimentModel.TrainingConfiguration().tokenDropout

    @Option(help: "Where to write the model (default: tasks/sentiment/learned-model.json or transformer-model.json in the checkout).")
    var output: String?

    @Flag(help: "Transformer only: write nothing; split the training part again 80/20 (seed + 1), train on the inner part and print the inner validation r and sign accuracy after every epoch (for choosing epochs without the held-out part).")
    var innerSplit = false

    func validate() throws {
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
        let defaults = TransformerSentimentModel.TrainingConfiguration()
        if model == .learned, innerSplit || layers != defaults.shape.layers || heads != defaults.shape.heads || dimension != defaults.shape.dimension
            || learningRate != defaults.learningRate || weightDecay != defaults.weightDecay || tokenDropout != defaults.tokenDropout
        {
            throw ValidationError("--inner-split, --layers, --heads, --dimension, --learning-rate, --weight-decay and --token-dropout are for --model transformer")
        }
        guard (0..<1).contains(tokenDropout) else { throw ValidationError("--token-dropout must be in [0, 1), got \(tokenDropout)") }
        guard layers >= 1, heads >= 1, dimension >= 1, dimension % heads == 0 else {
            throw ValidationError("--layers and --heads must be at least 1 and --heads must divide --dimension")
        }
    }

    func run() throws {
        let dataFile = "movieReviewSnippets_GroundTruth.txt"
        let snippets = try SentimentSnippets.load(from: ProjectPaths.taskFile("sentiment", dataFile))
        let url = try output.map { URL(fileURLWithPath: $0) }
            ?? ProjectPaths.root().appendingPathComponent("tasks/sentiment/\(model.defaultFile)")
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw CommandFailure("cannot write the model to \(url.path): folder \(folder) does not exist")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let data: Data
        let record: (train: AttentionSentimentModel.Evaluation, heldOut: AttentionSentimentModel.Evaluation)?
        let summary: String
        func progress(_ epoch: Int, _ total: Int, _ error: Double) {
            FileHandle.standardError.write(Data("epoch \(epoch)/\(total): train MSE \(String(format: "%.4f", error))\n".utf8))
        }
        switch model {
        case .learned:
            var configuration = AttentionSentimentModel.TrainingConfiguration()
            configuration.seed = seed
            configuration.epochs = epochs ?? configuration.epochs
            let trained = AttentionSentimentModel.trainAndEvaluate(
                snippets: snippets, dataFile: dataFile, configuration: configuration
            ) { progress($0.epoch, configuration.epochs, $0.trainMeanSquaredError) }
            data = try trained.jsonData()
            record = trained.training.map { ($0.train, $0.heldOut) }
            summary = "\(configuration.epochs) epochs, vocabulary \(trained.vocabulary.count)"
        case .transformer:
            var configuration = TransformerSentimentModel.TrainingConfiguration()
            configuration.seed = seed
            configuration.epochs = epochs ?? configuration.epochs
            configuration.shape.layers = layers
            configuration.shape.dimension = dimension
            configuration.shape.heads = heads
            configuration.shape.feedForward = 2 * dimension
            configuration.learningRate = learningRate
            configuration.weightDecay = weightDecay
            configuration.tokenDropout = tokenDropout
            if innerSplit {
                let outer = AttentionSentimentModel.split(snippets, seed: seed, trainFraction: configuration.trainFraction).train
                let inner = AttentionSentimentModel.split(outer, seed: seed + 1, trainFraction: configuration.trainFraction)
                configuration.seed = seed + 1
                print("inner split of the \(outer.count) training snippets: train \(inner.train.count), validate \(inner.test.count)")
                _ = TransformerSentimentModel.train(on: inner.train, configuration: configuration) { summary in
                    let e = summary.model.evaluate(on: inner.test)
                    print("epoch \(summary.epoch): train MSE \(String(format: "%.4f", summary.trainMeanSquaredError)), " +
                          "validation r \(String(format: "%.4f", e.pearson)), sign accuracy \(String(format: "%.4f", e.signAccuracy))")
                }
                return
            }
            let trained = TransformerSentimentModel.trainAndEvaluate(
                snippets: snippets, dataFile: dataFile, configuration: configuration
            ) { progress($0.epoch, configuration.epochs, $0.trainMeanSquaredError) }
            data = try trained.jsonData()
            record = trained.training.map { ($0.train, $0.heldOut) }
            let s = trained.shape
            summary = "\(configuration.epochs) epochs, vocabulary \(trained.vocabulary.count), d \(s.dimension), " +
                "\(s.layers) layer(s), \(s.heads) heads, \(trained.parameterCount) parameters"
        }
        let seconds = (clock.now - start) / .seconds(1)
        do {
            try data.write(to: url)
        } catch {
            throw CommandFailure("cannot write the model to \(url.path): \(error.localizedDescription)")
        }
        guard let record else { return }
        print("""
            trained \(model.rawValue) on \(record.train.count) snippets, held out \(record.heldOut.count) (seed \(seed), \
            \(summary), \(String(format: "%.1f", seconds)) s)
            held-out Pearson r \(String(format: "%.4f", record.heldOut.pearson)), \
            sign accuracy \(String(format: "%.4f", record.heldOut.signAccuracy)) over \(record.heldOut.signCount) non-zero ratings, \
            MSE \(String(format: "%.4f", record.heldOut.meanSquaredError))
            train Pearson r \(String(format: "%.4f", record.train.pearson))
            wrote \(url.path) (\(data.count) bytes)
            """)
        let parts = AttentionSentimentModel.split(snippets, seed: seed)
        print("same held-out snippets:")
        if seed != 2025 { print("(the committed learned model was trained with seed 2025; with another seed it has seen some of these snippets)") }
        for (name, evaluation) in try SentimentModelReport.heldOutEvaluations(parts.test, only: [.vader, .learned]) {
            print("  \(name): " + SentimentModelReport.describe(evaluation))
        }
    }
}

/// `creditbench train-reward-model sentiment-report`: the committed sentiment reward models on
/// the held-out split (r, sign accuracy) and on partial texts (SCAR's coalitions).
struct SentimentModelReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment-report",
        abstract: "Held-out agreement and partial-text behaviour of the committed sentiment reward models.",
        discussion: """
            For VADER, the learned model and the transformer: Pearson r and sign accuracy against the \
            human ratings of the held-out 20% of the movie review snippets (seed 2025, the split both \
            learned models were trained on), scoring speed, and SentimentPartialTextReport: the \
            distribution of scores of token coalitions (removal and [MASK] blank) of held-out texts \
            against full texts, and how often a coalition scores outside the full texts' range; the same \
            for responses of the RL task's reference policy, the prompt always kept (SCAR's response \
            games).
            """
    )

    enum Which: String, CaseIterable { case vader, learned, transformer }

    @Option(help: "Held-out texts used for the partial-text report.")
    var texts: Int = SentimentPartialTextReport.Configuration().texts

    @Option(help: "Coalitions drawn per text.")
    var coalitions: Int = SentimentPartialTextReport.Configuration().coalitionsPerText

    @Option(help: "Responses of the sentiment RL task's pi_ref (to its training prompts) whose coalitions are also scored, the prompt always kept (0: none; fitting pi_ref takes about 30 s).")
    var responses: Int = 300

    @Option(help: "Seed of the coalition draws (and of the sampled responses).")
    var seed: UInt64 = SentimentPartialTextReport.Configuration().seed

    @Option(help: "Also write the report (markdown) to this file, e.g. results/reward-models/sentiment-report.md.")
    var output: String?

    @Option(help: "A transformer model file to report instead of the committed tasks/sentiment/transformer-model.json.")
    var transformerFile: String?

    func validate() throws {
        guard texts >= 1, coalitions >= 1, responses >= 0 else {
            throw ValidationError("--texts and --coalitions must be at least 1 and --responses at least 0")
        }
    }

    func transformerModel() throws -> TransformerSentimentModel {
        try transformerFile.map { try TransformerSentimentModel.load(from: URL(fileURLWithPath: $0)) }
            ?? TransformerSentimentModel.loadCommitted()
    }

    static func models(_ which: [Which], transformer: TransformerSentimentModel? = nil) throws -> [(String, any TextRewardModel)] {
        try which.map { kind -> (String, any TextRewardModel) in
            switch kind {
            case .vader: return ("vader", try VaderSentiment.standard())
            case .learned: return ("learned", try AttentionSentimentModel.loadCommitted())
            case .transformer: return ("transformer", try transformer ?? TransformerSentimentModel.loadCommitted())
            }
        }
    }

    /// Each model's agreement with the ratings of `snippets`; predictions on the ratings' scale
    /// (VADER compound and the transformer times 4) so MSEs compare.
    static func heldOutEvaluations(_ snippets: [SentimentSnippet], only which: [Which] = Which.allCases,
                                   transformer: TransformerSentimentModel? = nil) throws
        -> [(String, AttentionSentimentModel.Evaluation)]
    {
        try models(which, transformer: transformer).map { name, model in
            let factor = name == "learned" ? 1.0 : 4.0
            return (name, AttentionSentimentModel.Evaluation(
                predictions: try snippets.map { factor * (try model.reward($0.text)) }, ratings: snippets.map(\.rating)))
        }
    }

    static func describe(_ e: AttentionSentimentModel.Evaluation) -> String {
        "Pearson r \(String(format: "%.4f", e.pearson)), sign accuracy \(String(format: "%.4f", e.signAccuracy)) " +
            "(n \(e.signCount)), MSE \(String(format: "%.4f", e.meanSquaredError)) on n \(e.count)"
    }

    func run() throws {
        var report = ""
        /// Prints a line and keeps it for --output.
        func emit(_ line: String, terminator: String = "\n") {
            print(line, terminator: terminator)
            report += line + terminator
        }
        let transformer = try transformerModel()
        let heldOut = try PartialTextsDocument.heldOutSnippets()
        emit("## Held-out agreement (\(heldOut.count) snippets, seed \(PartialTextsDocument.splitSeed))\n")
        emit("| model | Pearson r | sign accuracy | MSE (rating scale) |\n|---|---|---|---|")
        for (name, e) in try Self.heldOutEvaluations(heldOut, transformer: transformer) {
            emit("| \(name) | \(String(format: "%.3f", e.pearson)) | \(String(format: "%.3f", e.signAccuracy)) (n \(e.signCount)) | \(String(format: "%.3f", e.meanSquaredError)) |")
        }
        emit("\n## Scoring speed (8-word text, one thread, CPU time per call)\n")
        let text = "the plot was thin but the acting was wonderful"
        let masked = "the plot was thin but [MASK] was wonderful"
        func cpuMicroseconds(_ calls: Int, _ body: (Int) throws -> Double) rethrows -> (Double, Double) {
            var sink = 0.0
            let start = clock()
            for i in 0..<calls { sink += try body(i) }
            return (Double(clock() - start) / Double(CLOCKS_PER_SEC) * 1e6 / Double(calls), sink)
        }
        for (name, model) in try Self.models(Which.allCases, transformer: transformer) {
            let (micro, sink) = try cpuMicroseconds(20_000) { try model.reward($0 % 2 == 0 ? text : masked) }
            emit("- \(name), reward(text): \(String(format: "%.1f", micro)) µs (checksum \(String(format: "%.3f", sink)))")
        }
        let units = transformer.unitTokens(TextSegmenter(level: .tokens).segment(text))
        let keepAll = [Bool](repeating: true, count: units.count)
        let keepSome = keepAll.enumerated().map { $0.offset != 5 && $0.offset != 6 }
        let (micro, sink) = cpuMicroseconds(20_000) {
            transformer.score(unitTokens: units, keeping: $0 % 2 == 0 ? keepAll : keepSome, blank: true)
        }
        emit("- transformer, score(unitTokens:keeping:blank:) (pre-tokenized): \(String(format: "%.1f", micro)) µs (checksum \(String(format: "%.3f", sink)))")
        emit("\n## Token-level exact Shapley values (removal / [MASK] blank), each model on its own scale\n")
        for example in ["A dull, lifeless film.", "The movie was not good, but the acting was great!"] {
            emit("\"\(example)\"\n")
            let tokens = TextSegmenter(level: .tokens).units(example).map(\.text)
            emit("| model | v(N) | " + tokens.map { "`\($0)`" }.joined(separator: " | ") + " |")
            emit("|---|---|" + tokens.map { _ in "---|" }.joined())
            for (name, model) in try Self.models(Which.allCases, transformer: transformer) {
                var cells: [[Double]] = []
                for completion in [TextGame.Completion.removal, .mask(TransformerSentimentModel.maskText)] {
                    let game = try TextGame(text: example, level: .tokens, model: model, completion: completion)
                    cells.append(try ExactShapley().estimate(game, random: RandomStream(seed: 0)).values)
                }
                let total = try model.reward(example)
                emit("| \(name) | \(String(format: "%.2f", total)) | " +
                      zip(cells[0], cells[1]).map { String(format: "%.2f \u{7C} %.2f", $0, $1).replacingOccurrences(of: "|", with: "/") }
                        .joined(separator: " | ") + " |")
            }
            emit("")
        }
        emit("## Attention weights ABC would use (learned: its pooling; transformer: last layer from [CLS])\n")
        let learned = try AttentionSentimentModel.loadCommitted()
        for example in ["A dull, lifeless film.", "The movie was not good, but the acting was great!", "The acting was great."] {
            let tokens = TextSegmenter(level: .tokens).units(example).map(\.text)
            emit("| \"\(example)\" | " + tokens.map { "`\($0)`" }.joined(separator: " | ") + " |")
            emit("|---|" + tokens.map { _ in "---|" }.joined())
            emit("| learned | " + learned.attention(example).map { String(format: "%.2f", $0.weight) }.joined(separator: " | ") + " |")
            emit("| transformer | " + transformer.attention(example).map { String(format: "%.2f", $0.weight) }.joined(separator: " | ") + " |\n")
        }
        var configuration = SentimentPartialTextReport.Configuration()
        configuration.texts = texts
        configuration.coalitionsPerText = coalitions
        configuration.seed = seed
        let reportTexts = SentimentPartialTextReport.texts(from: heldOut, configuration: configuration)
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        emit("\n" + (try PartialTextsDocument(models: try Self.models(Which.allCases, transformer: transformer).map(\.1),
                                         heldOut: heldOut, responses: responses, configuration: configuration)).markdown, terminator: "")
        // How peaked the attention ABC would use is: 1 - entropy / log T (0 = uniform, 1 = one token).
        emit("\nAttention peakedness over the same texts, mean of 1 - H(w) / log T (0 uniform, 1 all on one token); mean max weight x T:")
        let perLayer = (0..<transformer.shape.layers).map { layer in
            ("transformer layer \(layer)", reportTexts.map { transformer.attention($0, layer: layer).map(\.weight) })
        }
        for (name, weights) in [("learned", reportTexts.map { learned.attention($0).map(\.weight) })] + perLayer {
            let peaked = weights.map { w in 1 + w.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) } / log(Double(w.count)) }
            let maxRatio = weights.map { ($0.max() ?? 0) * Double($0.count) }
            emit("- \(name): \(f(Descriptive.meanOrNaN(peaked))), \(f(Descriptive.meanOrNaN(maxRatio)))")
        }
        if let output {
            do {
                let url = URL(fileURLWithPath: output)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try report.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write the report to \(output): \(error.localizedDescription)")
            }
        }
    }
}

import ArgumentParser
import Foundation
import Tasks

struct TrainRewardModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-reward-model",
        abstract: "Train a learned reward model on a task's committed data.",
        subcommands: [TrainSentimentModel.self]
    )
}

struct TrainSentimentModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Train the attention sentiment model (\"learned\") on the human-rated movie review snippets.",
        discussion: """
            Splits tasks/sentiment/movieReviewSnippets_GroundTruth.txt 80/20 with the seed, trains by \
            Adam on squared error, prints each epoch's training error to stderr, writes the weights \
            (rounded to 6 significant digits) and prints the held-out Pearson r and sign accuracy of \
            the written model. Deterministic: the same seed and epochs give the same file.

            Examples:
              creditbench train-reward-model sentiment
              creditbench train-reward-model sentiment --seed 7 --epochs 3 --output /tmp/model.json
            """
    )

    @Option(help: "Seed of the split, the initialization and the shuffles.")
    var seed: UInt64 = 2025

    @Option(help: "Passes over the training part.")
    var epochs: Int = AttentionSentimentModel.TrainingConfiguration().epochs

    @Option(help: "Where to write the model (default: tasks/sentiment/learned-model.json in the checkout).")
    var output: String?

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
    }

    func run() throws {
        let dataFile = "movieReviewSnippets_GroundTruth.txt"
        let snippets = try SentimentSnippets.load(from: ProjectPaths.taskFile("sentiment", dataFile))
        let url = try output.map { URL(fileURLWithPath: $0) }
            ?? ProjectPaths.root().appendingPathComponent("tasks/sentiment/learned-model.json")
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw CommandFailure("cannot write the model to \(url.path): folder \(folder) does not exist")
        }
        var configuration = AttentionSentimentModel.TrainingConfiguration()
        configuration.seed = seed
        configuration.epochs = epochs
        let clock = ContinuousClock()
        let start = clock.now
        let model = AttentionSentimentModel.trainAndEvaluate(
            snippets: snippets, dataFile: dataFile, configuration: configuration
        ) { summary in
            FileHandle.standardError.write(Data(
                "epoch \(summary.epoch)/\(configuration.epochs): train MSE \(String(format: "%.4f", summary.trainMeanSquaredError))\n".utf8))
        }
        let seconds = (clock.now - start) / .seconds(1)
        do {
            try model.jsonData().write(to: url)
        } catch {
            throw CommandFailure("cannot write the model to \(url.path): \(error.localizedDescription)")
        }
        guard let record = model.training else { return }
        print("""
            trained on \(record.train.count) snippets, held out \(record.heldOut.count) (seed \(seed), \(epochs) epochs, \
            vocabulary \(model.vocabulary.count), \(String(format: "%.1f", seconds)) s)
            held-out Pearson r \(String(format: "%.4f", record.heldOut.pearson)), \
            sign accuracy \(String(format: "%.4f", record.heldOut.signAccuracy)) over \(record.heldOut.signCount) non-zero ratings, \
            MSE \(String(format: "%.4f", record.heldOut.meanSquaredError))
            train Pearson r \(String(format: "%.4f", record.train.pearson))
            wrote \(url.path)
            """)
    }
}

import Foundation

/// The model's JSON file (`tasks/sentiment/learned-model.json`) and the training record in it.
///
/// Weights are stored rounded to `significantDigits` significant digits. A trained model is
/// rounded *before* it is evaluated or written (`rounded()`), and JSON writes and reads those
/// rounded doubles exactly, so the model in memory after training and the model loaded from the
/// file give identical outputs.
extension AttentionSentimentModel {
    public static let significantDigits = 6
    public static let fileFormat = "creditbench-attention-sentiment-1"

    /// How the stored model was trained and what it scored on the held-out part.
    public struct TrainingRecord: Codable, Sendable, Equatable {
        public var dataFile: String
        public var seed: UInt64
        public var epochs: Int
        public var batchSize: Int
        public var learningRate: Double
        public var minCount: Int
        public var trainFraction: Double
        public var train: Evaluation
        public var heldOut: Evaluation
    }

    public struct LoadError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "cannot load the learned sentiment model: \(reason)" }
    }

    private struct Stored: Codable {
        var format: String
        var dimension: Int
        var vocabulary: [String]
        var embeddings: [[Double]]
        var attentionWeights: [[Double]]
        var attentionBias: [Double]
        var attentionQuery: [Double]
        var outputWeights: [Double]
        var outputBias: Double
        var training: TrainingRecord?
    }

    /// The committed model, `tasks/sentiment/learned-model.json`.
    public static func loadCommitted() throws -> AttentionSentimentModel {
        try load(from: ProjectPaths.taskFile("sentiment", "learned-model.json"))
    }

    public static func load(from url: URL) throws -> AttentionSentimentModel {
        try AttentionSentimentModel(jsonData: Data(contentsOf: url))
    }

    public init(jsonData: Data) throws {
        let stored: Stored
        do {
            stored = try JSONDecoder().decode(Stored.self, from: jsonData)
        } catch {
            throw LoadError(reason: "not a model file (\(error.localizedDescription))")
        }
        guard stored.format == AttentionSentimentModel.fileFormat else {
            throw LoadError(reason: "format '\(stored.format)' is not \(AttentionSentimentModel.fileFormat)")
        }
        let d = stored.dimension
        guard d > 0 else { throw LoadError(reason: "dimension must be positive") }
        guard stored.vocabulary.first == AttentionSentimentModel.unknownToken,
              Set(stored.vocabulary).count == stored.vocabulary.count
        else { throw LoadError(reason: "vocabulary must start with <unk> and hold no duplicates") }
        guard stored.embeddings.count == stored.vocabulary.count, stored.attentionWeights.count == d,
              (stored.embeddings + stored.attentionWeights + [stored.attentionBias, stored.attentionQuery, stored.outputWeights])
                .allSatisfy({ $0.count == d })
        else { throw LoadError(reason: "parameter shapes do not match dimension \(d) and vocabulary size \(stored.vocabulary.count)") }
        let parameters = stored.embeddings.flatMap { $0 } + stored.attentionWeights.flatMap { $0 }
            + stored.attentionBias + stored.attentionQuery + stored.outputWeights + [stored.outputBias]
        guard parameters.allSatisfy(\.isFinite) else { throw LoadError(reason: "non-finite parameter") }
        self.init(vocabulary: stored.vocabulary, dimension: d, parameters: parameters)
        training = stored.training
    }

    /// The file's bytes: sorted keys, so the same model always gives the same file.
    public func jsonData() throws -> Data {
        let d = dimension
        func rows(_ start: Int, _ count: Int) -> [[Double]] {
            (0..<count).map { Array(parameters[(start + $0 * d)..<(start + ($0 + 1) * d)]) }
        }
        let stored = Stored(
            format: AttentionSentimentModel.fileFormat, dimension: d, vocabulary: vocabulary,
            embeddings: rows(layout.embeddings, vocabulary.count),
            attentionWeights: rows(layout.attentionWeights, d),
            attentionBias: rows(layout.attentionBias, 1)[0],
            attentionQuery: rows(layout.attentionQuery, 1)[0],
            outputWeights: rows(layout.outputWeights, 1)[0],
            outputBias: parameters[layout.outputBias], training: training)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(stored)
    }

    /// The same model with every parameter rounded to `significantDigits` significant digits.
    public func rounded() -> AttentionSentimentModel {
        var copy = self
        copy.parameters = parameters.map { Double(String(format: "%.\(AttentionSentimentModel.significantDigits)g", $0))! }
        return copy
    }
}

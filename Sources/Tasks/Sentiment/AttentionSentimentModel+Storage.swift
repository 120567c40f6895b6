import Foundation

/// The model's JSON file (`tasks/sentiment/learned-model.json`) and the training record in it;
/// loading and writing are `StoredSentimentModel`'s.
///
/// Weights are stored rounded to `significantDigits` significant digits. A trained model is
/// rounded *before* it is evaluated or written (`rounded()`), and JSON writes and reads those
/// rounded doubles exactly, so the model in memory after training and the model loaded from the
/// file give identical outputs.
extension AttentionSentimentModel: StoredSentimentModel {
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

    public static let committedFileName = "learned-model.json"
    public static let storedModelName = "learned sentiment model"

    public struct StoredForm: StoredModelFile {
        public var format: String
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

    public init(validating stored: StoredForm) throws {
        let d = stored.dimension
        guard d > 0 else { throw Self.loadError("dimension must be positive") }
        guard stored.vocabulary.first == AttentionSentimentModel.unknownToken,
              Set(stored.vocabulary).count == stored.vocabulary.count
        else { throw Self.loadError("vocabulary must start with <unk> and hold no duplicates") }
        guard stored.embeddings.count == stored.vocabulary.count, stored.attentionWeights.count == d,
              (stored.embeddings + stored.attentionWeights + [stored.attentionBias, stored.attentionQuery, stored.outputWeights])
                .allSatisfy({ $0.count == d })
        else { throw Self.loadError("parameter shapes do not match dimension \(d) and vocabulary size \(stored.vocabulary.count)") }
        let parameters = stored.embeddings.flatMap { $0 } + stored.attentionWeights.flatMap { $0 }
            + stored.attentionBias + stored.attentionQuery + stored.outputWeights + [stored.outputBias]
        guard parameters.allSatisfy(\.isFinite) else { throw Self.loadError("non-finite parameter") }
        self.init(vocabulary: stored.vocabulary, dimension: d, parameters: parameters)
        training = stored.training
    }

    public var storedForm: StoredForm {
        let d = dimension
        func rows(_ start: Int, _ count: Int) -> [[Double]] {
            (0..<count).map { Array(parameters[(start + $0 * d)..<(start + ($0 + 1) * d)]) }
        }
        return StoredForm(
            format: AttentionSentimentModel.fileFormat, dimension: d, vocabulary: vocabulary,
            embeddings: rows(layout.embeddings, vocabulary.count),
            attentionWeights: rows(layout.attentionWeights, d),
            attentionBias: rows(layout.attentionBias, 1)[0],
            attentionQuery: rows(layout.attentionQuery, 1)[0],
            outputWeights: rows(layout.outputWeights, 1)[0],
            outputBias: parameters[layout.outputBias], training: training)
    }

    /// The same model with every parameter rounded to `significantDigits` significant digits.
    public func rounded() -> AttentionSentimentModel {
        var copy = self
        copy.parameters = parameters.map { Double(String(format: "%.\(AttentionSentimentModel.significantDigits)g", $0))! }
        return copy
    }
}

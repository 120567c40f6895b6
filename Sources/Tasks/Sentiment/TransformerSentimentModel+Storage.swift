import Foundation

/// The model's JSON file (`tasks/sentiment/transformer-model.json`) and the training record in it;
/// loading and writing are `StoredSentimentModel`'s.
///
/// The parameters are stored as one base64 string of little-endian IEEE 754 single-precision
/// floats in `Layout` order (the file stays under 2 MB). A trained model is rounded to Float32
/// *before* it is evaluated or written (`rounded()`), and Float32 -> Double -> Float32 is exact,
/// so the model in memory after training and the model loaded from the file give identical
/// outputs.
extension TransformerSentimentModel: StoredSentimentModel {
    public static let fileFormat = "creditbench-transformer-sentiment-1"

    /// How the stored model was trained and what it scored (ratings scale, see `evaluate`).
    public struct TrainingRecord: Codable, Sendable, Equatable {
        public var dataFile: String
        public var seed: UInt64
        public var epochs: Int
        public var batchSize: Int
        public var learningRate: Double
        public var weightDecay: Double
        public var tokenDropout: Double
        public var minCount: Int
        public var trainFraction: Double
        public var train: Evaluation
        public var heldOut: Evaluation
    }

    public static let committedFileName = "transformer-model.json"
    public static let storedModelName = "transformer sentiment model"

    public struct StoredForm: StoredModelFile {
        public var format: String
        var shape: Shape
        var vocabulary: [String]
        var parameterCount: Int
        /// Base64 of the Float32 parameters, little-endian.
        var parameters: String
        var training: TrainingRecord?
    }

    public init(validating stored: StoredForm) throws {
        guard stored.shape.isValid else { throw Self.loadError("invalid shape \(stored.shape)") }
        guard Array(stored.vocabulary.prefix(3)) == [Self.unknownToken, Self.classToken, Self.maskToken],
              Set(stored.vocabulary).count == stored.vocabulary.count
        else { throw Self.loadError("vocabulary must start with <unk>, [CLS], [MASK] and hold no duplicates") }
        let expected = Layout(vocabularySize: stored.vocabulary.count, shape: stored.shape).count
        guard stored.parameterCount == expected, let bytes = Data(base64Encoded: stored.parameters),
              bytes.count == 4 * expected
        else { throw Self.loadError("expected \(expected) Float32 parameters for this shape and vocabulary") }
        let parameters = (0..<expected).map { i -> Double in
            var bits: UInt32 = 0
            for b in 0..<4 { bits |= UInt32(bytes[bytes.startIndex + 4 * i + b]) << (8 * b) }
            return Double(Float(bitPattern: bits))
        }
        guard parameters.allSatisfy(\.isFinite) else { throw Self.loadError("non-finite parameter") }
        self.init(vocabulary: stored.vocabulary, shape: stored.shape, parameters: parameters)
        training = stored.training
    }

    /// The file's form: parameters written as Float32 (call `rounded()` first for an exact round
    /// trip).
    public var storedForm: StoredForm {
        var bytes = Data(capacity: 4 * parameters.count)
        for value in parameters {
            let bits = Float(value).bitPattern
            for b in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * b))) }
        }
        return StoredForm(format: Self.fileFormat, shape: shape, vocabulary: vocabulary,
                          parameterCount: parameters.count, parameters: bytes.base64EncodedString(), training: training)
    }

    /// The same model with every parameter rounded to the nearest Float32.
    public func rounded() -> TransformerSentimentModel {
        var copy = self
        copy.parameters = parameters.map { Double(Float($0)) }
        return copy
    }
}

import Foundation
import Statistics

/// Training the transformer: hand-written gradients, Adam on the squared error against
/// rating / 4, the attention model's seeded 80/20 split and vocabulary recipe, all deterministic
/// (single thread, fixed summation order, every random draw from `RandomStream`).
extension TransformerSentimentModel {
    public typealias Evaluation = AttentionSentimentModel.Evaluation

    public struct TrainingConfiguration: Sendable, Equatable {
        /// Seeds the split (stream 0, as `AttentionSentimentModel.split`), the initialization
        /// (stream 1) and the per-epoch shuffles (substreams of stream 2).
        public var seed: UInt64 = 2025
        public var epochs = 3
        public var shape = Shape()
        public var batchSize = 32
        public var learningRate = 0.001
        /// Decoupled weight decay per step, as a fraction of the learning rate (AdamW style).
        public var weightDecay = 1.0
        /// Token dropout: each epoch, each training text has each of its tokens dropped with this
        /// probability, by removal or (every other draw, at random) by a `[MASK]` per run of
        /// dropped tokens, as SCAR's coalitions do. Regularizes, and shows the model partial texts.
        public var tokenDropout = 0.25
        /// Words seen fewer times than this in the training part map to `<unk>`.
        public var minCount = 2
        /// Fraction of snippets (rounded down) in the training part.
        public var trainFraction = 0.8

        public init() {}
    }

    /// What one epoch did, for progress output.
    public struct EpochSummary: Sendable {
        public var epoch: Int
        public var trainMeanSquaredError: Double
        /// The model after this epoch (full precision), e.g. for a validation curve.
        public var model: TransformerSentimentModel
    }

    /// The training target of a rating in [-4, 4]: rating / 4.
    static func target(_ rating: Double) -> Double { rating / 4 }

    /// A freshly initialized model on `vocabularyWords`: embeddings N(0, 0.1^2), every matrix
    /// N(0, 1 / fan-in), biases 0, layer-norm gains 1, head w N(0, 1 / d), head bias c.
    static func initialized(vocabularyWords: [String], shape: Shape, seed: UInt64, headBias: Double) -> TransformerSentimentModel {
        let vocabulary = [unknownToken, classToken, maskToken] + vocabularyWords
        let layout = Layout(vocabularySize: vocabulary.count, shape: shape)
        let random = RandomStream(seed: seed, stream: 1)
        var parameters = [Double](repeating: 0, count: layout.count)
        let d = shape.dimension, f = shape.feedForward
        for i in layout.tokenEmbeddings..<layout.firstLayer { parameters[i] = 0.1 * random.normal() }
        func fill(_ start: Int, _ count: Int, fanIn: Int) {
            let sd = 1 / Double(fanIn).squareRoot()
            for i in start..<(start + count) { parameters[i] = sd * random.normal() }
        }
        for l in 0..<shape.layers {
            let o = layout.layer(l)
            for j in 0..<d { parameters[o.ln1Gain + j] = 1; parameters[o.ln2Gain + j] = 1 }
            for w in [o.wq, o.wk, o.wv, o.wo] { fill(w, d * d, fanIn: d) }
            fill(o.w1, d * f, fanIn: d)
            fill(o.w2, f * d, fanIn: f)
        }
        for j in 0..<d { parameters[layout.finalGain + j] = 1 }
        fill(layout.headWeights, d, fanIn: d)
        parameters[layout.headBias] = headBias
        return TransformerSentimentModel(vocabulary: vocabulary, shape: shape, parameters: parameters)
    }

    /// Trains on `snippets` (all of them; split first) and returns the model with full-precision
    /// weights. `progress` is called after every epoch.
    public static func train(
        on snippets: [SentimentSnippet], configuration: TrainingConfiguration,
        progress: (EpochSummary) -> Void = { _ in }
    ) -> TransformerSentimentModel {
        let tokenized = snippets.map { AttentionSentimentModel.words(of: $0.text) }
        let words = AttentionSentimentModel.vocabularyWords(tokenized, minCount: configuration.minCount)
        let meanTarget = snippets.map { target($0.rating) }.reduce(0, +) / Double(max(snippets.count, 1))
        var model = initialized(vocabularyWords: words, shape: configuration.shape, seed: configuration.seed,
                                headBias: atanh(min(max(meanTarget, -0.9), 0.9)))
        let examples = zip(snippets, tokenized).map { snippet, _ in
            (sequence: model.sequence(model.ids(of: snippet.text)), target: target(snippet.rating))
        }
        var optimizer = Adam(parameterCount: model.parameters.count, learningRate: configuration.learningRate)
        var gradient = [Double](repeating: 0, count: model.parameters.count)
        let decay = 1 - configuration.learningRate * configuration.weightDecay
        let shuffles = RandomStream(seed: configuration.seed, stream: 2)
        let dropouts = RandomStream(seed: configuration.seed, stream: 3)
        for epoch in 0..<max(configuration.epochs, 0) {
            let order = shuffles.substream(UInt64(epoch)).permutation(of: examples.count)
            let dropout = dropouts.substream(UInt64(epoch))
            var squaredError = 0.0
            var start = 0
            while start < order.count {
                let batch = order[start..<min(start + configuration.batchSize, order.count)]
                for i in gradient.indices { gradient[i] = 0 }
                for example in batch {
                    var sequence = examples[example].sequence
                    if configuration.tokenDropout > 0 {
                        let blank = dropout.uniform() < 0.5
                        let tokens = sequence.dropFirst().map { [$0] }
                        let keep = tokens.map { _ in dropout.uniform() >= configuration.tokenDropout }
                        sequence = model.sequence(model.keptIDs(unitTokens: Array(tokens), keeping: keep, blank: blank))
                    }
                    let error = model.accumulateGradient(
                        sequence: sequence, target: examples[example].target,
                        scale: 1 / Double(batch.count), into: &gradient)
                    squaredError += error * error
                }
                if configuration.weightDecay > 0 {
                    for i in model.parameters.indices { model.parameters[i] *= decay }
                }
                optimizer.step(&model.parameters, gradient: gradient)
                start += configuration.batchSize
            }
            progress(EpochSummary(epoch: epoch + 1, trainMeanSquaredError: squaredError / Double(max(order.count, 1)), model: model))
        }
        return model
    }

    /// The full recipe: split `snippets` with `configuration.seed` (`AttentionSentimentModel.split`,
    /// the learned model's split), train on the training part, round the weights to Float32
    /// (`rounded()`), and evaluate the rounded model on both parts. The result is exactly what
    /// `jsonData()` writes and `load` reads back.
    public static func trainAndEvaluate(
        snippets: [SentimentSnippet], dataFile: String, configuration: TrainingConfiguration,
        progress: (EpochSummary) -> Void = { _ in }
    ) -> TransformerSentimentModel {
        let parts = AttentionSentimentModel.split(snippets, seed: configuration.seed, trainFraction: configuration.trainFraction)
        var model = train(on: parts.train, configuration: configuration, progress: progress).rounded()
        model.training = TrainingRecord(
            dataFile: dataFile, seed: configuration.seed, epochs: configuration.epochs,
            batchSize: configuration.batchSize, learningRate: configuration.learningRate,
            weightDecay: configuration.weightDecay, tokenDropout: configuration.tokenDropout, minCount: configuration.minCount,
            trainFraction: configuration.trainFraction,
            train: model.evaluate(on: parts.train), heldOut: model.evaluate(on: parts.test))
        return model
    }

    /// Agreement with the ratings of `snippets`; predictions are put on the ratings' scale
    /// (4 y) so the mean squared error is comparable with the learned model's.
    public func evaluate(on snippets: [SentimentSnippet]) -> Evaluation {
        Evaluation(predictions: snippets.map { 4 * reward($0.text) }, ratings: snippets.map(\.rating))
    }
}

import Foundation
import Statistics

/// Training the attention sentiment model: hand-written gradients, Adam on mean squared error,
/// a seeded 80/20 split, all deterministic (single thread, fixed summation order, every random
/// draw from `RandomStream`).
extension AttentionSentimentModel {
    public struct TrainingConfiguration: Sendable, Equatable {
        /// Seeds the split (stream 0), the initialization (stream 1) and the per-epoch shuffles
        /// (substreams of stream 2).
        public var seed: UInt64 = 2025
        public var epochs = 2
        public var dimension = 32
        public var batchSize = 32
        public var learningRate = 0.003
        /// Words seen fewer times than this in the training part map to `<unk>`.
        public var minCount = 2
        /// Fraction of snippets (rounded down) in the training part.
        public var trainFraction = 0.8

        public init() {}
    }

    /// Held-out agreement with the human ratings.
    public struct Evaluation: Sendable, Equatable, Codable {
        /// Number of snippets evaluated.
        public var count: Int
        /// Pearson correlation of predictions with mean human ratings (0 when undefined: fewer
        /// than two snippets or constant predictions).
        public var pearson: Double
        /// Fraction of snippets with a non-zero rating whose prediction has the rating's sign
        /// (a prediction of exactly 0 counts as wrong).
        public var signAccuracy: Double
        /// Snippets with a non-zero rating (the denominator of `signAccuracy`).
        public var signCount: Int
        public var meanSquaredError: Double
    }

    /// What one epoch did, for progress output.
    public struct EpochSummary: Sendable {
        public var epoch: Int
        public var trainMeanSquaredError: Double
    }

    /// The seeded split: a permutation of `0..<snippets.count` from `RandomStream(seed: seed)`,
    /// the first `floor(trainFraction * count)` indices are the training part, the rest held out;
    /// each part keeps the permutation's order.
    public static func split(_ snippets: [SentimentSnippet], seed: UInt64, trainFraction: Double = 0.8)
        -> (train: [SentimentSnippet], test: [SentimentSnippet])
    {
        let order = RandomStream(seed: seed).permutation(of: snippets.count)
        let cut = Int((trainFraction * Double(snippets.count)).rounded(.down))
        return (order[..<cut].map { snippets[$0] }, order[cut...].map { snippets[$0] })
    }

    /// Trains on `snippets` (all of them; split first) and returns the model with full-precision
    /// weights. `progress` is called after every epoch.
    public static func train(
        on snippets: [SentimentSnippet], configuration: TrainingConfiguration,
        progress: (EpochSummary) -> Void = { _ in }
    ) -> AttentionSentimentModel {
        let tokenized = snippets.map { words(of: $0.text) }
        let vocabulary = [unknownToken] + vocabularyWords(tokenized, minCount: configuration.minCount)

        let d = configuration.dimension
        let layout = Layout(vocabularySize: vocabulary.count, dimension: d)
        let random = RandomStream(seed: configuration.seed, stream: 1)
        var parameters = [Double](repeating: 0, count: layout.count)
        for i in 0..<layout.attentionBias { parameters[i] = 0.1 * random.normal() }
        for i in layout.attentionQuery..<layout.outputBias { parameters[i] = random.normal() / Double(d).squareRoot() }
        let meanRating = snippets.map(\.rating).reduce(0, +) / Double(max(snippets.count, 1))
        parameters[layout.outputBias] = meanRating
        var model = AttentionSentimentModel(vocabulary: vocabulary, dimension: d, parameters: parameters)

        let examples = zip(tokenized, snippets).map { tokens, snippet in
            (ids: tokens.map { model.id(of: $0) }, target: snippet.rating)
        }
        var optimizer = Adam(parameterCount: layout.count, learningRate: configuration.learningRate)
        var gradient = [Double](repeating: 0, count: layout.count)
        let shuffles = RandomStream(seed: configuration.seed, stream: 2)
        for epoch in 0..<max(configuration.epochs, 0) {
            let order = shuffles.substream(UInt64(epoch)).permutation(of: examples.count)
            var squaredError = 0.0
            var start = 0
            while start < order.count {
                let batch = order[start..<min(start + configuration.batchSize, order.count)]
                for i in gradient.indices { gradient[i] = 0 }
                for example in batch {
                    let error = model.accumulateGradient(
                        ids: examples[example].ids, target: examples[example].target,
                        scale: 1 / Double(batch.count), into: &gradient)
                    squaredError += error * error
                }
                optimizer.step(&model.parameters, gradient: gradient)
                start += configuration.batchSize
            }
            progress(EpochSummary(epoch: epoch + 1, trainMeanSquaredError: squaredError / Double(max(order.count, 1))))
        }
        return model
    }

    /// The full recipe: split `snippets` with `configuration.seed`, train on the training part,
    /// round the weights (`rounded()`), and evaluate the rounded model on both parts. The result
    /// carries its `TrainingRecord` and is exactly what `jsonData()` writes and `load` reads back.
    public static func trainAndEvaluate(
        snippets: [SentimentSnippet], dataFile: String, configuration: TrainingConfiguration,
        progress: (EpochSummary) -> Void = { _ in }
    ) -> AttentionSentimentModel {
        let parts = split(snippets, seed: configuration.seed, trainFraction: configuration.trainFraction)
        var model = train(on: parts.train, configuration: configuration, progress: progress).rounded()
        model.training = TrainingRecord(
            dataFile: dataFile, seed: configuration.seed, epochs: configuration.epochs,
            batchSize: configuration.batchSize, learningRate: configuration.learningRate,
            minCount: configuration.minCount, trainFraction: configuration.trainFraction,
            train: model.evaluate(on: parts.train), heldOut: model.evaluate(on: parts.test))
        return model
    }

    /// The model's input tokens of a text: `TextSegmenter(level: .tokens)` units, lowercased
    /// (punctuation marks included). Shared with `TransformerSentimentModel`.
    static func words(of text: String) -> [String] {
        TextSegmenter(level: .tokens).units(text).map { $0.text.lowercased() }
    }

    /// The vocabulary's words (without `<unk>`), sorted: tokens seen at least `minCount` times in
    /// `tokenized` (the training part). Shared with `TransformerSentimentModel`.
    static func vocabularyWords(_ tokenized: [[String]], minCount: Int) -> [String] {
        var counts: [String: Int] = [:]
        for tokens in tokenized { for token in tokens { counts[token, default: 0] += 1 } }
        return counts.filter { $0.value >= minCount && $0.key != unknownToken }.keys.sorted()
    }

    /// Adds `scale * d/dθ (y - target)^2` for one text to `gradient` and returns `y - target`.
    ///
    /// Backward pass of the forward pass on `AttentionSentimentModel` (g = dL/dy = 2 scale (y - r)):
    ///
    ///     dc = g,  dw = g p,  dp = g w
    ///     de_t += a_t dp,                 da_t = e_t . dp
    ///     ds_t = a_t (da_t - sum_u a_u da_u)          (softmax)
    ///     dq += sum_t ds_t h_t,           dh_t = ds_t q
    ///     dz_t = dh_t (1 - h_t^2),        dW += dz_t e_t^T,  db += dz_t,  de_t += W^T dz_t
    func accumulateGradient(ids: [Int], target: Double, scale: Double, into gradient: inout [Double]) -> Double {
        let pass = forward(ids)
        let error = pass.output - target
        let g = 2 * scale * error
        let d = dimension
        let p = parameters
        gradient[layout.outputBias] += g
        for j in 0..<d { gradient[layout.outputWeights + j] += g * pass.pooled[j] }
        guard !ids.isEmpty else { return error }
        let dPooled = (0..<d).map { g * p[layout.outputWeights + $0] }
        var dAttention = [Double](repeating: 0, count: ids.count)
        for (t, id) in ids.enumerated() {
            let e = layout.embeddings + id * d
            for j in 0..<d {
                gradient[e + j] += pass.attention[t] * dPooled[j]
                dAttention[t] += p[e + j] * dPooled[j]
            }
        }
        var weighted = 0.0
        for t in ids.indices { weighted += pass.attention[t] * dAttention[t] }
        var dz = [Double](repeating: 0, count: d)
        for (t, id) in ids.enumerated() {
            let dScore = pass.attention[t] * (dAttention[t] - weighted)
            let e = layout.embeddings + id * d
            for i in 0..<d {
                let h = pass.hidden[t * d + i]
                gradient[layout.attentionQuery + i] += dScore * h
                dz[i] = dScore * p[layout.attentionQuery + i] * (1 - h * h)
                gradient[layout.attentionBias + i] += dz[i]
                let row = layout.attentionWeights + i * d
                for j in 0..<d { gradient[row + j] += dz[i] * p[e + j] }
            }
            for j in 0..<d {
                var back = 0.0
                for i in 0..<d { back += p[layout.attentionWeights + i * d + j] * dz[i] }
                gradient[e + j] += back
            }
        }
        return error
    }

    /// Agreement of `reward(text)` with the ratings of `snippets`.
    public func evaluate(on snippets: [SentimentSnippet]) -> Evaluation {
        Evaluation(predictions: snippets.map { reward($0.text) }, ratings: snippets.map(\.rating))
    }
}

extension AttentionSentimentModel.Evaluation {
    /// Agreement of `predictions` with `ratings` (same order, same count). Shared by every
    /// sentiment model's held-out report (VADER's, the transformer's).
    public init(predictions: [Double], ratings: [Double]) {
        precondition(predictions.count == ratings.count, "one prediction per rating")
        var signCount = 0
        var signHits = 0
        var squaredError = 0.0
        for (prediction, rating) in zip(predictions, ratings) {
            squaredError += (prediction - rating) * (prediction - rating)
            guard rating != 0 else { continue }
            signCount += 1
            if prediction * rating > 0 { signHits += 1 }
        }
        self.init(
            count: ratings.count,
            pearson: Correlation.pearson(predictions, ratings) ?? 0,
            signAccuracy: signCount == 0 ? 0 : Double(signHits) / Double(signCount),
            signCount: signCount,
            meanSquaredError: ratings.isEmpty ? 0 : squaredError / Double(ratings.count))
    }
}

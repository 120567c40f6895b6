import Foundation
import Testing
@testable import Tasks

@Suite struct AttentionModelTests {
    /// A small model with fixed, varied parameters (no training involved).
    func smallModel(dimension: Int = 4) -> AttentionSentimentModel {
        let vocabulary = ["<unk>", "good", "bad", "movie", "!"]
        let count = AttentionSentimentModel.Layout(vocabularySize: vocabulary.count, dimension: dimension).count
        let parameters = (0..<count).map { 0.6 * sin(1.7 * Double($0) + 0.3) }
        return AttentionSentimentModel(vocabulary: vocabulary, dimension: dimension, parameters: parameters)
    }

    func loss(_ model: AttentionSentimentModel, _ ids: [Int], _ target: Double) -> Double {
        let error = model.forward(ids).output - target
        return error * error
    }

    /// The hand-written backward pass against central finite differences of the squared error,
    /// for every parameter, on a text with a repeated token, an unknown token, and no tokens.
    @Test(arguments: [[1, 3, 4, 0, 1], [2], []])
    func gradientMatchesFiniteDifferences(ids: [Int]) {
        let model = smallModel()
        let target = 1.5
        var analytic = [Double](repeating: 0, count: model.parameters.count)
        _ = model.accumulateGradient(ids: ids, target: target, scale: 1, into: &analytic)
        let step = 1e-6
        var worst = 0.0
        for i in model.parameters.indices {
            var plus = model, minus = model
            plus.parameters[i] += step
            minus.parameters[i] -= step
            let numeric = (loss(plus, ids, target) - loss(minus, ids, target)) / (2 * step)
            worst = max(worst, abs(numeric - analytic[i]) / max(1, abs(numeric)))
        }
        #expect(worst < 1e-6)
    }

    @Test func attentionSumsToOneOverTheTextsTokens() {
        let model = smallModel()
        let weights = model.attention("Good movie, BAD!")
        #expect(weights.map(\.token.text) == ["Good", "movie", ",", "BAD", "!"])
        #expect(abs(weights.map(\.weight).reduce(0, +) - 1) < 1e-12)
        #expect(weights.allSatisfy { $0.weight > 0 })
    }

    /// Documented: a text without tokens pools to the zero vector, so the reward is the output bias.
    @Test func emptyTextGetsTheOutputBias() {
        let model = smallModel()
        #expect(model.reward("") == model.parameters[model.layout.outputBias])
        #expect(model.reward("  ") == model.parameters[model.layout.outputBias])
        #expect(model.attention("").isEmpty)
        #expect(model.reward("movie") != model.reward("good"))
        #expect(model.reward("Good") == model.reward("good"))
        #expect(model.reward("zzz") == model.reward("qqq"))  // both out of vocabulary: <unk>
    }

    @Test func roundedModelSurvivesTheFileExactly() throws {
        let model = smallModel(dimension: 3).rounded()
        let loaded = try AttentionSentimentModel(jsonData: model.jsonData())
        #expect(loaded.vocabulary == model.vocabulary)
        #expect(loaded.parameters == model.parameters)
        #expect(model.parameters.allSatisfy { Double(String(format: "%.6g", $0)) == $0 })
    }

    @Test func trainingIsDeterministic() throws {
        let snippets = Array(try SentimentSnippets.load("movieReviewSnippets").prefix(300))
        var configuration = AttentionSentimentModel.TrainingConfiguration()
        configuration.epochs = 2
        configuration.dimension = 8
        let first = AttentionSentimentModel.trainAndEvaluate(snippets: snippets, dataFile: "subset", configuration: configuration)
        let second = AttentionSentimentModel.trainAndEvaluate(snippets: snippets, dataFile: "subset", configuration: configuration)
        #expect(first.vocabulary == second.vocabulary)
        #expect(first.parameters == second.parameters)
        #expect(first.training == second.training)
        configuration.seed = 7
        let other = AttentionSentimentModel.trainAndEvaluate(snippets: snippets, dataFile: "subset", configuration: configuration)
        #expect(other.parameters != first.parameters)
    }

    /// Uses the committed file tasks/sentiment/learned-model.json: re-splits its data with the
    /// recorded seed and checks the loaded weights reproduce the metrics training recorded.
    @Test func committedModelReproducesItsRecordedMetrics() throws {
        let model = try AttentionSentimentModel.loadCommitted()
        let record = try #require(model.training)
        let snippets = try SentimentSnippets.load(from: ProjectPaths.taskFile("sentiment", record.dataFile))
        let parts = AttentionSentimentModel.split(snippets, seed: record.seed, trainFraction: record.trainFraction)
        #expect(model.evaluate(on: parts.test) == record.heldOut)
        #expect(model.evaluate(on: parts.train) == record.train)
        #expect(record.heldOut.count == 2121 && record.train.count == 8484)
        #expect(record.heldOut.pearson > 0.5)
    }
}

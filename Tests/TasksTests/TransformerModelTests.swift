import Foundation
import Shapley
import Testing
@testable import Tasks

@Suite struct TransformerModelTests {
    static let words = ["!", "bad", "good", "movie"]

    /// A small model with fixed, varied parameters (no training involved): 2 layers, 2 heads.
    func smallModel(shape: TransformerSentimentModel.Shape = .init(dimension: 4, heads: 2, layers: 2, feedForward: 6, maxLength: 8))
        -> TransformerSentimentModel
    {
        let vocabulary = ["<unk>", "[CLS]", "[MASK]"] + Self.words
        let count = TransformerSentimentModel.Layout(vocabularySize: vocabulary.count, shape: shape).count
        let parameters = (0..<count).map { 0.6 * sin(1.7 * Double($0) + 0.3) }
        return TransformerSentimentModel(vocabulary: vocabulary, shape: shape, parameters: parameters)
    }

    func loss(_ model: TransformerSentimentModel, _ sequence: [Int], _ target: Double) -> Double {
        let error = model.forward(sequence).output - target
        return error * error
    }

    /// The hand-written backward pass against central finite differences of the squared error,
    /// block by block (every parameter of every block), on a text with a repeated token, an
    /// unknown token and the mask, on a one-token text, and on [CLS] alone.
    @Test(arguments: [[1, 5, 6, 2, 5, 0, 3], [1, 4], [1]])
    func gradientMatchesFiniteDifferencesInEveryBlock(sequence: [Int]) {
        let model = smallModel()
        let target = 0.3
        var analytic = [Double](repeating: 0, count: model.parameters.count)
        _ = model.accumulateGradient(sequence: sequence, target: target, scale: 1, into: &analytic)
        let step = 1e-5
        for block in model.layout.blocks {
            var worst = 0.0
            var largest = 0.0
            for i in block.range {
                var plus = model, minus = model
                plus.parameters[i] += step
                minus.parameters[i] -= step
                let numeric = (loss(plus, sequence, target) - loss(minus, sequence, target)) / (2 * step)
                worst = max(worst, abs(numeric - analytic[i]) / max(1e-3, abs(numeric)))
                largest = max(largest, abs(numeric))
            }
            #expect(worst < 1e-5, "block \(block.name): worst relative error \(worst)")
            // On the long text every block moves the loss (the check is not vacuous), except the
            // key bias: adding it shifts all of a query's scores equally, which softmax ignores.
            // (On [CLS] alone the softmax is over one position, so no query or key block moves it.)
            if sequence.count > 2, !block.name.hasSuffix(".bk") {
                #expect(largest > 1e-6, "block \(block.name) has no gradient")
            }
        }
    }

    @Test func blocksTileTheParameters() {
        let layout = smallModel().layout
        var next = 0
        for block in layout.blocks {
            #expect(block.range.lowerBound == next, "\(block.name)")
            next = block.range.upperBound
        }
        #expect(next == layout.count)
    }

    /// A model built by hand so its last-layer attention can be computed on paper: d = 2, one
    /// head, one layer, positions 0. Layer norm maps E[CLS] = E[good] = (1, 0) to (1, -1) and
    /// E[bad] = (0, 1) to (-1, 1) (up to eps); Q = u c I, K = u, so the [CLS] query scores
    /// c (u_0 . u_s) / sqrt(2) = +-ln 2: weight 2 on [CLS] and "good", 1/2 on "bad". Over
    /// "good bad good", without [CLS] and renormalized: 4/9, 1/9, 4/9.
    func handBuiltModel() -> TransformerSentimentModel {
        let shape = TransformerSentimentModel.Shape(dimension: 2, heads: 1, layers: 1, feedForward: 1, maxLength: 4)
        let vocabulary = ["<unk>", "[CLS]", "[MASK]", "bad", "good"]
        let layout = TransformerSentimentModel.Layout(vocabularySize: vocabulary.count, shape: shape)
        var p = [Double](repeating: 0, count: layout.count)
        func set(_ start: Int, _ values: [Double]) { for (i, v) in values.enumerated() { p[start + i] = v } }
        set(layout.tokenEmbeddings + 1 * 2, [1, 0])  // [CLS]
        set(layout.tokenEmbeddings + 3 * 2, [0, 1])  // bad
        set(layout.tokenEmbeddings + 4 * 2, [1, 0])  // good
        let o = layout.layer(0)
        let c = log(2) / 2.0.squareRoot()
        set(o.ln1Gain, [1, 1])
        set(o.wq, [c, 0, 0, c])
        set(o.wk, [1, 0, 0, 1])
        set(o.wv, [1, 0, 0, 1])
        set(o.wo, [1, 0, 0, 1])
        set(o.ln2Gain, [1, 1])
        set(layout.finalGain, [1, 1])
        set(layout.headWeights, [0.5, -0.5])
        return TransformerSentimentModel(vocabulary: vocabulary, shape: shape, parameters: p)
    }

    @Test func attentionFromTheClassTokenMatchesTheHandComputation() {
        let model = handBuiltModel()
        let weights = model.attention("Good bad good")
        #expect(weights.map(\.token.text) == ["Good", "bad", "good"])
        for (got, expected) in zip(weights.map(\.weight), [4.0 / 9, 1.0 / 9, 4.0 / 9]) {
            #expect(abs(got - expected) < 1e-4)
        }
        // Context: the same "bad" gets a different weight next to different words.
        #expect(abs(model.attention("bad bad")[0].weight - 0.5) < 1e-9)
        #expect(model.attention("").isEmpty)
        // The 2-layer model: each layer's [CLS] row is a distribution over the tokens, the last by default.
        let deep = smallModel()
        let last = deep.attention("good movie !").map(\.weight)
        #expect(last == deep.attention("good movie !", layer: 1).map(\.weight))
        #expect(last != deep.attention("good movie !", layer: 0).map(\.weight))
        #expect(abs(deep.attention("good movie !", layer: 0).map(\.weight).reduce(0, +) - 1) < 1e-12)
    }

    /// ABC (Chan et al. 2024): r_t = b R w_t, plus (1 - b) R on the last token.
    @Test func attentionCreditsRedistributeTheRewardByTheModelsOwnAttention() {
        let model = handBuiltModel()
        let text = "Good bad good"
        let reward = model.reward(text)
        #expect(reward != 0)
        for mix in [0.5, 0.8] {
            let credits = model.attentionCredits(text, mix: mix)
            let expected = [mix * reward * 4 / 9, mix * reward / 9, mix * reward * 4 / 9 + (1 - mix) * reward]
            #expect(credits.map(\.token.text) == ["Good", "bad", "good"])
            for (got, want) in zip(credits.map(\.credit), expected) { #expect(abs(got - want) < 1e-4 * abs(reward)) }
            #expect(abs(credits.map(\.credit).reduce(0, +) - reward) < 1e-12)
        }
    }

    /// v(S) from token ids equals the reward of the text `TextGame` renders for S, by removal
    /// and by blank mask, for every coalition, at token and span level.
    @Test func subsetScoresMatchTheReducedTexts() throws {
        let model = smallModel()
        for (text, level) in [("Good movie , bad zzz !", UnitLevel.tokens), ("good movie , bad ! good", .spans(maxTokens: 2))] {
            let segmentation = TextSegmenter(level: level).segment(text)
            let units = model.unitTokens(segmentation)
            let n = segmentation.units.count
            for raw in 0..<(1 << n) {
                let keep = (0..<n).map { raw & (1 << $0) != 0 }
                for blank in [false, true] {
                    let rendered = segmentation.rendered(keeping: keep, mask: blank ? TransformerSentimentModel.maskText : nil)
                    #expect(model.score(unitTokens: units, keeping: keep, blank: blank) == model.reward(rendered), "\(rendered)")
                }
            }
            // And through TextGame, as SCAR calls it.
            let game = try TextGame(text: text, level: level, model: model, completion: .mask(TransformerSentimentModel.maskText))
            #expect(try game.value(of: Coalition([0, 2])) ==
                    model.score(unitTokens: units, keeping: (0..<n).map { [0, 2].contains($0) }, blank: true))
        }
        #expect(model.score(tokens: ["GOOD", "[mask]", "!"]) == model.reward("good [MASK]!"))
        #expect(model.reward("good [MASK]") != model.reward("good [ MASK ]"))
        #expect(TransformerSentimentModel.tokens(of: "a [MASK]!").map(\.text) == ["a", "[MASK]", "!"])
    }

    @Test func emptyAndLongTextsAreFinite() {
        let model = smallModel()
        #expect(model.reward("").isFinite)
        #expect(model.reward("") == model.reward("   "))
        #expect(model.reward("zzz") == model.reward("qqq"))  // both <unk>
        let long = Array(repeating: "good", count: 20).joined(separator: " ")
        #expect(model.reward(long) == model.reward(Array(repeating: "good", count: 7).joined(separator: " ")))  // maxLength 8
        #expect(model.attention(long).count == 20)
        #expect(abs(model.attention(long).map(\.weight).reduce(0, +) - 1) < 1e-12)
    }

    @Test func roundedModelSurvivesTheFileExactly() throws {
        let model = smallModel().rounded()
        let loaded = try TransformerSentimentModel(jsonData: model.jsonData())
        #expect(loaded.vocabulary == model.vocabulary)
        #expect(loaded.shape == model.shape)
        #expect(loaded.parameters == model.parameters)
    }

    @Test func trainingIsDeterministic() throws {
        let snippets = Array(try SentimentSnippets.load("movieReviewSnippets").prefix(200))
        var configuration = TransformerSentimentModel.TrainingConfiguration()
        configuration.epochs = 2
        configuration.shape = .init(dimension: 8, heads: 2, layers: 1, feedForward: 8, maxLength: 16)
        let first = TransformerSentimentModel.trainAndEvaluate(snippets: snippets, dataFile: "subset", configuration: configuration)
        let second = TransformerSentimentModel.trainAndEvaluate(snippets: snippets, dataFile: "subset", configuration: configuration)
        #expect(first.vocabulary == second.vocabulary)
        #expect(first.parameters == second.parameters)
        #expect(first.training == second.training)
        configuration.seed = 7
        let other = TransformerSentimentModel.trainAndEvaluate(snippets: snippets, dataFile: "subset", configuration: configuration)
        #expect(other.parameters != first.parameters)
    }

    /// Uses the committed tasks/sentiment/transformer-model.json: re-splits its data with the
    /// recorded seed and checks the loaded weights reproduce the metrics training recorded.
    @Test func committedModelReproducesItsRecordedMetrics() throws {
        let model = try TransformerSentimentModel.loadCommitted()
        let record = try #require(model.training)
        let snippets = try SentimentSnippets.load(from: ProjectPaths.taskFile("sentiment", record.dataFile))
        let parts = AttentionSentimentModel.split(snippets, seed: record.seed, trainFraction: record.trainFraction)
        #expect(model.evaluate(on: parts.test) == record.heldOut)
        #expect(record.heldOut.count == 2121 && record.train.count == 8484)
        #expect(record.heldOut.pearson > 0.5)
        let size = try FileManager.default.attributesOfItem(atPath: ProjectPaths.taskFile("sentiment", "transformer-model.json").path)[.size] as? Int
        #expect((size ?? .max) < 2_000_000)
    }

    @Test func partialTextReportCountsCoalitionsOutsideTheFullRange() throws {
        let model = smallModel()
        var configuration = SentimentPartialTextReport.Configuration()
        configuration.coalitionsPerText = 5
        let texts = ["good movie !", "bad bad movie", "good bad", "movie ! ! good"]
        let rows = try SentimentPartialTextReport.run(models: [model], texts: texts, configuration: configuration)
        #expect(rows.map(\.completion) == ["removal", "mask"])
        #expect(rows.allSatisfy { $0.full.count == 4 && $0.coalitions.count == 20 })
        #expect(rows.allSatisfy { (0...1).contains($0.outsideFullRange) && $0.outsideFullRange <= $0.outsideFullCentral90 })
        #expect(rows[0].empty == model.reward("") && rows[1].empty == model.reward("[MASK]"))
        #expect(try SentimentPartialTextReport.run(models: [model], texts: texts, configuration: configuration) == rows)
    }

    /// +1 per "good", -1 per "bad", +0.5 per blank: partial responses scored after their prompts.
    struct WordCount: TextRewardModel {
        let name = "count"
        func reward(_ text: String) -> Double {
            text.split(separator: " ").reduce(0) { $0 + ($1 == "good" ? 1 : $1 == "bad" ? -1 : $1 == "[MASK]" ? 0.5 : 0) }
        }
    }

    /// Responses " good" after "good" and " bad bad" after "bad": v(N) = 2 and -3 (the prompt
    /// counts); v(empty) = 1 and -1 by removal (mean 0), 1.5 and -0.5 with the blank (mean 0.5).
    /// Every proper coalition scores inside [-3, 2]: removal 1 ("good"), -1 or -2 ("bad" + at most
    /// one "bad"); mask 1.5, -0.5 or -1.5.
    @Test func partialTextReportScoresResponsesAfterTheirPrompts() throws {
        var configuration = SentimentPartialTextReport.Configuration()
        configuration.coalitionsPerText = 6
        let rows = try SentimentPartialTextReport.run(
            models: [WordCount()], texts: [" good", " bad bad"], prompts: ["good", "bad"], configuration: configuration)
        #expect(rows.map(\.completion) == ["removal", "mask"])
        for row in rows {
            #expect(row.full.quantiles.first == -3 && row.full.quantiles.last == 2)
            #expect(row.coalitions.count == 12 && row.outsideFullRange == 0)
        }
        #expect(rows[0].empty == 0 && rows[1].empty == 0.5)
        #expect(rows[0].coalitions.quantiles.first! >= -2 && rows[0].coalitions.quantiles.last! <= 1)
        #expect(rows[1].coalitions.quantiles.first! >= -1.5 && rows[1].coalitions.quantiles.last! <= 1.5)
    }
}

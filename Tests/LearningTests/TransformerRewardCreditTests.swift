import Foundation
import Shapley
import Statistics
import Testing
@testable import Learning
@testable import Tasks

/// `AdditiveReward` plus 0.5 per blank (`[MASK]`) in the text: v(S) of a masked coalition counts
/// the runs of missing units, so SCAR's blank-mask variant and removal differ by hand.
struct MaskCountingReward: TextRewardModel {
    let name = "additive+mask"
    func reward(_ text: String) -> Double {
        AdditiveReward().reward(text) + 0.5 * Double(text.components(separatedBy: TransformerSentimentModel.maskText).count - 1)
    }
}

/// The sentiment task's reward choice (`SentimentReward`): SCAR's blank-mask variant on text
/// games, and ABC from a transformer reward model's own attention.
@Suite("TransformerRewardCredit")
struct TransformerRewardCreditTests {
    static let goodBadGood = LearningCreditTests.goodBadGood

    /// "the film" + " good bad good" + <eos> (T = 4), token units, `missing=mask`. The game is
    /// the additive one (word scores 1, -0.5, 1) plus w(S) = 0.5 x (runs of missing units):
    /// w({}) = 0.5, w({0}) = 0.5, w({1}) = 1 (missing 0 and 2: two runs), w({2}) = 0.5, every
    /// pair 0.5, w(N) = 0. Shapley weights for n = 3 (1/3, 1/6, 1/3):
    ///   phi_0 = 1/3 (0.5 - 0.5) + 1/6 ((0.5 - 1) + (0.5 - 0.5)) + 1/3 (0 - 0.5) = -1/4 = phi_2,
    ///   phi_1 = 1/3 (1 - 0.5) + 1/6 ((0.5 - 0.5) + (0.5 - 0.5)) + 1/3 (0 - 0.5) = 0.
    /// So phi = (0.75, -0.5, 0.75), v(empty) = 0.25 + 0.5 (one blank) = 0.75 spread as 0.1875 per
    /// step; R = 1.75. Removal scores no blank: phi = (1, -0.5, 1), v(empty) = 0.25.
    @Test func blankMaskCoalitionsAreScoredWithOneMaskPerMissingRun() throws {
        let masked = try CreditScheme(parsing: "scar(units=tokens;missing=mask)")
        #expect(masked.description == "scar(units=tokens;alpha=1;exact<=10;estimator=owen;budget=500;missing=mask)")
        #expect(try CreditScheme(parsing: masked.description) == masked)
        let environment = CreditEnvironment(reward: MaskCountingReward(), attention: nil)
        let mask = try masked.assign(Self.goodBadGood, in: environment, random: RandomStream(seed: 7))
        LearningCreditTests.expectClose(mask.rewards, [0.9375, -0.3125, 0.9375, 0.1875])
        #expect(mask.sequenceReward == 1.75)
        try mask.checkEfficiency(of: masked)
        let removal = try LearningCreditTests.scar().assign(Self.goodBadGood, in: environment, random: RandomStream(seed: 7))
        LearningCreditTests.expectClose(removal.rewards, [1.0625, -0.4375, 1.0625, 0.0625])
        // Removal stays the default and keeps its old spelling; a bad value is refused.
        #expect(LearningCreditTests.scar().description == "scar(units=tokens;alpha=1;exact<=10;estimator=owen;budget=500)")
        #expect(throws: CreditScheme.ParseError.self) { try CreditScheme(parsing: "scar(missing=blank)") }
    }

    /// SCAR's punctuation spans with the blank mask on " good, bad good." (T = 5, no <eos>) after
    /// the prompt "a film, sadly;", whose marks make no players (the game is the response's):
    /// units "good," (steps 0-1) and "bad good." (steps 2-4), credit on steps 1 and 4. Under
    /// `MaskCountingReward`: v({}) = 0.25 + 0.5 (one blank) = 0.75, v({0}) = 0.25 + 1 + 0.5 = 1.75,
    /// v({1}) = 0.25 - 0.5 + 1 + 0.5 = 1.25, v(N) = 1.75; for two players
    /// phi_0 = ((1.75 - 0.75) + (1.75 - 1.25)) / 2 = 0.75, phi_1 = ((1.25 - 0.75) + (1.75 - 1.75)) / 2 = 0.25,
    /// and v({}) / T = 0.15 on every step: (0.15, 0.9, 0.15, 0.15, 0.4), 4 reward calls. Removal:
    /// v = 0.25, 1.25, 0.75, 1.75, phi = (1, 0.5), 0.05 per step: (0.05, 1.05, 0.05, 0.05, 0.55).
    @Test func punctuationSpansWithBlankMaskByHand() throws {
        let masked = try CreditScheme(parsing: "scar(units=punctuation;missing=mask)")
        #expect(masked.description == "scar(units=punctuation;alpha=1;exact<=10;estimator=owen;budget=500;missing=mask)")
        #expect(try CreditScheme(parsing: masked.description) == masked)
        let response = LearningCreditTests.response(["good", ",", "bad", "good", "."], ended: false, prompt: "a film, sadly;")
        #expect(response.response == " good, bad good.")
        let environment = CreditEnvironment(reward: MaskCountingReward(), attention: nil)
        let mask = try masked.assign(response, in: environment, random: RandomStream(seed: 7))
        LearningCreditTests.expectClose(mask.rewards, [0.15, 0.9, 0.15, 0.15, 0.4])
        #expect(mask.rewardCalls == 4)
        let removal = try LearningCreditTests.scar(.punctuation).assign(response, in: environment, random: RandomStream(seed: 7))
        LearningCreditTests.expectClose(removal.rewards, [0.05, 1.05, 0.05, 0.05, 0.55])
    }

    /// One layer, one head, d = 2, positions 0: layer norm maps E[CLS] = E[good] = (1, 0) to
    /// (a, -a) and E[bad] = (0, 1) to (-a, a), a = 0.5 / sqrt(0.25 + 1e-5); Wq = c I, Wk = I with
    /// c = ln 2 / sqrt(2), so the [CLS] query scores c (2 a^2) / sqrt(2) = a^2 ln 2 for [CLS] and
    /// "good", -a^2 ln 2 for "bad": weights proportional to 2^(a^2) and 2^(-a^2).
    static func attentionModel() -> TransformerSentimentModel {
        let shape = TransformerSentimentModel.Shape(dimension: 2, heads: 1, layers: 1, feedForward: 1, maxLength: 8)
        let vocabulary = ["<unk>", "[CLS]", "[MASK]", "bad", "good"]
        let layout = TransformerSentimentModel.Layout(vocabularySize: vocabulary.count, shape: shape)
        var p = [Double](repeating: 0, count: layout.count)
        func set(_ start: Int, _ values: [Double]) { for (i, v) in values.enumerated() { p[start + i] = v } }
        set(layout.tokenEmbeddings + 2 * 1, [1, 0])  // [CLS]
        set(layout.tokenEmbeddings + 2 * 3, [0, 1])  // bad
        set(layout.tokenEmbeddings + 2 * 4, [1, 0])  // good
        let o = layout.layer(0), c = log(2) / 2.0.squareRoot()
        set(o.ln1Gain, [1, 1]); set(o.ln2Gain, [1, 1]); set(layout.finalGain, [1, 1])
        set(o.wq, [c, 0, 0, c]); set(o.wk, [1, 0, 0, 1]); set(o.wv, [1, 0, 0, 1]); set(o.wo, [1, 0, 0, 1])
        set(layout.headWeights, [0.5, -0.5])
        return TransformerSentimentModel(vocabulary: vocabulary, shape: shape, parameters: p)
    }

    /// ABC (Chan et al. 2024) on the transformer task: prompt "bad", response " good bad" +
    /// <eos> (T = 3). The [CLS] row weighs the prompt's "bad" too, but ABC keeps the response's
    /// tokens and renormalises: w = (2^(a^2), 2^(-a^2)) / (2^(a^2) + 2^(-a^2)) for "good", "bad"
    /// (about 0.8, 0.2), so r = (b R w_good, b R w_bad, (1 - b) R), R = the model's reward.
    @Test(arguments: [0.5, 0.8])
    func attentionCreditUsesTheRewardModelsOwnAttention(mix: Double) throws {
        let model = Self.attentionModel()
        let response = LearningCreditTests.response(["good", "bad"], ended: true, prompt: "bad")
        let environment = CreditEnvironment(reward: model, attention: model)
        let abc = try CreditScheme.attention(mix: mix).assign(response, in: environment, random: RandomStream(seed: 1))
        let a2 = 0.25 / (0.25 + TransformerSentimentModel.layerNormEpsilon)
        let up = pow(2, a2), down = pow(2, -a2)
        let total = model.reward("bad good bad")
        #expect(abs(total) > 0.01)
        #expect(abc.sequenceReward == total)
        LearningCreditTests.expectClose(
            abc.rewards, [mix * total * up / (up + down), mix * total * down / (up + down), (1 - mix) * total])
        try abc.checkEfficiency(of: .attention(mix: mix))
    }

    /// Runs keyed before the reward choice existed keep their keys; the transformer's are distinct.
    @Test func storeKeyNamesOnlyANonDefaultReward() {
        var configuration = SentimentRLExperiment.Configuration()
        #expect(!configuration.storeKey.contains("reward="))
        configuration.reward = .transformer
        #expect(configuration.storeKey.hasPrefix("reward=transformer;"))
        #expect(SentimentReward.vader.abcIsProxy && !SentimentReward.transformer.abcIsProxy)
    }

    /// The transformer task end to end: one PPO step of each new scheme, R from the committed
    /// transformer ((-1, 1)), per-step rewards summing to R (checked inside every step).
    @Test func transformerTaskTrainsUnderMaskedSCARAndABC() throws {
        var configuration = SentimentRLExperiment.Configuration()
        configuration.reward = .transformer
        configuration.evaluationEpisodes = 4
        let experiment = try SentimentRLExperiment(configuration: configuration)
        for scheme in ["scar(units=spans:12;missing=mask)", "abc(b=0.5)"] {
            let curve = try experiment.run(scheme: try CreditScheme(parsing: scheme), seed: 3, steps: 1, batchSize: 2)
            #expect(curve.points.count == 1)
            #expect(abs(curve.finalEvaluation) < 1)
            #expect(abs(curve.points[0].meanReward) < 1)
        }
    }
}

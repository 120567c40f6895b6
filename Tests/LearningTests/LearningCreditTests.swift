import Shapley
import Statistics
import Tasks
import Testing
@testable import Learning

/// An additive reward model: 0.25 plus 1 per "good" and -0.5 per "bad" among the text's tokens.
/// Its response games are additive, so the Shapley value of a unit is the sum of its words'
/// scores and v(empty) = 0.25 for a prompt without those words (hand derivations below).
struct AdditiveReward: TextRewardModel {
    let name = "additive"
    func reward(_ text: String) -> Double {
        PolicyVocabulary.tokens(of: text).reduce(0.25) { $0 + ($1 == "good" ? 1 : $1 == "bad" ? -0.5 : 0) }
    }
}

/// Attention weight proportional to a token's 1-based position in the whole text.
struct PositionAttention: TokenAttentionModel {
    func attention(_ text: String) -> [(token: TextUnit, weight: Double)] {
        let tokens = TextSegmenter(level: .tokens).units(text)
        let total = Double(tokens.count * (tokens.count + 1) / 2)
        return tokens.enumerated().map { (token: $1, weight: Double($0 + 1) / total) }
    }
}

@Suite("LearningCreditSchemes")
struct LearningCreditTests {
    static let vocabulary = PolicyVocabulary(snippets: [SentimentSnippet(id: "1", rating: 0, text: "good bad , .")], size: 10)

    /// The response to "the film" made of `words`, ended by `<eos>` when `ended`.
    static func response(_ words: [String], ended: Bool, prompt: String = "the film") -> GeneratedResponse {
        let (text, ranges) = vocabulary.render(words, opensText: false)
        return GeneratedResponse(prompt: prompt, response: text, wordRanges: ranges, stepCount: words.count + (ended ? 1 : 0))
    }

    static func environment(_ reward: any TextRewardModel = AdditiveReward()) -> CreditEnvironment {
        CreditEnvironment(reward: reward, attention: PositionAttention())
    }

    static func rewards(_ scheme: CreditScheme, _ response: GeneratedResponse) throws -> CreditAssignment {
        try scheme.assign(response, in: environment(), random: RandomStream(seed: 7))
    }

    /// SCAR with the text defaults (exact up to 10 units) at `level`.
    static func scar(_ level: UnitLevel = .tokens, alpha: Double = 1) -> CreditScheme {
        var options = ShapleyCreditOptions.text.with(units: .text(level))
        options.alpha = alpha
        return .shapley(options)
    }

    static func expectClose(_ got: [Double], _ want: [Double]) {
        #expect(got.count == want.count)
        for (g, w) in zip(got, want) { #expect(abs(g - w) < 1e-12, "got \(got), want \(want)") }
    }

    static let goodBadGood = response(["good", "bad", "good"], ended: true)

    /// R = 0.25 + 1 - 0.5 + 1 = 1.75 over T = 4 steps (three words and <eos>).
    @Test func sparseUniformAndScaled() throws {
        let sparse = try Self.rewards(.sparse, Self.goodBadGood)
        #expect(sparse.sequenceReward == 1.75)
        Self.expectClose(sparse.rewards, [0, 0, 0, 1.75])
        Self.expectClose(try Self.rewards(.uniform, Self.goodBadGood).rewards, [0.4375, 0.4375, 0.4375, 0.4375])
        Self.expectClose(try Self.rewards(.scaledSparse(factor: 2), Self.goodBadGood).rewards, [0, 0, 0, 3.5])
        #expect(sparse.rewardCalls == 1)
    }

    /// The prompt baseline by hand: R = 1.75, v(empty) = 0.25 ("the film" alone), T = 4, so
    /// r_t = 0.25 / 4 = 0.0625 on every step and R - v(empty) = 1.5 more on the last:
    /// (0.0625, 0.0625, 0.0625, 1.5625), summing to R; two reward calls (R and v(empty)). A
    /// prompt holding "good" moves v(empty) to 1.25 and R to 2.75: 1.25 / 4 = 0.3125 per step and
    /// 2.75 - 1.25 = 1.5 more on the last, (0.3125, 0.3125, 0.3125, 1.8125).
    /// A response without words (T = 1) gets R.
    @Test func promptBaselineByHand() throws {
        let plain = try Self.rewards(.promptBaseline, Self.goodBadGood)
        #expect(plain.sequenceReward == 1.75)
        Self.expectClose(plain.rewards, [0.0625, 0.0625, 0.0625, 1.5625])
        #expect(plain.rewardCalls == 2)
        let goodPrompt = try Self.rewards(.promptBaseline, Self.response(["good", "bad", "good"], ended: true, prompt: "a good film"))
        #expect(goodPrompt.sequenceReward == 2.75)
        Self.expectClose(goodPrompt.rewards, [0.3125, 0.3125, 0.3125, 1.8125])
        Self.expectClose(try Self.rewards(.promptBaseline, Self.response([], ended: true)).rewards, [0.25])
    }

    /// The same rule on a unit game (the action tasks' path): two players on steps 0 and 2 of
    /// T = 3, v(empty) = 0.3, v(N) = 0.9: 0.1 on every step plus 0.6 on the last, (0.1, 0.1, 0.7);
    /// the players' own values play no part.
    @Test func promptBaselineOnAUnitGame() throws {
        let game = try TableGame(playerCount: 2, values: [0.3, 5, -5, 0.9])
        let rewards = try CreditScheme.promptBaseline.unitRewards(
            game, stepOfPlayer: [0, 2], stepCount: 3, partition: { throw GameError.invalidGame("none") }, random: RandomStream(seed: 1))
        Self.expectClose(rewards, [0.1, 0.1, 0.7])
    }

    /// Shapley values of the additive game are the word scores (1, -0.5, 1); v(empty) = 0.25 is
    /// spread as 0.0625 per step. With alpha = 0.5: half of that plus 0.875 = R / 2 at the end.
    @Test func shapleyOnAnAdditiveGame() throws {
        let scar = try Self.rewards(Self.scar(), Self.goodBadGood)
        Self.expectClose(scar.rewards, [1.0625, -0.4375, 1.0625, 0.0625])
        #expect(scar.rewardCalls == 8)
        let half = try Self.rewards(Self.scar(alpha: 0.5), Self.goodBadGood)
        Self.expectClose(half.rewards, [0.53125, -0.21875, 0.53125, 0.90625])
    }

    /// " good, bad." at span level is "good," | "bad.": credits 1 and -0.5 go to the steps of ","
    /// and "." (each span's last word); T = 4 without <eos>.
    @Test func spanCreditGoesToTheSpansLastWord() throws {
        let response = Self.response(["good", ",", "bad", "."], ended: false)
        #expect(response.response == " good, bad.")
        let scar = try Self.rewards(Self.scar(.spans(maxTokens: 12)), response)
        Self.expectClose(scar.rewards, [0.0625, 1.0625, 0.0625, -0.4375])
        #expect(scar.rewardCalls == 4)
    }

    /// Leave-one-out of an additive game is the word scores, without v(empty): sums to 1.5, not R.
    @Test func leaveOneOutIsNotEfficient() throws {
        let loo = try Self.rewards(.leaveOneOut(units: .text(.tokens)), Self.goodBadGood)
        Self.expectClose(loo.rewards, [1, -0.5, 1, 0])
        #expect(loo.rewardCalls == 4)
        #expect(throws: Never.self) { try loo.checkEfficiency(of: .leaveOneOut(units: .text(.tokens))) }
        #expect(throws: CreditAssignment.EfficiencyError.self) { try loo.checkEfficiency(of: .sparse) }
    }

    /// Whole-text attention 1..5 over "the film good bad good"; the response's weights 3, 4, 5
    /// renormalised to 3/12, 4/12, 5/12. b = 0.8, R = 1.75: 1.4 * (3/12, 4/12, 5/12) and
    /// 0.2 * 1.75 = 0.35 on <eos>.
    @Test func attentionCredit() throws {
        let abc = try Self.rewards(.abc, Self.goodBadGood)
        Self.expectClose(abc.rewards, [0.35, 1.4 / 3, 1.4 * 5 / 12, 0.35])
        try abc.checkEfficiency(of: .abc)
    }

    /// A response the policy ended at once: every scheme puts R on its single step.
    @Test func emptyResponse() throws {
        let empty = Self.response([], ended: true)
        for scheme in [CreditScheme.sparse, .uniform, Self.scar(), .leaveOneOut(units: .text(.tokens)), .abc] {
            Self.expectClose(try Self.rewards(scheme, empty).rewards, [0.25])
        }
    }

    /// A unit-game scheme over actions cannot play a text response.
    @Test func actionUnitsOnTextAreRefused() throws {
        #expect(throws: CreditEnvironment.WrongUnits.self) { try Self.rewards(.shapley(.actions), Self.goodBadGood) }
        #expect(throws: CreditEnvironment.WrongUnits.self) { try Self.rewards(.leaveOneOut(units: .actions), Self.goodBadGood) }
    }

    /// With VADER (interacting words: negation, "but", boosters) the Shapley credits plus
    /// v(empty)/T sum to R: exact at token and span level, Owen values (exact and sampled) and
    /// KernelSHAP forced by `exactUpTo: 0`.
    @Test(arguments: [
        ShapleyCreditOptions.text,
        ShapleyCreditOptions(units: .text(.tokens), exactUpTo: 0, estimator: "owen", budget: 500),
        ShapleyCreditOptions(units: .text(.tokens), exactUpTo: 0, estimator: "owen", budget: 20),
        ShapleyCreditOptions(units: .text(.tokens), exactUpTo: 0, estimator: "kernelshap", budget: 40),
        ShapleyCreditOptions(units: .text(.tokens), alpha: 0.3, exactUpTo: 10, estimator: "owen", budget: 500),
    ])
    func shapleyCreditIsEfficientUnderVader(options: ShapleyCreditOptions) throws {
        let vader = try VaderSentiment.standard()
        let texts: [[String]] = [
            ["is", "not", "very", "good", ",", "but", "funny", "."],
            ["great", "!", "the", "worst", "film", "ever"],
            ["a", "bad", "movie", "and", "really", "not", "bad"],
        ]
        for level in [UnitLevel.tokens, .spans(maxTokens: 12)] {
            for (i, words) in texts.enumerated() {
                let response = Self.response(words, ended: i % 2 == 0, prompt: "this movie")
                let scheme = CreditScheme.shapley(options.with(units: .text(level)))
                let credit = try scheme.assign(response, in: Self.environment(vader), random: RandomStream(seed: UInt64(i)))
                #expect(credit.sequenceReward == vader.reward("this movie" + response.response))
                #expect(abs(credit.rewards.reduce(0, +) - credit.sequenceReward) < 1e-9)
                try credit.checkEfficiency(of: scheme)
            }
        }
    }
}

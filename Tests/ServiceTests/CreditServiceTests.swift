import Foundation
import Testing
@testable import Service
import Shapley
import Statistics
import Tasks

@Suite struct CreditServiceTests {
    let service = CreditService(models: ["vader": try! VaderSentiment.standard()], exactLimit: 12)

    func request(_ tokens: [String], units: String = "tokens", estimator: String = "exact", alpha: Double = 1) -> CreditService.CreditRequest {
        CreditService.CreditRequest(prompt: "Review: ", response: nil, tokens: tokens, units: units, estimator: estimator,
                                    budget: 200, alpha: alpha, rewardModel: "vader", seed: 3)
    }

    /// Token rewards sum to R and the Shapley values are exact enumeration's on the prompted game.
    @Test(arguments: [1.0, 0.25])
    func tokenRewardsAreSCARs(alpha: Double) throws {
        let tokens = ["The", " film", " was", " not", " good,", " but", " fun!"]
        let answer = try service.credit(request(tokens, alpha: alpha))
        #expect(answer.tokens == tokens && answer.tokenRewards.count == tokens.count)
        #expect(abs(answer.tokenRewards.reduce(0, +) - answer.sequenceReward) < 1e-12)
        let vader = try VaderSentiment.standard()
        #expect(answer.sequenceReward == vader.reward("Review: " + tokens.joined()))
        let game = try TextGame(text: tokens.joined(), level: .tokens, model: PrefixModel(base: vader))
        #expect(answer.shapleyValues == (try ExactShapley().estimate(game, random: RandomStream(seed: 0))).values)
        #expect(answer.calls == 1 << game.playerCount)
    }

    struct PrefixModel: TextRewardModel {
        let base: VaderSentiment
        var name: String { "prefixed" }
        func reward(_ text: String) throws -> Double { base.reward("Review: " + text) }
    }

    @Test func spansPutEachCreditOnTheTokenEndingIt() throws {
        let tokens = ["Good", " acting.", " Bad", " plot."]
        let answer = try service.credit(request(tokens, units: "sentences", estimator: "kernelshap-paired"))
        #expect(answer.units == ["Good acting.", "Bad plot."])
        let share = answer.emptyReward / 4
        #expect(abs(answer.tokenRewards[0] - share) < 1e-12 && abs(answer.tokenRewards[2] - share) < 1e-12)
        #expect(abs(answer.tokenRewards[1] - share - answer.shapleyValues[0]) < 1e-12)
        #expect(abs(answer.tokenRewards[3] - share - answer.shapleyValues[1]) < 1e-12)
    }

    @Test func badRequestsAre4xx() throws {
        let many = Array(repeating: " good", count: 13)
        let cases: [CreditService.CreditRequest] = [
            request(many),
            request(["a"], estimator: "nope"),
            request(["a"], alpha: 2),
            request([]),
            CreditService.CreditRequest(response: "ok", rewardModel: "gpt"),
        ]
        for bad in cases {
            let error = #expect(throws: JSONHTTPServer.HTTPFailure.self) { try service.credit(bad) }
            #expect(error.map { (400..<500).contains($0.status.code) } == true)
        }
        #expect(throws: JSONHTTPServer.HTTPFailure.self) { try service.answer(method: .POST, path: "/", body: Data("{".utf8)) }
    }

    /// Only reward-model URLs given at startup are called: another URL gets 403 naming it (and no
    /// request leaves the server); an allowed one is used (here a live server scoring every text
    /// 1, so every Shapley value but none is 0 and v(N) = 1).
    @Test func rewardModelURLsMustBeAllowed() throws {
        let constant = try JSONHTTPServer(host: "127.0.0.1", port: 0) { _, _, body in
            struct Texts: Decodable { var texts: [String] }
            let count = try JSONDecoder().decode(Texts.self, from: body).texts.count
            return try JSONEncoder().encode(["scores": Array(repeating: 1.0, count: count)])
        }
        defer { constant.shutdown() }
        let allowed = "http://127.0.0.1:\(constant.port)/"
        let other = "http://127.0.0.1:\(constant.port)/other"
        let service = CreditService(models: [allowed: try HTTPRewardModel(url: URL(string: allowed)!)], exactLimit: 12)
        let refused = #expect(throws: JSONHTTPServer.HTTPFailure.self) {
            try service.credit(CreditService.CreditRequest(response: "a fine film", rewardModel: other))
        }
        #expect(refused?.status == .forbidden)
        #expect(refused.map { $0.reason.contains(other) && $0.reason.contains("--allow-reward-model") && !$0.reason.contains("\n") } == true)
        let answer = try service.credit(CreditService.CreditRequest(response: "a fine film", units: "tokens", rewardModel: allowed))
        #expect(answer.sequenceReward == 1 && answer.emptyReward == 1 && answer.shapleyValues == [0, 0, 0])
    }
}

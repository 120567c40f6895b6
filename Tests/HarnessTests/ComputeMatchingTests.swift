import Learning
import Statistics
import Tasks
import Testing
@testable import Harness

@Suite("ComputeMatching")
struct ComputeMatchingTests {
    /// A curve of `steps` PPO steps whose run made `calls` reward-model calls in all.
    static func curve(calls: Double, steps: Int, seed: Int = 0) -> CurveRun {
        CurveRun(scheme: "scar", seed: seed, steps: Array(0..<steps), values: Array(repeating: 0.5, count: steps),
                 totals: ["reward_calls": calls])
    }

    @Test("c and the matched batch by hand: pilots of 10 steps x 32 with 900 and 910 calls give c = (900/320 + 910/320)/2 = 2.828125, batch round(2.828125 x 32) = round(90.5) = 91")
    func batchFromCalls() {
        let pilots = [Self.curve(calls: 900, steps: 10), Self.curve(calls: 910, steps: 10, seed: 1)]
        let c = ComputeMatching.callsPerEpisode(pilots, steps: 10, batchSize: 32)
        #expect(c == 2.828125)
        #expect(ComputeMatching.matchedBatch(callsPerEpisode: c, batchSize: 32) == 91)
        // One call per episode (sparse) leaves the batch as it is; 7.95 calls on summarization's 32 give round(254.4) = 254.
        #expect(ComputeMatching.matchedBatch(callsPerEpisode: 1, batchSize: 32) == 32)
        #expect(ComputeMatching.matchedBatch(callsPerEpisode: 7.95, batchSize: 32) == 254)
    }

    @Test("The planned cells: on sentiment SCAR, sparse and ABC at B, sparse and ABC at round(c B), token SCAR exact and at 4 calls; on summarization sparse only; none at round(c B) above 10 x")
    func plannedCells() throws {
        typealias Arm = ComputeMatching.Arm
        let reduced = try CreditScheme(parsing: "scar(units=tokens;exact<=0;estimator=kernelshap-unbiased;budget=4)")
        #expect(ComputeMatching.reducedTokenSCAR(.sentiment) == reduced)
        let tokens = try CreditScheme(parsing: "scar(units=tokens)")
        #expect(ComputeMatching.arms(.sentiment, batchSize: 32, callsPerEpisode: 2.828125) == [
            Arm(scheme: SCARTask.sentiment.scar, batchSize: 32), Arm(scheme: .sparse, batchSize: 32), Arm(scheme: .abc, batchSize: 32),
            Arm(scheme: .sparse, batchSize: 91), Arm(scheme: .abc, batchSize: 91),
            Arm(scheme: tokens, batchSize: 32), Arm(scheme: reduced, batchSize: 32),
        ])
        #expect(ComputeMatching.reducedTokenSCAR(.summarization) == nil)
        #expect(ComputeMatching.arms(.summarization, batchSize: 32, callsPerEpisode: 7.95) == [
            Arm(scheme: SCARTask.summarization.scar, batchSize: 32), Arm(scheme: .sparse, batchSize: 32), Arm(scheme: .sparse, batchSize: 254),
        ])
        #expect(ComputeMatching.arms(.summarization, batchSize: 32, callsPerEpisode: 47) == [
            Arm(scheme: SCARTask.summarization.scar, batchSize: 32), Arm(scheme: .sparse, batchSize: 32),
        ])
    }

    @Test("The reduced token cell's calls on hand-sized responses: 3 and 8 tokens cost v(empty), v(N) and one coalition with its complement = 4; 2 tokens all 2^2 = 4 coalitions; 1 token v(N), v(empty) = 2; no words 1")
    func reducedTokenCalls() throws {
        let scheme = try #require(ComputeMatching.reducedTokenSCAR(.sentiment))
        let environment = CreditEnvironment(reward: try VaderSentiment.standard(), attention: nil)
        func calls(_ words: [String]) throws -> Int {
            var text = "", ranges: [Range<Int>] = []
            for word in words {
                text += " "
                ranges.append(text.unicodeScalars.count..<(text.unicodeScalars.count + word.unicodeScalars.count))
                text += word
            }
            let response = GeneratedResponse(prompt: "the film", response: text, wordRanges: ranges, stepCount: max(words.count, 1))
            let credit = try scheme.assign(response, in: environment, random: RandomStream(seed: 7))
            // Efficiency holds for every sample of the estimator: the per-step rewards sum to R.
            #expect(abs(credit.rewards.reduce(0, +) - credit.sequenceReward) < 1e-9)
            return credit.rewardCalls
        }
        #expect(try calls(["was", "dull", "today"]) == 4)
        #expect(try calls(["was", "a", "dull", "and", "lifeless", "waste", "of", "time"]) == 4)
        #expect(try calls(["was", "dull"]) == 4)
        #expect(try calls(["dull"]) == 2)
        #expect(try calls([]) == 1)
    }
}

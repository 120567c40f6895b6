import Foundation
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

    /// A learner that trains nothing: SCAR makes 2.5 reward calls per episode, token-level SCAR 250
    /// (exact) or 3.9 (reduced), the rest 1; final rewards by scheme and batch, SCAR's plus
    /// 0.002 (seed^2 mod 5) so paired differences vary (seeds 0-3: + 0, 0.002, 0.008, 0.008, mean 0.0045).
    struct FakeLearner: SCARRunner {
        let matchedSparseReward: Double
        var storeKey: String { "fake" }
        var evaluationSet: String { "no evaluation instances" }
        var klCoefficient: Double? { 0.05 }

        func run(scheme: CreditScheme, seed: Int, steps: Int, batchSize: Int) throws -> CurveRun {
            let reduced = ComputeMatching.reducedTokenSCAR(.sentiment)!
            let (calls, reward): (Double, Double) =
                if scheme == SCARTask.sentiment.scar { (2.5, 0.8) }
                else if scheme == reduced { (3.9, 0.5) }
                else if scheme.units != nil { (250, 0.85) }  // token-level SCAR, exact
                else if scheme == .sparse { (1, batchSize > 16 ? matchedSparseReward : 0.6) }
                else { (1, batchSize > 16 ? 0.75 : 0.65) }  // ABC
            return CurveRun(scheme: scheme.description, seed: seed, steps: Array(0..<steps), values: Array(repeating: reward, count: steps),
                            kl: Array(repeating: 2, count: steps),
                            totals: ["reward_calls": calls * Double(steps * batchSize),
                                     "final_evaluation": reward + (scheme == SCARTask.sentiment.scar ? 0.002 * Double(seed * seed % 5) : 0)])
        }
    }

    static func report(matchedSparseReward: Double) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compute-matching-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try CurveStore(url: folder.appendingPathComponent("sentiment.csv"))
        let experiment = SCARLearningClaims.Experiment(task: .sentiment, runner: FakeLearner(matchedSparseReward: matchedSparseReward),
                                                       steps: 10, batchSize: 16, design: "")
        return try #require(try ComputeMatching.run(experiments: [experiment], store: { _ in store }, sweepSeeds: 4,
                                                    stream: RandomStream(seed: 1), jobs: 1, force: false, role: .all))
    }

    @Test("End to end on a fake learner: pilots on seeds 4, 5 give c = 2.5, so sparse and ABC train at round(2.5 x 16) = 40; the table shows the measured calls; SCAR's lead (0.8045 against 0.7 and 0.75 at equal calls) survives, and does not when sparse at 40 reaches 0.9")
    func endToEnd() throws {
        let report = try Self.report(matchedSparseReward: 0.7)
        #expect(report.contains("c = 2.5 calls per episode (pilot seeds 4, 5), base batch B = 16, 10 steps"))
        #expect(report.contains("| \(SCARTask.sentiment.scar) | 16 | 2.5 | 0.8045 | 2 | (reference) |"))
        #expect(report.contains("| sparse | 40 | 1 | 0.7 | 2 | 0.1045 ["))
        #expect(report.contains("| abc(b=0.8) | 40 | 1 | 0.75 | 2 | 0.0545 ["))
        #expect(report.contains("| \(ComputeMatching.reducedTokenSCAR(.sentiment)!) | 16 | 3.9 | 0.5 | 2 | 0.3045 ["))
        #expect(report.contains("SCAR's advantage survives equal calls"))
        #expect(report.contains("is positive (interval above 0)"))
        let reversed = try Self.report(matchedSparseReward: 0.9)
        #expect(reversed.contains("**no advantage of SCAR survives equal calls**: sparse at batch 40 ends higher than SCAR (interval below 0)."))
    }
}

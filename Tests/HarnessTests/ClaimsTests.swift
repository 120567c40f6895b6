import Foundation
import Learning
import Shapley
import Statistics
import Testing
@testable import Harness

@Suite("Claims")
struct ClaimsTests {
    /// n draws of mean + sd * N(0, 1) from a seeded stream.
    static func normal(_ n: Int, mean: Double, sd: Double, stream: UInt64) -> [Double] {
        let random = RandomStream(seed: 42, stream: stream)
        return (0..<n).map { _ in mean + sd * random.normal() }
    }

    static func claim(_ comparisons: [ClaimComparison]) -> ClaimCheck {
        var claim = ClaimCheck(id: "T", title: "t", paper: "p", statement: "s", evidence: [], design: "d")
        claim.comparisons = comparisons
        return claim
    }

    static func better(_ a: [Double], _ b: [Double], margin: Double) throws -> ClaimComparison {
        try ClaimComparison(label: "x", metric: "m", groupA: "a", groupB: "b", hypothesis: .better(margin: margin),
                            a: a, b: b, stream: RandomStream(seed: 1))
    }

    @Test("A clear effect (means 1 vs 0, sd 0.2, 20 seeds each) is supported; reversed, it is not supported")
    func clearEffect() throws {
        let high = Self.normal(20, mean: 1, sd: 0.2, stream: 1), low = Self.normal(20, mean: 0, sd: 0.2, stream: 2)
        let forward = try Self.better(high, low, margin: 0.1)
        #expect(forward.verdict == .supported)
        #expect(forward.intervalLower! > 0.5 && forward.intervalUpper! < 1.5)
        #expect(try Self.better(low, high, margin: 0.1).verdict == .notSupported)
    }

    @Test("Identical distributions: not supported with many seeds (TOST inside the margin), inconclusive with few")
    func noEffect() throws {
        let a = Self.normal(200, mean: 0, sd: 0.1, stream: 3), b = Self.normal(200, mean: 0, sd: 0.1, stream: 4)
        let many = try Self.better(a, b, margin: 0.05)
        #expect(many.pValue > 0.05)
        #expect(many.verdict == .notSupported)
        // Four seeds each, the same values in another order: difference 0 (p = 1), but a spread
        // of about 0.8 is far too wide to show the difference within 0.05.
        let few = try Self.better([0, 1, -1, 0.5], [0.5, -1, 1, 0], margin: 0.05)
        #expect(few.pValue > 0.99)
        #expect(few.verdict == .inconclusive)
    }

    @Test("Equivalence claims: identical distributions are supported, distant ones not supported")
    func equivalence() throws {
        let a = Self.normal(100, mean: 0, sd: 0.1, stream: 5), b = Self.normal(100, mean: 0, sd: 0.1, stream: 6)
        let same = try ClaimComparison(label: "e", metric: "m", groupA: "a", groupB: "b", hypothesis: .equivalent(margin: 0.1),
                                       a: a, b: b, stream: RandomStream(seed: 2))
        #expect(same.verdict == .supported)
        let far = try ClaimComparison(label: "e", metric: "m", groupA: "a", groupB: "b", hypothesis: .equivalent(margin: 0.1),
                                      a: a, b: b.map { $0 + 1 }, stream: RandomStream(seed: 2))
        #expect(far.verdict == .notSupported)
    }

    @Test("Holm across claims, hand-derived: raw 0.01, 0.04, 0.03 become 0.03, 0.06, 0.06, and 0.04 turns inconclusive")
    func holmAcrossClaims() throws {
        let high = Self.normal(20, mean: 1, sd: 0.5, stream: 7), low = Self.normal(20, mean: 0, sd: 0.5, stream: 8)
        var comparisons = try (0..<3).map { _ in try Self.better(high, low, margin: 0.01) }
        for (i, p) in [0.01, 0.04, 0.03].enumerated() {
            comparisons[i].pValue = p
            comparisons[i].adjustedPValue = p
            comparisons[i].tostPValue = 1
        }
        #expect(comparisons[1].verdict == .supported)  // before the correction
        var claims = [Self.claim([comparisons[0]]), Self.claim([comparisons[1], comparisons[2]])]
        try ClaimReport.adjust(&claims)
        let adjusted = claims.flatMap { $0.comparisons.map(\.adjustedPValue) }
        for (value, expected) in zip(adjusted, [0.03, 0.06, 0.06]) { #expect(abs(value - expected) < 1e-15) }
        #expect(claims[0].verdict == .supported)
        #expect(claims[1].verdict == .inconclusive)
    }

    @Test("Claim verdicts combine parts; a reason for not measuring overrides everything")
    func combining() {
        var claim = Self.claim([])
        #expect(claim.verdict == .notMeasured)
        claim.exactChecks = [ExactCheck(name: "a", measured: 0, tolerance: 1e-9)]
        #expect(claim.verdict == .supported)
        claim.exactChecks.append(ExactCheck(name: "b", measured: 1, tolerance: 1e-9))
        #expect(claim.verdict == .notSupported)
        claim.notMeasuredReason = "skipped"
        #expect(claim.verdict == .notMeasured)
        #expect(Verdict.combining([.supported, .inconclusive]) == .inconclusive)
    }

    /// V = 2, T = 2, R: [] 0, [0] 1, [1] 0, [0,0] 0, [0,1] 3, [1,0] 2, [1,1] 1.
    static var mdp: TokenMDP {
        TokenMDP(vocabularySize: 2, horizon: 2) { y in
            [[]: 0, [0]: 1, [1]: 0, [0, 0]: 0, [0, 1]: 3, [1, 0]: 2, [1, 1]: 1][y]!
        }
    }

    @Test("Token MDP by hand: SCAR credit and the optimal policy under sparse and SCAR rewards")
    func handDerivedInvariance() throws {
        // y = [0, 1]: v({0}) = 1, v({1}) = R([1]) = 0, v(N) = 3, so
        // phi_0 = (1 - 0)/2 + (3 - 0)/2 = 2 and phi_1 = (0 - 0)/2 + (3 - 1)/2 = 1.
        let credit = try TokenRewardScheme.shapley.rewards([0, 1], in: Self.mdp)
        #expect(abs(credit[0] - 2) < 1e-12 && abs(credit[1] - 1) < 1e-12)
        var sparse: [[Int]: Double] = [:], scar: [[Int]: Double] = [:]
        for y in Self.mdp.sequences(length: 2) {
            sparse[y] = try TokenRewardScheme.sparse.rewards(y, in: Self.mdp).reduce(0, +)
            scar[y] = try TokenRewardScheme.shapley.rewards(y, in: Self.mdp).reduce(0, +)
        }
        // Best completions: from [] "0 1" (3); from [0] word 1 (3 > 0); from [1] word 0 (2 > 1).
        let expected: [[Int]: Set<Int>] = [[]: [0], [0]: [1], [1]: [0]]
        #expect(Self.mdp.optimalActions(returns: sparse) == expected)
        #expect(Self.mdp.optimalActions(returns: scar) == expected)
    }

    @Test("Unnormalised attention changes the optimum, by hand: weights [[0.1, 1], [1, 0.1]], b = 1")
    func attentionCounterexample() throws {
        // G(y) = R(y) (w_0(y_0) + w_1(y_1)): "0 1" -> 3 (0.1 + 0.1) = 0.6, "1 0" -> 2 (1 + 1) = 4.
        let scheme = TokenRewardScheme.unnormalisedAttention(b: 1, weights: [[0.1, 1], [1, 0.1]])
        var returns: [[Int]: Double] = [:]
        for y in Self.mdp.sequences(length: 2) { returns[y] = try scheme.rewards(y, in: Self.mdp).reduce(0, +) }
        #expect(abs(returns[[0, 1]]! - 0.6) < 1e-12 && abs(returns[[1, 0]]! - 4) < 1e-12)
        #expect(Self.mdp.optimalActions(returns: returns)[[]] == [1])
    }

    @Test("The closed form of the best-candidate game equals enumeration (correctness only, no timing asserts)")
    func closedForm() throws {
        let (claim, timings) = try ShapEClosedFormClaim.check(vectors: 4, exactMaximum: 8, seed: 5)
        #expect(claim.exactChecks[0].measured < 1e-9)
        #expect(timings.contains { $0.method == "exact" && $0.k == 8 })
    }

    @Test("Curve metrics by hand: area, final reward, smoothed steps to a threshold, censoring")
    func curveMetrics() {
        let run = CurveRun(scheme: "s", seed: 0, steps: [0, 10, 20, 30], values: [0, 1, 2, 2])
        // Trapezoids: 10 * (0.5 + 1.5 + 2) = 40 over 30 steps.
        #expect(abs(CurveMetrics.area(run) - 40.0 / 30) < 1e-12)
        #expect(abs(CurveMetrics.finalReward(run) - 5.0 / 3) < 1e-12)
        // Smoothed: 0, 0.5, 1, 5/3; reaches 1 at step 20, never 1.8 (censored at 40).
        #expect(CurveMetrics.stepsToThreshold(run, threshold: 1) == 20)
        #expect(CurveMetrics.stepsToThreshold(run, threshold: 1.8) == 40)
        // start 0, best final 5/3: threshold 0.9 * 5/3 = 1.5.
        #expect(abs(CurveMetrics.threshold([run]) - 1.5) < 1e-12)
    }

    @Test("Finished runs are read back after reopening; a torn copy is ignored; another configuration is not reused")
    func curveStore() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claims-store-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let run = CurveRun(scheme: "grpo", seed: 3, steps: [0, 5], values: [0.25, 0.5], totals: ["reward_calls": 7])
        try CurveStore(url: url).append(run, configuration: "k=1;seed=3")
        // A torn second copy of seed 4: rows without their `complete` line, no final newline.
        let key4 = CurveStore.key("k=1;seed=4")
        let handle = try FileHandle(forUpdating: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\(key4),grpo,4,configuration,,k=1;seed=4\n\(key4),grpo,4,curve,0,0.1\n\(key4),grpo,4,cur".utf8))
        try handle.close()
        let reopened = try CurveStore(url: url)
        #expect(reopened.run(configuration: "k=1;seed=3") == run)
        #expect(reopened.run(configuration: "k=1;seed=4") == nil)
        let redone = CurveRun(scheme: "grpo", seed: 4, steps: [0, 5], values: [0.1, 0.2])
        try reopened.append(redone, configuration: "k=1;seed=4")
        #expect(try CurveStore(url: url).run(configuration: "k=1;seed=4") == redone)
        #expect(try CurveStore(url: url).run(configuration: "k=2;seed=3") == nil)
        #expect(throws: HarnessError.self) { try CurveStore(url: url).append(run, configuration: "a,b") }
    }

    /// FNV-1a 64 reference values (the published test vectors: "" and "a"); the key hashes the
    /// configuration with the learner version.
    @Test func storeKeys() {
        #expect(CurveStore.fnv1a64("") == "cbf29ce484222325")
        #expect(CurveStore.fnv1a64("a") == "af63dc4c8601ec8c")
        #expect(CurveStore.key("k=1") == CurveStore.fnv1a64("k=1;learner=\(learnerVersion)"))
    }

    @Test("A file the store cannot read, or that is not a store, is refused and left as it was")
    func unreadableStoreIsNotOverwritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claims-bad-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let contents: [Data] = [Data([0xFF, 0xFE, 0x00, 0x80]), Data("configuration,scheme,seed,kind,step,value\nk,sparse,0,curve,0,1\n".utf8)]
        for (i, data) in contents.enumerated() {
            let url = folder.appendingPathComponent("\(i).csv")
            try data.write(to: url)
            #expect(throws: HarnessError.self) { try CurveStore(url: url) }
            #expect(try Data(contentsOf: url) == data)
        }
    }

    /// Curves value(t) = 1 - exp(-rate t) + 0.02 N(0, 1) per step, with rate 0.2 for the SCAR
    /// scheme and 0.05 for every other (SCAR clearly faster), final evaluation = the last value.
    struct FakeRunner: SCARRunner {
        let scar: CreditScheme
        var storeKey: String { "fake" }
        func run(scheme: CreditScheme, seed: Int, steps: Int, batchSize: Int) throws -> CurveRun {
            let rate = scheme == scar ? 0.2 : 0.05
            let noise = RandomStream(seed: UInt64(seed), stream: UInt64(scheme.description.count))
            let values = (0..<steps).map { 1 - exp(-rate * Double($0)) + 0.02 * noise.normal() }
            return CurveRun(scheme: scheme.description, seed: seed, steps: Array(0..<steps), values: values,
                            totals: ["reward_calls": 10, "final_evaluation": values.last!])
        }
    }

    @Test("SCAR learning claims per task: each run task adds its labelled comparisons; C6 needs sentiment; a clearly faster SCAR is supported")
    func scarLearningClaimsPerTask() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scar-claims-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let experiments = SCARTask.allCases.map { task in
            SCARLearningClaims.Experiment(task: task, runner: task == .sentiment ? nil : FakeRunner(scar: task.scar),
                                          steps: 60, batchSize: 4, design: task.rawValue)
        }
        var (claims, runs) = try SCARLearningClaims.check(
            experiments: experiments,
            store: { try CurveStore(url: folder.appendingPathComponent("\($0.task.rawValue).csv")) },
            seeds: 8, stream: RandomStream(seed: 9))
        #expect(runs[.sentiment] == nil && runs[.summarization]?.count == 24 && runs[.instructions]?.count == 24)
        let c4 = claims.first { $0.id == "C4" }!, c5 = claims.first { $0.id == "C5" }!, c6 = claims.first { $0.id == "C6" }!
        // Per action task: area and steps vs sparse (C4); final vs sparse and sparse*2 (C5); no ABC.
        #expect(c4.comparisons.map(\.label) == ["summarization", "instructions"].flatMap { task in
            ["C4 area vs sparse (\(task))", "C4 steps vs sparse (\(task))"] })
        #expect(c5.comparisons.count == 4 && c5.comparisons.allSatisfy { $0.groupA.hasSuffix(": scar(units=actions;alpha=1;exact<=6;estimator=antithetic;budget=64)") })
        #expect(c6.comparisons.isEmpty && c6.notMeasuredReason?.contains("sentiment") == true)
        try ClaimReport.adjust(&claims)
        #expect(claims.first { $0.id == "C4" }!.verdict == .supported)
    }
}

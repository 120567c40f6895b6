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

    /// A comparison of A against B, paired (both on seeds 0..<n) or not (B on other seeds).
    static func comparison(_ a: [Double], _ b: [Double], paired: Bool = true) throws -> ClaimComparison {
        try ClaimComparison(label: "x", metric: "m", groupA: "a", groupB: "b",
                            a: a.enumerated().map { ($0.offset, $0.element) },
                            b: b.enumerated().map { ((paired ? 0 : 100) + $0.offset, $0.element) }, stream: RandomStream(seed: 1))
    }

    static func verdict(_ a: [Double], _ b: [Double], _ rule: ClaimTest.Rule, margin: Double, paired: Bool = true) throws -> Harness.Verdict {
        Harness.Verdict(try ClaimTest(comparison(a, b, paired: paired), rule: rule, margin: margin, marginBasis: "test").decision.verdict)
    }

    /// A claim of tests on given effects (standard error 1, normal reference) with given margins.
    static func claim(_ id: String, _ effects: [(estimate: Double, margin: Double)], rule: ClaimTest.Rule = .superiority) throws -> ClaimCheck {
        var claim = ClaimCheck(id: id, title: "t", paper: "p", statement: "s", evidence: [], design: "d")
        claim.tests = try effects.map { effect in
            var comparison = try Self.comparison([0, 1], [0, 0])
            comparison.effect = try EffectEstimate(estimate: effect.estimate, standardError: 1, degreesOfFreedom: nil)
            return try ClaimTest(comparison, rule: rule, margin: effect.margin, marginBasis: "test")
        }
        return claim
    }

    @Test("A clear effect (means 1 vs 0, sd 0.2, 20 seeds each) is supported; reversed, it is not supported")
    func clearEffect() throws {
        let high = Self.normal(20, mean: 1, sd: 0.2, stream: 1), low = Self.normal(20, mean: 0, sd: 0.2, stream: 2)
        #expect(try Self.verdict(high, low, .superiority, margin: 0.1) == .supported)
        let forward = try Self.comparison(high, low)
        #expect(forward.design == .paired && forward.interval!.lower > 0.5 && forward.interval!.upper < 1.5)
        #expect(try Self.verdict(low, high, .superiority, margin: 0.1) == .notSupported)
    }

    @Test("No effect: not supported with many seeds (upper bound below the margin), inconclusive with few")
    func noEffect() throws {
        let a = Self.normal(200, mean: 0, sd: 0.1, stream: 3), b = Self.normal(200, mean: 0, sd: 0.1, stream: 4)
        #expect(try Self.verdict(a, b, .superiority, margin: 0.05) == .notSupported)
        // Four seeds each, the same values in another order: difference 0, but paired differences
        // -0.5, 2, -2, 0.5 are far too spread to show anything within 0.05.
        #expect(try Self.verdict([0, 1, -1, 0.5], [0.5, -1, 1, 0], .superiority, margin: 0.05) == .inconclusive)
    }

    @Test("A paired effect an unpaired test misses: seed effects sd 1, a = b + 0.3 (+ noise sd 0.05); paired supported, Welch inconclusive")
    func pairedEffect() throws {
        let seedEffects = Self.normal(20, mean: 0, sd: 1, stream: 10), noise = Self.normal(20, mean: 0, sd: 0.05, stream: 11)
        let b = seedEffects, a = zip(seedEffects, noise).map { $0 + 0.3 + $1 }
        #expect(try Self.comparison(a, b).design == .paired)
        #expect(try Self.verdict(a, b, .superiority, margin: 0.1) == .supported)
        #expect(try Self.comparison(a, b, paired: false).design == .welch)
        #expect(try Self.verdict(a, b, .superiority, margin: 0.1, paired: false) == .inconclusive)
    }

    @Test("Equivalence: identical distributions are supported, distant ones not supported")
    func equivalence() throws {
        let a = Self.normal(100, mean: 0, sd: 0.1, stream: 5), b = Self.normal(100, mean: 0, sd: 0.1, stream: 6)
        #expect(try Self.verdict(a, b, .equivalence, margin: 0.1) == .supported)
        #expect(try Self.verdict(a, b.map { $0 + 1 }, .equivalence, margin: 0.1) == .notSupported)
    }

    @Test("Non-inferiority (C6) both ways: 0.005 worse within a 0.04 margin is supported, 0.1 worse is not supported")
    func nonInferiority() throws {
        let tokens = Self.normal(20, mean: 0.8, sd: 0.02, stream: 12), noise = Self.normal(20, mean: 0, sd: 0.005, stream: 13)
        let slightlyWorse: [Double] = zip(tokens, noise).map { $0 - 0.005 + $1 }, muchWorse: [Double] = zip(tokens, noise).map { $0 - 0.1 + $1 }
        #expect(try Self.verdict(slightlyWorse, tokens, .nonInferiority, margin: 0.04) == .supported)
        #expect(try Self.verdict(muchWorse, tokens, .nonInferiority, margin: 0.04) == .notSupported)
    }

    /// Step curves over steps 0..<100 that jump from 0 to 1 at each `jumps` step (nil: never).
    static func stepRuns(_ scheme: String, _ jumps: [Int?]) -> [CurveRun] {
        jumps.enumerated().map { seed, jump in
            CurveRun(scheme: scheme, seed: seed, steps: Array(0..<100), values: (0..<100).map { step in jump.map { step >= $0 ? 1.0 : 0.0 } ?? 0 })
        }
    }

    @Test("Censored times to threshold: A reaches it by step 20-29, half of B never does; restricted means by hand, A faster is supported")
    func censoredTimes() throws {
        let fast = Self.stepRuns("a", (0..<10).map { 20 + $0 }), slow = Self.stepRuns("b", (0..<10).map { $0 < 5 ? 60 + $0 : nil })
        let c = try ClaimComparison(label: "steps", groupA: "a", groupB: "b", a: fast, b: slow, threshold: 0.5, horizon: 99)
        // Smoothed (3-step mean) reaches 0.5 one step after the jump; never-reaching runs are censored at 99.
        #expect(c.a == (21...30).map(Double.init) && c.reachedA == Array(repeating: true, count: 10))
        #expect(c.reachedB == Array(repeating: true, count: 5) + Array(repeating: false, count: 5))
        // RMST = mean time for A (all reached): 25.5; B: (61 + ... + 65 + 5 x 99) / 10 = 81.
        #expect(abs(c.summaryA - 25.5) < 1e-9 && abs(c.summaryB - 81) < 1e-9 && abs(c.effect.estimate - 55.5) < 1e-9)
        #expect(c.logRankPValue! < 0.001)
        let test = try ClaimTest(c, rule: .superiority, margin: 5, marginBasis: "5 steps")
        #expect(Harness.Verdict(test.decision.verdict) == .supported)
        let reversed = try ClaimComparison(label: "steps", groupA: "b", groupB: "a", a: slow, b: fast, threshold: 0.5, horizon: 99)
        #expect(Harness.Verdict(try ClaimTest(reversed, rule: .superiority, margin: 5, marginBasis: "").decision.verdict) == .notSupported)
    }

    @Test("Intersection-union: a claim holds only if every test does; one refuted test refutes it")
    func intersectionUnion() throws {
        // Standard error 1: (4, margin 4) supported; (1, margin 2) inconclusive; (-1, margin 2) not supported.
        let supported = (4.0, 4.0), inconclusive = (1.0, 2.0), refuted = (-1.0, 2.0)
        #expect(try Self.claim("A", [supported, supported]).verdict == .supported)
        #expect(try Self.claim("B", [supported, inconclusive]).verdict == .inconclusive)
        #expect(try Self.claim("C", [supported, refuted]).verdict == .notSupported)
        // p = max of support p-values: Q(1) = 0.1587.
        #expect(abs(try Self.claim("B", [supported, inconclusive]).unadjustedDecision()!.supportPValue - 0.158655) < 1e-5)
    }

    @Test("Holm across claims on both sides, hand-derived: support p 0.01, 0.04, 0.5 -> 0.03, 0.08, 0.5; refutation p 0.02 -> 0.06")
    func holmBothWays() throws {
        // Standard error 1: support p = Q(estimate), refutation p = P(estimate - margin).
        var claims = [
            try Self.claim("A", [(2.326348, 3.326348)]),  // support 0.01, refutation P(-1) = 0.1587
            try Self.claim("B", [(1.750686, 2.750686)]),  // support 0.04, refutation 0.1587
            try Self.claim("C", [(0, 2.053749)]),  // support 0.5, refutation 0.02
        ]
        #expect(claims.map(\.verdict) == [.supported, .supported, .notSupported])  // before the correction
        try ClaimReport.adjust(&claims)
        for (claim, expected) in zip(claims, [0.03, 0.08, 0.5]) { #expect(abs(claim.decision!.supportPValue - expected) < 1e-5) }
        for (claim, expected) in zip(claims, [0.317311, 0.317311, 0.06]) { #expect(abs(claim.decision!.refutationPValue - expected) < 1e-5) }
        #expect(claims.map(\.verdict) == [.supported, .inconclusive, .inconclusive])
        #expect(claims[0].marginSensitivity.map(\.factor) == [0.5, 1, 2])
    }

    @Test("Claim verdicts combine parts; not at convergence and not measured override the tests")
    func combining() throws {
        var claim = try Self.claim("T", [])
        #expect(claim.verdict == .notMeasured)
        claim.exactChecks = [ExactCheck(name: "a", measured: 0, tolerance: 1e-9)]
        #expect(claim.verdict == .supported)
        claim.tests = try Self.claim("T", [(4, 4)]).tests
        #expect(claim.verdict == .supported)
        claim.tests[0].notAtConvergence = "still rising"
        #expect(claim.verdict == .notAtConvergence && !claim.isDecidedStatistically)
        // A converged test that is refuted refutes the claim; one that is supported cannot support it.
        claim.tests += try Self.claim("T", [(-1, 2)]).tests
        #expect(claim.verdict == .notSupported && claim.isDecidedStatistically)
        claim.tests[1] = try Self.claim("T", [(4, 4)]).tests[0]
        #expect(claim.verdict == .notAtConvergence)
        claim.exactChecks.append(ExactCheck(name: "b", measured: 1, tolerance: 1e-9))
        #expect(claim.verdict == .notSupported)
        claim.notMeasuredReason = "skipped"
        #expect(claim.verdict == .notMeasured)
        #expect(Harness.Verdict.combining([.supported, .belowMargin, .inconclusive]) == .inconclusive)
    }

    @Test("Plateau check (TOST on the per-run change at the final slope): flat runs pass, runs rising 0.002 per step fail, and so do flat runs too noisy to show it")
    func plateau() throws {
        func runs(slope: Double, noise: Double) -> [CurveRun] {
            (0..<10).map { seed in
                let random = RandomStream(seed: 7, stream: UInt64(seed))
                return CurveRun(scheme: "s", seed: seed, steps: Array(0...100), values: (0...100).map { slope * Double($0) + noise * random.normal() })
            }
        }
        #expect(try PlateauCheck(runs(slope: 0, noise: 0.01), tolerance: 0.05).passes)
        let rising = try PlateauCheck(runs(slope: 0.002, noise: 0.01), tolerance: 0.05)
        // Change over a further 100 steps at 0.002 per step: 0.2.
        #expect(abs(rising.projectedChange - 0.2) < 0.03 && !rising.passes)
        #expect(try !PlateauCheck(runs(slope: 0, noise: 0.5), tolerance: 0.05).passes)
    }

    @Test("The closed form of the best-candidate game equals enumeration (correctness only, no timing asserts)")
    func closedForm() throws {
        let (claim, timings) = try ShapEClosedFormClaim.check(vectors: 4, exactMaximum: 8, seed: 5)
        #expect(claim.exactChecks[0].measured < 1e-9)
        #expect(timings.contains { $0.method == "exact" && $0.k == 8 })
    }

    @Test("Curve metrics by hand: area, final reward, smoothed time to a threshold, censoring")
    func curveMetrics() {
        let run = CurveRun(scheme: "s", seed: 0, steps: [0, 10, 20, 30], values: [0, 1, 2, 2])
        // Trapezoids: 10 * (0.5 + 1.5 + 2) = 40 over 30 steps.
        #expect(abs(CurveMetrics.area(run) - 40.0 / 30) < 1e-12)
        #expect(abs(CurveMetrics.finalReward(run) - 5.0 / 3) < 1e-12)
        // Smoothed: 0, 0.5, 1, 5/3; reaches 1 at step 20, never 1.8 (censored at the last step, 30).
        let reaching = CurveMetrics.timeToThreshold(run, threshold: 1), censored = CurveMetrics.timeToThreshold(run, threshold: 1.8)
        #expect(reaching.time == 20 && reaching.reached)
        #expect(censored.time == 30 && !censored.reached)
        // start 0, best final 5/3: threshold 0.9 * 5/3 = 1.5.
        #expect(abs(CurveMetrics.threshold([run]) - 1.5) < 1e-12)
        // Final KL: the mean of the last 3 steps' KL; NaN without KL.
        let withKL = CurveRun(scheme: "s", seed: 0, steps: [0, 10, 20, 30], values: [0, 1, 2, 2], kl: [0, 1, 2, 6])
        #expect(abs(CurveMetrics.finalKL(withKL) - 3) < 1e-12 && CurveMetrics.finalKL(run).isNaN)
    }

    /// Two seeds of one scheme, evaluated at steps 0, 2, 4 with rewards (0.1, 0.3, 0.5) and
    /// (0.3, 0.5, 0.7): the held-out panel's means are 0.2, 0.4, 0.6; training batches at steps
    /// 0..<4 are 0 and 1 at every step: their panel's means are 0.5.
    @Test("The SCAR learning-curve chart names both series: the held-out evaluations (with k and the evaluation set) and the training-batch reward")
    func learningCurveChartNamesBothSeries() throws {
        func run(seed: Int, offset: Double) -> CurveRun {
            CurveRun(scheme: "sparse", seed: seed, steps: [0, 1, 2, 3], values: Array(repeating: Double(seed), count: 4),
                     evaluations: [(0, 0.1 + offset), (2, 0.3 + offset), (4, 0.5 + offset)])
        }
        let chart = LearningCurveChart.chart(title: "t", yLabel: "mean reward R", runs: [run(seed: 0, offset: 0), run(seed: 1, offset: 0.2)],
                                             schemes: ["sparse"], evaluationSet: "7 evaluation prompts", trainingBatches: true)
        #expect(chart.panels.map(\.title) == ["held-out reward, 2-step evaluations on 7 evaluation prompts",
                                              "training-batch reward (each step's batch, before its update)"])
        let heldOut = try #require(chart.panels[0].series.first).points, training = try #require(chart.panels[1].series.first).points
        #expect(heldOut.map(\.x) == [0, 2, 4] && zip(heldOut.map(\.y), [0.2, 0.4, 0.6]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(training.map(\.x) == [0, 1, 2, 3] && training.allSatisfy { $0.y == 0.5 })
        #expect(chart.script.contains("held-out reward, 2-step evaluations on 7 evaluation prompts")
                && chart.script.contains("training-batch reward"))
        let grpo = LearningCurveChart.chart(title: "t", yLabel: "y", runs: [run(seed: 0, offset: 0)], schemes: ["sparse"],
                                            evaluationSet: "held-out users", trainingBatches: false)
        #expect(grpo.panels.count == 1)
    }

    @Test("A store written before KL rows existed is read back, its runs without KL")
    func storeWithoutKLRows() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claims-old-store-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let key = CurveStore.key("k=1")
        try Data("\(CurveStore.columns.joined(separator: ","))\n\(key),sparse,0,configuration,,k=1\n\(key),sparse,0,curve,0,0.5\n\(key),sparse,0,complete,,\n".utf8).write(to: url)
        #expect(try CurveStore(url: url).run(configuration: "k=1") == CurveRun(scheme: "sparse", seed: 0, steps: [0], values: [0.5]))
    }

    /// The frontier by hand. Two seeds, betas 1 and 2. Sparse: KL (2, 4) and (1, 1), rewards
    /// (0.4, 0.6) and (0.2, 0.4): points (3, 0.5) at beta 1 and (1, 0.3) at beta 2. SCAR: KL (6, 4)
    /// and (2, 2), rewards (0.8, 0.6) and (0.4, 0.2): points (5, 0.7) and (2, 0.3). At sparse's
    /// KL at beta 1, k* = 3, SCAR's frontier is 0.3 + (0.7 - 0.3) (3 - 2) / (5 - 2) = 13/30, so the
    /// matched difference is 13/30 - 0.5 = -1/15. R - beta KL, SCAR - sparse at beta 1: seed 0
    /// (0.8 - 6) - (0.4 - 2) = -3.6, seed 1 (0.6 - 4) - (0.6 - 4) = 0: mean -1.8.
    @Test func klFrontierByHand() throws {
        func run(_ scheme: String, _ seed: Int, reward: Double, kl: Double) -> CurveRun {
            CurveRun(scheme: scheme, seed: seed, steps: [0], values: [reward], kl: [kl], totals: ["final_evaluation": reward])
        }
        let runs: [(beta: Double, run: CurveRun)] = [
            (1, run("sparse", 0, reward: 0.4, kl: 2)), (1, run("sparse", 1, reward: 0.6, kl: 4)),
            (2, run("sparse", 0, reward: 0.2, kl: 1)), (2, run("sparse", 1, reward: 0.4, kl: 1)),
            (1, run("scar", 0, reward: 0.8, kl: 6)), (1, run("scar", 1, reward: 0.6, kl: 4)),
            (2, run("scar", 0, reward: 0.4, kl: 2)), (2, run("scar", 1, reward: 0.2, kl: 2)),
        ]
        let frontier = try KLFrontier(runs: runs, schemes: ["sparse", "scar"], betas: [1, 2])
        let matched = try frontier.matchedDifference("scar", over: "sparse", referenceBeta: 1, stream: RandomStream(seed: 1), resamples: 200)
        #expect(matched.kl == 3 && abs(matched.estimate! + 1.0 / 15) < 1e-12)
        #expect(KLFrontier.interpolate([(1, 0.3), (3, 0.5)], at: 4) == nil)
        let objective = try frontier.objectiveDifferences("scar", over: "sparse", stream: RandomStream(seed: 2))
        #expect(abs(objective[0].estimate + 1.8) < 1e-12)
        #expect(throws: HarnessError.self) { try KLFrontier(runs: Array(runs.dropLast()), schemes: ["sparse", "scar"], betas: [1, 2]) }
    }

    @Test("Finished runs are read back after reopening; a torn copy is ignored; another configuration is not reused")
    func curveStore() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("claims-store-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let run = CurveRun(scheme: "grpo", seed: 3, steps: [0, 5], values: [0.25, 0.5], kl: [0, 1.5],
                           evaluations: [(0, 0.125), (2, 0.375), (5, 0.625)], totals: ["reward_calls": 7])
        try CurveStore(url: url).append(run, configuration: "k=1;seed=3")
        // A torn second copy of seed 4: rows without their `complete` line, no final newline.
        let key4 = CurveStore.key("k=1;seed=4")
        let handle = try FileHandle(forUpdating: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\(key4),grpo,4,configuration,,k=1;seed=4\n\(key4),grpo,4,curve,0,0.1\n\(key4),grpo,4,cur".utf8))
        try handle.close()
        let reopened = try CurveStore(url: url)
        #expect(reopened.run(configuration: "k=1;seed=3") == run)
        let series = try #require(reopened.run(configuration: "k=1;seed=3")).evaluations
        #expect(series.map(\.step) == [0, 2, 5] && series.map(\.reward) == [0.125, 0.375, 0.625])
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

    /// Curves value(t) = 1 - exp(-rate t) + 0.02 N(0, 1) per step, rate `rates[scheme]` (0.05 for
    /// schemes not listed), final evaluation = the last value, reward calls `calls[scheme]` (10).
    /// With `klCoefficient`, each step's KL is `kl[scheme]` (1 for schemes not listed).
    struct FakeRunner: SCARRunner {
        let rates: [CreditScheme: Double]
        var calls: [CreditScheme: Double] = [:]
        var klCoefficient: Double? = nil
        var kl: [CreditScheme: Double] = [:]
        var storeKey: String { "fake" }
        var evaluationSet: String { "no evaluation instances" }
        func run(scheme: CreditScheme, seed: Int, steps: Int, batchSize: Int) throws -> CurveRun {
            let rate = rates[scheme] ?? 0.05
            let noise = RandomStream(seed: UInt64(seed), stream: UInt64(scheme.description.count))
            let values = (0..<steps).map { 1 - exp(-rate * Double($0)) + 0.02 * noise.normal() }
            return CurveRun(scheme: scheme.description, seed: seed, steps: Array(0..<steps), values: values,
                            kl: klCoefficient == nil ? [] : Array(repeating: kl[scheme] ?? 1, count: steps),
                            totals: ["reward_calls": calls[scheme] ?? 10, "final_evaluation": values.last!])
        }
    }

    /// C3 on converged fake runs (rate 0.3: flat after about 20 of 200 steps; 10 seeds, enough for the
    /// plateau check to show it through the noise) that reach the same reward: with equal KL both of C3's tests (R, and R - beta KL) are equivalent and C3 is
    /// supported; with SCAR at KL 2 and sparse at 0.5 under beta 0.1, R - beta KL differs by
    /// 0.1 x 1.5 = 0.15, three times the margin (5% of the gap from 0 to instruction following's maximum 1), so C3 is not supported
    /// although R alone is equivalent.
    @Test("C3 needs R and R - beta KL equivalent: same reward at a larger KL is not invariance")
    func invarianceNeedsTheRegularisedObjective() throws {
        for (scarKL, expected) in [(0.5, Harness.Verdict.supported), (2.0, Harness.Verdict.notSupported)] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("c3-kl-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let task = SCARTask.instructions
            let runner = FakeRunner(rates: [task.scar: 0.3, .sparse: 0.3], klCoefficient: 0.1, kl: [task.scar: scarKL, .sparse: 0.5])
            var (claims, _) = try SCARLearningClaims.check(
                experiments: [.init(task: task, runner: runner, steps: 200, batchSize: 4, design: task.rawValue)],
                store: { try CurveStore(url: folder.appendingPathComponent("\($0.task.rawValue).csv")) },
                seeds: 10, stream: RandomStream(seed: 5))
            try ClaimReport.adjust(&claims)
            let c3 = try #require(claims.first { $0.id == "C3" })
            #expect(c3.tests.map(\.comparison.metric) == ["final reward", "final R - beta KL, beta 0.1"])
            #expect(c3.tests.allSatisfy { $0.rule == .equivalence && $0.notAtConvergence == nil })
            let objective = c3.tests[1].comparison
            #expect(abs(objective.effect.estimate - c3.tests[0].comparison.effect.estimate + 0.1 * (scarKL - 0.5)) < 1e-12)
            #expect(c3.verdict == expected && c3.notAtConvergence == nil)
        }
        // Still rising (rate 0.005): both tests of the task are set aside, and the claim names the reason once.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("c3-rising-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let task = SCARTask.instructions
        var (claims, _) = try SCARLearningClaims.check(
            experiments: [.init(task: task, runner: FakeRunner(rates: [task.scar: 0.005, .sparse: 0.005], klCoefficient: 0.1),
                                steps: 200, batchSize: 4, design: task.rawValue)],
            store: { try CurveStore(url: folder.appendingPathComponent("\($0.task.rawValue).csv")) },
            seeds: 10, stream: RandomStream(seed: 5))
        try ClaimReport.adjust(&claims)
        let c3 = try #require(claims.first { $0.id == "C3" })
        #expect(c3.tests.count == 2 && c3.tests.allSatisfy { $0.notAtConvergence != nil })
        #expect(c3.verdict == .notAtConvergence && c3.notAtConvergence == c3.tests[0].notAtConvergence)
    }

    @Test("SCAR learning claims on fake curves: labelled tests per task, one comparison shared by C3 and C5, sparse still rising so C3 is not at convergence, a clearly faster SCAR supported, C6a non-inferior and C6b not")
    func scarLearningClaimsPerTask() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scar-claims-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let experiments = SCARTask.allCases.map { task in
            let (tokens, sentences) = (SCARTask.sentimentSCAR(.tokens), SCARTask.sentimentSCAR(.sentences))
            let runner = FakeRunner(rates: [task.scar: 0.2, tokens: 0.2, sentences: 0.02],
                                    calls: [tokens: 100, SCARTask.sentiment.scar: 10, sentences: 5])
            return SCARLearningClaims.Experiment(task: task, runner: runner, steps: 60, batchSize: 4, design: task.rawValue)
        }
        var (claims, runs) = try SCARLearningClaims.check(
            experiments: experiments,
            store: { try CurveStore(url: folder.appendingPathComponent("\($0.task.rawValue).csv")) },
            seeds: 8, stream: RandomStream(seed: 9))
        #expect(runs[.sentiment]?.count == 48 && runs[.summarization]?.count == 24 && runs[.instructions]?.count == 24
                && runs[.sentimentTransformer]?.count == 56)
        try ClaimReport.adjust(&claims)
        let byID = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0) })
        let (c3, c4, c5) = (byID["C3"]!, byID["C4"]!, byID["C5"]!)
        // C4: area and steps vs sparse per task, and vs ABC on the sentiment tasks (b = 0.8 on VADER, 0.5 on the transformer).
        let baselines: [(SCARTask, [CreditScheme])] = [(.sentiment, [.sparse, .abc]), (.summarization, [.sparse]), (.instructions, [.sparse]),
                                                       (.sentimentTransformer, [.sparse, .attention(mix: 0.5)])]
        #expect(c4.tests.map(\.comparison.label) == baselines.flatMap { task, baselines in
            baselines.flatMap { ["\(task.scar) vs \($0), area under the curve (\(task.rawValue))", "\(task.scar) vs \($0), steps to threshold (\(task.rawValue))"] } })
        #expect(c4.tests.allSatisfy { $0.comparison.design == ($0.comparison.label.contains("steps") ? .restrictedMean : .paired) })
        #expect(c4.verdict == .supported)
        // The same comparison (final reward vs sparse) in C3 and C5: one effect, one interval.
        let sharedC5 = c5.tests.first { $0.comparison.label == "\(SCARTask.sentiment.scar) vs sparse, final reward (sentiment)" }!
        #expect(c3.tests[0].comparison == sharedC5.comparison && c3.tests[0].rule == .equivalence && sharedC5.rule == .superiority)
        #expect(c5.tests.count == 10)
        // Sparse (rate 0.05) still rises about 0.15 over a further 60 steps: more than the margin 0.05.
        #expect(c3.verdict == .notAtConvergence && c3.decision == nil && c3.notAtConvergence!.contains("sparse"))
        #expect(byID["C6a"]!.verdict == .supported && byID["C6a"]!.exactChecks[0].measured == 0.1)
        #expect(byID["C6b"]!.verdict == .notSupported)
    }
}

import Foundation
import Statistics
import Testing
@testable import Harness

@Suite("PilotRunLength")
struct PilotRunLengthTests {
    /// `count` pilot series evaluated every 10 steps from 0 to `maximum`: f(step) plus N(0, noise^2).
    static func pilots(_ count: Int, maximum: Int = 1600, noise: Double = 0, stream: UInt64 = 0,
                       _ f: (Double) -> Double) -> [[(step: Int, reward: Double)]] {
        (0..<count).map { seed in
            let random = RandomStream(seed: 11, stream: stream * 100 + UInt64(seed))
            return stride(from: 0, through: maximum, by: 10).map { (step: $0, reward: f(Double($0)) + noise * random.normal()) }
        }
    }

    /// 1 - exp(-s / T): the reward of a run that saturates with time constant T.
    static func saturating(_ timeConstant: Double) -> (Double) -> Double { { 1 - exp(-$0 / timeConstant) } }

    @Test("Candidates: L_max x {1/4, ..., 1} on the evaluation grid, halves rounded up, repeats dropped")
    func candidates() {
        // 600 x {1/4, 3/8, 1/2, 5/8, 3/4, 7/8, 1} = 150, 225, 300, 375, 450, 525, 600; on multiples of 10: 225 -> 230, 375 -> 380, 525 -> 530.
        #expect(PilotRunLength.candidateSteps(maximumSteps: 600, interval: 10) == [150, 230, 300, 380, 450, 530, 600])
        #expect(PilotRunLength.candidateSteps(maximumSteps: 800, interval: 10) == [200, 300, 400, 500, 600, 700, 800])
        // 20 x fractions = 5, 7.5, 10, 12.5, 15, 17.5, 20; to multiples of 10: 10, 10, 10, 10, 20, 20, 20.
        #expect(PilotRunLength.candidateSteps(maximumSteps: 20, interval: 10) == [10, 20])
    }

    /// c(L) of 1 - exp(-s/T) evaluated every 10 steps, by hand: the window [0.8 L, L] has midpoint
    /// m = 0.9 L and offsets u = -0.1 L, ..., 0.1 L; the least-squares slope is
    /// sum u y / sum u^2 = -e^(-m/T) sum u e^(-u/T) / sum u^2 = e^(-m/T) sum_{u>0} u sinh(u/T) / sum_{u>0} u^2
    /// (the terms of +-u pair up), and c(L) = L times it. To first order it is (L/T) e^(-0.9 L/T).
    static func expectedChange(length: Int, timeConstant: Double) -> Double {
        let offsets = stride(from: 10, through: length / 10, by: 10).map(Double.init)
        let slope = exp(-0.9 * Double(length) / timeConstant) * offsets.map { $0 * sinh($0 / timeConstant) }.reduce(0, +)
            / offsets.map { $0 * $0 }.reduce(0, +)
        return Double(length) * slope
    }

    /// With T = 100, L_max = 1600 (candidates 400, 600, ...): c(400) = 0.111 (first order
    /// 4 e^-3.6 = 0.109) > 0.05 and c(600) = 0.0283 (6 e^-5.4 = 0.0271) < 0.05, so a tolerance of
    /// 0.05 chooses 600. A faster scheme (T = 50: c(400) = 0.0065) does not shorten it: every
    /// scheme must be flat.
    @Test("Saturating exponentials: the shortest length where every scheme's mean projected change is within tolerance, derived by hand")
    func saturatingExponential() throws {
        #expect(abs(Self.expectedChange(length: 400, timeConstant: 100) - 0.111) < 0.001)
        #expect(abs(Self.expectedChange(length: 600, timeConstant: 100) - 0.0283) < 0.0005)
        let rule = try PilotRunLength(pilots: ["slow": Self.pilots(5, Self.saturating(100)), "fast": Self.pilots(5, Self.saturating(50))],
                                      maximumSteps: 1600, tolerance: 0.05)
        #expect(rule.candidates.map(\.steps) == [400, 600, 800, 1000, 1200, 1400, 1600])
        for candidate in rule.candidates {
            for (scheme, timeConstant) in [("slow", 100.0), ("fast", 50.0)] {
                let expected = Self.expectedChange(length: candidate.steps, timeConstant: timeConstant)
                #expect(abs(candidate.meanProjectedChange[scheme]! - expected) <= 1e-9 * expected + 1e-12)
            }
        }
        #expect(rule.steps == 600 && rule.plateauShown)
        #expect(rule.chosen.meanProjectedChange["slow"]! < 0.05)
        // Alone, the fast scheme plateaus at the shortest candidate.
        #expect(try PilotRunLength(pilots: ["fast": Self.pilots(5, Self.saturating(50))], maximumSteps: 1600, tolerance: 0.05).steps == 400)
        // With small noise (sd 0.002 per evaluation: the mean c over 5 pilots has sd ~ 0.004 at L = 600) the choice stands.
        let noisy = try PilotRunLength(pilots: ["slow": Self.pilots(5, noise: 0.002, stream: 1, Self.saturating(100))], maximumSteps: 1600, tolerance: 0.05)
        #expect(noisy.steps == 600)
    }

    @Test("A linear ramp never plateaus: c(L) = slope x L at every candidate, the choice is L_max, plateau not shown")
    func linearRamp() throws {
        let rule = try PilotRunLength(pilots: ["ramp": Self.pilots(5) { 0.001 * $0 }], maximumSteps: 1600, tolerance: 0.05)
        #expect(!rule.plateauShown && rule.steps == 1600)
        for candidate in rule.candidates {
            #expect(abs(candidate.meanProjectedChange["ramp"]! - 0.001 * Double(candidate.steps)) < 1e-9)
        }
        // A ramp slow enough that c(L) = 2e-5 L stays within 0.05 up to L = 2500 is flat enough at once.
        #expect(try PilotRunLength(pilots: ["ramp": Self.pilots(5) { 2e-5 * $0 }], maximumSteps: 1600, tolerance: 0.05).steps == 400)
    }

    /// A curve flat to step 200, rising 0.001 per step to 500, flat after: over L_max = 800 the
    /// candidates are 200, 300, ..., 800, and c(L) = L b over the last 20% of [0, L] is by hand 0 at
    /// 200 (window 160-200, flat), 0.3, 0.4 and 0.5 at 300-500 (windows inside the rise, b =
    /// 0.001), 0.056 at 600 (window 480-600: 3 rising points then flat; numpy's polyfit agrees),
    /// and 0 at 700 and 800. The first candidate within 0.05 is 200, a crossing before the rise; the
    /// rule takes 700, the first from which every candidate passes.
    @Test("A crossing is not a plateau: the choice is the first candidate from which every longer one also passes")
    func crossingIsNotAPlateau() throws {
        let curve: (Double) -> Double = { $0 <= 200 ? 0 : (min($0, 500) - 200) * 0.001 }
        let rule = try PilotRunLength(pilots: ["late": Self.pilots(5, maximum: 800, curve)], maximumSteps: 800, tolerance: 0.05)
        #expect(rule.candidates.map(\.steps) == [200, 300, 400, 500, 600, 700, 800])
        let changes = rule.candidates.map { $0.meanProjectedChange["late"]! }
        for (got, want) in zip(changes, [0, 0.3, 0.4, 0.5, 0.056, 0, 0]) { #expect(abs(got - want) < 5e-4, "\(changes)") }
        #expect(rule.steps == 700 && rule.plateauShown)
    }

    /// Flat pilots with noise sd 0.01 per evaluation: at L = 400 the window holds 9 evaluations 10
    /// steps apart (sum of squared deviations of the steps 6000), so one run's c has sd
    /// 400 x 0.01 / sqrt(6000) = 0.052 and the mean of 5 has sd 0.023, well inside 0.1.
    @Test("Noise: flat noisy pilots plateau at the shortest candidate when the tolerance exceeds the noise of the mean")
    func noise() throws {
        let flat = try PilotRunLength(pilots: ["flat": Self.pilots(5, noise: 0.01, stream: 2) { _ in 0.5 }], maximumSteps: 1600, tolerance: 0.1)
        #expect(flat.steps == 400 && flat.plateauShown)
        // Noise does not hide a trend: a ramp of 0.001 per step (c(L) = 0.001 L, at least 0.4) with the same noise never plateaus.
        let ramp = try PilotRunLength(pilots: ["ramp": Self.pilots(5, noise: 0.01, stream: 3) { 0.5 + 0.001 * $0 }], maximumSteps: 1600, tolerance: 0.1)
        #expect(!ramp.plateauShown && ramp.steps == 1600)
    }

    @Test("Bad pilots are refused with a reason: none, or not starting at step 0")
    func refusals() {
        #expect(throws: HarnessError.self) { try PilotRunLength(pilots: [:], maximumSteps: 100, tolerance: 0.1) }
        #expect(throws: HarnessError.self) { try PilotRunLength(pilots: ["a": []], maximumSteps: 100, tolerance: 0.1) }
        #expect(throws: HarnessError.self) {
            try PilotRunLength(pilots: ["a": [[(step: 5, reward: 0), (step: 10, reward: 0)]]], maximumSteps: 10, tolerance: 0.1)
        }
    }

    @Test("run_lengths.json: written and read back; a full claims run takes its lengths, a quick run keeps the quick sizes")
    func wiring() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runlen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try RunLengths.read(folder: folder) == nil)
        let rule = try PilotRunLength(pilots: ["sparse": Self.pilots(2, maximum: 600, Self.saturating(40))], maximumSteps: 600, tolerance: 0.05)
        let entry = { (steps: Int, batch: Int) in
            RunLengths.Entry(steps: steps, batch: batch, maximumSteps: 600, tolerance: 0.05, toleranceBasis: "b", pilotSeeds: [1000, 1001],
                             schemes: ["sparse"], series: "held-out evaluations", plateauShown: true,
                             projectedChanges: rule.chosen.meanProjectedChange, candidates: rule.candidates)
        }
        let lengths = RunLengths(learnerVersion: 1, quick: false,
                                 tasks: [SCARTask.sentiment.rawValue: entry(450, 32), RunLengths.shapEKey: entry(500, 8)])
        try lengths.write(folder: folder)
        #expect(try RunLengths.read(folder: folder) == lengths)
        #expect(try String(contentsOf: folder.appendingPathComponent(RunLengths.markdownName), encoding: .utf8).contains("| sentiment | 450 | 32 | 600 |"))

        var full = ClaimsSettings(quick: false)
        #expect(full.scarSize(.sentiment) == SCARTask.sentiment.fullSize && full.shapE.configuration.steps == 400)
        #expect(full.untested.count == 1)
        full.runLengths = lengths
        #expect(full.scarSize(.sentiment) == (450, 32) && full.shapE.configuration.steps == 500)
        #expect(full.scarSize(.summarization) == SCARTask.summarization.fullSize)
        #expect(full.untested.isEmpty && full.runLengthSource.contains("sentiment 450 steps of 32"))
        var quick = ClaimsSettings(quick: true)
        quick.runLengths = lengths
        #expect(quick.scarSize(.sentiment) == SCARTask.sentiment.quickSize && quick.shapE.configuration.steps == 150)

        try Data("not json".utf8).write(to: folder.appendingPathComponent(RunLengths.fileName))
        #expect(throws: HarnessError.self) { try RunLengths.read(folder: folder) }
    }


    @Test("The plateau is read from the held-out evaluations where a run has them: rising training batches with flat evaluations pass, and the reverse fails")
    func plateauReadsEvaluations() throws {
        func runs(batchSlope: Double, evaluationSlope: Double?) -> [CurveRun] {
            (0..<10).map { seed in
                let random = RandomStream(seed: 8, stream: UInt64(seed))
                let evaluations = evaluationSlope.map { slope in stride(from: 0, through: 100, by: 5).map { (step: $0, reward: slope * Double($0) + 0.002 * random.normal()) } } ?? []
                return CurveRun(scheme: "s", seed: seed, steps: Array(0..<100), values: (0..<100).map { batchSlope * Double($0) + 0.01 * random.normal() },
                                evaluations: evaluations)
            }
        }
        // Over a further 100 steps at 0.002 per step the reward would change by 0.2, beyond the tolerance 0.05.
        #expect(try PlateauCheck(runs(batchSlope: 0.002, evaluationSlope: 0), tolerance: 0.05).passes)
        let rising = try PlateauCheck(runs(batchSlope: 0, evaluationSlope: 0.002), tolerance: 0.05)
        #expect(abs(rising.projectedChange - 0.2) < 0.03 && !rising.passes)
        // Runs stored without evaluations fall back to the recorded curve.
        #expect(try !PlateauCheck(runs(batchSlope: 0.002, evaluationSlope: nil), tolerance: 0.05).passes)
    }
}

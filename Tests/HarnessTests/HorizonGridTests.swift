import Foundation
import Statistics
import Testing
@testable import Harness
@testable import Learning

@Suite("HorizonGrid")
struct HorizonGridTests {
    /// A runner that only keys: its store key names its horizon.
    struct KeyingRunner: SCARRunner {
        let horizon: Int
        var storeKey: String { "horizon=\(horizon)" }
        func run(scheme: CreditScheme, seed: Int, steps: Int, batchSize: Int) throws -> CurveRun {
            CurveRun(scheme: scheme.description, seed: seed, steps: [0], values: [0])
        }
    }

    @Test("The grid plans every (T, seed, scheme) once: T 8 and 16 with 2 seeds quick, 8, 16 and 32 with the sweep's seeds full")
    func plannedCells() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("horizon-grid-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try CurveStore(url: folder.appendingPathComponent("sentiment.csv"))
        let experiment = SCARLearningClaims.Experiment(task: .sentiment, runner: KeyingRunner(horizon: 8), steps: 60, batchSize: 16, design: "")
        let schemes = ["sparse", "scar(units=spans:12;alpha=1;exact<=10;estimator=owen;budget=500)",
                       "scar(units=tokens;alpha=1;exact<=10;estimator=owen;budget=500)", "abc(b=0.8)"]
        #expect(HorizonGrid.schemes(.sentiment).map(\.description) == schemes)
        for (quick, sweepSeeds, horizons, seeds) in [(true, 3, [8, 16], 2), (false, 10, [8, 16, 32], 10), (true, 1, [8, 16], 1)] {
            #expect(HorizonGrid.horizons(quick: quick) == horizons)
            #expect(HorizonGrid.seeds(quick: quick, sweepSeeds: sweepSeeds) == seeds)
            let plan = try HorizonGrid.plan(experiment: experiment, store: store, horizons: horizons, seeds: seeds) { KeyingRunner(horizon: $0) }
            #expect(plan.count == horizons.count * seeds * 4)
            let keys = plan.map { experiment.configuration(scheme: $0.cell.scheme, seed: $0.cell.seed, runner: $0.cell.runner) }
            #expect(Set(keys).count == plan.count)
            for horizon in horizons {
                let cells = plan.filter { $0.horizon == horizon }
                #expect(cells.allSatisfy { $0.cell.runner.storeKey == "horizon=\(horizon)" })
                #expect(Set(cells.map { "\($0.cell.scheme);\($0.cell.seed)" }).count == seeds * 4)
                #expect(Set(cells.map(\.cell.scheme.description)) == Set(schemes))
            }
        }
    }

    @Test("The trend: per seed the least-squares slope of scheme - sparse against log2 T, averaged over seeds")
    func slopeByHand() throws {
        // x = log2 T = 3, 4, 5; mean 4; sum (x - 4)^2 = 2; s = (-(d8 - m) + (d32 - m)) / 2 = (d32 - d8) / 2.
        let three = HorizonGrid.slope(differences: [[0.1, 0.2, 0.5], [0.0, 0.1, 0.1], [0.3, 0.0, 0.1]], horizons: [8, 16, 32],
                                      stream: RandomStream(seed: 1))
        // (0.5 - 0.1) / 2 = 0.2, (0.1 - 0) / 2 = 0.05, (0.1 - 0.3) / 2 = -0.1; mean 0.15 / 3 = 0.05.
        #expect(abs(three.estimate - 0.05) < 1e-12)
        let interval = try #require(three.interval)
        #expect(interval.lower <= 0.05 && 0.05 <= interval.upper)
        #expect(interval.lower >= -0.1 - 1e-12 && interval.upper <= 0.2 + 1e-12)  // a mean of resampled slopes stays in their range
        // Two horizons: x = 3, 4, sum (x - 3.5)^2 = 0.5, s = 0.5 (d16 - d8) / 0.5 = d16 - d8: 0.3 and -0.2, mean 0.05.
        let two = HorizonGrid.slope(differences: [[0.1, 0.4], [0.2, 0.0]], horizons: [8, 16], stream: RandomStream(seed: 1))
        #expect(abs(two.estimate - 0.05) < 1e-12)
    }

    @Test("Only the first T steps are scored by the within-horizon loss")
    func firstSteps() {
        let sequence = WordSequence(prompt: [1, 2], actions: [3, 4, 5, 6], scored: [true, false, true, true])
        #expect(ReferencePolicyFit.firstSteps([sequence], count: 3)[0].scored == [true, false, true, false])
        #expect(ReferencePolicyFit.firstSteps([sequence], count: 9)[0].scored == sequence.scored)
        #expect(ReferencePolicyFit.firstSteps([sequence], count: 3)[0].actions == sequence.actions)
    }

    @Test("pi_ref refitted at another horizon keys apart, and no response exceeds T words")
    func refitAtAnotherHorizon() throws {
        let base = try #require(try LearnerFixture.runner(.sentiment) as? SentimentRLAdapter)
        let short = try base.refitted(horizon: 3)
        #expect(base.experiment.configuration.horizon == 8 && short.experiment.configuration.horizon == 3)
        #expect(short.storeKey != base.storeKey && short.storeKey.contains("horizon=3;") && base.storeKey.contains("horizon=8;"))
        let experiment = SCARLearningClaims.Experiment(task: .sentiment, runner: base, steps: 60, batchSize: 16, design: "")
        #expect(experiment.configuration(scheme: .sparse, seed: 0, runner: short) != experiment.configuration(scheme: .sparse, seed: 0, runner: base))
        // The GRU's fit reads every snippet to its end whatever T: the same network, the same loss over all held-out steps,
        // but the loss within the first 3 steps is over fewer, earlier steps.
        #expect(short.experiment.referenceHeldOutLoss == base.experiment.referenceHeldOutLoss)
        #expect(short.experiment.referenceHeldOutLossWithinHorizon != base.experiment.referenceHeldOutLossWithinHorizon)
        #expect(short.experiment.referenceContinuationLengths == base.experiment.referenceContinuationLengths)
        for (adapter, horizon) in [(short, 3), (base, 8)] {
            let responses = adapter.experiment.referenceResponses(count: 300, seed: 5)
            #expect(responses.allSatisfy { $0.wordRanges.count <= horizon && $0.stepCount <= horizon })
            #expect(responses.contains { $0.wordRanges.count == horizon })  // the bound is reached, so it is what stops them
        }
    }
}

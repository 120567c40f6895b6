import Foundation
@testable import Learning
import Testing
@testable import Harness

/// `SchemeCheck` against a baseline of sparse and SCAR on the instructions task (8 seeds of 20 PPO
/// steps of 16 episodes, recorded with the real learner): unchanged code passes bit-identically;
/// a learner with a crippled learning rate and a SCAR whose Shapley credit is lost (it trains as
/// sparse) fail; SCAR under sparse's name is reported improved (on this task SCAR's final reward
/// after 20 steps is about 0.57 against sparse's 0.42, from an untrained 0.22: measured with
/// `creditbench train` before the test was written); baselines that cannot be reproduced are refused.
@Suite struct SchemeCheckTests {
    static let board = SchemeCheckBoard(tasks: ["instructions"], schemes: ["sparse", "scar"], steps: 20, batchSize: 16, repetitions: 8, seed: 0)

    /// The real instructions learner, loaded once for the suite.
    nonisolated(unsafe) static let instructions = Result { try SCARTask.instructions.learner() }
    static func standard() throws -> any SCARLearner { try instructions.get() }

    /// Recorded once, written to a file and read back, as `creditbench check` does.
    static let baseline: SchemeCheckBaseline = {
        let recorded = try! SchemeCheck.record(board: board, learner: { _ in try standard() }, commit: "test", jobs: 2)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("creditbench-schemes-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try! recorded.write(to: url)
        return try! SchemeCheckBaseline.read(from: url)
    }()

    /// The standard learner, but asked for a scheme it trains `replacement(scheme)`: a scheme whose
    /// code changed.
    struct ChangedScheme: SCARLearner {
        let base: any SCARLearner
        let replacement: @Sendable (CreditScheme) -> CreditScheme
        var storeKey: String { base.storeKey }
        var evaluationSet: String { base.evaluationSet }
        func train(_ scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int, progress: (Int) -> Void) throws -> LearningCurve {
            try base.train(replacement(scheme), seed: seed, steps: steps, batchSize: batchSize, progress: progress)
        }
        func referenceEvaluation(seed: UInt64) throws -> Double { try base.referenceEvaluation(seed: seed) }
    }

    /// Flat curves at 0.3 whose final and untrained held-out rewards are 0.3 too: learns nothing.
    struct FlatLearner: SCARLearner {
        var storeKey: String { "flat" }
        var evaluationSet: String { "no evaluation instances" }
        func train(_ scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int, progress: (Int) -> Void) throws -> LearningCurve {
            LearningCurve(scheme: scheme.description, seed: seed, batchSize: batchSize,
                          points: (0..<steps).map { LearningCurve.Point(step: $0, meanReward: 0.3, meanKL: 0, meanExactKL: 0, rewardCalls: batchSize, meanLength: 1) },
                          evaluations: [.init(step: 0, meanReward: 0.3), .init(step: steps, meanReward: 0.3)],
                          elapsedSeconds: Array(repeating: 0, count: steps))
        }
        func referenceEvaluation(seed: UInt64) throws -> Double { 0.3 }
    }

    static let scar = CreditScheme.shapley(.actions)

    func statuses(_ verdicts: [SchemeCheckVerdict], of scheme: CreditScheme, _ metric: SchemeCheck.Metric) -> [CheckStatus] {
        verdicts.filter { $0.cell.scheme == scheme.description && $0.metric == metric }.map(\.status)
    }

    @Test func recordsEveryCellAndRoundTripsExactly() {
        #expect(Self.baseline.cells.map(\.scheme) == ["sparse", Self.scar.description])
        #expect(Self.baseline.cells.allSatisfy { $0.task == "instructions" && $0.finalEvaluations.count == 8 && $0.areas.count == 8 })
        #expect(Self.baseline.configuration.untrainedEvaluations.keys.sorted() == ["instructions"])
        #expect(Self.baseline.configuration.untrainedEvaluations["instructions"]?.count == 8)
        #expect(Self.baseline.configurationHash == Self.baseline.configuration.hash)
        // Same seed, same first batch (sampled before any update), whatever the scheme: the pairing
        // the tests rely on.
        #expect(Self.baseline.cells[0].firstBatchRewards == Self.baseline.cells[1].firstBatchRewards)
    }

    @Test func unchangedCodeIsUnchangedInEveryCell() throws {
        let verdicts = try SchemeCheck.check(Self.baseline, learner: { _ in try Self.standard() }, jobs: 2)
        #expect(verdicts.count == 2 * 2)
        #expect(verdicts.allSatisfy { $0.status == .unchanged }, "\(CheckReport.table(verdicts))")
        let junit = CheckReport.junit(verdicts)
        #expect(!junit.contains("<failure"))
        #expect(junit.contains(#"<testsuite name="schemes" tests="4" failures="0""#))
        #expect(junit.contains(#"<testcase classname="check.instructions" name="sparse final reward">"#))
    }

    /// PPO's learning rate cut twentyfold (0.05 to 0.0025): sparse ends near the untrained policy
    /// (0.23 against 0.42 after 20 steps, measured before the test was written).
    @Test func aCrippledLearningRateIsARegression() throws {
        let crippled = try SCARTask.instructions.learner(LearnerOptions(ppo: { ppo in
            var slow = ppo
            slow.policyLearningRate /= 20
            return slow
        }))
        let verdicts = try SchemeCheck.check(Self.baseline, learner: { _ in crippled }, jobs: 2)
        let table = CheckReport.table(verdicts)
        #expect(verdicts.filter { $0.metric == .finalReward }.allSatisfy { $0.status == .regressed }, "\(table)")
        #expect(!verdicts.contains { $0.status == .improved }, "\(table)")
        #expect(CheckReport.junit(verdicts).components(separatedBy: "<failure").count - 1 == verdicts.filter { $0.status == .regressed }.count)
    }

    /// SCAR whose Shapley credit is lost (it trains as sparse): its final reward regresses; sparse's
    /// cells are not rerun.
    @Test func scarWithItsCreditLostIsARegression() throws {
        let lost = ChangedScheme(base: try Self.standard()) { scheme in scheme.rule is ShapleyCredit ? .sparse : scheme }
        let verdicts = try SchemeCheck.check(Self.baseline, learner: { _ in lost }, only: ["scar"], jobs: 2)
        let table = CheckReport.table(verdicts)
        #expect(verdicts.allSatisfy { $0.cell.scheme == Self.scar.description }, "\(table)")
        #expect(statuses(verdicts, of: Self.scar, .finalReward) == [.regressed], "\(table)")
        #expect(!verdicts.contains { $0.status == .improved }, "\(table)")
    }

    /// SCAR under sparse's name: sparse's final reward is reported improved.
    @Test func scarUnderSparsesNameIsReportedImproved() throws {
        let better = ChangedScheme(base: try Self.standard()) { scheme in scheme == .sparse ? Self.scar : scheme }
        let verdicts = try SchemeCheck.check(Self.baseline, learner: { _ in better }, only: ["sparse"], jobs: 2)
        let table = CheckReport.table(verdicts)
        #expect(statuses(verdicts, of: .sparse, .finalReward) == [.improved], "\(table)")
        #expect(!verdicts.contains { $0.status == .regressed }, "\(table)")
    }

    /// The decision on hand-made cells whose differences are constant (decided by value): four seeds
    /// with final rewards 0.5, 0.6, 0.55, 0.65 from an untrained 0.3 each, so G = mean(0.2, 0.3,
    /// 0.25, 0.35) = 0.275 and the margin at T = 0.25 is 0.06875; areas 0.4 each from first batches
    /// 0.2, so G = 0.2 and the margin 0.05. A drop of 0.07 in final reward regresses, 0.068 does not;
    /// a rise of 0.051 in area improves, 0.049 does not.
    @Test func theMarginIsTTimesTheBaselinesGain() throws {
        let configuration = SchemeCheckConfiguration(
            board: SchemeCheckBoard(tasks: ["instructions"], schemes: ["sparse"], steps: 2, batchSize: 1, repetitions: 4, seed: 0),
            untrainedEvaluations: ["instructions": [0.3, 0.3, 0.3, 0.3]])
        let cell = SchemeCheckBaseline.Cell(task: "instructions", scheme: "sparse", runs: zip([0.5, 0.6, 0.55, 0.65], 0...).map { final, seed in
            CurveRun(scheme: "sparse", seed: seed, steps: [0, 1], values: [0.2, 0.6], totals: ["final_evaluation": final])
        })
        func decided(finalShift: Double, areaShift: Double) throws -> [CheckStatus] {
            var now = cell
            now.finalEvaluations = now.finalEvaluations.map { $0 + finalShift }
            now.areas = now.areas.map { $0 + areaShift }
            return try SchemeCheck.decide([(cell, now)], configuration: configuration, tolerance: 0.25, alpha: 0.05).map(\.status)
        }
        #expect(cell.areas == [0.4, 0.4, 0.4, 0.4])
        #expect(try decided(finalShift: 0, areaShift: 0) == [.unchanged, .unchanged])
        #expect(try decided(finalShift: -0.07, areaShift: 0.051) == [.regressed, .improved])
        #expect(try decided(finalShift: -0.068, areaShift: 0.049) == [.withinTolerance, .withinTolerance])
        #expect(try decided(finalShift: .nan, areaShift: 0) == [.regressed, .unchanged])
    }

    @Test func unreproducibleBaselinesAreRefused() throws {
        #expect(throws: CheckRefusal("scheme uniform is not in the baseline (it has sparse, scar)")) {
            try SchemeCheck.check(Self.baseline, learner: { _ in try Self.standard() }, only: ["uniform"])
        }
        var otherTask = Self.baseline
        let untrained = otherTask.configuration.untrainedEvaluations["instructions"]![0]
        otherTask.configuration.untrainedEvaluations["instructions"]![0] += 1e-3
        otherTask.configurationHash = otherTask.configuration.hash
        #expect(throws: CheckRefusal("the untrained policy of task instructions now has held-out reward \(untrained) under seed 0 where the baseline has \(untrained + 1e-3) (the task's data or evaluation changed); re-record the baseline")) {
            try SchemeCheck.check(otherTask, learner: { _ in try Self.standard() })
        }
        var fewerSteps = Self.board
        fewerSteps.steps = 10
        #expect(throws: CheckRefusal("the options ask for steps 10 where the baseline has 20; a check reruns the baseline's own configuration (drop the option, or re-record the baseline)")) {
            try Self.baseline.requireBoard(fewerSteps)
        }
        try Self.baseline.requireBoard(Self.board)
    }

    /// A scheme that learns nothing on the short run (flat curves, final reward = untrained) has
    /// G = 0: recording it is refused, since no regression could show.
    @Test func aCellThatGainsNothingIsNotRecorded() throws {
        #expect(throws: CheckRefusal("instructions sparse gains 0.0 <= 0 in final reward over the untrained policy in 20 steps, so no regression could show; give more --steps or leave the scheme out")) {
            try SchemeCheck.record(board: Self.board, learner: { _ in FlatLearner() }, commit: "test")
        }
    }

    /// The committed default scheme baseline is the quick board's (re-record it with the command in
    /// `creditbench check --help`).
    @Test func defaultBaselineIsTheQuickBoard() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("benchmarks/baselines/schemes.json")
        let committed = try SchemeCheckBaseline.read(from: url)
        #expect(committed.board == SchemeCheckBoard.quick)
        #expect(committed.cells.count == committed.board.tasks.count * committed.board.schemes.count)
    }
}

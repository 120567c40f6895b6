import Testing
@testable import Harness
import Shapley
import Statistics
import Tasks

@Suite struct TaskInstancesTests {
    /// Reward = number of characters: an additive game over units plus separators.
    struct LengthModel: TextRewardModel {
        var name: String { "length" }
        func reward(_ text: String) throws -> Double { Double(text.count) }
    }

    @Test func convergedTruthEqualsExactWhenItsBudgetCoversEveryCoalition() throws {
        // 8 tokens: 2^8 = 256 coalitions < the converged budget, so each KernelSHAP run enumerates
        // every coalition and is exact (KernelSHAP's full-budget property, tested in ShapleyTests).
        let game = try TextGame(text: "a bb ccc dddd, eeeee ff g hh", level: .tokens, model: LengthModel())
        let converged = try TaskInstances.convergedTruth(game, random: RandomStream(seed: 1))
        let exact = try TaskInstances.exactTruth(game, random: RandomStream(seed: 1))
        #expect(zip(converged.values, exact.values).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(converged.source.hasPrefix("converged"))
        #expect(exact.source == "exact")
    }

    @Test func exactEnumerationIsPlannedOnlyForSmallGames() throws {
        let small = ComparisonInstance(task: "t", instance: "i", unitLevel: "u", game: AdditiveGame(weights: Array(repeating: 1, count: 16)),
                                       truth: Array(repeating: 1, count: 16), truthSource: "exact", partition: .singletons(16))
        let large = ComparisonInstance(task: "t", instance: "i", unitLevel: "u", game: AdditiveGame(weights: Array(repeating: 1, count: 30)),
                                       truth: Array(repeating: 1, count: 30), truthSource: "closed form", partition: .singletons(30))
        #expect(EstimatorComparison.applies(EstimatorKind.exact.entry, to: small))
        #expect(!EstimatorComparison.applies(EstimatorKind.exact.entry, to: large))
        #expect(EstimatorComparison.applies(EstimatorKind.closedForm.entry, to: large), "additive games know their closed form")
        #expect(EstimatorComparison.applies(EstimatorKind.kernelshap.entry, to: large))
    }
}

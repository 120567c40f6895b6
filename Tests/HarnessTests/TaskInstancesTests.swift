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

    /// A caller's sentiment model that scores as VADER gets `make`'s sentiment-vader instances
    /// (same snippets, levels and exact truths); a summarization model is built once per article
    /// with that article's reference summary.
    @Test func callerModelsGetTheTaskGames() throws {
        let vader = try VaderSentiment.standard()
        let builtIn = try TaskInstances.make(perTask: 1, seed: 0).filter { $0.task == "sentiment-vader" }
        let caller = try TaskInstances.make(task: SentimentBenchmark(), rewardName: "caller", model: { _ in vader }, perTask: 1, seed: 0)
        #expect(caller.map(\.task) == ["sentiment-caller", "sentiment-caller"])
        #expect(caller.map(\.instance) == builtIn.map(\.instance) && caller.map(\.unitLevel) == builtIn.map(\.unitLevel))
        #expect(caller.map(\.truth) == builtIn.map(\.truth))
        let summaries = Dictionary(uniqueKeysWithValues: try BBCCorpus.load().map { ($0.id, $0.summary) })
        var references: [String?] = []
        let summarization = try TaskInstances.make(task: SummarizationBenchmark(), rewardName: "caller", model: { reference in
            references.append(reference)
            return try RougeReward(reference: reference ?? "", variant: .rouge1, stemming: true)
        }, perTask: 2, seed: 0)
        #expect(summarization.count == 2)
        let used = Set(references.compactMap { $0 })
        #expect(references.allSatisfy { $0 != nil } && used.isSubset(of: Set(summaries.values)))
        #expect(used.isSuperset(of: summarization.map { summaries[$0.instance]! }))
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

import Foundation
import Testing
@testable import Harness
import Shapley

@Suite struct ComparisonShardsTests {
    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("creditbench-shards-\(UUID().uuidString)")
    }

    /// Three shards run apart give, put together, exactly the records of one process, in order.
    @Test func shardsTogetherEqualOneProcess() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let instances = try SyntheticInstances.make(players: 6, count: 2, seed: 4)
        let plan = ComparisonPlan(estimators: [EstimatorKind.exact, .permutation, .kernelshapPaired].map(\.entry), budgetMultiples: [2, 5], repetitions: 2, seed: 3)
        let shards = try ComparisonShards(folder: folder, count: 3)
        #expect(shards.planIndices(of: 1, total: 7) == [1, 4])
        for index in [2, 0, 1] { try shards.run(index, instances: instances, plan: plan, jobs: 1) }
        let single = try EstimatorComparison.run(instances: instances, plan: plan)
        let together = try shards.collect(total: instances.count)
        #expect(together.count == single.count)
        for (a, b) in zip(together, single) {
            #expect(a.instance == b.instance && a.estimator == b.estimator && a.budget == b.budget && a.errors == b.errors && a.calls == b.calls)
        }
        #expect(try shards.run(0, instances: instances, plan: plan, jobs: 1) == 0, "a finished shard reruns nothing")
    }

    /// A missing shard is named with the command's rerun hint; a torn last line (a shard killed
    /// mid-write) is dropped and its instance redone by the next run of that shard.
    @Test func missingShardsAreNamedAndTornLinesRedone() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let instances = try SyntheticInstances.make(players: 5, count: 1, seed: 2)
        let plan = ComparisonPlan(estimators: [EstimatorKind.permutation.entry], budgetMultiples: [2], repetitions: 2, seed: 1)
        let shards = try ComparisonShards(folder: folder, count: 2)
        try shards.run(0, instances: instances, plan: plan, jobs: 1)
        #expect {
            try shards.collect(total: instances.count)
        } throws: { error in
            "\(error)".contains("rerun shards 1 with --shard I/2")
        }
        try Data("{\"instance\": 1, \"reco".utf8).write(to: shards.file(1))
        #expect(try shards.run(1, instances: instances, plan: plan, jobs: 1) == instances.count / 2)
        #expect(try shards.collect(total: instances.count).count == (try EstimatorComparison.run(instances: instances, plan: plan)).count)
    }

    /// A one-process run's journal (shard 0 of 1) cut after its first instance, as a killed run
    /// leaves it: `finished` gives that instance's records back unchanged, the rerun runs and hands
    /// `onFinished` only the other instances, and the whole equals one uninterrupted run.
    @Test func interruptedJournalResumesWithoutRedoingFinishedInstances() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let instances = try SyntheticInstances.make(players: 5, count: 1, seed: 6)
        let plan = ComparisonPlan(estimators: [EstimatorKind.permutation, .kernelshapPaired].map(\.entry), budgetMultiples: [2], repetitions: 2, seed: 5)
        let journal = try ComparisonShards(folder: folder, count: 1)
        try journal.run(0, instances: instances, plan: plan, jobs: 1)
        let whole = try Data(contentsOf: journal.file(0))
        let firstLine = whole[...whole.firstIndex(of: UInt8(ascii: "\n"))!]
        try Data(firstLine).write(to: journal.file(0))
        let kept = try journal.finished(0)
        #expect(kept.instances == [0])
        var handed: [ComparisonRecord] = []
        #expect(try journal.run(0, instances: instances, plan: plan, jobs: 1, onFinished: { handed += $0 }) == instances.count - 1)
        let single = try EstimatorComparison.run(instances: instances, plan: plan)
        #expect(handed.allSatisfy { $0.instance != instances[0].instance || $0.task != instances[0].task })
        #expect(kept.records.count + handed.count == single.count)
        let resumed = try journal.collect(total: instances.count)
        #expect(zip(resumed, single).allSatisfy { $0.instance == $1.instance && $0.estimator == $1.estimator && $0.errors == $1.errors && $0.calls == $1.calls })
        #expect(Array(resumed.prefix(kept.records.count)) == kept.records, "kept records come back as written, seconds included")
        try journal.discard(0)
        #expect(try journal.finished(0).instances.isEmpty)
    }
}

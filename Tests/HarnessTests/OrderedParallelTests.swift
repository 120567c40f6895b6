import Foundation
import Testing
@testable import Harness
import Shapley

@Suite struct OrderedParallelTests {
    /// Pieces finish out of order (later pieces sleep less) but are emitted in index order.
    @Test func emitsInIndexOrderWhateverFinishesFirst() throws {
        var emitted: [Int] = []
        try OrderedParallel.run(count: 12, jobs: 3, work: { index -> Int in
            usleep(UInt32((12 - index) * 300))
            return index * index
        }, emit: { index, value in
            #expect(value == index * index)
            emitted.append(index)
        })
        #expect(emitted == Array(0..<12))
    }

    /// A failing piece stops the run: every piece before it is still emitted, none after it, and
    /// its error is rethrown.
    @Test func aFailureKeepsTheFinishedPrefix() throws {
        struct Failure: Error {}
        var emitted: [Int] = []
        #expect(throws: Failure.self) {
            try OrderedParallel.run(count: 40, jobs: 2, work: { index -> Int in
                if index == 5 { throw Failure() }
                return index
            }, emit: { index, _ in emitted.append(index) })
        }
        #expect(emitted == Array(0..<5))
    }

    /// The estimator comparison writes the same records with 1 and 3 workers (seconds aside).
    @Test func comparisonRecordsDoNotDependOnJobs() throws {
        let instances = try SyntheticInstances.make(players: 7, count: 2, seed: 5)
        let plan = ComparisonPlan(estimators: EstimatorRegistry.entries, budgetMultiples: [2, 5], repetitions: 3, seed: 2)
        let serial = try EstimatorComparison.run(instances: instances, plan: plan, jobs: 1)
        let parallel = try EstimatorComparison.run(instances: instances, plan: plan, jobs: 3)
        #expect(serial.count == parallel.count && serial.count > 0)
        for (a, b) in zip(serial, parallel) {
            #expect(a.instance == b.instance && a.estimator == b.estimator && a.budget == b.budget && a.replicate == b.replicate)
            #expect(a.calls == b.calls && a.errors == b.errors)
        }
    }
}

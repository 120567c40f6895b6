import Foundation
import Testing
@testable import Harness

@Suite("ParallelRuns")
struct ParallelRunsTests {
    /// Every index runs once, results come back in index order, `finished` is never entered by
    /// two workers at once, and an error is rethrown.
    @Test func mapRunsEveryIndexOnceInOrder() throws {
        var seen: [Int] = []
        var inside = false
        let results = try ParallelRuns.map(count: 50, jobs: 4, run: { $0 * $0 }, finished: { i, result in
            #expect(!inside)
            inside = true
            seen.append(i)
            #expect(result == i * i)
            inside = false
        })
        #expect(results == (0..<50).map { $0 * $0 })
        #expect(seen.sorted() == Array(0..<50))
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try ParallelRuns.map(count: 10, jobs: 2, run: { i -> Int in if i == 3 { throw Boom() }; return i }, finished: { _, _ in })
        }
    }

    /// The same small plan (every claims scheme on every SCAR task, 3 steps of 4, 2 seeds) with
    /// jobs 1 and 2: the same runs in the same order, and the same stored runs.
    @Test func jobsDoNotChangeTheRuns() throws {
        var byJobs: [[SCARTask: [CurveRun]]] = []
        var stored: [[CurveRun?]] = []
        for jobs in [1, 2] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-\(jobs)-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let experiments = try SCARTask.allCases.map { task in
                SCARLearningClaims.Experiment(task: task, runner: try LearnerFixture.runner(task), steps: 3, batchSize: 4, design: task.rawValue)
            }
            let store = { (experiment: SCARLearningClaims.Experiment) in
                try CurveStore(url: folder.appendingPathComponent("\(experiment.task.rawValue).csv"))
            }
            let runs = try SCARLearningClaims.runs(experiments: experiments, store: store, seeds: 2, jobs: jobs, force: false, progress: { _ in })
            byJobs.append(runs)
            stored.append(try experiments.flatMap { experiment in
                let reopened = try store(experiment)
                return (0..<2).flatMap { seed in
                    experiment.task.schemes.map { reopened.run(configuration: experiment.configuration(scheme: $0, seed: seed, runner: experiment.runner!)) }
                }
            })
        }
        #expect(byJobs[0] == byJobs[1])
        #expect(stored[0] == stored[1] && stored[0].allSatisfy { $0 != nil })
        #expect(byJobs[0].values.map(\.count).reduce(0, +) == 2 * 12)
    }
}

import Foundation
import Testing
@testable import Harness

@Suite("ParallelRuns")
struct ParallelRunsTests {
    /// The same small plan (every claims scheme on every SCAR task, 3 steps of 4, 2 seeds) with
    /// jobs 1 and 2: the same runs in the same order, the same stored runs, byte-identical stores,
    /// apart from each run's measured CPU seconds (`total:cpu_seconds`, present and positive).
    @Test func jobsDoNotChangeTheRuns() throws {
        var byJobs: [[SCARTask: [CurveRun]]] = []
        var stored: [[CurveRun?]] = []
        var files: [[String]] = []
        /// The run without its measured CPU time, which no seed fixes.
        func untimed(_ run: CurveRun?) -> CurveRun? {
            guard var run else { return nil }
            #expect((run.totals.removeValue(forKey: "cpu_seconds") ?? 0) > 0)
            return run
        }
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
            byJobs.append(runs.mapValues { $0.map { untimed($0)! } })
            files.append(try SCARTask.allCases.map {
                try String(contentsOf: folder.appendingPathComponent("\($0.rawValue).csv"), encoding: .utf8)
                    .split(separator: "\n").filter { !$0.contains(",total:cpu_seconds,") }.joined(separator: "\n")
            })
            stored.append(try experiments.flatMap { experiment in
                let reopened = try store(experiment)
                return (0..<2).flatMap { seed in
                    experiment.task.schemes.map { untimed(reopened.run(configuration: experiment.configuration(scheme: $0, seed: seed, runner: experiment.runner!))) }
                }
            })
        }
        #expect(byJobs[0] == byJobs[1])
        #expect(stored[0] == stored[1] && stored[0].allSatisfy { $0 != nil })
        #expect(files[0] == files[1])
        // 2 seeds of sentiment's 6 schemes, summarization's 3, instructions' 3 and sentiment-transformer's 7.
        let planned: Int = 2 * (6 + 3 + 3 + 7)
        #expect(byJobs[0].values.map(\.count).reduce(0, +) == planned)
    }
}

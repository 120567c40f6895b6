import Foundation

/// Independent runs on up to `jobs` threads: `run(i)` for every i in 0..<count, each a pure
/// function of i (its own seeded stream), so the results do not depend on `jobs`; `finished(i,
/// result)` is called once per run, one call at a time (serialised under a lock: the single
/// writer of a store), in completion order. The results come back in index order. The first
/// error stops the workers from starting new runs and is rethrown.
enum ParallelRuns {
    static func map<Result>(count: Int, jobs: Int, run: (Int) throws -> Result,
                            finished: (Int, Result) throws -> Void) throws -> [Result] {
        precondition(jobs >= 1, "jobs must be at least 1")
        return try withoutActuallyEscaping(run) { run in
            try withoutActuallyEscaping(finished) { finished in
                let state = State(count: count, run: run, finished: finished)
                DispatchQueue.concurrentPerform(iterations: min(jobs, max(count, 1))) { _ in state.work() }
                if let error = state.error { throw error }
                return state.results.map { $0! }
            }
        }
    }

    /// Runs 0..<count of a learning plan: each read back by `stored(i)` (skipped under `force`) or
    /// trained by `train(i)` on up to `jobs` threads and handed to `store(i, run)` as it finishes
    /// (serialised); `progress` hears the number of runs at hand. Results in index order.
    static func curves(count: Int, jobs: Int, force: Bool, stored: (Int) -> CurveRun?, train: (Int) throws -> CurveRun,
                       store: (Int, CurveRun) throws -> Void, progress: (Int) -> Void) throws -> [CurveRun] {
        var runs = (0..<count).map { force ? nil : stored($0) }
        var finished = runs.filter { $0 != nil }.count
        progress(finished)
        let missing = runs.indices.filter { runs[$0] == nil }
        let trained = try map(count: missing.count, jobs: jobs, run: { try train(missing[$0]) }, finished: { k, run in
            try store(missing[k], run)
            finished += 1
            progress(finished)
        })
        for (k, run) in trained.enumerated() { runs[missing[k]] = run }
        return runs.map { $0! }
    }

    /// The work queue, the closures, the results and the first error shared by the workers
    /// (every mutable field is touched under `lock` only).
    private final class State<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private let count: Int
        private let run: (Int) throws -> Result
        private let finished: (Int, Result) throws -> Void
        private(set) var results: [Result?]
        private(set) var error: Error?

        init(count: Int, run: @escaping (Int) throws -> Result, finished: @escaping (Int, Result) throws -> Void) {
            self.count = count
            self.run = run
            self.finished = finished
            results = Array(repeating: nil, count: count)
        }

        /// One worker: runs indices until none is left or a run failed.
        func work() {
            while let i = next() {
                do {
                    let result = try run(i)
                    try locked {
                        try finished(i, result)
                        results[i] = result
                    }
                } catch {
                    locked { if self.error == nil { self.error = error } }
                }
            }
        }

        private func locked<T>(_ body: () throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body()
        }

        /// The next index to run, or nil when all are taken or a run failed.
        private func next() -> Int? {
            locked {
                guard error == nil, nextIndex < count else { return nil }
                defer { nextIndex += 1 }
                return nextIndex
            }
        }
    }
}

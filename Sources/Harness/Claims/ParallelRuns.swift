/// The runs of a learning plan, read back from their stores or trained in parallel.
enum ParallelRuns {
    /// Runs 0..<count: each read back by `stored(i)` (skipped under `force`) or trained by
    /// `train(i)` on up to `jobs` threads (`OrderedParallel`: each run has its own seeded stream,
    /// so the runs do not depend on `jobs`) and handed to `store(i, run)` one at a time, in index
    /// order (the store's single writer); `progress` hears the number of runs at hand. Results in
    /// index order.
    static func curves(count: Int, jobs: Int, force: Bool, stored: (Int) -> CurveRun?, train: (Int) throws -> CurveRun,
                       store: (Int, CurveRun) throws -> Void, progress: (Int) -> Void) throws -> [CurveRun] {
        var runs = (0..<count).map { force ? nil : stored($0) }
        var finished = runs.filter { $0 != nil }.count
        progress(finished)
        let missing = runs.indices.filter { runs[$0] == nil }
        try OrderedParallel.run(count: missing.count, jobs: jobs, work: { try train(missing[$0]) }, emit: { k, run in
            try store(missing[k], run)
            runs[missing[k]] = run
            finished += 1
            progress(finished)
        })
        return runs.map { $0! }
    }
}

/// The runs of a learning plan, read back from their stores or trained in parallel.
enum ParallelRuns {
    /// Runs 0..<count: each read back by `stored(i)` (skipped under `force`) or, where `role`
    /// trains it, trained by `train(i)` on up to `jobs` threads (`OrderedParallel`: each run has
    /// its own seeded stream, so the runs do not depend on `jobs`) and handed to `store(i, run)`
    /// one at a time, in index order (the store's single writer); `progress` hears the number of
    /// runs at hand. Returns every run in index order, or `nil` under a shard role (which holds
    /// only its share); under `.merge` a missing run is an error naming the shards to rerun.
    static func curves(count: Int, role: LearningRunRole = .all, jobs: Int, force: Bool, stored: (Int) -> CurveRun?,
                       train: (Int) throws -> CurveRun, store: (Int, CurveRun) throws -> Void,
                       progress: (Int) -> Void) throws -> [CurveRun]? {
        var runs = (0..<count).map { force ? nil : stored($0) }
        var finished = runs.filter { $0 != nil }.count
        progress(finished)
        if case .merge(let shardCount) = role, let first = runs.firstIndex(where: { $0 == nil }) {
            let missing = runs.indices.filter { runs[$0] == nil }
            let shards = Set(missing.map { $0 % shardCount }).sorted().map(String.init).joined(separator: ",")
            throw HarnessError.invalidPlan("\(missing.count) of \(count) learning runs are in no store (the first is run \(first) of its plan); rerun shards \(shards) with --shard I/\(shardCount)")
        }
        let missing = runs.indices.filter { runs[$0] == nil && role.trains($0) }
        try OrderedParallel.run(count: missing.count, jobs: jobs, work: { try train(missing[$0]) }, emit: { k, run in
            try store(missing[k], run)
            runs[missing[k]] = run
            finished += 1
            progress(finished)
        })
        if case .shard = role { return nil }
        return runs.map { $0! }
    }
}

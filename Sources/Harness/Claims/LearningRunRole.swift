/// What one claims run does with the plan's learning runs, so the runs can be spread over a
/// cluster job array and put together afterwards.
///
/// Each learning plan (the SCAR runs, then the GRPO runs) is dealt round robin: shard `index` of
/// `count` owns the plan's runs index, index + count, index + 2 count, ... in plan order.
public enum LearningRunRole: Sendable, Equatable {
    /// Read every run back from the stores or train it (one process).
    case all
    /// Train only the missing runs this shard owns, into the shard's own store files; no claims.
    case shard(index: Int, count: Int)
    /// Train nothing: adopt the runs of the `shardCount` shard stores into the main stores, then
    /// decide the claims; a run that no store holds is an error naming the shards to rerun.
    case merge(shardCount: Int)

    /// Whether this role trains run `index` of a plan when it is missing.
    func trains(_ index: Int) -> Bool {
        switch self {
        case .all: return true
        case .shard(let shard, let count): return index % count == shard
        case .merge: return false
        }
    }
}

/// The episodes of one PPO batch, with their steps flattened for the value head and the
/// advantage whitening: episode i's steps are `offsets[i]..<offsets[i + 1]`.
struct PPOBatch<Episode: PPOEpisode> {
    var episodes: [Episode] = []
    var offsets = [0]
    var states: [Episode.State] = []
    var advantages: [Double] = []
    var returns: [Double] = []

    mutating func append(_ episode: Episode, advantages: [Double], returns: [Double]) {
        episodes.append(episode)
        offsets.append(offsets.last! + episode.states.count)
        states += episode.states
        self.advantages += advantages
        self.returns += returns
    }

    /// The flattened step indices of the episodes `chosen`, in that order.
    func steps(of chosen: [Int]) -> [Int] {
        chosen.flatMap { offsets[$0]..<offsets[$0 + 1] }
    }

    /// Per-step values `x` (flattened like `advantages`) split back into episodes.
    func perEpisode(_ x: [Double]) -> [[Double]] {
        episodes.indices.map { Array(x[offsets[$0]..<offsets[$0 + 1]]) }
    }
}

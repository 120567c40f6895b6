import Shapley
import Statistics

/// The estimator literature's synthetic test games as comparison instances, with exact truth:
/// sums of unanimity games (2n terms), weighted voting, and the max game (closed form known).
/// Owen uses contiguous groups of 4 players, as spans group tokens.
public enum SyntheticInstances {
    public static func make(players: Int, count: Int, seed: UInt64) throws -> [ComparisonInstance] {
        let partition = PlayerPartition.contiguous(players, size: 4)
        var instances: [ComparisonInstance] = []
        for index in 0..<count {
            let random = RandomStream(seed: seed, stream: UInt64(index))
            let games: [(String, any CooperativeGame)] = [
                ("soum", try TableGame(tabulating: UnanimitySumGame.random(players: players, terms: 2 * players, random: random))),
                ("voting", try TableGame(tabulating: WeightedVotingGame.random(players: players, random: random))),
                ("max", MaxGame(scores: (0..<players).map { _ in random.uniform() })),
            ]
            for (task, game) in games {
                instances.append(try .withExactTruth(task: task, instance: "\(task)-\(players)-\(index)", unitLevel: "players",
                                                     game: game, partition: partition))
            }
        }
        return instances
    }
}

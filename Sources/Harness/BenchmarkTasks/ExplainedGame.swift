import Shapley

/// A game `explain` computes the credit of, with what is needed to show it: the text pieces in
/// unit order (each with the separator before it), the text after the last unit, the reward
/// model's name and the unit level's.
public struct ExplainedGame {
    public var game: any CooperativeGame
    /// The coalition structure the Owen estimator groups by (e.g. tokens by spans).
    public var partition: PlayerPartition
    public var pieces: [(before: String, text: String)]
    public var trailing: String
    public var rewardName: String
    public var unitName: String

    public init(game: any CooperativeGame, partition: PlayerPartition, pieces: [(before: String, text: String)],
                trailing: String, rewardName: String, unitName: String) {
        self.game = game
        self.partition = partition
        self.pieces = pieces
        self.trailing = trailing
        self.rewardName = rewardName
        self.unitName = unitName
    }
}

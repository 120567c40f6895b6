import Shapley

/// What group-relative policy optimisation over recommended sets needs from a task, and nothing
/// more: a fixed catalog of items with features, a context vector per user, the set size K, and
/// the cooperative game of a recommended set (players = the set's positions, v(N) = the set's
/// reward). Learning does not know which data stands behind it.
public protocol GRPOSetTask {
    var setSize: Int { get }
    var contextFeatureCount: Int { get }
    /// One feature vector per catalog item; items are referred to by index into this list.
    var itemFeatures: [[Double]] { get }
    func context(user: Int) throws -> [Double]
    /// The game of the set `items` (catalog indices, in draw order) for `user`.
    func game(user: Int, items: [Int]) throws -> any CooperativeGame
}

extension GRPOSetTask {
    /// The set's reward v(N) and each position's Shapley value: the game's closed form where it
    /// has one (ShapE-GRPO's best-candidate game, O(K log K)), exact enumeration otherwise.
    func rewardAndCredit(user: Int, items: [Int]) throws -> (reward: Double, credit: [Double]) {
        let game = try game(user: user, items: items)
        let reward = try game.value(of: game.grandCoalition)
        if let closed = game as? any ClosedFormShapleyGame {
            return (reward, closed.closedFormShapleyValues())
        }
        return (reward, try ExactShapley().estimate(game, random: .init(seed: 0)).values)
    }
}

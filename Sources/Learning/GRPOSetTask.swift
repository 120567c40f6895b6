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

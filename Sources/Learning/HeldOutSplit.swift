import Statistics

/// A seeded split of n instances (prompts) into training and evaluation instances.
///
/// The order is a uniformly random permutation of 0..<n drawn from `RandomStream(seed:)`; its
/// first e = round(evaluationFraction * n) entries (halves round up; at least 1 and at most
/// n - 1 when n >= 2) are the evaluation instances, the rest the training instances, each list
/// sorted. The two lists are disjoint and together cover 0..<n; the same (n, fraction, seed)
/// always gives the same split.
public struct HeldOutSplit: Sendable, Equatable {
    public let training: [Int]
    public let evaluation: [Int]

    public init(count: Int, evaluationFraction: Double, seed: UInt64) {
        precondition(count >= 2, "a split needs at least two instances")
        precondition(evaluationFraction > 0 && evaluationFraction < 1, "the evaluation fraction must lie in (0, 1)")
        let order = RandomStream(seed: seed).permutation(of: count)
        let evaluationCount = min(count - 1, max(1, Int((evaluationFraction * Double(count)).rounded(.toNearestOrAwayFromZero))))
        evaluation = order[..<evaluationCount].sorted()
        training = order[evaluationCount...].sorted()
    }
}

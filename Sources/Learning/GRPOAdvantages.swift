/// How a group of G sets of K candidates, each set with one reward, becomes one advantage per
/// candidate (G x K numbers).
///
/// Both schemes standardise within the group with z(x) = (x - mean) / (sd + 1e-4), sd the sample
/// standard deviation (n - 1 in the denominator) over the group's values, as TRL's GRPO does; a
/// group of equal values gets advantage 0 everywhere.
/// - `grpo`: A_{g,k} = z(R)_g for every candidate k of set g (the set's reward, shared: weak
///   candidates of a good set are reinforced as much as its best one);
/// - `shapeGRPO`: A_{g,k} = z(phi)_{g,k}, phi_{g,k} the Shapley value of candidate k in the game
///   of set g, standardised over all G K values of the group (mean and sd pooled over sets and
///   positions). With efficiency (sum over k of phi_{g,k} = R_g, v(empty) = 0) the pooled mean is
///   mean(R) / K, so a candidate is pushed up when it earns more than the average candidate's
///   share of the group's reward. This is our reading of "normalised across the group"; the
///   paper's exact normalisation was not available (see papers.md).
public enum SetCredit: String, CaseIterable, Sendable {
    case grpo
    case shapeGRPO = "shape-grpo"

    /// Advantages for a group: `rewards[g]` = R_g, `credit[g][k]` = phi_{g,k}.
    public func advantages(rewards: [Double], credit: [[Double]]) -> [[Double]] {
        precondition(rewards.count == credit.count, "one reward per set")
        switch self {
        case .grpo:
            let z = SetCredit.standardised(rewards)
            return zip(z, credit).map { value, set in [Double](repeating: value, count: set.count) }
        case .shapeGRPO:
            var flat = SetCredit.standardised(credit.flatMap { $0 })
            return credit.map { set in
                defer { flat.removeFirst(set.count) }
                return Array(flat.prefix(set.count))
            }
        }
    }

    /// (x - mean) / (sample sd + 1e-4); zeros for fewer than two values.
    static func standardised(_ values: [Double]) -> [Double] {
        guard values.count > 1 else { return values.map { _ in 0 } }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return values.map { ($0 - mean) / (variance.squareRoot() + 1e-4) }
    }
}

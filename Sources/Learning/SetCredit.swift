import Shapley

/// How a group of G sets of K candidates, each set with one reward R_g = v_g(N) of its game v_g,
/// becomes one advantage per candidate (G x K numbers).
///
/// Every scheme standardises within the group with z(x) = (x - mean) / (sd + 1e-4), sd the sample
/// standard deviation (n - 1 in the denominator), as TRL's GRPO does; a group of equal values gets
/// advantage 0 everywhere. The schemes differ in the per-candidate value x_{g,k} they standardise
/// (value calls per set in brackets; with the best-candidate game the singleton values are the
/// candidates' own utilities):
/// - `grpo`: A_{g,k} = z(R)_g for every candidate k of set g: the set's reward, shared, so weak
///   candidates of a good set are reinforced as much as its best one [1 call];
/// - `shapeGRPO`: phi_{g,k}, the Shapley value of candidate k in v_g (closed form where the game has
///   one, else exact enumeration), z-scored over all G K values together. With efficiency
///   (sum over k of phi_{g,k} = R_g, v(empty) = 0) the pooled mean is mean(R) / K, so a candidate
///   is pushed up when it earns more than the average candidate's share of the group's reward;
/// - `shapeGRPOSetScaled`: the other reading of ShapE-GRPO's normalisation (papers.md): K phi_{g,k}
///   standardised with the group's set-level mean and sd, A_{g,k} = (K phi_{g,k} - mean(R)) /
///   (sd(R) + 1e-4); by efficiency the K scaled values of a set average to R_g;
/// - `winnerTakesAll`: R_g to the candidate(s) with the highest singleton value v_g({k}) (m tied
///   winners get R_g / m each), 0 to the others, z-scored over the G K values [1 + K calls];
/// - `ownUtility`: each candidate's own value v_g({k}), z-scored over the G K values (credit
///   that ignores the set) [1 + K calls];
/// - `leaveOneOut`: v_g(N) - v_g(N \ {k}), z-scored over the G K values [1 + K calls].
///
/// `shapeGRPO` is the headline reading of ShapE-GRPO; `shapeGRPOSetScaled` is run beside it
/// because the paper does not settle which one it means.
public enum SetCredit: String, CaseIterable, Sendable {
    case grpo
    case shapeGRPO = "shape-grpo"
    case shapeGRPOSetScaled = "shape-grpo-set-scaled"
    case winnerTakesAll = "winner-takes-all"
    case ownUtility = "own-utility"
    case leaveOneOut = "leave-one-out"

    /// The set's reward v(N) and the scheme's per-candidate values x_k (for `grpo`, R itself for
    /// every candidate).
    public func values(of game: any CooperativeGame) throws -> (reward: Double, values: [Double]) {
        let grand = game.grandCoalition
        let reward = try game.value(of: grand)
        let players = 0..<game.playerCount
        /// v({k}) for every candidate k.
        func singletonValues() throws -> [Double] { try players.map { try game.value(of: Coalition([$0])) } }
        switch self {
        case .grpo:
            return (reward, players.map { _ in reward })
        case .shapeGRPO, .shapeGRPOSetScaled:
            if let closed = game as? any ClosedFormShapleyGame { return (reward, closed.closedFormShapleyValues()) }
            return (reward, try ExactShapley().estimate(game, random: .init(seed: 0)).values)
        case .winnerTakesAll:
            let own = try singletonValues()
            let best = own.max()!
            let winners = Double(own.filter { $0 == best }.count)
            return (reward, own.map { $0 == best ? reward / winners : 0 })
        case .ownUtility:
            return (reward, try singletonValues())
        case .leaveOneOut:
            return (reward, try players.map { reward - (try game.value(of: grand.removing($0))) })
        }
    }

    /// Advantages for a group: `rewards[g]` = R_g, `values[g][k]` = x_{g,k} from `values(of:)`.
    public func advantages(rewards: [Double], values: [[Double]]) -> [[Double]] {
        precondition(rewards.count == values.count, "one reward per set")
        switch self {
        case .grpo:
            let z = SetCredit.standardised(rewards)
            return zip(z, values).map { value, set in [Double](repeating: value, count: set.count) }
        case .shapeGRPOSetScaled:
            guard rewards.count > 1 else { return values.map { $0.map { _ in 0 } } }
            let mean = rewards.reduce(0, +) / Double(rewards.count)
            let scale = 1 / (SetCredit.sampleStandardDeviation(rewards, mean: mean) + 1e-4)
            return values.map { set in set.map { (Double(set.count) * $0 - mean) * scale } }
        case .shapeGRPO, .winnerTakesAll, .ownUtility, .leaveOneOut:
            var flat = SetCredit.standardised(values.flatMap { $0 })[...]
            return values.map { set in
                defer { flat = flat.dropFirst(set.count) }
                return Array(flat.prefix(set.count))
            }
        }
    }

    /// (x - mean) / (sample sd + 1e-4); zeros for fewer than two values.
    static func standardised(_ values: [Double]) -> [Double] {
        guard values.count > 1 else { return values.map { _ in 0 } }
        let mean = values.reduce(0, +) / Double(values.count)
        let scale = sampleStandardDeviation(values, mean: mean) + 1e-4
        return values.map { ($0 - mean) / scale }
    }

    private static func sampleStandardDeviation(_ values: [Double], mean: Double) -> Double {
        guard values.count > 1 else { return 0 }
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }
}

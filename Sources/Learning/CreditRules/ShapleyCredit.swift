import Shapley
import Statistics
import Tasks

/// SCAR: r_t = alpha * (phi_t + v(empty) / T) + (1 - alpha) * R [t = T], phi the Shapley values of
/// the response's units in the game v(S) = reward of the response keeping the units in S, each
/// unit's value on the step of its last word (action). phi is exact when the game has at most
/// `exactUpTo` players (2^n calls), else `estimator` at `budget` calls (Owen values group the
/// players by the next coarser unit level). The rewards sum to R exactly whenever the estimator is
/// efficient (exact, Owen and KernelSHAP are): sum phi = v(N) - v(empty) and the T steps share
/// v(empty). Spelled `scar(units=U;alpha=A;exact<=N;estimator=E;budget=B)`, followed by
/// `;missing=mask` for the blank-mask variant (removal, the default, is not written, so spellings
/// stored before the variant existed read back unchanged); see `ShapleyCreditOptions`.
public struct ShapleyCredit: CreditRule {
    public static let grammar = "scar[(units=U;alpha=A;exact<=N;estimator=E;budget=B;missing=M)] (A in [0, 1]; N in 0...\(Coalition.maximumPlayers) and B >= 1 integers; E an estimator name; M = remove or mask)"

    public let options: ShapleyCreditOptions

    public init(_ options: ShapleyCreditOptions) { self.options = options }

    public init?(spelling: CreditSpelling, defaults: ShapleyCreditOptions) throws {
        guard spelling.name == "scar" else { return nil }
        try spelling.allowOnly(["units", "alpha", "exact", "estimator", "budget", "missing"])
        let missing = spelling.value("missing") ?? (defaults.masksMissingUnits ? "mask" : "remove")
        guard missing == "remove" || missing == "mask" else { throw spelling.failure("missing must be remove or mask, got '\(missing)'") }
        let estimator = spelling.value("estimator").map(String.init) ?? defaults.estimator
        guard EstimatorKind(rawValue: estimator) != nil else { throw spelling.failure("unknown estimator '\(estimator)'") }
        options = ShapleyCreditOptions(
            units: try spelling.units(default: defaults.units), alpha: try spelling.fraction("alpha", default: defaults.alpha),
            exactUpTo: try spelling.integer("exact", default: defaults.exactUpTo, in: 0...Coalition.maximumPlayers), estimator: estimator,
            budget: try spelling.integer("budget", default: defaults.budget, in: 1...Int.max), masksMissingUnits: missing == "mask")
    }

    public var description: String {
        let o = options
        return "scar(units=\(o.units);alpha=\(CreditScheme.number(o.alpha));exact<=\(o.exactUpTo);estimator=\(o.estimator);budget=\(o.budget)"
            + (o.masksMissingUnits ? ";missing=mask)" : ")")
    }

    public var isEfficient: Bool { true }
    public var units: CreditUnits? { options.units }
    public var completion: TextGame.Completion { options.completion }

    public func rewards<Game: CooperativeGame>(
        game: Game, stepOfPlayer: [Int], stepCount: Int, partition: () throws -> PlayerPartition, random: RandomStream
    ) throws -> [Double] {
        let total = try game.value(of: game.grandCoalition)
        guard game.playerCount > 0 else { return rewards(total: total, stepCount: stepCount) }
        let exact = game.playerCount <= options.exactUpTo
        let estimator = exact ? ExactShapley() : try options.fallback(partition: partition)
        let phi = try estimator.estimate(game, budget: exact ? nil : options.budget, random: random).values
        let empty = try game.value(of: .empty)
        var rewards = [Double](repeating: 0, count: stepCount)
        for t in 0..<stepCount { rewards[t] += options.alpha * empty / Double(stepCount) }
        rewards[stepCount - 1] += (1 - options.alpha) * total
        for (player, value) in phi.enumerated() { rewards[stepOfPlayer[player]] += options.alpha * value }
        return rewards
    }
}

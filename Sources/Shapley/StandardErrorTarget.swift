import Foundation
import Statistics

/// Sampling until a target standard error (`creditbench estimate --target-se`): rounds of one
/// estimator that reports standard errors, from the same seed with growing budgets, over one
/// shared cache, until the largest standard error is at most the target or the budget is spent.
///
/// Round 1 asks for b_1 = max(minimum, 10 n) calls (at most the budget B). The standard error of
/// these Monte Carlo means falls as 1/sqrt(calls), so after round r with largest standard error
/// s_r > target, round r+1 asks for b_(r+1) = min(B, max(2 b_r, ceil(1.2 b_r (s_r / target)^2)));
/// the rounds stop once a round at b_r = B is done. A round reruns the estimator from the seed, so
/// it draws the same first samples and the cache serves every coalition already evaluated; the
/// cache refuses a coalition that would make the distinct calls over all rounds exceed B, which
/// ends the rounds with the last finished one. The calls reported are the distinct coalitions
/// evaluated over all rounds (v(empty) and v(N) included, a refused round's too), never more than B.
/// The estimate is the last finished round's. Stopping on an observed standard error makes the
/// stopping time depend on the data, so an unbiased estimator is no longer exactly unbiased after
/// it (a bias of the order of the noise in the standard error itself).
public struct StandardErrorTarget {
    public var target: Double
    public var budget: Int

    /// What the rounds gave.
    public struct Outcome {
        /// The last round's estimate, with `calls` the distinct calls over all rounds.
        public var estimate: ShapleyEstimate
        public var rounds: Int
        /// The budget of the last round (the estimate is that of a plain run with this budget).
        public var lastRoundBudget: Int
        /// The largest standard error of the last round.
        public var largestStandardError: Double
        public var reachedTarget: Bool { largestStandardError <= target }
        public var target: Double
    }

    public init(target: Double, budget: Int) throws {
        guard target > 0 && target.isFinite else { throw GameError.invalidGame("the target standard error must be a positive number, got \(target)") }
        self.target = target
        self.budget = budget
    }

    public func run<G: CooperativeGame>(_ estimator: any ShapleyEstimator, on game: G, seed: UInt64) throws -> Outcome {
        let n = game.playerCount
        guard estimator.capabilities.standardErrors else {
            let names = EstimatorRegistry.entries.filter(\.capabilities.standardErrors).map(\.name).joined(separator: ", ")
            throw GameError.unsupportedGame("\(estimator.name) reports no standard errors; a target standard error needs one that does: \(names)")
        }
        let cache = RoundCache(game, limit: budget)
        var roundBudget = min(budget, max(estimator.cost(playerCount: n).minimumBudget, 10 * n))
        var last: Outcome?
        var seconds = 0.0
        while true {
            let estimate: ShapleyEstimate
            do {
                estimate = try estimator.estimate(cache, budget: roundBudget, random: RandomStream(seed: seed))
            } catch is BudgetSpent {
                break
            }
            seconds += estimate.seconds
            guard let errors = estimate.standardErrors else {
                throw GameError.unsupportedGame("\(estimator.name) reported no standard errors on this game (it computed the values exactly: use --budget alone)")
            }
            let largest = errors.max() ?? 0
            last = Outcome(estimate: estimate, rounds: (last?.rounds ?? 0) + 1, lastRoundBudget: roundBudget,
                           largestStandardError: largest, target: target)
            if largest <= target || roundBudget >= budget { break }
            roundBudget = min(budget, max(2 * roundBudget, Int((1.2 * Double(roundBudget) * pow(largest / target, 2)).rounded(.up))))
        }
        guard var outcome = last else {
            throw GameError.budgetTooSmall(budget: budget, minimum: roundBudget + 1, method: estimator.name)
        }
        outcome.estimate.calls = cache.calls
        outcome.estimate.seconds = seconds
        return outcome
    }
}

/// Thrown by `RoundCache` when a new coalition would exceed the budget.
private struct BudgetSpent: Error {}

/// The rounds' shared cache: serves every coalition evaluated before, and refuses a new one once
/// `limit` distinct coalitions have been evaluated.
private final class RoundCache<Base: CooperativeGame>: CooperativeGame {
    let base: Base
    let limit: Int
    private var values: [UInt64: Double] = [:]

    init(_ base: Base, limit: Int) {
        self.base = base
        self.limit = limit
    }

    var playerCount: Int { base.playerCount }
    var playerNames: [String]? { base.playerNames }
    var calls: Int { values.count }

    func value(of coalition: Coalition) throws -> Double {
        if let value = values[coalition.rawValue] { return value }
        guard values.count < limit else { throw BudgetSpent() }
        let value = try base.value(of: coalition)
        values[coalition.rawValue] = value
        return value
    }
}

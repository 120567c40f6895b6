import Testing
import Shapley
import Statistics

/// Sampling to a target standard error: the rounds stop at the target or the budget, the calls
/// are the distinct coalitions over all rounds, and the estimate is a plain run's at the last budget.
@Suite struct StandardErrorTargetTests {
    let game = RandomGames.soum(players: 8, seed: 5)

    /// A reachable target: the largest standard error ends at or below it, within the budget, and
    /// the estimate equals a plain run from the same seed at the last round's budget (the shared
    /// cache changes no value). Rounds rerun the seed's first orderings, so the cache serves them
    /// and the distinct calls are those of that plain run, below the sum of the round budgets.
    @Test func reachesAReachableTarget() throws {
        let permutation = try EstimatorKind.permutation.make()
        let loose = try permutation.estimate(game, budget: 80, random: RandomStream(seed: 2))
        let target = (loose.standardErrors!.max()!) / 3   // about 9x the calls of the 80-call run
        let outcome = try StandardErrorTarget(target: target, budget: 5000).run(permutation, on: game, seed: 2)
        #expect(outcome.reachedTarget && outcome.largestStandardError <= target)
        #expect(outcome.rounds >= 2 && outcome.estimate.calls <= 5000)
        let plain = try permutation.estimate(game, budget: outcome.lastRoundBudget, random: RandomStream(seed: 2))
        #expect(outcome.estimate.values == plain.values && outcome.estimate.standardErrors == plain.standardErrors)
        #expect(outcome.estimate.calls == plain.calls)
    }

    /// An unreachable target spends at most the budget and says it did not reach it; an estimator
    /// without standard errors and a non-positive target are refused.
    @Test func stopsAtTheBudgetAndRefusesWhatCannotWork() throws {
        let outcome = try StandardErrorTarget(target: 1e-9, budget: 300).run(try EstimatorKind.antithetic.make(), on: game, seed: 1)
        #expect(!outcome.reachedTarget && outcome.estimate.calls <= 300 && outcome.rounds >= 2 && outcome.lastRoundBudget == 300)
        #expect(throws: GameError.self) { try StandardErrorTarget(target: 0.1, budget: 300).run(try EstimatorKind.kernelshap.make(), on: game, seed: 1) }
        #expect(throws: GameError.self) { try StandardErrorTarget(target: 0, budget: 300) }
    }
}

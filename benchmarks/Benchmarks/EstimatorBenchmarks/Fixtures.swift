import Shapley
import Statistics

/// The games the benchmarks run on, built once in each benchmark's setup (outside the measurement).
enum Fixtures {
    /// The value table of a random sum of unanimity games with 2n terms (seed 1), the same game as
    /// `creditbench game soum --players n --seed 1 --table`. A table look-up costs a few
    /// nanoseconds, so time spent on such a game is the estimator's own overhead.
    static func soumTable(players: Int) throws -> TableGame {
        let soum = UnanimitySumGame.random(players: players, terms: 2 * players, random: RandomStream(seed: 1))
        return try TableGame(tabulating: soum)
    }
}

/// One estimator run as the CLI does it (`ShapleyEstimator.estimate`, which meters the game and
/// starts from a fresh seeded stream), so every iteration does the same work.
struct EstimatorRun {
    let estimator: any ShapleyEstimator
    let game: TableGame
    let budget: Int?

    /// Runs the estimator once and returns its distinct value calls.
    func callCount() throws -> Int {
        let estimate = try estimator.estimate(game, budget: budget, random: RandomStream(seed: 7))
        return estimate.calls
    }
}

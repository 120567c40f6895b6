import Statistics

/// Stratified sampling of marginal contributions by coalition size (Maleki, Tran-Thanh, Hines,
/// Rahwan & Rogers 2013, "Bounding the estimation error of sampling-based Shapley value
/// approximation"), in the round-robin form of shapiq 1.4.1's `StratifiedSamplingSV`.
///
/// phi_i = (1/n) sum_{t=0}^{n-1} E[v(S + i) - v(S)] over S uniform among the C(n-1, t) coalitions
/// of size t without i: one stratum (i, t) per player and size. Rounds visit sizes t = 0..n-1 and,
/// within a size, players 0..n-1, drawing one marginal contribution per stratum: for t = 0 and
/// t = n - 1 the stratum is a single coalition pair (v({i}) - v(empty), v(N) - v(N - i)), exact
/// after its first visit (one new call, none if the coalition was already evaluated); any other
/// draw costs up to two calls, fewer when a coalition was evaluated before. A draw is kept when
/// its new coalitions fit in the budget (else that stratum is passed over), and rounds repeat
/// while the previous round spent calls, the budget is not spent and some coalition is still
/// unevaluated; the passed-over draws at the budget's end make the estimate slightly biased
/// there (shapiq skips a middle stratum when two more evaluations would exceed its budget, the
/// same rule counted in evaluations). The estimate
/// averages the stratum means over the strata that have a draw: phi_i = mean over those t of the
/// stratum mean (shapiq's aggregation; with every stratum drawn it is the formula above).
///
/// Cost: at most the budget, counted in distinct calls (shapiq counts evaluations and evaluates the
/// t = 0 and t = n - 1 pairs again in every round; here those repeats are cache hits, so the same
/// number of middle draws costs 2n fewer calls per round after the first). A full first round
/// costs 2 + 2n + 2n(n - 2) calls at most. Bias: unbiased once every stratum has a draw,
/// biased below that (missing strata are left out of the average). Null player holds exactly
/// (every contribution of a null player is 0); efficiency and symmetry do not. No standard errors.
public struct StratifiedSampling: ShapleyEstimator {
    public var name: String { "stratified" }

    public init() {}

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            efficient: false, symmetric: false, nullPlayer: true, unbiased: false, standardErrors: false,
            method: "Maleki et al. 2013 stratified by coalition size, round robin as shapiq 1.4.1's StratifiedSamplingSV",
            costDescription: "the budget; unbiased from 2n(n-1) + 2")
    }

    public func cost(playerCount n: Int) -> EstimatorCost { .budgeted(minimum: min(n + 2, ShapleyWeights.coalitionCount(n))) }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let budget = budget ?? ShapleyWeights.defaultBudget(playerCount: n)
        let grand = game.grandCoalition
        _ = try game.value(of: .empty)  // v(empty) and v(N) first, as in every estimator
        _ = try game.value(of: grand)
        let everyCoalition = ShapleyWeights.coalitionCount(n)

        var sums = Array(repeating: [Double](repeating: 0, count: n), count: n)
        var draws = Array(repeating: [Int](repeating: 0, count: n), count: n)
        // Round 1 visits every stratum; later rounds only the middle sizes (the border strata are
        // single pairs, already exact), and only while the previous round spent calls.
        var round = 0
        var spentInRound = 1
        while round == 0 || (n > 2 && spentInRound > 0 && game.calls < budget && game.calls < everyCoalition) {
            let callsBefore = game.calls
            for size in 0..<n {
                let border = size == 0 || size == n - 1
                if round > 0 && border { continue }
                for player in 0..<n {
                    let with: Coalition, without: Coalition
                    if border {
                        with = size == 0 ? Coalition([player]) : grand
                        without = size == 0 ? .empty : grand.removing(player)
                    } else {
                        // size players drawn from the n - 1 others (indices at or above `player` shift up)
                        without = Coalition(random.sample(size, from: n - 1).map { $0 < player ? $0 : $0 + 1 })
                        with = without.inserting(player)
                    }
                    let newCalls = [with, without].filter { !game.isCached($0) }.count
                    guard game.calls + newCalls <= budget else { continue }
                    sums[size][player] += try game.value(of: with) - (try game.value(of: without))
                    draws[size][player] += 1
                }
            }
            spentInRound = game.calls - callsBefore
            round += 1
        }

        let values = (0..<n).map { player -> Double in
            let drawn = (0..<n).filter { draws[$0][player] > 0 }
            guard !drawn.isEmpty else { return 0 }
            return drawn.map { sums[$0][player] / Double(draws[$0][player]) }.reduce(0, +) / Double(drawn.count)
        }
        return (values, nil)
    }
}

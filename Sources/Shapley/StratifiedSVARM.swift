import Statistics

/// Stratified SVARM (Kolpaczki, Bengs, Muschalik & Hüllermeier, "Approximating the Shapley Value
/// without Marginal Contributions", AAAI 2024), as shapiq 1.4.1's `SVARM` runs it: Shapley values
/// from single coalition values, every sample reused for every player.
///
/// The Shapley value splits into 2n strata per player (no marginal contributions needed):
/// phi_i = (1/n) sum_{t=1}^{n} mean_{T ∋ i, |T| = t} v(T) - (1/n) sum_{t=0}^{n-1} mean_{T ∌ i, |T| = t} v(T),
/// because the n C(n-1, t-1) coalitions of size t holding i carry Shapley weight
/// 1 / (n C(n-1, t-1)) each, and those of size t without i weight 1 / (n C(n-1, t)). Values are
/// centred on v(empty), so the t = 0 stratum is 0 and the t = n stratum is v(N) - v(empty).
///
/// Sampling (shapiq's `CoalitionSampler` with its default weights): sizes 1..n-1 get probability
/// proportional to 1 / (t (n - t)); the "border trick" then enumerates every size whose expected
/// number of draws, (budget left) times its probability, is at least its number of coalitions,
/// renormalises the rest and repeats until no size qualifies. The remaining budget draws a size,
/// then a uniform coalition of that size, until that many distinct coalitions are evaluated; a
/// coalition drawn again costs nothing and counts again in its strata. Each draw T updates,
/// for every player i, the stratum (|T|, i in T): the stratum mean is the mean over its draws
/// (with repeats), an enumerated size gives exact stratum means, and a stratum with no draw
/// contributes 0 (that is, its mean is taken to be v(empty)).
///
/// Cost: v(empty), v(N) and at most budget - 2 further distinct calls (min(budget, 2^n)); exact
/// at 2^n, where every size is enumerated. Bias: consistent, biased at finite budgets (empty
/// strata, and the stop at a number of distinct coalitions). No axiom holds exactly at every
/// budget; no standard errors. (The paper's warm-up phase, one draw per stratum before the main
/// loop, is not part of shapiq's implementation; this follows shapiq.)
public struct StratifiedSVARM: ShapleyEstimator {
    public var name: String { "svarm" }

    public init() {}

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            efficient: false, symmetric: false, nullPlayer: false, unbiased: false, standardErrors: false,
            method: "Kolpaczki et al. 2024 stratified SVARM as shapiq 1.4.1 runs it: kernel-weighted sizes, border sizes enumerated",
            costDescription: "the budget (at most 2^n); exact at 2^n")
    }

    public func cost(playerCount n: Int) -> EstimatorCost { .budgeted(minimum: 2) }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let emptyValue = try game.value(of: .empty)
        let total = try game.value(of: game.grandCoalition) - emptyValue
        let coalitionCount = Double(ShapleyWeights.coalitionCount(n))
        var remaining = Int(min(Double(budget ?? ShapleyWeights.defaultBudget(playerCount: n)), coalitionCount)) - 2

        // strata[t][0 or 1][i]: sum of centred values of drawn coalitions of size t with i absent (0)
        // or present (1); draws[t][...][i] the number of draws.
        var sums = Array(repeating: Array(repeating: [Double](repeating: 0, count: n), count: 2), count: n + 1)
        var draws = sums
        func record(_ coalition: Coalition, _ centred: Double, times: Double) {
            let size = coalition.count
            for player in 0..<n {
                let side = coalition.contains(player) ? 1 : 0
                sums[size][side][player] += centred * times
                draws[size][side][player] += times
            }
        }

        var mass = [Double](repeating: 0, count: n + 1)
        for t in 1..<n { mass[t] = 1 / Double(t * (n - t)) }
        for size in BorderTrick.enumeratedSizes(mass: &mass, budget: &remaining, playerCount: n) {
            for coalition in KernelDesign.subsets(of: n, size: size) {
                record(coalition, try game.value(of: coalition) - emptyValue, times: 1)
            }
        }

        // Distinct draws in first-draw order (so the sums run in a reproducible order), with counts.
        var drawn: [Coalition] = []
        var counts: [UInt64: Int] = [:]
        let sampledCoalitions = (1..<n).filter { mass[$0] > 0 }.map { ShapleyWeights.binomial(n, $0) }.reduce(0, +)
        while remaining > 0 && Double(drawn.count) < sampledCoalitions {
            let coalition = Coalition(random.sample(random.categorical(mass), from: n))
            if counts[coalition.rawValue] == nil {
                remaining -= 1
                drawn.append(coalition)
            }
            counts[coalition.rawValue, default: 0] += 1
        }
        for coalition in drawn {
            record(coalition, try game.value(of: coalition) - emptyValue, times: Double(counts[coalition.rawValue]!))
        }

        let values = (0..<n).map { player -> Double in
            var phi = total / Double(n)  // the t = n stratum; the t = 0 stratum is 0
            for t in 1..<n {
                if draws[t][1][player] > 0 { phi += sums[t][1][player] / draws[t][1][player] / Double(n) }
                if draws[t][0][player] > 0 { phi -= sums[t][0][player] / draws[t][0][player] / Double(n) }
            }
            return phi
        }
        return (values, nil)
    }
}

import Statistics

/// Unbiased KernelSHAP (Covert & Lee, "Improving KernelSHAP", AISTATS 2021): the KernelSHAP
/// least-squares problem with its exactly known matrix and an unbiased Monte Carlo estimate of
/// its right-hand side, so the solution is an unbiased estimate of the Shapley value with
/// standard errors.
///
/// Draw proper coalitions z (as 0/1 vectors) from the Shapley kernel: a size s in 1..<n with
/// probability proportional to 1 / (s (n - s)), then a uniform subset of that size. Then
/// A = E[z z^T] has A_ii = 1/2 and A_ij = c = sum_{s=2}^{n-1} (s-1)/(n-s) / (n (n-1) W) for i != j,
/// with W = sum_{s=1}^{n-1} 1/(s (n-s)), and b = E[z (v(z) - v(empty))]. The Shapley value is the
/// solution of min phi^T A phi - 2 b^T phi subject to 1^T phi = v(N) - v(empty) = D; because
/// A = (1/2 - c) I + c 1 1^T, it is, in closed form (hand-derived from A^-1 and the Lagrange
/// condition), phi_i = D / n + (b_i - mean_j b_j) / (1/2 - c). Replacing b by the sample mean of
/// g(z) = z (v(z) - v(empty)) gives an estimate that is linear in that mean, hence unbiased.
///
/// Sampling is paired (Covert & Lee's variance reduction): each draw z also evaluates its
/// complement, and the pair's mean (g(z) + g(N - z)) / 2 is the sample unit (a complement has the
/// same kernel distribution, so the mean stays unbiased). Border sizes (shapiq's border trick,
/// `BorderTrick`): a size whose expected number of kernel draws would cover all its coalitions is
/// enumerated instead, and its part of b, q_s times the mean of g over that size (q_s its kernel
/// probability), is then known exactly; the pairs are drawn from the kernel restricted to the
/// other sizes and their mean is weighted by those sizes' kernel share. Standard errors are the
/// sample standard deviations of each player's per-pair estimate over sqrt(pairs) (0 when every
/// size is enumerated).
///
/// Cost: v(empty), v(N), the enumerated sizes' coalitions and two calls per pair: the budget left
/// after enumeration buys floor(left / 2) pairs (enumeration keeps at least one pair's worth when
/// sizes remain to sample); a coalition drawn again is served from the cache, so fewer distinct
/// calls may be spent. A fixed number of pairs (not "sample until B distinct calls", as shapiq
/// does) keeps the estimate exactly unbiased. Exact at 2^n calls (every size enumerated).
/// Efficiency holds exactly for every sample; symmetry and null player hold only in expectation.
public struct UnbiasedKernelSHAP: ShapleyEstimator {
    public var name: String { "kernelshap-unbiased" }

    public init() {}

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            efficient: true, symmetric: false, nullPlayer: false, unbiased: true, standardErrors: true,
            method: "Covert & Lee 2021: KernelSHAP's exact matrix, sampled right-hand side, paired draws, border sizes enumerated",
            costDescription: "2 + border sizes + 2m for m coalition pairs (at most 2^n); exact at 2^n")
    }

    public func cost(playerCount n: Int) -> EstimatorCost { .budgeted(minimum: min(4, ShapleyWeights.coalitionCount(n))) }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let budget = Int(min(Double(budget ?? ShapleyWeights.defaultBudget(playerCount: n)), Double(ShapleyWeights.coalitionCount(n))))
        let emptyValue = try game.value(of: .empty)
        let share = (try game.value(of: game.grandCoalition) - emptyValue) / Double(n)
        let kernel = (0..<n).map { s in s == 0 ? 0 : 1 / Double(s * (n - s)) }
        let kernelMass = kernel.reduce(0, +)
        let offDiagonal = (2..<max(n, 2)).map { s in Double(s - 1) / Double(n - s) }.reduce(0, +)
            / (Double(n * (n - 1)) * kernelMass)
        let scale = 1 / (0.5 - offDiagonal)

        // Border sizes, enumerated; if that left sizes to sample but no pair, enumerate less.
        var mass = kernel
        var left = budget - 2
        var enumerated = BorderTrick.enumeratedSizes(mass: &mass, budget: &left, playerCount: n)
        if mass.reduce(0, +) > 0 && left < 2 {
            mass = kernel
            left = budget - 4
            enumerated = BorderTrick.enumeratedSizes(mass: &mass, budget: &left, playerCount: n)
            left += 2
        }
        var exactPart = [Double](repeating: 0, count: n)
        for size in enumerated {
            let weight = kernel[size] / kernelMass / ShapleyWeights.binomial(n, size)
            for coalition in KernelDesign.subsets(of: n, size: size) {
                let centred = try game.value(of: coalition) - emptyValue
                for player in coalition.members { exactPart[player] += weight * centred }
            }
        }
        let sampledShare = mass.reduce(0, +) / kernelMass
        guard sampledShare > 0 else {
            let mean = exactPart.reduce(0, +) / Double(n)
            return (exactPart.map { share + scale * ($0 - mean) }, [Double](repeating: 0, count: n))
        }

        var averages = ContributionAverages(playerCount: n)
        var unit = [Double](repeating: 0, count: n)
        for _ in 0..<(left / 2) {
            let coalition = Coalition(random.sample(random.categorical(mass), from: n))
            let complement = coalition.complement(in: n)
            let inside = (try game.value(of: coalition) - emptyValue) / 2
            let outside = (try game.value(of: complement) - emptyValue) / 2
            var sum = 0.0
            for player in 0..<n {
                unit[player] = exactPart[player] + sampledShare * (coalition.contains(player) ? inside : outside)
                sum += unit[player]
            }
            for player in 0..<n { unit[player] = share + scale * (unit[player] - sum / Double(n)) }  // this pair's estimate
            averages.add(unit)
        }
        return averages.result
    }
}

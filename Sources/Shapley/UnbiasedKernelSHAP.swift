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
/// same kernel distribution, so the mean stays unbiased). Standard errors are the sample standard
/// deviations of each player's per-pair estimate over sqrt(pairs).
///
/// Cost: v(empty), v(N) and two calls per pair, so a budget B buys floor((B - 2) / 2) pairs; a
/// coalition drawn again is served from the cache, so fewer distinct calls may be spent. A fixed
/// number of pairs (not "sample until B distinct calls") keeps the estimate exactly unbiased.
/// Efficiency holds exactly for every sample; symmetry and null player hold only in expectation.
public struct UnbiasedKernelSHAP: ShapleyEstimator {
    public var name: String { "kernelshap-unbiased" }

    public init() {}

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            efficient: true, symmetric: false, nullPlayer: false, unbiased: true, standardErrors: true,
            method: "Covert & Lee 2021: KernelSHAP's exact matrix, sampled right-hand side, paired draws",
            costDescription: "2 + 2m for m coalition pairs")
    }

    public func cost(playerCount n: Int) -> EstimatorCost { .budgeted(minimum: min(4, 1 << min(n, 62))) }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let pairs = ((budget ?? ShapleyWeights.defaultBudget(playerCount: n)) - 2) / 2
        let emptyValue = try game.value(of: .empty)
        let share = (try game.value(of: game.grandCoalition) - emptyValue) / Double(n)
        let kernel = (0..<n).map { s in s == 0 ? 0 : 1 / Double(s * (n - s)) }
        let kernelMass = kernel.reduce(0, +)
        let offDiagonal = (2..<max(n, 2)).map { s in Double(s - 1) / Double(n - s) }.reduce(0, +)
            / (Double(n * (n - 1)) * kernelMass)
        let scale = 1 / (0.5 - offDiagonal)

        var averages = ContributionAverages(playerCount: n)
        var unit = [Double](repeating: 0, count: n)
        for _ in 0..<pairs {
            let coalition = Coalition(random.sample(random.categorical(kernel), from: n))
            let complement = coalition.complement(in: n)
            let inside = (try game.value(of: coalition) - emptyValue) / 2
            let outside = (try game.value(of: complement) - emptyValue) / 2
            for player in 0..<n { unit[player] = coalition.contains(player) ? inside : outside }
            let mean = unit.reduce(0, +) / Double(n)
            averages.add(unit.map { share + scale * ($0 - mean) })
        }
        return averages.result
    }
}

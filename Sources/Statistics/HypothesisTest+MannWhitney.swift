import CGSL

extension HypothesisTest {
    /// How `mannWhitneyU` turns U into a p-value.
    public enum MannWhitneyMethod: Sendable {
        /// Normal approximation with tie and continuity corrections
        /// (scipy.stats.mannwhitneyu(method='asymptotic', use_continuity=True)).
        case asymptotic
        /// The exact distribution of U (scipy's method='exact'); needs samples without ties
        /// and n_a n_b <= `exactSizeLimit`.
        case exact
    }

    /// Largest n_a n_b the exact method accepts; its cost grows as (n_a n_b)^2 / 4.
    public static let exactSizeLimit = 10_000

    /// Mann-Whitney U test that a and b come from the same distribution.
    ///
    /// Rank the pooled n = n_a + n_b values with average ranks for ties; with R_a the rank sum of a,
    /// U_a = R_a - n_a(n_a+1)/2 (pairs with a_i > b_j, ties counting 1/2) is the returned statistic and
    /// U_b = n_a n_b - U_a. The p-value uses U = U_a for `greater`, U_b for `less`, max(U_a, U_b) for
    /// `twoSided` (then doubled), clipped to at most 1:
    /// - asymptotic: z = (U - n_a n_b/2 - 1/2) / sigma with
    ///   sigma^2 = n_a n_b/12 ((n + 1) - sum_g (t_g^3 - t_g) / (n(n-1))) over tie groups of size t_g,
    ///   p = Q(z), Q the standard normal upper tail (`gsl_cdf_ugaussian_Q`);
    /// - exact: p = P(U' >= U) under the exact null distribution.
    /// Throws on empty or non-finite samples, and for `.exact` on ties or n_a n_b > `exactSizeLimit`.
    public static func mannWhitneyU(
        _ a: [Double], _ b: [Double], alternative: Alternative = .twoSided, method: MannWhitneyMethod = .asymptotic
    ) throws -> TestResult {
        try StatisticsError.check(a, "a", atLeast: 1)
        try StatisticsError.check(b, "b", atLeast: 1)
        let na = Double(a.count), nb = Double(b.count), n = na + nb
        let (ranks, tieGroupSizes) = averageRanks(a + b)
        let uA = ranks[..<a.count].reduce(0, +) - na * (na + 1) / 2
        let uB = na * nb - uA
        let u = switch alternative {
        case .greater: uA
        case .less: uB
        case .twoSided: max(uA, uB)
        }
        let tail: Double
        switch method {
        case .asymptotic:
            let tieTerm = tieGroupSizes.reduce(0.0) { sum, t in sum + Double(t * t * t - t) }
            let sigma = (na * nb / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
            tail = gsl_cdf_ugaussian_Q((u - na * nb / 2 - 0.5) / sigma)
        case .exact:
            guard tieGroupSizes.count == a.count + b.count else {
                throw StatisticsError.undefined("the exact Mann-Whitney p-value needs samples without ties; use .asymptotic")
            }
            guard a.count * b.count <= exactSizeLimit else {
                throw StatisticsError.outOfRange(
                    parameter: "n_a * n_b for the exact Mann-Whitney test", value: na * nb, allowed: "[1, \(exactSizeLimit)]")
            }
            tail = MannWhitneyDistribution(m: a.count, n: b.count).survival(atLeast: Int(u))
        }
        let p = min(1, (alternative == .twoSided ? 2 : 1) * tail)
        return TestResult(statistic: uA, pValue: p, degreesOfFreedom: nil)
    }
}

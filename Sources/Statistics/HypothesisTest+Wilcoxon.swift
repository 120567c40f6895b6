import CGSL

extension HypothesisTest {
    /// How `wilcoxonSignedRank` turns W+ into a p-value.
    public enum WilcoxonMethod: Sendable {
        /// Normal approximation with tie and continuity corrections (scipy.stats.wilcoxon(
        /// method='asymptotic', correction=True)).
        case asymptotic
        /// The exact distribution of W+ (scipy's method='exact'); needs differences that are all
        /// non-zero with distinct absolute values, and at most `wilcoxonExactSizeLimit` of them.
        case exact
        /// `.exact` where it applies (no zero and no tied |d_i|, n <= `wilcoxonExactSizeLimit`),
        /// `.asymptotic` otherwise. (scipy's method='auto' switches to a permutation test for tied
        /// samples of 13 or fewer; this does not.)
        case automatic
    }

    /// Largest number of non-zero differences the exact method accepts (scipy's 'auto' limit is 50).
    public static let wilcoxonExactSizeLimit = 50

    /// Wilcoxon signed-rank test that the paired differences d_i = a_i - b_i are symmetric about 0.
    ///
    /// Zero differences are dropped (zero_method='wilcox'), leaving n. Rank |d_i| with average ranks
    /// for ties; W+ = sum of the ranks of positive d_i is the returned statistic (for every
    /// alternative; scipy reports min(W+, W-) when two-sided). The p-value, clipped to at most 1:
    /// - asymptotic: z = (W+ - n(n+1)/4 - c/2) / sigma with
    ///   sigma^2 = (n(n+1)(2n+1) - sum_g (t_g^3 - t_g) / 2) / 24 over tie groups of size t_g, and the
    ///   continuity correction c = +1 for greater, -1 for less, sign(W+ - n(n+1)/4) two-sided;
    ///   greater Q(z), less P(z), two-sided 2 Q(|z|) (P, Q: standard normal tails);
    /// - exact: greater P(W+' >= W+), less P(W+' <= W+), two-sided twice the smaller, under
    ///   `WilcoxonDistribution`.
    /// Matches scipy.stats.wilcoxon(a, b, zero_method='wilcox', correction=True, method=...).
    /// Throws when the samples differ in length or have fewer than two finite values, when every
    /// difference is zero, and for `.exact` on zeros, ties or n > `wilcoxonExactSizeLimit`.
    public static func wilcoxonSignedRank(
        _ a: [Double], _ b: [Double], alternative: Alternative = .twoSided, method: WilcoxonMethod = .automatic
    ) throws -> TestResult {
        let all = try pairedDifferences(a, b)
        let differences = all.filter { $0 != 0 }
        guard !differences.isEmpty else { throw StatisticsError.undefined("every paired difference is zero") }
        let n = differences.count, count = Double(n)
        let (ranks, tieGroupSizes) = averageRanks(differences.map(abs))
        let wPlus = zip(differences, ranks).reduce(0.0) { $0 + ($1.0 > 0 ? $1.1 : 0) }
        let exactApplies = all.count == n && tieGroupSizes.count == n && n <= wilcoxonExactSizeLimit
        let useExact: Bool
        switch method {
        case .exact:
            guard exactApplies else {
                throw StatisticsError.undefined(
                    "the exact Wilcoxon p-value needs at most \(wilcoxonExactSizeLimit) non-zero differences without ties; use .asymptotic")
            }
            useExact = true
        case .asymptotic: useExact = false
        case .automatic: useExact = exactApplies
        }
        let p: Double
        if useExact {
            let distribution = WilcoxonDistribution(n: n)
            let w = Int(wPlus)
            p = switch alternative {
            case .greater: distribution.survival(atLeast: w)
            case .less: distribution.cumulative(atMost: w)
            case .twoSided: 2 * min(distribution.survival(atLeast: w), distribution.cumulative(atMost: w))
            }
        } else {
            let mean = count * (count + 1) / 4
            let tieTerm = tieGroupSizes.reduce(0.0) { sum, t in sum + Double(t * t * t - t) }
            let sigma = ((count * (count + 1) * (2 * count + 1) - tieTerm / 2) / 24).squareRoot()
            let correction: Double = switch alternative {
            case .greater: 1
            case .less: -1
            case .twoSided: wPlus > mean ? 1 : (wPlus < mean ? -1 : 0)
            }
            let z = (wPlus - mean - correction / 2) / sigma
            p = switch alternative {
            case .greater: gsl_cdf_ugaussian_Q(z)
            case .less: gsl_cdf_ugaussian_P(z)
            case .twoSided: 2 * gsl_cdf_ugaussian_Q(abs(z))
            }
        }
        return TestResult(statistic: wPlus, pValue: min(1, p), degreesOfFreedom: nil)
    }
}

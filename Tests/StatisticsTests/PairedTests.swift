import Testing
@testable import Statistics

/// Paired designs: expected values from scipy.stats.ttest_rel, statsmodels DescrStatsW.ttest_mean,
/// scipy.stats.wilcoxon and scipy.stats.bootstrap(paired=True), via reference/scipy_reference.py.
@Suite struct PairedTests {
    @Test func pairedTMatchesScipyAndStatsmodels() throws {
        let reference = try ScipyReference.load()
        #expect(reference.pairedT.count == 18)
        for case_ in reference.pairedT {
            let alternative = try #require(Alternative(rawValue: case_.alternative))
            let a = try reference.sample(case_.a), b = try reference.sample(case_.b)
            let null = try #require(case_.nullDifference)
            let result = try HypothesisTest.pairedT(a, b, alternative: alternative, nullDifference: null)
            let label = "\(case_.a) vs \(case_.b) \(case_.alternative) null \(null)"
            expectClose(result.statistic, case_.statistic, "t " + label)
            expectClose(result.pValue, case_.pValue, "p " + label)
            expectClose(try #require(result.degreesOfFreedom), try #require(case_.df), "df " + label)
            for expected in case_.intervals ?? [] {
                let interval = try EffectEstimate.paired(a, b).interval(confidenceLevel: expected.confidenceLevel)
                expectClose(interval.lower, expected.lower, "lower \(expected.confidenceLevel) " + label)
                expectClose(interval.upper, expected.upper, "upper \(expected.confidenceLevel) " + label)
            }
        }
        #expect(reference.pairedT.filter { $0.intervals != nil }.count == 2)
    }

    @Test func wilcoxonMatchesScipy() throws {
        let reference = try ScipyReference.load()
        #expect(reference.wilcoxon.count == 9)
        for case_ in reference.wilcoxon {
            let alternative = try #require(Alternative(rawValue: case_.alternative))
            let method: HypothesisTest.WilcoxonMethod = case_.method == "exact" ? .exact : .asymptotic
            let a = try reference.sample(case_.a), b = try reference.sample(case_.b)
            let result = try HypothesisTest.wilcoxonSignedRank(a, b, alternative: alternative, method: method)
            let label = "\(case_.a) vs \(case_.b) \(case_.alternative) \(case_.method ?? "")"
            expectClose(result.statistic, case_.statistic, "W+ " + label)
            expectClose(result.pValue, case_.pValue, "p " + label)
            #expect(result.degreesOfFreedom == nil)
        }
    }

    /// `.automatic` is exact for p, q (no zeros, no ties) and asymptotic for u, v (zeros and ties).
    @Test func wilcoxonAutomaticChoosesByData() throws {
        let reference = try ScipyReference.load()
        let p = try reference.sample("p"), q = try reference.sample("q")
        let u = try reference.sample("u"), v = try reference.sample("v")
        #expect(try HypothesisTest.wilcoxonSignedRank(p, q) == HypothesisTest.wilcoxonSignedRank(p, q, method: .exact))
        #expect(try HypothesisTest.wilcoxonSignedRank(p, q) != HypothesisTest.wilcoxonSignedRank(p, q, method: .asymptotic))
        #expect(try HypothesisTest.wilcoxonSignedRank(u, v) == HypothesisTest.wilcoxonSignedRank(u, v, method: .asymptotic))
    }

    /// Hand derivation: d = [1, -2, 3] has ranks 1, 2, 3 and W+ = 4. The 8 sign patterns give W+ in
    /// {0, 1, 2, 3, 3, 4, 5, 6}, so P(W+ >= 4) = 3/8, P(W+ <= 4) = 6/8 and two-sided 2 * 3/8 = 3/4.
    @Test func wilcoxonExactByHand() throws {
        let a = [1.0, 0, 3], b = [0.0, 2, 0]
        let greater = try HypothesisTest.wilcoxonSignedRank(a, b, alternative: .greater, method: .exact)
        #expect(greater.statistic == 4)
        expectClose(greater.pValue, 3.0 / 8, tolerance: 1e-15)
        expectClose(try HypothesisTest.wilcoxonSignedRank(a, b, alternative: .less, method: .exact).pValue, 6.0 / 8, tolerance: 1e-15)
        expectClose(try HypothesisTest.wilcoxonSignedRank(a, b, method: .exact).pValue, 3.0 / 4, tolerance: 1e-15)
        #expect(WilcoxonDistribution(n: 3).probabilities == [1, 1, 1, 2, 1, 1, 1].map { $0 / 8 })
    }

    /// The deterministic half of the paired bootstrap against scipy: resample indices fixed by the
    /// script (numpy default_rng(2025)), intervals from scipy.stats.bootstrap((p, q), paired=True)
    /// given the bootstrap distribution; here the same distribution of mean(d*) goes through
    /// `Bootstrap.interval` on the differences, as `pairedDifferenceOfMeans` does.
    @Test func pairedBootstrapMatchesScipyGivenResamples() throws {
        let reference = try ScipyReference.load()
        let case_ = reference.pairedBootstrap
        let differences = try pairedDifferences(try reference.sample(case_.samples[0]), try reference.sample(case_.samples[1]))
        let mean: ([[Double]]) -> Double = { $0[0].reduce(0, +) / Double($0[0].count) }
        let distribution = case_.indices.map { resample in mean([resample.map { differences[$0] }]) }
        expectClose(mean([differences]), case_.estimate, "estimate")
        #expect(case_.intervals.count == 4)
        for expected in case_.intervals {
            let methodName = try #require(expected.method)
            let method = try #require(Bootstrap.Method(rawValue: methodName))
            let interval = try Bootstrap.interval([differences], statistic: mean, distribution: distribution,
                                                  confidenceLevel: expected.confidenceLevel, method: method)
            expectClose(interval.lower, expected.lower, "lower \(method) \(expected.confidenceLevel)")
            expectClose(interval.upper, expected.upper, "upper \(method) \(expected.confidenceLevel)")
        }
    }

    /// The public paired bootstrap resamples pairs: with the same stream it is the one-sample
    /// bootstrap of the differences, and it differs from the unpaired `differenceOfMeans`, whose
    /// interval on seed-correlated data is much wider.
    @Test func pairedBootstrapResamplesPairs() throws {
        let reference = try ScipyReference.load()
        let p = try reference.sample("p"), q = try reference.sample("q")
        let differences = zip(p, q).map { $0 - $1 }
        let paired = try Bootstrap.pairedDifferenceOfMeans(p, q, resamples: 2000, stream: RandomStream(seed: 5))
        let direct = try Bootstrap.confidenceInterval(differences, statistic: { $0.reduce(0, +) / Double($0.count) },
                                                      resamples: 2000, stream: RandomStream(seed: 5))
        #expect(paired == direct)
        let unpaired = try Bootstrap.differenceOfMeans(p, q, resamples: 2000, stream: RandomStream(seed: 5))
        #expect(paired.upper - paired.lower < 0.5 * (unpaired.upper - unpaired.lower))
        #expect(paired.lower > 0 && unpaired.lower < 0)
    }

    @Test func rejectsBadInput() {
        #expect(throws: StatisticsError.self) { try HypothesisTest.pairedT([1, 2, 3], [1, 2]) }
        #expect(throws: StatisticsError.self) { try HypothesisTest.pairedT([1, 2, 3], [0, 1, 2]) }  // constant differences
        #expect(throws: StatisticsError.self) { try HypothesisTest.wilcoxonSignedRank([1, 2], [1, 2]) }  // all zero
        #expect(throws: StatisticsError.self) { try HypothesisTest.wilcoxonSignedRank([1, 2, 4], [0, 1, 3], method: .exact) }  // ties
        #expect(throws: StatisticsError.self) {
            try Bootstrap.pairedDifferenceOfMeans([1, 2, 3], [1, 2], stream: RandomStream(seed: 1))
        }
    }
}

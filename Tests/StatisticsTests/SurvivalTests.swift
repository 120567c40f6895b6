import Foundation
import Testing
@testable import Statistics

/// Censored times to threshold: Kaplan-Meier curve and restricted mean against lifelines 0.30.3
/// (KaplanMeierFitter, restricted_mean_survival_time), the log-rank test against
/// lifelines.statistics.logrank_test, and the RMST variance and a log-rank statistic by hand.
@Suite struct SurvivalTests {
    @Test func kaplanMeierMatchesLifelines() throws {
        let reference = try ScipyReference.load()
        #expect(reference.kaplanMeier.count == 2)
        for case_ in reference.kaplanMeier {
            let curve = KaplanMeier(try reference.censoredSample(case_.sample))
            for point in case_.survival {
                expectClose(curve.survival(at: point[0]), point[1], "S(\(point[0])) \(case_.sample)")
            }
            for pair in case_.restrictedMeans {
                expectClose(try curve.restrictedMean(horizon: pair[0]).estimate, pair[1], "RMST(\(pair[0])) \(case_.sample)")
            }
        }
    }

    @Test func logRankMatchesLifelines() throws {
        let reference = try ScipyReference.load()
        #expect(reference.logRank.count == 1)
        for case_ in reference.logRank {
            let result = try HypothesisTest.logRank(try reference.censoredSample(case_.a), try reference.censoredSample(case_.b))
            expectClose(result.statistic, case_.statistic, "chi2 \(case_.a) vs \(case_.b)")
            expectClose(result.pValue, case_.pValue, "p \(case_.a) vs \(case_.b)")
            #expect(result.degreesOfFreedom == 1)
        }
    }

    /// Hand derivation: times [1, 2, 2, 3, 4], reached [y, y, n, y, n], tau = 3.5. At t = 1: n = 5,
    /// d = 1, S = 0.8; t = 2: n = 4, d = 1, S = 0.6; t = 3: n = 2, d = 1, S = 0.3.
    /// RMST = 1 + 0.8 + 0.6 + 0.3 * 0.5 = 2.55. A_1 = 1.55, A_2 = 0.75, A_3 = 0.15, so
    /// Var = 1.55^2 / (5 * 4) + 0.75^2 / (4 * 3) + 0.15^2 / (2 * 1) = 0.120125 + 0.046875 + 0.01125 = 0.17825.
    @Test func restrictedMeanAndVarianceByHand() throws {
        let sample = try CensoredSample(times: [1, 2, 2, 3, 4], reached: [true, true, false, true, false])
        let rmst = try KaplanMeier(sample).restrictedMean(horizon: 3.5)
        expectClose(rmst.estimate, 2.55, tolerance: 1e-14)
        expectClose(rmst.variance, 0.17825, tolerance: 1e-14)
        // No event before the horizon: RMST = tau with no variance.
        let early = try KaplanMeier(sample).restrictedMean(horizon: 0.5)
        #expect(early.estimate == 0.5 && early.variance == 0)
        // The difference of two groups: estimates subtract, variances add, normal reference.
        let other = try CensoredSample(times: [2, 3, 3, 4], reached: [true, true, true, false])
        let otherRMST = try KaplanMeier(other).restrictedMean(horizon: 3.5)
        let difference = try KaplanMeier.restrictedMeanDifference(sample, other, horizon: 3.5)
        expectClose(difference.estimate, rmst.estimate - otherRMST.estimate, tolerance: 1e-14)
        expectClose(difference.standardError, (rmst.variance + otherRMST.variance).squareRoot(), tolerance: 1e-14)
        #expect(difference.degreesOfFreedom == nil)
    }

    /// Hand derivation: a reaches at 1 and 2, b at 3 and 4. At t = 1: n = 4, n_a = 2, d = d_a = 1,
    /// E_a = 1/2, V = (1/2)(1/2)(3/3) = 1/4; at t = 2: n = 3, n_a = 1, E_a = 1/3, V = (1/3)(2/3) = 2/9;
    /// at 3 and 4 a has no run at risk. O - E = 7/6, V = 17/36, chi2 = (49/36) / (17/36) = 49/17.
    @Test func logRankByHand() throws {
        let a = try CensoredSample(times: [1, 2], reached: [true, true])
        let b = try CensoredSample(times: [3, 4], reached: [true, true])
        let result = try HypothesisTest.logRank(a, b)
        expectClose(result.statistic, 49.0 / 17, tolerance: 1e-14)
        expectClose(try HypothesisTest.logRank(b, a).statistic, 49.0 / 17, tolerance: 1e-14)
    }

    /// The Greenwood-type variance is what makes the interval honest: for exponential times to
    /// threshold (means 60 and 90 steps) with uniform censoring on [0, 300] and 40 runs a group,
    /// RMST(80) = mu (1 - exp(-80 / mu)), and the normal 95% interval of the difference covers the true
    /// value in about 95% of 1000 replicates (window: 3 binomial standard errors). Halving or doubling
    /// the variance moves coverage to about 84% (845 here) or 99%.
    @Test func restrictedMeanDifferenceIntervalCovers() throws {
        func runs(_ n: Int, mean: Double, _ s: RandomStream) throws -> CensoredSample {
            let pairs = (0..<n).map { _ in (-mean * log(1 - s.uniform()), 300 * s.uniform()) }
            return try CensoredSample(times: pairs.map { min($0.0, $0.1) }, reached: pairs.map { $0.0 <= $0.1 })
        }
        let truth = 90 * (1 - exp(-80.0 / 90)) - 60 * (1 - exp(-80.0 / 60))
        var covered = 0
        for r in 0..<1000 {
            let s = RandomStream(seed: 31, stream: UInt64(r))
            let interval = try KaplanMeier.restrictedMeanDifference(runs(40, mean: 90, s), runs(40, mean: 60, s), horizon: 80)
                .interval(confidenceLevel: 0.95)
            if interval.contains(truth) { covered += 1 }
        }
        #expect((929...971).contains(covered), "coverage \(covered) / 1000")
    }

    @Test func rejectsBadInput() throws {
        #expect(throws: StatisticsError.self) { try CensoredSample(times: [1, 2], reached: [true]) }
        #expect(throws: StatisticsError.self) { try CensoredSample(times: [-1], reached: [true]) }
        #expect(throws: StatisticsError.self) { try CensoredSample(times: [], reached: []) }
        let sample = try CensoredSample(times: [1, 2, 5], reached: [true, false, false])
        #expect(throws: StatisticsError.self) { try KaplanMeier(sample).restrictedMean(horizon: 6) }
        #expect(throws: StatisticsError.self) { try KaplanMeier(sample).restrictedMean(horizon: 0) }
        // Every run reached the threshold by 2: S = 0 afterwards and any horizon is defined.
        let all = try CensoredSample(times: [1, 2], reached: [true, true])
        expectClose(try KaplanMeier(all).restrictedMean(horizon: 10).estimate, 1.5, tolerance: 1e-15)
        let none = try CensoredSample(times: [3, 4], reached: [false, false])
        #expect(throws: StatisticsError.self) { try HypothesisTest.logRank(none, none) }
    }
}

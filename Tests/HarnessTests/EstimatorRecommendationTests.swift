import Foundation
import Testing
@testable import Harness
import Statistics

/// The board's recommendation and claim checks on hand-made records whose ratios are known exactly.
@Suite struct EstimatorRecommendationTests {
    /// A run whose relative squared error is d^2 exactly: truth (1, 0), estimate (1 + d, 0).
    static func record(_ task: String, _ instance: String, _ estimator: String, multiple: Int, replicate: Int, offset d: Double) -> ComparisonRecord {
        ComparisonRecord(task: task, instance: instance, unitLevel: "players", players: 2, truthSource: "exact",
                         estimator: estimator, budgetMultiple: multiple, budget: 2 * multiple, replicate: replicate, seed: 0,
                         calls: 2 * multiple, seconds: 0, errors: EstimateErrors(estimate: [1 + d, 0], truth: [1, 0]))
    }

    /// Runs of `estimator` on two instances of `task`, four replicates each, at every claim budget,
    /// with offsets `offsets[replicate] * scale`.
    static func runs(_ task: String, _ estimator: String, offsets: [Double], scale: Double) -> [ComparisonRecord] {
        FrontierClaim.budgetMultiples.flatMap { multiple in
            ["a", "b"].flatMap { instance in
                offsets.enumerated().map { replicate, offset in
                    record(task, instance, estimator, multiple: multiple, replicate: replicate, offset: offset * scale)
                }
            }
        }
    }

    /// Errors exactly a quarter of the reference's on every pair: every resample's ratio is 1/4, so
    /// the interval is [1/4, 1/4]; two families at 1/4 and 4 pool to a geometric mean of 1, undecided.
    @Test func pairedRatioIsExactOnProportionalErrors() throws {
        let offsets: [Double] = [1, 2, 4, 0.5]
        let quarter = Self.runs("soum", "leverage-shap", offsets: offsets, scale: 0.5) + Self.runs("soum", "kernelshap", offsets: offsets, scale: 1)
        let one = try #require(try PairedErrorRatio.compute(families: [quarter], estimator: "leverage-shap", reference: "kernelshap",
                                                            budgetMultiple: 10, stream: RandomStream(seed: 1)))
        #expect(one.ratio == 0.25 && one.interval?.lower == 0.25 && one.interval?.upper == 0.25)
        #expect(one.pairs == 8 && one.direction == .lower)
        let four = Self.runs("voting", "leverage-shap", offsets: offsets, scale: 2) + Self.runs("voting", "kernelshap", offsets: offsets, scale: 1)
        let pooled = try #require(try PairedErrorRatio.compute(families: [quarter, four], estimator: "leverage-shap", reference: "kernelshap",
                                                               budgetMultiple: 10, stream: RandomStream(seed: 1)))
        #expect(abs(pooled.ratio - 1) < 1e-15 && pooled.direction == .undecided && pooled.pairs == 16)
        // A pair with one side missing is left out; a budget nobody ran gives no ratio.
        let missing = quarter.filter { !($0.estimator == "kernelshap" && $0.replicate == 0 && $0.instance == "a") }
        #expect(try PairedErrorRatio.compute(families: [missing], estimator: "leverage-shap", reference: "kernelshap",
                                             budgetMultiple: 10, stream: RandomStream(seed: 1))?.pairs == 7)
        #expect(try PairedErrorRatio.compute(families: [quarter], estimator: "leverage-shap", reference: "kernelshap",
                                             budgetMultiple: 50, stream: RandomStream(seed: 1)) == nil)
    }

    /// Resampling stays within strata: stratum 1 all (1, 1), stratum 2 all (3, 1), so the pooled
    /// ratio of sums (2*1 + 2*3) / 4 = 2 in every resample; pooling the pairs would vary it.
    @Test func stratifiedBootstrapKeepsStratumSizes() throws {
        let strata: [[(Double, Double)]] = [[(1, 1), (1, 1)], [(3, 1), (3, 1)]]
        let ratioOfSums = { (s: [[(Double, Double)]]) -> Double in
            s.joined().map(\.0).reduce(0, +) / s.joined().map(\.1).reduce(0, +)
        }
        let interval = try #require(try Bootstrap.stratifiedPairs(strata, statistic: ratioOfSums, stream: RandomStream(seed: 3)))
        #expect(interval.lower == 2 && interval.upper == 2)
        let pooled = try #require(try Bootstrap.stratifiedPairs([Array(strata.joined())], statistic: ratioOfSums, stream: RandomStream(seed: 3)))
        #expect(pooled.lower < 2 && pooled.upper > 2)
        #expect(try Bootstrap.stratifiedPairs([[(1, 0)]], statistic: ratioOfSums, stream: RandomStream(seed: 3)) == nil)
        #expect(throws: StatisticsError.self) { try Bootstrap.stratifiedPairs([[]], statistic: ratioOfSums, stream: RandomStream(seed: 3)) }
    }

    /// Three estimators: "a" lowest, "b" the same errors on other replicates (ratio 1.05, its
    /// interval holds 1: a tie), "c" ten times a's on every pair (ratio 100 exactly: worse).
    @Test func bestEstimatorAndTies() throws {
        let records = Self.runs("max", "a", offsets: [1, 2, 1, 2], scale: 1)
            + Self.runs("max", "b", offsets: [2, 1, 2, 1.1], scale: 1)
            + Self.runs("max", "c", offsets: [1, 2, 1, 2], scale: 10)
        let table = try EstimatorRecommendation.table(records, summary: try ComparisonSummary.rows(records, seed: 0), seed: 0)
        #expect(table.map(\.budgetMultiple) == [5, 10, 20])
        for row in table {
            #expect(row.family == "max (players)" && row.best == "a" && row.bestMeanError == 2.5)
            #expect(row.ties.map(\.estimator) == ["b"])
            let worse = try #require(row.others.first { $0.estimator == "c" })
            #expect(worse.ratio == 100 && worse.direction == .higher)
        }
        #expect(EstimatorRecommendation.markdown(table).contains("| max (players) | 10n | a | 2.50e+00"))
        #expect(EstimatorRecommendation.markdown(table).contains("(no better than all zeros, whose error is 1)"), "a's mean error 2.5 is above the zero estimate's 1")
    }

    /// leverage-shap at a quarter of kernelshap's error in every family and budget: reproduced in
    /// direction; the published "about 0.5" lies outside [0.25, 0.25]. The verdict words follow
    /// the stated rule for every mix of directions.
    @Test func claimVerdictsFollowTheRule() throws {
        let offsets: [Double] = [1, 2, 4, 0.5]
        let records = Self.runs("soum", "leverage-shap", offsets: offsets, scale: 0.5) + Self.runs("soum", "kernelshap", offsets: offsets, scale: 1)
            + Self.runs("voting", "leverage-shap", offsets: offsets, scale: 0.5) + Self.runs("voting", "kernelshap", offsets: offsets, scale: 1)
        let claim = FrontierClaim.published[0]
        #expect(claim.estimator == "leverage-shap" && claim.reference == "kernelshap")
        let check = try #require(try FrontierClaim.check([claim], records: records, seed: 0).first)
        #expect(check.pooled.allSatisfy { abs($0.ratio - 0.25) < 1e-15 })
        #expect(check.directionVerdict == "reproduced")
        #expect(check.sizeVerdict.hasSuffix("outside our intervals"))
        func verdict(_ intervals: [(Double, Double)]) -> String {
            let pooled = intervals.enumerated().map { index, bounds in
                PairedErrorRatio(estimator: "x", reference: "y", budgetMultiple: index, ratio: (bounds.0 + bounds.1) / 2,
                                 interval: ConfidenceInterval(lower: bounds.0, upper: bounds.1, confidenceLevel: 0.95), pairs: 2, families: 1)
            }
            return FrontierClaim.Check(claim: claim, pooled: pooled, perFamily: []).directionVerdict
        }
        #expect(verdict([(0.1, 0.9), (0.2, 0.8), (0.3, 0.7)]) == "reproduced")
        #expect(verdict([(0.1, 0.9), (0.2, 1.8), (0.3, 0.7)]) == "partly reproduced")
        #expect(verdict([(0.1, 0.9), (1.2, 1.8), (0.3, 1.7)]) == "mixed")
        #expect(verdict([(0.5, 1.9), (1.2, 1.8), (0.3, 1.7)]) == "contradicted")
        #expect(verdict([(0.5, 1.9), (0.2, 1.8), (0.3, 1.7)]) == "not shown")
        let markdown = FrontierClaim.markdown([check]) + FrontierClaim.familyMarkdown([check])
        #expect(markdown.contains("| leverage-shap below kernelshap | Leverage SHAP (ICLR 2025) | 5n | 0.25 [0.25, 0.25] | 2 / 0 / 0 | reproduced |"))
        #expect(markdown.contains("| voting (players) | 0.25 [0.25, 0.25] | 0.25 [0.25, 0.25] | 0.25 [0.25, 0.25] |"))
    }
}

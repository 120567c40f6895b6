import Testing
import Statistics

/// Expected values: Hedges' g from statsmodels effectsize_smd and the Welch interval from
/// scipy.stats.ttest_ind(equal_var=False).confidence_interval, via reference/scipy_reference.py.
@Suite struct EffectSizeTests {
    @Test func matchesReference() throws {
        let reference = try ScipyReference.load()
        #expect(reference.effectSizes.count == 2)
        for case_ in reference.effectSizes {
            let a = try reference.sample(case_.a), b = try reference.sample(case_.b)
            expectClose(try EffectSize.hedgesG(a, b), case_.hedgesG, "g \(case_.a) vs \(case_.b)")
            for expected in case_.welchIntervals {
                let difference = try EffectSize.meanDifference(a, b, confidenceLevel: expected.confidenceLevel)
                expectClose(difference.estimate, case_.meanDifference, "difference \(case_.a) vs \(case_.b)")
                expectClose(difference.interval.lower, expected.lower, "lower \(expected.confidenceLevel)")
                expectClose(difference.interval.upper, expected.upper, "upper \(expected.confidenceLevel)")
            }
        }
    }

    /// Hand derivation: a = [1, 3], b = [4, 6]: means 2 and 5, both variances 2, pooled sd sqrt(2),
    /// d = -3 / sqrt(2); J = 1 - 3 / (4 * 4 - 9) = 4/7.
    @Test func cohensDByHand() throws {
        expectClose(try EffectSize.cohensD([1, 3], [4, 6]), -3 / 2.0.squareRoot(), tolerance: 1e-15)
        expectClose(try EffectSize.hedgesG([1, 3], [4, 6]), -3 / 2.0.squareRoot() * 4 / 7, tolerance: 1e-15)
    }

    @Test func rejectsBadInput() {
        #expect(throws: StatisticsError.self) { try EffectSize.cohensD([2, 2], [3, 3]) }
        #expect(throws: StatisticsError.self) { try EffectSize.meanDifference([1, 2], [3, 4], confidenceLevel: 0) }
        #expect(throws: StatisticsError.tooFewObservations(sample: "a", needed: 2, got: 0)) { try EffectSize.hedgesG([], [1, 2]) }
    }
}

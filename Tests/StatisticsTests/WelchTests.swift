import Testing
import Statistics

/// Expected values: scipy.stats.ttest_ind(equal_var=False) for a zero null difference and
/// statsmodels ttest_ind(usevar='unequal', value=...) otherwise, via reference/scipy_reference.py.
@Suite struct WelchTests {
    @Test func matchesScipyAndStatsmodels() throws {
        let reference = try ScipyReference.load()
        #expect(reference.welch.count == 36)
        for case_ in reference.welch {
            let alternative = try #require(Alternative(rawValue: case_.alternative))
            let result = try HypothesisTest.welch(
                try reference.sample(case_.a), try reference.sample(case_.b),
                alternative: alternative, nullDifference: case_.nullDifference ?? 0)
            let label = "\(case_.a) vs \(case_.b) \(case_.alternative) null \(case_.nullDifference ?? 0)"
            expectClose(result.statistic, case_.statistic, "t " + label)
            expectClose(result.pValue, case_.pValue, "p " + label)
            expectClose(try #require(result.degreesOfFreedom), try #require(case_.df), "df " + label)
        }
    }

    @Test func rejectsBadInput() {
        #expect(throws: StatisticsError.tooFewObservations(sample: "b", needed: 2, got: 1)) {
            try HypothesisTest.welch([1, 2], [3])
        }
        #expect(throws: StatisticsError.self) { try HypothesisTest.welch([1, 1], [2, 2]) }
        #expect(throws: StatisticsError.nonFinite(sample: "a")) { try HypothesisTest.welch([1, .infinity], [2, 3]) }
    }
}

import Testing
import Statistics

/// Expected values: statsmodels ttost_ind(usevar='unequal') and ttost_paired via reference/scipy_reference.py.
@Suite struct EquivalenceTests {
    @Test func matchesStatsmodels() throws {
        let reference = try ScipyReference.load()
        #expect(reference.tost.count == 4)
        for case_ in reference.tost {
            let result = try Equivalence.tost(
                try reference.sample(case_.a), try reference.sample(case_.b), lower: case_.lower, upper: case_.upper)
            let label = "\(case_.a) vs \(case_.b) in (\(case_.lower), \(case_.upper))"
            expectClose(result.pValue, case_.pValue, "p " + label)
            for (test, expected) in [(result.lowerTest, case_.lowerTest), (result.upperTest, case_.upperTest)] {
                expectClose(test.statistic, expected.statistic, "t " + label)
                expectClose(test.pValue, expected.pValue, "one-sided p " + label)
                expectClose(try #require(test.degreesOfFreedom), expected.df, "df " + label)
            }
            #expect(result.isEquivalent == (case_.pValue < 0.05))
        }
    }

    /// TOST on a paired effect (`EffectEstimate.paired`) is statsmodels' ttost_paired.
    @Test func pairedMatchesStatsmodels() throws {
        let reference = try ScipyReference.load()
        #expect(reference.tostPaired.count == 3)
        for case_ in reference.tostPaired {
            let effect = try EffectEstimate.paired(try reference.sample(case_.a), try reference.sample(case_.b))
            let result = try Equivalence.tost(effect, lower: case_.lower, upper: case_.upper)
            let label = "paired \(case_.a) vs \(case_.b) in (\(case_.lower), \(case_.upper))"
            expectClose(result.pValue, case_.pValue, "p " + label)
            for (test, expected) in [(result.lowerTest, case_.lowerTest), (result.upperTest, case_.upperTest)] {
                expectClose(test.statistic, expected.statistic, "t " + label)
                expectClose(test.pValue, expected.pValue, "one-sided p " + label)
                expectClose(try #require(test.degreesOfFreedom), expected.df, "df " + label)
            }
        }
    }

    @Test func marginIsSymmetricBounds() throws {
        let a = [1.0, 1.2, 0.9, 1.1], b = [1.05, 0.95, 1.0, 1.1]
        #expect(try Equivalence.tost(a, b, margin: 0.3) == Equivalence.tost(a, b, lower: -0.3, upper: 0.3))
    }

    @Test func rejectsBadInput() {
        let a = [1.0, 2.0], b = [1.5, 2.5]
        #expect(throws: StatisticsError.outOfRange(parameter: "alpha", value: 1, allowed: "(0, 1)")) {
            try Equivalence.tost(a, b, margin: 1, alpha: 1)
        }
        #expect(throws: StatisticsError.self) { try Equivalence.tost(a, b, margin: 0) }
        #expect(throws: StatisticsError.self) { try Equivalence.tost(a, b, lower: 1, upper: -1) }
        #expect(throws: StatisticsError.self) { try Equivalence.tost([], b, margin: 1) }
    }
}

import Testing
import Statistics

/// Expected values: scipy.stats.mannwhitneyu(method='asymptotic', use_continuity=True) and
/// (method='exact'), via reference/scipy_reference.py.
@Suite struct MannWhitneyTests {
    @Test func matchesScipy() throws {
        let reference = try ScipyReference.load()
        #expect(reference.mannWhitney.count == 21)
        for case_ in reference.mannWhitney {
            let alternative = try #require(Alternative(rawValue: case_.alternative))
            let method: HypothesisTest.MannWhitneyMethod = case_.method == "exact" ? .exact : .asymptotic
            let result = try HypothesisTest.mannWhitneyU(
                try reference.sample(case_.a), try reference.sample(case_.b), alternative: alternative, method: method)
            let label = "\(case_.a) vs \(case_.b) \(case_.alternative) \(case_.method ?? "")"
            expectClose(result.statistic, case_.statistic, "U " + label)
            expectClose(result.pValue, case_.pValue, "p " + label)
            #expect(result.degreesOfFreedom == nil)
        }
    }

    /// Hand derivation: a = [1], b = [2, 3]. U_a = 0 and the three orderings of {a_1} among the
    /// pooled values are equally likely, giving U in {0, 1, 2} each with probability 1/3;
    /// less uses U_b = 2: P(U >= 2) = 1/3, and two-sided doubles it to 2/3.
    @Test func exactByHand() throws {
        let less = try HypothesisTest.mannWhitneyU([1], [2, 3], alternative: .less, method: .exact)
        #expect(less.statistic == 0)
        expectClose(less.pValue, 1.0 / 3, tolerance: 1e-15)
        expectClose(try HypothesisTest.mannWhitneyU([1], [2, 3], method: .exact).pValue, 2.0 / 3, tolerance: 1e-15)
    }

    @Test func rejectsBadInput() {
        #expect(throws: StatisticsError.tooFewObservations(sample: "a", needed: 1, got: 0)) {
            try HypothesisTest.mannWhitneyU([], [1])
        }
        #expect(throws: StatisticsError.self) { try HypothesisTest.mannWhitneyU([1, 2], [2, 3], method: .exact) }
        let large = (0..<101).map(Double.init)
        #expect(throws: StatisticsError.self) { try HypothesisTest.mannWhitneyU(large, large.map { $0 + 0.5 }, method: .exact) }
    }
}

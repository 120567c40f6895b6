import Testing
@testable import Statistics

/// Expected values: numpy (mean, var/std with ddof=1, median, quantile(method='linear')) via
/// reference/scipy_reference.py, stored in reference/scipy_expected.json.
@Suite struct DescriptiveTests {
    @Test func matchesNumpy() throws {
        let reference = try ScipyReference.load()
        #expect(reference.descriptive.count == 3)
        for (name, expected) in reference.descriptive {
            let x = try reference.sample(name)
            expectClose(try Descriptive.mean(x), expected.mean, "mean \(name)")
            expectClose(try Descriptive.variance(x), expected.variance, "variance \(name)")
            expectClose(try Descriptive.standardDeviation(x), expected.standardDeviation, "sd \(name)")
            expectClose(try Descriptive.median(x), expected.median, "median \(name)")
            for pair in expected.quantiles {
                expectClose(try Descriptive.quantile(x, pair[0]), pair[1], "quantile \(pair[0]) of \(name)")
            }
        }
    }

    /// Hand derivation: for [4, 1, 3, 2] sorted 1 2 3 4, p = 0.5 gives h = 1.5, so 2 + 0.5 (3 - 2) = 2.5;
    /// p = 0.1 gives h = 0.3, so 1 + 0.3 (2 - 1) = 1.3.
    @Test func typeSevenByHand() throws {
        #expect(try Descriptive.quantile([4, 1, 3, 2], 0.5) == 2.5)
        expectClose(try Descriptive.quantile([4, 1, 3, 2], 0.1), 1.3, tolerance: 1e-15)
        #expect(try Descriptive.quantiles([4, 1, 3, 2], [0, 1]) == [1, 4])
    }

    /// The unchecked mean is the same number as the checked one (numpy's, above), and NaN where
    /// the checked one refuses: an empty sample, or a non-finite value (which propagates).
    @Test func uncheckedMeanAgreesAndGivesNaN() throws {
        let reference = try ScipyReference.load()
        for (name, expected) in reference.descriptive {
            let x = try reference.sample(name)
            #expect(Descriptive.meanOrNaN(x) == (try Descriptive.mean(x)))
            expectClose(Descriptive.meanOrNaN(x), expected.mean, "unchecked mean \(name)")
        }
        #expect(Descriptive.meanOrNaN([1, 2, 6]) == 3)
        #expect(Descriptive.meanOrNaN([]).isNaN)
        #expect(Descriptive.meanOrNaN([1, .nan]).isNaN)
        #expect(Descriptive.meanOrNaN([1, .infinity]) == .infinity)
    }

    @Test func rejectsBadInput() {
        #expect(throws: StatisticsError.tooFewObservations(sample: "x", needed: 1, got: 0)) { try Descriptive.mean([]) }
        #expect(throws: StatisticsError.tooFewObservations(sample: "x", needed: 2, got: 1)) { try Descriptive.variance([1]) }
        #expect(throws: StatisticsError.nonFinite(sample: "x")) { try Descriptive.median([1, .nan]) }
        #expect(throws: StatisticsError.self) { try Descriptive.quantile([1, 2], 1.5) }
    }
}

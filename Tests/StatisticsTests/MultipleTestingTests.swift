import Testing
import Statistics

/// Expected values: statsmodels multipletests(method='holm') via reference/scipy_reference.py.
@Suite struct MultipleTestingTests {
    @Test func matchesStatsmodels() throws {
        let reference = try ScipyReference.load()
        #expect(reference.holm.count == 4)
        for case_ in reference.holm {
            let adjusted = try MultipleTesting.holm(case_.pValues)
            #expect(adjusted.count == case_.adjusted.count)
            for (value, expected) in zip(adjusted, case_.adjusted) { expectClose(value, expected, "holm \(case_.pValues)") }
        }
    }

    /// Hand derivation: sorted 0.01, 0.02, 0.03 times 3, 2, 1 gives 0.03, 0.04, 0.03, and the running
    /// maximum makes the last 0.04; 0.6 * 2 = 1.2 is capped at 1.
    @Test func stepDownByHand() throws {
        let adjusted = try MultipleTesting.holm([0.03, 0.01, 0.02])
        for (value, expected) in zip(adjusted, [0.04, 0.03, 0.04]) { expectClose(value, expected, tolerance: 1e-15) }
        #expect(try MultipleTesting.holm([0.6, 0.7]) == [1, 1])
        #expect(try MultipleTesting.holm([]) == [])
    }

    @Test func rejectsBadInput() {
        #expect(throws: StatisticsError.self) { try MultipleTesting.holm([0.5, 1.2]) }
        #expect(throws: StatisticsError.self) { try MultipleTesting.holm([.nan]) }
    }
}

import Testing
import Statistics

@Suite struct MarginTests {
    /// 10% of the gap from an untrained reward 0.45 to an attainable 0.95 is 0.05.
    @Test func fractionOfGap() throws {
        expectClose(try Margin.fractionOfGap(0.1, untrained: 0.45, attainable: 0.95), 0.05, tolerance: 1e-15)
        #expect(throws: StatisticsError.self) { try Margin.fractionOfGap(0, untrained: 0, attainable: 1) }
        #expect(throws: StatisticsError.self) { try Margin.fractionOfGap(0.1, untrained: 1, attainable: 1) }
    }

    /// Estimate 0.02, se 0.005 (normal), superiority: the upper 95% bound is 0.0282, so the claim is
    /// refuted at margin 0.04 and 0.08 but not at 0.02 (where the effect is merely shown positive).
    @Test func sensitivityRedecidesAtHalfAndDouble() throws {
        let effect = try EffectEstimate(estimate: 0.02, standardError: 0.005, degreesOfFreedom: nil)
        let rows = try Margin.sensitivity(0.04) { try DecisionRule.superiority(effect, margin: $0) }
        #expect(rows.map(\.margin) == [0.02, 0.04, 0.08])
        #expect(rows.map(\.decision.verdict) == [.supported, .belowMargin, .belowMargin])
        #expect(rows.map(\.decision.margin) == [0.02, 0.04, 0.08])
        let equivalence = try Margin.sensitivity(0.02) { try DecisionRule.equivalence(effect, margin: $0) }
        #expect(equivalence.map(\.decision.verdict) == [.notSupported, .inconclusive, .supported])
    }
}

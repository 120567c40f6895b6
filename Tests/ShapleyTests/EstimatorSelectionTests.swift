import Testing
import Shapley
import Statistics

/// `--estimator auto`'s rules at their boundaries, on an 8-player value table (2n = 16, 5n = 40,
/// 10n = 80, 2^n = 256; antithetic's minimum 2 + 2*7 = 16, permutation's 2 + 7 = 9).
@Suite struct EstimatorSelectionTests {
    @Test func rulesAtTheirBoundaries() throws {
        let table = try RandomGames.noise(players: 8, seed: 1)
        func pick(_ budget: Int, standardErrors: Bool = false) throws -> EstimatorKind {
            try EstimatorSelection.choose(for: table, budget: budget, standardErrors: standardErrors).kind
        }
        #expect(try pick(256) == .exact)
        #expect(try pick(255) == .msrLinear)
        #expect(try pick(40) == .msrLinear)
        #expect(try pick(39) == .antithetic)
        #expect(try pick(16) == .antithetic)
        #expect(try pick(15) == .svarm)
        #expect(try pick(80, standardErrors: true) == .kernelshapUnbiased)
        #expect(try pick(79, standardErrors: true) == .antithetic)
        #expect(try pick(15, standardErrors: true) == .permutation)
        let closed = try EstimatorSelection.choose(for: RandomGames.soum(players: 8, seed: 1), budget: 15, standardErrors: false)
        #expect(closed.kind == .closedForm && closed.reason.contains("closed form"))
        #expect(try EstimatorSelection.choose(for: table, budget: 40, standardErrors: false).reason.contains("40 calls = 5n for 8 players"))
    }
}

import Testing
import Shapley
import Statistics

/// The one-pass exact enumeration against an independent reference: the per-player marginal sweep
/// phi_i = sum over S without i of |S|! (n-|S|-1)! / n! (v(S + i) - v(S)), written out here.
@Suite struct ExactOnePassTests {
    static func marginalSweep(_ values: [Double], playerCount n: Int) -> [Double] {
        var factorial = [1.0]
        for k in 1...max(n, 1) { factorial.append(factorial[k - 1] * Double(k)) }
        return (0..<n).map { player in
            var total = 0.0
            for without in values.indices where without & (1 << player) == 0 {
                let size = without.nonzeroBitCount
                total += factorial[size] * factorial[n - size - 1] / factorial[n] * (values[without | 1 << player] - values[without])
            }
            return total
        }
    }

    static func relativeDifference(_ ours: [Double], _ reference: [Double]) -> Double {
        maxAbsDifference(ours, reference) / max(reference.map(abs).max() ?? 0, 1e-300)
    }

    @Test func handDerivedTwoPlayerGame() {
        // v(empty) = 0, v({0}) = 1, v({1}) = 2, v({0, 1}) = 5:
        // phi_0 = (1 - 0)/2 + (5 - 2)/2 = 2, phi_1 = (2 - 0)/2 + (5 - 1)/2 = 3.
        let values = ExactShapley.values(fromTable: [0, 1, 2, 5], playerCount: 2)
        #expect(abs(values[0] - 2) < 1e-15 && abs(values[1] - 3) < 1e-15)
    }

    @Test(arguments: [1, 2, 3, 5, 9, 10, 11, 13])
    func equalsTheMarginalSweepOnRandomTables(players: Int) throws {
        for seed in 0..<3 as Range<UInt64> {
            for (family, table) in try RandomGames.families(players: players, seed: seed) {
                let difference = Self.relativeDifference(
                    ExactShapley.values(fromTable: table.values, playerCount: players), Self.marginalSweep(table.values, playerCount: players))
                #expect(difference < 1e-12, "\(family) n=\(players) seed \(seed): relative difference \(difference)")
            }
        }
    }

    @Test func largeOffsetsDoNotCancel() throws {
        let table = try RandomGames.noise(players: 12, seed: 5)
        let shifted = table.values.map { $0 + 1e6 }
        let difference = Self.relativeDifference(
            ExactShapley.values(fromTable: shifted, playerCount: 12), Self.marginalSweep(table.values, playerCount: 12))
        #expect(difference < 1e-9, "relative difference \(difference) after a 1e6 offset")
    }

    @Test func equalsTheClosedFormsOfTheSyntheticGames() throws {
        let random = RandomStream(seed: 11)
        let weights = (0..<14).map { _ in random.normal() }
        let additive = try exactValues(AdditiveGame(weights: weights, intercept: 0.5))
        #expect(Self.relativeDifference(additive, weights) < 1e-12)
        let soum = RandomGames.soum(players: 14, seed: 4)
        let closedForm = (0..<14).map { player in
            soum.terms.filter { $0.members.contains(player) }.reduce(0.0) { $0 + $1.weight / Double($1.members.count) }
        }
        #expect(Self.relativeDifference(try exactValues(soum), closedForm) < 1e-12)
    }
}

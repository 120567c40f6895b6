import Testing
@testable import Shapley
import Statistics

/// The estimators of the frontier issue (Leverage SHAP, regression-adjusted MSR) against hand derivations and exact enumeration; the registry tests check
/// their declared axioms and budgets.
@Suite struct FrontierEstimatorTests {
    static let estimators: [any ShapleyEstimator] = [LeverageSHAP(), RegressionMSR()]

    /// At a budget of 2^n every coalition is used with its exact weight (Leverage SHAP and MSR:
    /// inclusion probability 1), so the result
    /// is the Shapley value by enumeration.
    @Test func exactAtTheFullBudget() throws {
        for n in 2...7 {
            for (family, game) in try RandomGames.families(players: n, seed: UInt64(n)) {
                let exact = try exactValues(game)
                for estimator in Self.estimators {
                    let estimate = try estimator.estimate(game, budget: 1 << n, random: RandomStream(seed: 1))
                    #expect(maxAbsDifference(estimate.values, exact) < 1e-9, "\(estimator.name) n=\(n) \(family)")
                    #expect(estimate.calls == 1 << n, "\(estimator.name) n=\(n): \(estimate.calls) calls")
                }
            }
        }
    }

    /// Leverage sampling on 6 players with 20 coalitions: 10 pairs, water-filled over the classes
    /// {1, 5} (6 coalitions of size 1), {2, 4} (15) and the middle size 3 (20, a pair adds two):
    /// by hand, 4 pairs each to the outer classes and 2 to the middle, so 4 coalitions of every
    /// size 1..5, all distinct and proper, each of size s with inclusion probability 4 / C(6, s).
    @Test func leverageSamplingTakesEqualCountsPerSize() {
        for seed: UInt64 in 0..<5 {
            let sample = LeverageSampling(playerCount: 6, count: 20, random: RandomStream(seed: seed))
            #expect(sample.coalitions.count == 20)
            #expect(Set(sample.coalitions.map(\.rawValue)).count == 20, "coalitions repeat")
            for s in 1...5 {
                #expect(sample.coalitions.filter { $0.count == s }.count == 4, "size \(s)")
            }
            for (coalition, probability) in zip(sample.coalitions, sample.inclusionProbabilities) {
                #expect(abs(probability - 4 / ShapleyWeights.binomial(6, coalition.count)) < 1e-15)
            }
            for index in stride(from: 0, to: 20, by: 2) {
                #expect(sample.coalitions[index + 1] == sample.coalitions[index].complement(in: 6), "pairs are complements")
            }
        }
    }

    /// Two players: Leverage SHAP's only pair is ({0}, {1}), with equal weights, so the constrained
    /// regression gives phi_0 = (v0 - e + v(N) - v1) / 2, the exact Shapley value (hand derivation).
    @Test func leverageSHAPOnTwoPlayersIsExact() throws {
        let values = [0.5, 2.0, -1.0, 4.0]  // v(empty), v({0}), v({1}), v(N)
        let game = try TableGame(playerCount: 2, values: values)
        let estimate = try LeverageSHAP().estimate(game, budget: 4, random: RandomStream(seed: 3))
        #expect(abs(estimate.values[0] - (values[1] - values[0] + values[3] - values[2]) / 2) < 1e-12)
        #expect(abs(estimate.values[1] - (values[2] - values[0] + values[3] - values[1]) / 2) < 1e-12)
    }

    /// An additive game v(S) = 1 + sum_{j in S} a_j is fitted exactly by MSR's linear model, so every
    /// residual is 0 and phi = a at any budget (hand derivation: phi_i = a_i).
    @Test func additiveGamesAreExactAtEveryBudget() throws {
        let weights = [0.3, -1.2, 2.5, 0.0, 0.7, -0.4, 1.1, 0.9, -2.0]
        let game = FunctionGame(playerCount: 9) { coalition in 1 + coalition.members.map { weights[$0] }.reduce(0, +) }
        for budget in [24, 40, 90] {
            for estimator in [RegressionMSR()] as [any ShapleyEstimator] {
                let estimate = try estimator.estimate(game, budget: budget, random: RandomStream(seed: UInt64(budget)))
                #expect(maxAbsDifference(estimate.values, weights) < 1e-9, "\(estimator.name) budget \(budget)")
                #expect(estimate.calls <= budget)
            }
        }
    }
}

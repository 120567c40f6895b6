import Testing
@testable import Shapley
import Statistics

/// The estimators of the frontier issue (Leverage SHAP, regression-adjusted MSR, stratified SVARM,
/// stratified sampling) against hand derivations and exact enumeration; the registry tests check
/// their declared axioms and budgets.
@Suite struct FrontierEstimatorTests {
    static let estimators: [any ShapleyEstimator] = [LeverageSHAP(), RegressionMSR(), StratifiedSVARM(), UnbiasedKernelSHAP()]

    /// At a budget of 2^n every coalition is used with its exact weight (Leverage SHAP and MSR:
    /// inclusion probability 1; SVARM and unbiased KernelSHAP: every size enumerated by the border
    /// trick), so the result
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
    /// residual is 0 and phi = a at any budget; stratified sampling's marginal contributions are
    /// all a_i, so it is exact too (hand derivation: phi_i = a_i for both).
    @Test func additiveGamesAreExactAtEveryBudget() throws {
        let weights = [0.3, -1.2, 2.5, 0.0, 0.7, -0.4, 1.1, 0.9, -2.0]
        let game = FunctionGame(playerCount: 9) { coalition in 1 + coalition.members.map { weights[$0] }.reduce(0, +) }
        for budget in [24, 40, 90] {
            for estimator in [RegressionMSR(), StratifiedSampling()] as [any ShapleyEstimator] {
                let estimate = try estimator.estimate(game, budget: budget, random: RandomStream(seed: UInt64(budget)))
                #expect(maxAbsDifference(estimate.values, weights) < 1e-9, "\(estimator.name) budget \(budget)")
                #expect(estimate.calls <= budget)
            }
        }
    }

    /// Stratified sampling on two players has only the border strata, each a single marginal
    /// contribution: phi_0 = ((v0 - e) + (v(N) - v1)) / 2 = (1 + 3) / 2 = 2 and phi_1 = (2 + 4) / 2 = 3.
    @Test func stratifiedSamplingOnTwoPlayers() throws {
        let game = try TableGame(playerCount: 2, values: [0, 1, 2, 5])
        let estimate = try StratifiedSampling().estimate(game, budget: 4, random: RandomStream(seed: 0))
        #expect(maxAbsDifference(estimate.values, [2, 3]) < 1e-12)
    }

    /// SVARM at its minimum budget has only v(empty) and v(N): every stratum but t = n is empty,
    /// so each player gets (v(N) - v(empty)) / n (hand derivation from the stratified formula).
    @Test func svarmWithNoDrawsSharesTheTotal() throws {
        let game = RandomGames.soum(players: 5, seed: 4)
        let share = try total(game) / 5
        let estimate = try StratifiedSVARM().estimate(game, budget: 2, random: RandomStream(seed: 0))
        #expect(maxAbsDifference(estimate.values, [Double](repeating: share, count: 5)) < 1e-12)
        #expect(estimate.calls == 2)
    }

    /// Once every stratum has a draw (2 + 2n + 2n(n-2) = 42 calls on 5 players), stratified sampling
    /// is unbiased: the mean of 400 seeded estimates lies within 4.5 standard errors of the exact
    /// values. At 600 calls on 10 players, Leverage SHAP, MSR, SVARM, unbiased KernelSHAP and
    /// stratified sampling land within a tolerance of the exact values on average (consistency).
    @Test func samplersAverageToTheShapleyValue() throws {
        let game = RandomGames.soum(players: 5, seed: 8)
        let exact = try exactValues(game)
        var moments = Array(repeating: RunningMoments(), count: 5)
        for seed: UInt64 in 0..<400 {
            let values = try StratifiedSampling().estimate(game, budget: 42, random: RandomStream(seed: seed, stream: 4)).values
            for player in 0..<5 { moments[player].add(values[player]) }
        }
        for player in 0..<5 {
            let z = (moments[player].mean - exact[player]) / max(moments[player].standardError!, 1e-12)
            #expect(abs(z) < 4.5, "stratified player \(player): z = \(z)")
        }
        let large = RandomGames.soum(players: 10, seed: 5)
        let largeExact = try exactValues(large)
        let scale = largeExact.map { $0 * $0 }.reduce(0, +)
        for estimator in Self.estimators + [StratifiedSampling()] {
            var error = 0.0
            for seed: UInt64 in 0..<20 {
                let values = try estimator.estimate(large, budget: 600, random: RandomStream(seed: seed, stream: 6)).values
                error += zip(values, largeExact).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / scale / 20
            }
            #expect(error < 0.05, "\(estimator.name): mean relative squared error \(error) at 600 calls")
        }
    }

    /// Without memoization (a noisy game) every call is charged, repeats too: every registered
    /// sampling estimator still stays within its budget, and the noise is fresh per call.
    @Test func everyEstimatorKeepsItsBudgetWhenRepeatsAreCharged() throws {
        let noisy = NoisyGame(RandomGames.soum(players: 8, seed: 9), sigma: 0.5, random: RandomStream(seed: 4))
        #expect(try noisy.value(of: Coalition([1, 2])) != (try noisy.value(of: Coalition([1, 2]))))
        for entry in EstimatorRegistry.entries where !entry.capabilities.budgetFree {
            let estimator = try entry.make(partition: .contiguous(8, size: 2))
            for budget in [estimator.cost(playerCount: 8).minimumBudget, 40, 200] {
                let estimate = try estimator.estimate(noisy, budget: budget, random: RandomStream(seed: 2), memoize: false)
                #expect(estimate.calls <= budget, "\(entry.name) budget \(budget): \(estimate.calls) calls")
            }
        }
    }
}

import Testing
import Shapley
import Statistics

/// The Shapley axioms on seeded random games (20 games per family and size): efficiency for every
/// registered estimator that declares it, symmetry and null player where they hold exactly.
@Suite struct AxiomTests {
    @Test func efficiencyHoldsForEveryEstimatorThatDeclaresIt() throws {
        let efficientEstimators = try EstimatorRegistry.entries.filter { $0.capabilities.efficient && !$0.capabilities.budgetFree }
            .map { try $0.make(partition: .contiguous(9, size: 3)) }
        #expect(efficientEstimators.count >= 5, "permutation, antithetic, both KernelSHAPs and owen at least")
        for seed: UInt64 in 0..<20 {
            for (family, game) in try RandomGames.families(players: 9, seed: seed) {
                let expected = try total(game)
                for estimator in efficientEstimators {
                    for budget in [30, 120, 512] {
                        let estimate = try estimator.estimate(game, budget: budget, random: RandomStream(seed: seed))
                        let sum = estimate.values.reduce(0, +)
                        #expect(abs(sum - expected) < 1e-9, "\(estimator.name) on \(family) seed \(seed) budget \(budget): sum \(sum) vs \(expected)")
                    }
                }
            }
        }
    }

    @Test func sampledOwenValuesAreEfficient() throws {
        // A budget below the partition's exact cost forces the sampled path.
        let game = try TableGame(tabulating: RandomGames.soum(players: 12, seed: 4))
        let owen = OwenValues(partition: .contiguous(12, size: 2))
        #expect(owen.partition.exactCost > 200)
        let estimate = try owen.estimate(game, budget: 200, random: RandomStream(seed: 1))
        #expect(estimate.standardErrors != nil, "the sampled path reports standard errors")
        #expect(abs(estimate.values.reduce(0, +) - (try total(game))) < 1e-9)
    }

    @Test func symmetricPlayersGetEqualValues() throws {
        // Players 0 and 1 have the same voting weight, so they are interchangeable in every coalition.
        for seed: UInt64 in 0..<20 {
            let random = RandomStream(seed: seed)
            var weights = (0..<8).map { _ in Double(1 + random.integer(below: 9)) }
            weights[1] = weights[0]
            let game = WeightedVotingGame(weights: weights, quota: weights.reduce(0, +) / 2)
            let exact = try exactValues(game)
            #expect(abs(exact[0] - exact[1]) < 1e-12)
            let kernel = try KernelSHAP(paired: true).estimate(game, budget: 256, random: random)
            #expect(abs(kernel.values[0] - kernel.values[1]) < 1e-9, "full-budget KernelSHAP is exact, hence symmetric")
        }
    }

    @Test func nullPlayerGetsZero() throws {
        // Player 7 is in no unanimity term, so it adds nothing to any coalition.
        for seed: UInt64 in 0..<20 {
            let random = RandomStream(seed: seed)
            let terms = (0..<12).map { _ in
                UnanimitySumGame.Term(members: Coalition(random.sample(1 + random.integer(below: 4), from: 7)), weight: random.normal())
            }
            let game = UnanimitySumGame(playerCount: 8, terms: terms)
            let estimators: [any ShapleyEstimator] = [
                ExactShapley(), PermutationSampling(), PermutationSampling(antithetic: true),
                OwenValues(partition: .contiguous(8, size: 3)), LeaveOneOut(), ClosedFormShapley(),
            ]
            for estimator in estimators {
                let budget = estimator.capabilities.budgetFree ? nil : 100
                let value = try estimator.estimate(game, budget: budget, random: random).values[7]
                #expect(abs(value) < 1e-12, "\(estimator.name): null player got \(value)")
            }
        }
    }

    @Test func leaveOneOutIsNotEfficientBeyondAdditiveGames() throws {
        // v(S) = 1 if |S| >= 2 on 3 players: LOO gives 0 to everyone (no single player is pivotal
        // in N), while v(N) - v(empty) = 1. Hand-derived.
        let game = FunctionGame(playerCount: 3) { $0.count >= 2 ? 1 : 0 }
        let loo = try LeaveOneOut().estimate(game, random: RandomStream(seed: 0))
        #expect(loo.values == [0, 0, 0])
        #expect(loo.calls == 4)
    }
}

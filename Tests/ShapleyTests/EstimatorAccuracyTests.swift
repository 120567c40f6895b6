import Testing
import Shapley
import Statistics

@Suite struct EstimatorAccuracyTests {
    @Test func exactMatchesHandDerivedValues() throws {
        // v(S) = |S|^2 on 4 players: symmetric, so phi_i = v(N)/n = 16/4 = 4.
        let square = FunctionGame(playerCount: 4) { Double($0.count * $0.count) }
        #expect(maxAbsDifference(try exactValues(square), [4, 4, 4, 4]) < 1e-12)
        // Glove game: player 0 holds a left glove, players 1 and 2 right gloves; v(S) = 1 if S
        // pairs a left with a right. Known values (Shapley 1953 textbook case): 2/3, 1/6, 1/6.
        let glove = FunctionGame(playerCount: 3) { $0.contains(0) && ($0.contains(1) || $0.contains(2)) ? 1 : 0 }
        #expect(maxAbsDifference(try exactValues(glove), [2.0 / 3, 1.0 / 6, 1.0 / 6]) < 1e-12)
    }

    @Test func exactChargesTheWholeTable() throws {
        let game = try RandomGames.noise(players: 10, seed: 1)
        #expect(try ExactShapley().estimate(game, random: RandomStream(seed: 0)).calls == 1024)
        let untabulated = RandomGames.soum(players: 10, seed: 1)
        #expect(try ExactShapley().estimate(untabulated, random: RandomStream(seed: 0)).calls == 1024)
    }

    @Test func closedFormsEqualExactEnumeration() throws {
        for seed: UInt64 in 0..<10 {
            let random = RandomStream(seed: seed)
            let additive = AdditiveGame(weights: (0..<9).map { _ in random.normal() }, intercept: random.normal())
            let soum = RandomGames.soum(players: 10, seed: seed)
            for game in [additive, soum] as [any ClosedFormShapleyGame] {
                let closed = try ClosedFormShapley().estimate(game, random: random)
                #expect(closed.calls == 0)
                #expect(maxAbsDifference(closed.values, try exactValues(game)) < 1e-12)
            }
        }
    }

    @Test func maxGameClosedFormEqualsEnumerationForEveryKUpTo16() throws {
        for players in 1...16 {
            let random = RandomStream(seed: UInt64(players))
            // Ties (scores rounded to a coarse grid) and negative scores included on purpose.
            let scores = (0..<players).map { _ in (random.normal() * 2).rounded() / 2 }
            let game = MaxGame(scores: scores)
            let closed = game.closedFormShapleyValues()
            #expect(maxAbsDifference(closed, try exactValues(game)) < 1e-12, "K = \(players), scores \(scores)")
        }
        // Hand derivation for scores (1, 3): v({0}) = 1, v({1}) = 3, v(N) = 3;
        // phi_0 = 1/2 (1 - 0) + 1/2 (3 - 3) = 1/2, phi_1 = 5/2.
        #expect(MaxGame(scores: [1, 3]).closedFormShapleyValues() == [0.5, 2.5])
    }

    @Test func closedFormRefusesAValueTable() throws {
        let table = try RandomGames.noise(players: 3, seed: 0)
        #expect(throws: GameError.self) { try ClosedFormShapley().estimate(table, random: RandomStream(seed: 0)) }
    }

    @Test func kernelSHAPWithTheFullBudgetIsExact() throws {
        for players in 2...12 {
            for (family, game) in try RandomGames.families(players: players, seed: UInt64(players)) {
                let exact = try exactValues(game)
                for paired in [false, true] {
                    let estimate = try KernelSHAP(paired: paired).estimate(game, budget: 1 << players, random: RandomStream(seed: 3))
                    #expect(estimate.calls == 1 << players)
                    #expect(maxAbsDifference(estimate.values, exact) < 1e-9, "n = \(players), \(family), paired \(paired)")
                }
            }
        }
    }

    @Test func kernelSHAPStaysBoundedAtTinyBudgets() throws {
        // At 2n calls with pairing, complements repeat each other's direction and the design can
        // be nearly singular. The estimate must stay on the scale of the game: every |phi_i| is
        // at most the sum of all |v(S)| differences reachable, bounded here by 2 * sum |w_T|.
        for seed: UInt64 in 0..<200 {
            let game = RandomGames.soum(players: 10, seed: seed)
            let scale = 2 * game.terms.map { abs($0.weight) }.reduce(0, +)
            for paired in [false, true] {
                let values = try KernelSHAP(paired: paired).estimate(game, budget: 20, random: RandomStream(seed: seed)).values
                #expect(values.allSatisfy { abs($0) <= 100 * scale }, "seed \(seed), paired \(paired): \(values)")
            }
        }
    }

    @Test func kernelSHAPNeverEvaluatesACoalitionTwice() throws {
        // An unmemoized counter sees every evaluation; it must equal the distinct calls reported.
        final class Counter: CooperativeGame {
            let inner: UnanimitySumGame
            var evaluations: [UInt64: Int] = [:]
            init(_ inner: UnanimitySumGame) { self.inner = inner }
            var playerCount: Int { inner.playerCount }
            func value(of coalition: Coalition) throws -> Double {
                evaluations[coalition.rawValue, default: 0] += 1
                return try inner.value(of: coalition)
            }
        }
        for paired in [false, true] {
            let counter = Counter(RandomGames.soum(players: 8, seed: 2))
            let estimate = try KernelSHAP(paired: paired).estimate(counter, budget: 150, random: RandomStream(seed: 5))
            #expect(counter.evaluations.values.allSatisfy { $0 == 1 })
            #expect(estimate.calls == 150)
            #expect(counter.evaluations[0] == 1 && counter.evaluations[255] == 1, "v(empty) and v(N) are always evaluated")
        }
    }

    @Test func permutationSamplingIsUnbiased() throws {
        // The mean of 400 independent small-budget runs must lie within 4 standard errors of the
        // exact value for every player (with 10 players, a false alarm has probability < 1e-3).
        let game = try TableGame(tabulating: RandomGames.soum(players: 10, seed: 9))
        let exact = try exactValues(game)
        for estimator in [PermutationSampling(), PermutationSampling(antithetic: true)] {
            var runs = [RunningMoments](repeating: RunningMoments(), count: 10)
            for replicate: UInt64 in 0..<400 {
                let estimate = try estimator.estimate(game, budget: 40, random: RandomStream(seed: 11, stream: replicate))
                for player in 0..<10 { runs[player].add(estimate.values[player]) }
            }
            for player in 0..<10 {
                let error = runs[player].mean - exact[player]
                #expect(abs(error) <= 4 * runs[player].standardError! + 1e-12, "\(estimator.name) player \(player): bias \(error)")
            }
        }
    }

    @Test func permutationStandardErrorsTrackTheSpreadOfEstimates() throws {
        // The reported standard error should match the spread of repeated estimates within 30%.
        let game = try TableGame(tabulating: RandomGames.soum(players: 8, seed: 1))
        var spread = RunningMoments()
        var reported = RunningMoments()
        for replicate: UInt64 in 0..<300 {
            let estimate = try PermutationSampling().estimate(game, budget: 142, random: RandomStream(seed: 2, stream: replicate))
            spread.add(estimate.values[3])
            reported.add(estimate.standardErrors![3])
        }
        let ratio = reported.mean / spread.variance!.squareRoot()
        #expect(ratio > 0.7 && ratio < 1.3, "reported/observed standard error ratio \(ratio)")
    }

    @Test func errorShrinksWithBudget() throws {
        let game = try TableGame(tabulating: RandomGames.soum(players: 12, seed: 5))
        let exact = try exactValues(game)
        for kind in [EstimatorKind.permutation, .antithetic, .kernelshap, .kernelshapPaired] {
            func meanSquaredError(_ budget: Int) throws -> Double {
                var total = 0.0
                for replicate: UInt64 in 0..<30 {
                    let values = try kind.make().estimate(game, budget: budget, random: RandomStream(seed: 8, stream: replicate)).values
                    total += zip(values, exact).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
                }
                return total / 30
            }
            let small = try meanSquaredError(48)
            let large = try meanSquaredError(1200)
            #expect(large < small / 4, "\(kind.rawValue): MSE \(small) at 48 calls, \(large) at 1200")
        }
    }

    @Test func owenWithSingletonGroupsIsShapley() throws {
        let game = try TableGame(tabulating: RandomGames.soum(players: 8, seed: 6))
        let owen = try OwenValues(partition: .singletons(8)).estimate(game, random: RandomStream(seed: 0))
        #expect(maxAbsDifference(owen.values, try exactValues(game)) < 1e-12)
    }

    @Test func owenMatchesAHandDerivation() throws {
        // v(S) = 1 if |S| >= 2 on 3 players, groups {0, 1} and {2}. Between groups the quotient
        // game has v(A) = 1, v(B) = 0, v(AB) = 1, so A earns 1 and B earns 0; inside A the two
        // symmetric players split 1. Owen = (1/2, 1/2, 0), while Shapley = (1/3, 1/3, 1/3).
        let game = FunctionGame(playerCount: 3) { $0.count >= 2 ? 1 : 0 }
        let partition = try PlayerPartition(groups: [[0, 1], [2]], playerCount: 3)
        let owen = try OwenValues(partition: partition).estimate(game, random: RandomStream(seed: 0))
        #expect(maxAbsDifference(owen.values, [0.5, 0.5, 0]) < 1e-12)
    }

    @Test func sampledOwenConvergesToExactOwen() throws {
        // 7 groups of 2: exact Owen costs 7 * 2^6 * 2^2 = 1,792 calls, so 1,700 forces sampling.
        let game = try TableGame(tabulating: RandomGames.soum(players: 14, seed: 7))
        let owen = OwenValues(partition: .contiguous(14, size: 2))
        let exact = try owen.estimate(game, budget: 1 << 20, random: RandomStream(seed: 0))
        #expect(exact.standardErrors == nil, "the exact path has no sampling error")
        let sampled = try owen.estimate(game, budget: 1_700, random: RandomStream(seed: 1))
        for player in 0..<14 {
            #expect(abs(sampled.values[player] - exact.values[player]) <= 4 * sampled.standardErrors![player] + 1e-12)
        }
    }

    @Test func sameSeedGivesBitIdenticalOutput() throws {
        let game = try TableGame(tabulating: RandomGames.soum(players: 11, seed: 3))
        for kind in EstimatorKind.allCases {
            let estimator = try kind.make(partition: .contiguous(11, size: 3))
            guard estimator.applies(to: game) else { continue }
            let budget = estimator.capabilities.budgetFree ? nil : 300
            let first = try estimator.estimate(game, budget: budget, random: RandomStream(seed: 42))
            let second = try estimator.estimate(game, budget: budget, random: RandomStream(seed: 42))
            #expect(first.values == second.values && first.standardErrors == second.standardErrors && first.calls == second.calls, "\(kind.rawValue)")
        }
        let other = try PermutationSampling().estimate(game, budget: 300, random: RandomStream(seed: 43))
        let base = try PermutationSampling().estimate(game, budget: 300, random: RandomStream(seed: 42))
        #expect(other.values != base.values, "a different seed draws different orderings")
    }
}

@Suite struct UnbiasedKernelSHAPTests {
    /// Two players: the only proper coalitions are {0} and {1}, so the pair ({0}, {1}), drawn or (at
    /// a budget of 4) enumerated as a border size, gives b = ((v0 - e) / 2, (v1 - e) / 2) with v0 = v({0}), v1 = v({1}), e = v(empty),
    /// c = 0 and phi_0 = D / 2 + 2 (b_0 - (b_0 + b_1) / 2) = (v0 - e + v(N) - v1) / 2: the exact
    /// two-player Shapley value (hand derivation), whatever the seed.
    @Test func twoPlayersAreExactFromOnePair() throws {
        let values = [0.5, 2.0, -1.0, 4.0]  // v(empty), v({0}), v({1}), v(N)
        let game = try TableGame(playerCount: 2, values: values)
        let expected0 = (values[1] - values[0] + values[3] - values[2]) / 2
        for seed: UInt64 in 0..<5 {
            let estimate = try UnbiasedKernelSHAP().estimate(game, budget: 4, random: RandomStream(seed: seed))
            #expect(abs(estimate.values[0] - expected0) < 1e-12)
            #expect(abs(estimate.values[0] + estimate.values[1] - (values[3] - values[0])) < 1e-12)
            #expect(estimate.calls == 4)
        }
    }

    /// With many pairs the estimate converges to the exact values (n = 10 SOUM game), and its
    /// reported standard errors match the spread of independent replicates within a factor of 1.5.
    /// (600 calls: sizes 1, 2, 8 and 9 are enumerated, 244 pairs sample sizes 3 to 7; at 2^10 =
    /// 1,024 calls and above every size is enumerated and the estimate is exact.)
    @Test func convergesAndReportsHonestStandardErrors() throws {
        let game = RandomGames.soum(players: 10, seed: 2)
        let exact = try exactValues(game)
        let estimates = try (0..<60).map { seed in
            try UnbiasedKernelSHAP().estimate(game, budget: 600, random: RandomStream(seed: UInt64(seed), stream: 9))
        }
        for player in 0..<10 {
            var spread = RunningMoments()
            for estimate in estimates { spread.add(estimate.values[player]) }
            let reported = estimates.map { $0.standardErrors![player] }.reduce(0, +) / Double(estimates.count)
            let observed = spread.variance!.squareRoot()
            #expect(reported / observed > 1 / 1.5 && reported / observed < 1.5, "player \(player): reported \(reported), observed \(observed)")
            #expect(abs(spread.mean - exact[player]) < 5 * observed / Double(estimates.count).squareRoot())
        }
    }
}

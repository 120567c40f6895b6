import Foundation
import Testing
import Shapley
import Statistics

/// Every registered estimator against what it declares (`EstimatorCapabilities`, `cost`): a new
/// estimator added to `EstimatorRegistry` is checked here without a line of its own.
@Suite struct EstimatorRegistryTests {
    static let players = 8
    static let partition = PlayerPartition.contiguous(players, size: 2)

    @Test func entriesAreConsistent() throws {
        let names = EstimatorRegistry.names
        #expect(Set(names).count == names.count, "names must be unique: \(names)")
        for kind in [EstimatorKind.exact, .permutation, .antithetic, .kernelshap, .kernelshapPaired, .owen, .closedForm, .loo] {
            #expect(names.contains(kind.rawValue), "constant \(kind) is not registered")
        }
        #expect(EstimatorKind(rawValue: "no-such-estimator") == nil)
        for entry in EstimatorRegistry.entries {
            let estimator = try entry.make(partition: Self.partition)
            #expect(estimator.name == entry.name)
            #expect(estimator.capabilities == entry.capabilities)
            for n in 2...10 {
                if case .fixed = estimator.cost(playerCount: n) {
                    #expect(entry.capabilities.budgetFree, "\(entry.name) has a fixed cost but is not declared budget-free")
                } else {
                    #expect(!entry.capabilities.budgetFree, "\(entry.name) is declared budget-free but spends a budget")
                }
            }
            if entry.capabilities.needsPartition {
                #expect(throws: GameError.self) { try entry.make() }
            }
        }
    }

    /// A sum of unanimity games (closed form known, so every estimator applies) in which players
    /// 0 and 1 are interchangeable and player 7 is null: terms on 2...6, terms holding both 0 and
    /// 1, and twin terms T + 0 and T + 1 of equal weight.
    static func structuredGame(seed: UInt64) -> UnanimitySumGame {
        let random = RandomStream(seed: seed, stream: 11)
        var terms: [UnanimitySumGame.Term] = []
        for _ in 0..<6 {
            let others = random.sample(1 + random.integer(below: 3), from: 5).map { $0 + 2 }
            let weight = random.normal()
            switch random.integer(below: 3) {
            case 0: terms.append(.init(members: Coalition(others), weight: weight))
            case 1: terms.append(.init(members: Coalition(others + [0, 1]), weight: weight))
            default:
                terms.append(.init(members: Coalition(others + [0]), weight: weight))
                terms.append(.init(members: Coalition(others + [1]), weight: weight))
            }
        }
        return UnanimitySumGame(playerCount: players, terms: terms)
    }

    @Test func everyEstimatorKeepsItsDeclaredAxiomsAndBudget() throws {
        for entry in EstimatorRegistry.entries {
            let estimator = try entry.make(partition: Self.partition)
            let declared = entry.capabilities
            let minimum = estimator.cost(playerCount: Self.players).minimumBudget
            for seed: UInt64 in 0..<10 {
                let game = Self.structuredGame(seed: seed)
                let table = try TableGame(tabulating: game)
                let expectedTotal = try total(game)
                for budget in Set([minimum, 30, 120, 256].filter { $0 >= minimum }).sorted() {
                    for candidate in [game as any CooperativeGame, table] where estimator.applies(to: candidate) {
                        let estimate = try estimator.estimate(candidate, budget: budget, random: RandomStream(seed: seed))
                        let label = "\(entry.name) seed \(seed) budget \(budget)"
                        switch estimator.cost(playerCount: Self.players) {
                        case .fixed(let calls): #expect(estimate.calls == calls, "\(label): \(estimate.calls) calls, declared \(calls)")
                        case .budgeted: #expect(estimate.calls <= budget, "\(label): \(estimate.calls) calls over the budget")
                        }
                        if declared.efficient {
                            #expect(abs(estimate.values.reduce(0, +) - expectedTotal) < 1e-9, "\(label): not efficient")
                        }
                        if declared.symmetric {
                            #expect(abs(estimate.values[0] - estimate.values[1]) < 1e-9, "\(label): not symmetric")
                        }
                        if declared.nullPlayer {
                            #expect(abs(estimate.values[7]) < 1e-12, "\(label): null player got \(estimate.values[7])")
                        }
                        if !declared.standardErrors {
                            #expect(estimate.standardErrors == nil, "\(label): reports standard errors it does not declare")
                        }
                    }
                }
            }
            if minimum > 1 {
                #expect(throws: GameError.self, "\(entry.name) accepted a budget below its minimum") {
                    try estimator.estimate(Self.structuredGame(seed: 0), budget: minimum - 1, random: RandomStream(seed: 0))
                }
            }
        }
    }

    /// Estimators that declare themselves unbiased and random: the mean of 400 seeded estimates
    /// lies within 4.5 standard errors of the declared target for every player (exact Shapley
    /// values by enumeration, or the Owen value by the exact two-level formula).
    @Test func unbiasedEstimatorsAverageToTheirTarget() throws {
        let game = RandomGames.soum(players: Self.players, seed: 3)
        let shapley = try exactValues(game)
        let owen = try OwenValues(partition: Self.partition).estimate(game, random: RandomStream(seed: 0)).values
        let budget = 60  // below the Owen partition's exact cost (128), so every estimator samples
        for entry in EstimatorRegistry.entries where entry.capabilities.unbiased && entry.capabilities.standardErrors {
            let estimator = try entry.make(partition: Self.partition)
            let target = entry.capabilities.target == .owen ? owen : shapley
            var moments = Array(repeating: RunningMoments(), count: Self.players)
            for replicate: UInt64 in 0..<400 {
                let values = try estimator.estimate(game, budget: budget, random: RandomStream(seed: replicate, stream: 5)).values
                for player in values.indices { moments[player].add(values[player]) }
            }
            for player in 0..<Self.players {
                let error = try #require(moments[player].standardError)
                let z = (moments[player].mean - target[player]) / max(error, 1e-12)
                #expect(abs(z) < 4.5, "\(entry.name) player \(player): mean \(moments[player].mean) vs target \(target[player]), z = \(z)")
            }
        }
    }

    @Test func readmeEstimatorTableIsTheRegistrys() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(EstimatorRegistry.markdownTable()),
                "README.md's estimator table differs from the registry; paste `creditbench estimators` into it")
    }
}

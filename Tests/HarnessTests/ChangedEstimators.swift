import Shapley
import Statistics

/// Test-only stand-ins for an estimator whose code changed, each under the registered name it
/// replaces, so that `EstimatorCheck` compares it with that estimator's baseline cells.
enum ChangedEstimators {
    /// The registry's entry for `name`.
    static func registered(_ name: String) -> EstimatorEntry { try! EstimatorRegistry.entry(named: name) }

    /// The registry's entries for `names`, with `replacement` in place of the one of the same name.
    static func registry(_ names: [String], replacing replacement: EstimatorEntry) -> [EstimatorEntry] {
        names.map { $0 == replacement.name ? replacement : registered($0) }
    }
}

/// Degraded: "kernelshap" spending half its budget (at least its minimum).
struct HalfBudgetKernelSHAP: ShapleyEstimator {
    private let base = KernelSHAP(paired: false)
    var name: String { base.name }
    var capabilities: EstimatorCapabilities { base.capabilities }
    func cost(playerCount n: Int) -> EstimatorCost { base.cost(playerCount: n) }

    func compute<G: CooperativeGame>(_ game: MeteredGame<G>, budget: Int?, random: RandomStream) throws
        -> (values: [Double], standardErrors: [Double]?) {
        let minimum = base.cost(playerCount: game.playerCount).minimumBudget
        return try base.compute(game, budget: budget.map { max($0 / 2, minimum) }, random: random)
    }
}

/// Degraded: "permutation" whose orderings always start with player 0 (the rest uniformly
/// shuffled), so player 0 is only ever credited v({0}) - v(empty): biased, whatever the budget.
struct BiasedPermutation: ShapleyEstimator {
    private let base = PermutationSampling(antithetic: false)
    var name: String { base.name }
    var capabilities: EstimatorCapabilities { base.capabilities }
    func cost(playerCount n: Int) -> EstimatorCost { base.cost(playerCount: n) }

    func compute<G: CooperativeGame>(_ game: MeteredGame<G>, budget: Int?, random: RandomStream) throws
        -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let orderings = (budget! - 2) / (n - 1)
        var totals = [Double](repeating: 0, count: n)
        for _ in 0..<orderings {
            var coalition = Coalition.empty
            var previous = try game.value(of: coalition)
            for player in [0] + random.permutation(of: n - 1).map({ $0 + 1 }) {
                coalition.insert(player)
                let value = try game.value(of: coalition)
                totals[player] += value - previous
                previous = value
            }
        }
        return (totals.map { $0 / Double(orderings) }, nil)
    }
}

/// Improved: "kernelshap" sampling complements too (the paired KernelSHAP of Covert & Lee 2021).
struct PairedUnderKernelSHAPName: ShapleyEstimator {
    private let base = KernelSHAP(paired: true)
    var name: String { KernelSHAP(paired: false).name }
    var capabilities: EstimatorCapabilities { base.capabilities }
    func cost(playerCount n: Int) -> EstimatorCost { base.cost(playerCount: n) }

    func compute<G: CooperativeGame>(_ game: MeteredGame<G>, budget: Int?, random: RandomStream) throws
        -> (values: [Double], standardErrors: [Double]?) {
        try base.compute(game, budget: budget, random: random)
    }
}

/// Neutral: "kernelshap" drawing from another substream of its stream: other errors, the same accuracy.
struct ReseededKernelSHAP: ShapleyEstimator {
    private let base = KernelSHAP(paired: false)
    var name: String { base.name }
    var capabilities: EstimatorCapabilities { base.capabilities }
    func cost(playerCount n: Int) -> EstimatorCost { base.cost(playerCount: n) }

    func compute<G: CooperativeGame>(_ game: MeteredGame<G>, budget: Int?, random: RandomStream) throws
        -> (values: [Double], standardErrors: [Double]?) {
        try base.compute(game, budget: budget, random: random.substream(1))
    }
}

/// Degraded budget-free: "exact" with 1e-9 added to player 0's value.
struct ShiftedExact: ShapleyEstimator {
    private let base = ExactShapley()
    var name: String { base.name }
    var capabilities: EstimatorCapabilities { base.capabilities }
    func cost(playerCount n: Int) -> EstimatorCost { base.cost(playerCount: n) }
    func applies(to game: any CooperativeGame) -> Bool { base.applies(to: game) }

    func compute<G: CooperativeGame>(_ game: MeteredGame<G>, budget: Int?, random: RandomStream) throws
        -> (values: [Double], standardErrors: [Double]?) {
        var result = try base.compute(game, budget: budget, random: random)
        result.values[0] += 1e-9
        return result
    }
}

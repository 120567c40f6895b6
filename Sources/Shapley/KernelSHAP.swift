import Statistics

/// KernelSHAP (Lundberg & Lee 2017): Shapley values as the solution of a weighted least-squares
/// problem over coalitions, with efficiency imposed exactly.
///
/// phi = argmin sum over sampled z of k(|z|) (v(z) - v(empty) - z . phi)^2 subject to
/// sum phi = v(N) - v(empty), with the Shapley kernel k(s) = (n-1) / (C(n,s) s (n-s)). Over all
/// 2^n - 2 proper coalitions the solution is exactly the Shapley value.
///
/// Sampling (as SHAP's KernelExplainer, without its default L1 feature selection): v(empty) and
/// v(N) are always evaluated; sizes are taken in pairs (s, n-s) from the outside in, and a pair
/// whose expected number of kernel draws covers all its subsets is enumerated completely with
/// exact kernel weights; the remaining budget draws a size with probability proportional to
/// 1/(s(n-s)) among the sizes left, then a uniform subset of that size. A coalition drawn again is
/// not evaluated again: its weight grows instead (no value call). With `paired` on, each draw also
/// evaluates its complement (Covert & Lee 2021), which cancels the odd-order terms of the error.
/// With a budget of 2^n calls every coalition is enumerated and the result equals the exact
/// Shapley values (to rounding).
///
/// The constraint is imposed by elimination: phi_last = D - sum of the others, and the regression
/// of y - z_last D on the columns z_j - z_last is solved by GSL (`WeightedLeastSquares`).
///
/// Cost: exactly min(budget, 2^n) distinct value calls. Bias: consistent but biased at finite
/// budgets (a ratio estimator). Efficiency holds exactly; symmetry and null player hold only
/// asymptotically; no standard errors are reported.
public struct KernelSHAP: ShapleyEstimator {
    public let paired: Bool
    public var name: String { paired ? "kernelshap-paired" : "kernelshap" }

    public init(paired: Bool = false) { self.paired = paired }

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            efficient: true, symmetric: false, nullPlayer: false, unbiased: false, standardErrors: false,
            method: paired ? "the same with complements (Covert & Lee 2021)"
                : "Lundberg & Lee 2017, GSL weighted least squares, efficiency by elimination",
            costDescription: "the budget (at most 2^n); exact at 2^n")
    }

    public func cost(playerCount n: Int) -> EstimatorCost { .budgeted(minimum: min(n + 1, ShapleyWeights.coalitionCount(n))) }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let budget = budget ?? ShapleyWeights.defaultBudget(playerCount: n)
        let emptyValue = try game.value(of: .empty)
        let total = try game.value(of: game.grandCoalition) - emptyValue

        var design = KernelDesign(playerCount: n)
        try design.fill(game: game, budget: budget - 2, paired: paired, random: random)
        return (try design.solve(emptyValue: emptyValue, total: total), nil)
    }
}

/// The sampled coalitions of one KernelSHAP run, with their regression weights.
struct KernelDesign {
    let playerCount: Int
    private(set) var coalitions: [Coalition] = []
    private(set) var values: [Double] = []
    private(set) var weights: [Double] = []
    private var rowOfCoalition: [UInt64: Int] = [:]

    init(playerCount: Int) { self.playerCount = playerCount }

    /// Kernel mass of each size s in 1..<n, proportional to 1/(s(n-s)), normalised to sum to 1.
    private var sizeMass: [Double] {
        let n = playerCount
        var mass = [Double](repeating: 0, count: n)
        for s in 1..<n { mass[s] = 1 / Double(s * (n - s)) }
        let sum = mass.reduce(0, +)
        return mass.map { $0 / sum }
    }

    /// Adds `coalition` with regression weight `weight` (evaluating it once; a coalition added
    /// again only gains weight).
    mutating func addRow<G: CooperativeGame>(_ coalition: Coalition, weight: Double, game: MeteredGame<G>) throws {
        if let row = rowOfCoalition[coalition.rawValue] {
            weights[row] += weight
            return
        }
        rowOfCoalition[coalition.rawValue] = coalitions.count
        coalitions.append(coalition)
        values.append(try game.value(of: coalition))
        weights.append(weight)
    }

    /// Spends at most `budget` value calls on proper coalitions.
    mutating func fill<G: CooperativeGame>(game: MeteredGame<G>, budget: Int, paired: Bool, random: RandomStream) throws {
        let n = playerCount
        var mass = sizeMass
        var remainingCalls = budget
        var remainingMass = 1.0
        // Enumerate whole size pairs (s, n-s) while the kernel's expected draws cover them.
        for s in 1...(n / 2) {
            let sizes = s == n - s ? [s] : [s, n - s]
            let subsetCount = sizes.map { ShapleyWeights.binomial(n, $0) }.reduce(0, +)
            let pairMass = sizes.map { mass[$0] }.reduce(0, +)
            let expectedDraws = Double(remainingCalls) * pairMass / remainingMass
            guard subsetCount <= Double(remainingCalls), subsetCount <= expectedDraws + 1e-9 else { break }
            for size in sizes {
                let weight = mass[size] / ShapleyWeights.binomial(n, size)
                for coalition in Self.subsets(of: n, size: size) { try addRow(coalition, weight: weight, game: game) }
                remainingMass -= mass[size]
                mass[size] = 0
            }
            remainingCalls -= Int(subsetCount)
        }
        guard remainingCalls > 0, remainingMass > 1e-12 else { return }

        // Sample the remaining sizes from the kernel; repeated draws add weight without a call.
        var drawn: [(Coalition, Int)] = []
        var drawCount = 0
        var attempts = 0
        let maximumAttempts = 100 * budget + 1000
        while remainingCalls > 0 && attempts < maximumAttempts {
            attempts += 1
            let size = random.categorical(mass)
            let coalition = Coalition(random.sample(size, from: n))
            var group = [coalition]
            if paired && remainingCalls >= 2 { group.append(coalition.complement(in: n)) }
            for member in group {
                let isNew = rowOfCoalition[member.rawValue] == nil
                if isNew { remainingCalls -= 1 }
                try addRow(member, weight: 0, game: game)
                drawn.append((member, rowOfCoalition[member.rawValue]!))
                drawCount += 1
            }
        }
        // Each draw stands for remainingMass / drawCount of the kernel.
        let share = remainingMass / Double(max(drawCount, 1))
        for (_, row) in drawn { weights[row] += share }
    }

    /// Solves the constrained regression by eliminating the last player.
    func solve(emptyValue: Double, total: Double) throws -> [Double] {
        let n = playerCount
        let last = n - 1
        var design: [Double] = []
        design.reserveCapacity(coalitions.count * last)
        var targets: [Double] = []
        for (coalition, value) in zip(coalitions, values) {
            let lastIn = coalition.contains(last) ? 1.0 : 0.0
            for player in 0..<last { design.append((coalition.contains(player) ? 1.0 : 0.0) - lastIn) }
            targets.append(value - emptyValue - lastIn * total)
        }
        var phi = try WeightedLeastSquares.solve(design: design, columns: last, weights: weights, targets: targets)
        phi.append(total - phi.reduce(0, +))
        return phi
    }

    /// All coalitions of `size` players out of `n`, in lexicographic order of members.
    static func subsets(of n: Int, size: Int) -> [Coalition] {
        var result: [Coalition] = []
        var members = Array(0..<size)
        while true {
            result.append(Coalition(members))
            var index = size - 1
            while index >= 0 && members[index] == n - size + index { index -= 1 }
            if index < 0 { return result }
            members[index] += 1
            for next in (index + 1)..<size { members[next] = members[next - 1] + 1 }
        }
    }
}

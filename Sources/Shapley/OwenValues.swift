import Statistics

/// A partition of the players into groups (tokens into spans, spans into sentences): the
/// coalition structure of the Owen value.
public struct PlayerPartition: Sendable, Equatable {
    public let groups: [[Int]]

    /// Checks that `groups` covers `0..<playerCount` exactly once with no empty group.
    public init(groups: [[Int]], playerCount: Int) throws {
        var seen = [Bool](repeating: false, count: playerCount)
        for group in groups {
            guard !group.isEmpty else { throw GameError.invalidGame("the partition has an empty group") }
            for player in group {
                guard (0..<playerCount).contains(player) else {
                    throw GameError.invalidGame("the partition names player \(player), but the game has players 0..<\(playerCount)")
                }
                guard !seen[player] else { throw GameError.invalidGame("player \(player) appears in two groups") }
                seen[player] = true
            }
        }
        if let missing = seen.firstIndex(of: false) {
            throw GameError.invalidGame("player \(missing) is in no group; every player needs exactly one")
        }
        self.groups = groups
    }

    /// Every player alone: the Owen value then equals the Shapley value.
    public static func singletons(_ playerCount: Int) -> PlayerPartition {
        try! PlayerPartition(groups: (0..<playerCount).map { [$0] }, playerCount: playerCount)
    }

    /// Contiguous groups of `size` players (the last may be shorter).
    public static func contiguous(_ playerCount: Int, size: Int) -> PlayerPartition {
        let groups = stride(from: 0, to: playerCount, by: max(size, 1)).map { Array($0..<min($0 + size, playerCount)) }
        return try! PlayerPartition(groups: groups, playerCount: playerCount)
    }

    /// Distinct value calls exact computation needs at most: sum over groups g of 2^(m-1) 2^|g|.
    public var exactCost: Double {
        groups.map { pow2(groups.count - 1) * pow2($0.count) }.reduce(0, +)
    }

    private func pow2(_ k: Int) -> Double { Double(sign: .plus, exponent: k, significand: 1) }
}

/// Owen values for a two-level coalition structure (Owen 1977): the groups play a Shapley game
/// among themselves, and the players of a group share their group's marginal contribution by a
/// Shapley value inside the group.
///
/// phi_i = sum over T subset of M - {g} of |T|!(m-|T|-1)!/m! * sum over S subset of g - {i} of
/// |S|!(|g|-|S|-1)!/|g|! * [v(Q_T + S + i) - v(Q_T + S)], where g is i's group, m the number of
/// groups and Q_T the union of the groups in T. Equivalently, the expected marginal contribution
/// over uniformly random orderings in which every group's members stay contiguous.
///
/// Exact when the partition's `exactCost` fits the budget (default cap 2^20): for each group and
/// each context T it evaluates the group's 2^|g| sub-coalitions and adds the weighted exact
/// Shapley values of that small game. Otherwise sampled: m' = floor((B - 2)/(n - 1)) random
/// group-respecting orderings, each walked like permutation sampling (n - 1 calls), with standard
/// errors. Both keep efficiency exactly; null player and symmetry within a group hold exactly;
/// with singleton groups the Owen value is the Shapley value. Sampling is unbiased for the Owen
/// value (not for the Shapley value, which differs when groups interact across their members).
public struct OwenValues: ShapleyEstimator {
    public static let defaultExactCap = 1 << 20

    public let partition: PlayerPartition
    public var name: String { "owen" }

    public init(partition: PlayerPartition) { self.partition = partition }

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            target: .owen, needsPartition: true, efficient: true, symmetric: false, nullPlayer: true, unbiased: true,
            standardErrors: true,
            method: "two-level Owen value (groups, e.g. tokens in spans): exact when it fits the budget, else sampled group-respecting orderings",
            costDescription: "exact: sum over its m groups g of 2^(m-1+size of g); sampled: the budget")
    }

    /// Exact when the budget covers `exactCost`, else sampled orderings (n + 1 calls for one).
    public func cost(playerCount n: Int) -> EstimatorCost {
        .budgeted(minimum: Int(min(partition.exactCost, Double(n + 1))))
    }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        guard partition.groups.reduce(0, { $0 + $1.count }) == n else {
            throw GameError.invalidGame("the partition covers \(partition.groups.reduce(0) { $0 + $1.count }) players, the game has \(n)")
        }
        if partition.exactCost <= Double(budget ?? OwenValues.defaultExactCap) {
            return (try exact(game), nil)
        }
        return try sampled(game, budget: budget ?? ShapleyWeights.defaultBudget(playerCount: n), random: random)
    }

    private func exact<G: CooperativeGame>(_ game: MeteredGame<G>) throws -> [Double] {
        let groups = partition.groups
        let m = groups.count
        let groupWeights = ShapleyWeights.marginalWeights(playerCount: m)
        let groupCoalitions = groups.map { Coalition($0) }
        var phi = [Double](repeating: 0, count: game.playerCount)
        for (groupIndex, group) in groups.enumerated() {
            let others = (0..<m).filter { $0 != groupIndex }
            for contextMask in 0..<(1 << others.count) {
                var context = Coalition.empty
                for (bit, other) in others.enumerated() where contextMask & (1 << bit) != 0 {
                    context = context.union(groupCoalitions[other])
                }
                // The small game on this group's members, in the context of the groups in T.
                var table = [Double](repeating: 0, count: 1 << group.count)
                for local in table.indices {
                    var coalition = context
                    for (bit, player) in group.enumerated() where local & (1 << bit) != 0 { coalition.insert(player) }
                    table[local] = try game.value(of: coalition)
                }
                let weight = groupWeights[contextMask.nonzeroBitCount]
                let inner = ExactShapley.values(fromTable: table, playerCount: group.count)
                for (bit, player) in group.enumerated() { phi[player] += weight * inner[bit] }
            }
        }
        return phi
    }

    private func sampled<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        let n = game.playerCount
        let path = PermutationPath(emptyValue: try game.value(of: .empty), grandValue: try game.value(of: game.grandCoalition))
        var averages = ContributionAverages(playerCount: n)
        var contributions = [Double](repeating: 0, count: n)
        for _ in 0..<((budget - 2) / (n - 1)) {
            var order: [Int] = []
            order.reserveCapacity(n)
            for groupIndex in random.permutation(of: partition.groups.count) {
                var members = partition.groups[groupIndex]
                random.shuffle(&members)
                order.append(contentsOf: members)
            }
            try path.walk(order, in: game, into: &contributions)
            averages.add(contributions)
        }
        return averages.result
    }
}

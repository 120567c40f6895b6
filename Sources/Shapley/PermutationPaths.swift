import Statistics

/// Marginal contributions along one ordering of the players: the building block of permutation
/// sampling (Castro et al. 2009), its antithetic variant, and sampled Owen values.
///
/// Walking the ordering pi, player pi_k receives v({pi_1..pi_k}) - v({pi_1..pi_{k-1}}). The
/// contributions sum to v(N) - v(empty) exactly, so any average of walks is efficient.
/// Cost: n - 1 value calls per ordering, given v(empty) and v(N).
struct PermutationPath {
    let emptyValue: Double
    let grandValue: Double

    /// Writes each player's marginal contribution along `order` into `contributions`.
    func walk<G: CooperativeGame>(_ order: [Int], in game: MeteredGame<G>, into contributions: inout [Double]) throws {
        if game.prefetches {
            var prefix = Coalition.empty
            try game.prefetch(order.dropLast().map { prefix.insert($0); return prefix })
        }
        var coalition = Coalition.empty
        var previous = emptyValue
        for (position, player) in order.enumerated() {
            coalition.insert(player)
            let current = position == order.count - 1 ? grandValue : try game.value(of: coalition)
            contributions[player] = current - previous
            previous = current
        }
    }
}

/// Per-player running means of sampled contributions, with standard errors once two samples exist.
struct ContributionAverages {
    private var moments: [RunningMoments]

    init(playerCount: Int) { moments = Array(repeating: RunningMoments(), count: playerCount) }

    mutating func add(_ contributions: [Double]) {
        for player in moments.indices { moments[player].add(contributions[player]) }
    }

    var result: (values: [Double], standardErrors: [Double]?) {
        let errors = moments.compactMap(\.standardError)
        return (moments.map(\.mean), errors.count == moments.count ? errors : nil)
    }
}

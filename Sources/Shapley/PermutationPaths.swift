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

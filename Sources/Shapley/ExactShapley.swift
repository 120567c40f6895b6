import Statistics

/// Exact Shapley values by enumerating every coalition, all players in one pass over the table.
///
/// phi_i = sum over S not containing i of |S|! (n-|S|-1)! / n! * (v(S + i) - v(S)). Collecting the
/// terms of each coalition T (T = S + i for the players in T, T = S for the others):
///
///   phi_i = sum over T of v(T) w(|T|, i in T),  w(t, in) = (t-1)! (n-t)! / n!,  w(t, out) = -t! (n-t-1)! / n!
///
/// (w(t, out) = 0 for t = n: no player is outside the grand coalition). Splitting the outsiders'
/// sum as (all coalitions) - (those containing i):
///
///   phi_i = sum over T containing i of m(|T|) v(T) + K,   K = sum over all T of w(|T|, out) v(T),
///   m(t) = w(t, in) - w(t, out) = (t-1)! (n-t-1)! / (n-1)! for t < n,  m(n) = 1/n.
///
/// So one sweep over the table weights each value twice (m and w(., out), by its size) and adds
/// m(|T|) v(T) into per-bit sums. The index T is split into its low k = min(n, 10) bits l and the
/// rest h: the sweep keeps, for each l, the sum over h (a 2^k-entry array) and, for each h, the sum
/// over l (a 2^(n-k)-entry array); the players' sums are then bit sums of those two small arrays.
/// Values are shifted by v(empty) first (Shapley values are unchanged by a constant, since the
/// weights of each player sum to 0), which keeps K from cancelling against large offsets.
///
/// Cost: 2^n value calls (the whole table; a `TableGame` is read directly), then one sequential
/// read of the table with about 6 floating-point operations per entry, plus O(k 2^k + (n-k) 2^(n-k)).
/// No bias; efficiency, symmetry, null player and linearity hold exactly (up to floating-point
/// rounding; results equal the per-player marginal sweep to about 1e-13 relative).
///
/// Refuses games above `maximumPlayers` (default 28: a 2^28-entry table is 2 GiB), naming the
/// sampling estimators instead.
public struct ExactShapley: ShapleyEstimator {
    public static let defaultMaximumPlayers = 28

    public let maximumPlayers: Int
    public var name: String { "exact" }

    public init(maximumPlayers: Int = ExactShapley.defaultMaximumPlayers) {
        self.maximumPlayers = min(maximumPlayers, TableGame.maximumPlayers)
    }

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            budgetFree: true, exhaustive: true, efficient: true, symmetric: true, nullPlayer: true, unbiased: true,
            standardErrors: false, method: "enumeration, one sequential sweep of the table for all players",
            costDescription: "2^n (refuses n > \(maximumPlayers))")
    }

    public func cost(playerCount n: Int) -> EstimatorCost { .fixed(ShapleyWeights.coalitionCount(n)) }

    public func applies(to game: any CooperativeGame) -> Bool { game.playerCount <= maximumPlayers }

    public func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?) {
        try checkSize(game.playerCount)
        // Tabulate the base game directly (a cache of 2^n entries would only duplicate the table)
        // and charge the 2^n evaluations the table stands for.
        if game.prefetches { try game.prefetch((0..<(UInt64(1) << UInt64(game.playerCount))).map(Coalition.init(rawValue:))) }
        let table = try (game.base as? TableGame) ?? TableGame(tabulating: game.base)
        game.chargeBulkEvaluation(1 << table.playerCount)
        return (ExactShapley.values(fromTable: table.values, playerCount: table.playerCount), nil)
    }

    private func checkSize(_ players: Int) throws {
        guard players <= maximumPlayers else {
            throw GameError.tooManyPlayers(
                players: players, limit: maximumPlayers, method: "exact enumeration",
                alternatives: EstimatorRegistry.samplingNames.joined(separator: ", "))
        }
    }

    /// Shapley values from a full value table (`values.count == 2^playerCount`).
    public static func values(fromTable values: [Double], playerCount n: Int) -> [Double] {
        values.withUnsafeBufferPointer { table in ExactShapley.values(fromTable: table, playerCount: n) }
    }

    /// The one-pass enumeration of the type's comment over a table in memory (`table.count == 2^n`).
    public static func values(fromTable table: UnsafeBufferPointer<Double>, playerCount n: Int) -> [Double] {
        guard n > 0 else { return [] }
        precondition(table.count == 1 << n, "a table of \(n) players has 2^\(n) entries")
        let marginal = ShapleyWeights.marginalWeights(playerCount: n)  // s! (n-s-1)! / n!, s < n
        let memberWeight = (0...n).map { t in t == 0 ? 0 : marginal[t - 1] + (t < n ? marginal[t] : 0) }
        let outsiderWeight = (0...n).map { t in t < n ? -marginal[t] : 0 }
        let lowBits = min(n, 10)
        let blockSize = 1 << lowBits
        // The weights of entry l of a block whose high bits hold `high` players, at [high * blockSize + l].
        var memberByLow = [Double](repeating: 0, count: (n - lowBits + 1) * blockSize)
        var outsiderByLow = memberByLow
        for high in 0...(n - lowBits) {
            for low in 0..<blockSize {
                memberByLow[high * blockSize + low] = memberWeight[high + low.nonzeroBitCount]
                outsiderByLow[high * blockSize + low] = outsiderWeight[high + low.nonzeroBitCount]
            }
        }
        var lowSums = [Double](repeating: 0, count: blockSize)
        var blockSums = [Double](repeating: 0, count: 1 << (n - lowBits))
        // K summed per block first, then over blocks: rounding grows with 2^k + 2^(n-k) terms, not 2^n.
        var blockCommons = blockSums
        let offset = table[0]
        memberByLow.withUnsafeBufferPointer { member in
            outsiderByLow.withUnsafeBufferPointer { outsider in
                lowSums.withUnsafeMutableBufferPointer { lowSums in
                    for block in blockSums.indices {
                        let weightsStart = (block.nonzeroBitCount) * blockSize
                        let entries = block * blockSize
                        var blockSum = 0.0, blockCommon = 0.0
                        for low in 0..<blockSize {
                            let value = table[entries + low] - offset
                            let weighted = value * member[weightsStart + low]
                            lowSums[low] += weighted
                            blockSum += weighted
                            blockCommon += value * outsider[weightsStart + low]
                        }
                        blockSums[block] = blockSum
                        blockCommons[block] = blockCommon
                    }
                }
            }
        }
        let common = blockCommons.reduce(0, +)
        return (bitSums(lowSums, bits: lowBits) + bitSums(blockSums, bits: n - lowBits)).map { $0 + common }
    }

    /// For each bit b of the indices of `sums` (2^bits entries), the sum of the entries whose index has b set.
    private static func bitSums(_ sums: [Double], bits: Int) -> [Double] {
        (0..<bits).map { bit in sums.indices.reduce(0.0) { total, index in index & (1 << bit) != 0 ? total + sums[index] : total } }
    }
}

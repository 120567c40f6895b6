import Statistics

/// Exact Shapley values by enumerating every coalition.
///
/// phi_i = sum over S not containing i of |S|! (n-|S|-1)! / n! * (v(S + i) - v(S)).
///
/// Cost: 2^n value calls (the whole table; a `TableGame` is read directly), then O(n 2^n)
/// arithmetic: for each player one contiguous sweep over the table, pairing each S without i with
/// S + i (blocks of 2^i entries), so memory is read sequentially. No bias; efficiency, symmetry,
/// null player and linearity hold exactly (up to floating-point rounding).
///
/// Refuses games above `maximumPlayers` (default 26: a 2^26-entry table is 512 MiB), naming the
/// sampling estimators instead.
public struct ExactShapley: ShapleyEstimator {
    public static let defaultMaximumPlayers = 26

    public let maximumPlayers: Int
    public var name: String { "exact" }

    public init(maximumPlayers: Int = ExactShapley.defaultMaximumPlayers) {
        self.maximumPlayers = min(maximumPlayers, TableGame.maximumPlayers)
    }

    public var capabilities: EstimatorCapabilities {
        EstimatorCapabilities(
            budgetFree: true, exhaustive: true, efficient: true, symmetric: true, nullPlayer: true, unbiased: true,
            standardErrors: false, method: "enumeration, one sequential sweep of the table per player",
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
        guard n > 0 else { return [] }
        let weights = ShapleyWeights.marginalWeights(playerCount: n)
        return values.withUnsafeBufferPointer { table in
            (0..<n).map { player in
                let half = 1 << player
                var total = 0.0
                var blockStart = 0
                while blockStart < table.count {
                    for without in blockStart..<(blockStart + half) {
                        let size = UInt64(without).nonzeroBitCount
                        total += weights[size] * (table[without + half] - table[without])
                    }
                    blockStart += 2 * half
                }
                return total
            }
        }
    }
}

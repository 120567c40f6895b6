import Statistics

/// v(S) = intercept + sum over i in S of w_i. Shapley value phi_i = w_i exactly.
public struct AdditiveGame: ClosedFormShapleyGame, Sendable {
    public let weights: [Double]
    public let intercept: Double

    public init(weights: [Double], intercept: Double = 0) {
        self.weights = weights
        self.intercept = intercept
    }

    public var playerCount: Int { weights.count }

    public func value(of coalition: Coalition) throws -> Double {
        var total = intercept
        for player in coalition.members { total += weights[player] }
        return total
    }

    public func closedFormShapleyValues() -> [Double] { weights }
}

/// A sum of unanimity games (SOUM): v(S) = sum over terms T with T a subset of S of w_T.
///
/// Every game is one (its Harsanyi dividends), which makes SOUM the standard random test game of
/// the estimator literature (shapiq's `SOUM`). Shapley value: phi_i = sum over T containing i of w_T / |T|.
public struct UnanimitySumGame: ClosedFormShapleyGame, Sendable {
    public struct Term: Sendable {
        public var members: Coalition
        public var weight: Double
        public init(members: Coalition, weight: Double) {
            self.members = members
            self.weight = weight
        }
    }

    public let playerCount: Int
    public let terms: [Term]

    public init(playerCount: Int, terms: [Term]) {
        self.playerCount = playerCount
        self.terms = terms
    }

    /// `termCount` terms; each term's size is uniform in 1...maxOrder, its members uniform among the
    /// players, its weight standard normal.
    public static func random(players: Int, terms termCount: Int, maxOrder: Int? = nil, random: RandomStream) -> UnanimitySumGame {
        let highestOrder = min(maxOrder ?? players, players)
        let terms = (0..<termCount).map { _ in
            let size = 1 + random.integer(below: highestOrder)
            return Term(members: Coalition(random.sample(size, from: players)), weight: random.normal())
        }
        return UnanimitySumGame(playerCount: players, terms: terms)
    }

    public func value(of coalition: Coalition) throws -> Double {
        var total = 0.0
        for term in terms where term.members.rawValue & coalition.rawValue == term.members.rawValue {
            total += term.weight
        }
        return total
    }

    public func closedFormShapleyValues() -> [Double] {
        var values = [Double](repeating: 0, count: playerCount)
        for term in terms where !term.members.isEmpty {
            let share = term.weight / Double(term.members.count)
            for player in term.members.members { values[player] += share }
        }
        return values
    }
}

/// Weighted voting: v(S) = 1 if the weights in S reach the quota, else 0. No closed form is used
/// (the Shapley-Shubik index needs a pseudo-polynomial dynamic program); exact enumeration is the
/// reference.
public struct WeightedVotingGame: CooperativeGame, Sendable {
    public let weights: [Double]
    public let quota: Double

    public init(weights: [Double], quota: Double) {
        self.weights = weights
        self.quota = quota
    }

    /// Integer weights uniform in 1...10, quota = half the total weight plus one (a simple majority).
    public static func random(players: Int, random: RandomStream) -> WeightedVotingGame {
        let weights = (0..<players).map { _ in Double(1 + random.integer(below: 10)) }
        return WeightedVotingGame(weights: weights, quota: (weights.reduce(0, +) / 2).rounded(.down) + 1)
    }

    public var playerCount: Int { weights.count }

    public func value(of coalition: Coalition) throws -> Double {
        var total = 0.0
        for player in coalition.members { total += weights[player] }
        return total >= quota ? 1 : 0
    }
}

/// The best-candidate game of set recommendation (ShapE-GRPO): v(empty) = 0 and
/// v(S) = max over i in S of u_i.
///
/// Closed form (O(K log K)): sort u_(1) <= ... <= u_(K) and write v(S) for non-empty S as
/// sum over j of c_j [S meets R_j], where R_j holds the players of rank >= j, c_1 = u_(1) and
/// c_j = u_(j) - u_(j-1). "S meets R_j" is a game whose Shapley value is 1/|R_j| for each member
/// of R_j, so by linearity phi_(j) = sum over i <= j of (u_(i) - u_(i-1)) / (K - i + 1), u_(0) = 0.
/// Ties get equal values (their increments are zero); negative utilities are allowed.
public struct MaxGame: ClosedFormShapleyGame, Sendable {
    public let scores: [Double]

    public init(scores: [Double]) { self.scores = scores }

    public var playerCount: Int { scores.count }

    public func value(of coalition: Coalition) throws -> Double {
        coalition.isEmpty ? 0 : coalition.members.map { scores[$0] }.max()!
    }

    public func closedFormShapleyValues() -> [Double] {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var values = [Double](repeating: 0, count: scores.count)
        var share = 0.0
        var previous = 0.0
        for (rank, player) in order.enumerated() {
            share += (scores[player] - previous) / Double(scores.count - rank)
            previous = scores[player]
            values[player] = share
        }
        return values
    }
}

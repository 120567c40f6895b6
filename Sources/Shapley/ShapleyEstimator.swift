import Statistics

/// What an estimator returns: one value per player, standard errors where the method has them,
/// the number of distinct value calls it used (v(empty) and v(N) included), and wall seconds.
public struct ShapleyEstimate: Sendable, Codable, Equatable {
    public var estimator: String
    public var values: [Double]
    public var standardErrors: [Double]?
    public var calls: Int
    public var seconds: Double

    public init(estimator: String, values: [Double], standardErrors: [Double]?, calls: Int, seconds: Double) {
        self.estimator = estimator
        self.values = values
        self.standardErrors = standardErrors
        self.calls = calls
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case estimator, values, calls, seconds
        case standardErrors = "standard_errors"
    }
}

/// One Shapley estimator family. Implementations do the mathematics in `compute` and declare what
/// they guarantee (`capabilities`) and spend (`cost`); `estimate` refuses a budget below the cost,
/// wraps every game in a `MeteredGame` (call counting, memoization, finiteness check) and times
/// the whole computation, so every estimator is accounted for the same way. `EstimatorRegistry`
/// lists the estimators the commands offer.
public protocol ShapleyEstimator: Sendable {
    /// The name used on the command line and in result files.
    var name: String { get }

    /// What the estimator computes and which axioms hold exactly (checked by the registry tests).
    var capabilities: EstimatorCapabilities { get }

    /// Distinct value calls on a game of `playerCount` players: fixed, or at most the budget.
    func cost(playerCount: Int) -> EstimatorCost

    /// Whether the method can run on `game` at all (a closed form needs a game that knows it;
    /// enumeration a small enough game). Default: every game.
    func applies(to game: any CooperativeGame) -> Bool

    /// Values and standard errors (or `nil`) for `game`, spending at most `budget` distinct value
    /// calls (`nil`: the method's own default), drawing randomness from `random` only.
    func compute<G: CooperativeGame>(
        _ game: MeteredGame<G>, budget: Int?, random: RandomStream
    ) throws -> (values: [Double], standardErrors: [Double]?)
}

extension ShapleyEstimator {
    public func applies(to game: any CooperativeGame) -> Bool { true }

    /// Values of `game` within `budget` distinct value calls (`nil`: the method's default); a
    /// budget below `cost(playerCount:).minimumBudget` is refused with `GameError.budgetTooSmall`.
    /// With `memoize` off (a noisy game, `NoisyGame`) every call is made and charged, repeats too.
    public func estimate<G: CooperativeGame>(_ game: G, budget: Int? = nil, random: RandomStream, memoize: Bool = true) throws -> ShapleyEstimate {
        if let budget, game.playerCount > 1 {
            let minimum = cost(playerCount: game.playerCount).minimumBudget
            guard budget >= minimum else { throw GameError.budgetTooSmall(budget: budget, minimum: minimum, method: name) }
        }
        let metered = MeteredGame(game, memoize: memoize)
        let clock = ContinuousClock()
        let start = clock.now
        // With one player every method reduces to efficiency: phi_0 = v(N) - v(empty).
        let result = game.playerCount <= 1
            ? (values: try trivialValues(metered), standardErrors: nil)
            : try compute(metered, budget: budget, random: random)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return ShapleyEstimate(
            estimator: name, values: result.values, standardErrors: result.standardErrors,
            calls: metered.calls, seconds: seconds)
    }
}

private func trivialValues<G: CooperativeGame>(_ game: MeteredGame<G>) throws -> [Double] {
    guard game.playerCount == 1 else { return [] }
    return [try game.value(of: .grand(1)) - game.value(of: .empty)]
}

/// Shared helpers of the estimators.
enum ShapleyWeights {
    /// The Shapley weight of a coalition of size s not containing the player:
    /// s! (n-s-1)! / n! = 1 / (n * C(n-1, s)), for s in 0..<n.
    static func marginalWeights(playerCount n: Int) -> [Double] {
        (0..<n).map { s in 1 / (Double(n) * binomial(n - 1, s)) }
    }

    /// 2^n, the number of coalitions of n players, capped at 2^62 so it stays an `Int` (no game
    /// that large can be evaluated anyway): the most distinct value calls any estimator spends.
    static func coalitionCount(_ n: Int) -> Int { 1 << min(n, 62) }

    /// The sampling estimators' budget when none is given: 100 calls per player.
    static func defaultBudget(playerCount n: Int) -> Int { 100 * n }

    /// C(n, k) in floating point (exact for the sizes used here, n <= 64).
    static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        let k = min(k, n - k)
        var result = 1.0
        for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
        return result.rounded()
    }
}

import Statistics

/// A game observed through seeded Gaussian noise: every call returns v(S) + sigma z with a fresh
/// standard-normal z from `random`, as a sampled reward model (an LLM judge at temperature above
/// 0) behaves. The noise has mean 0, and the Shapley value is linear, so the target stays the
/// Shapley value of the noiseless game. Estimators should see it through a `MeteredGame` without
/// memoization (`estimate(..., memoize: false)`): a coalition asked for again is evaluated again,
/// with new noise, and charged again.
public final class NoisyGame: CooperativeGame {
    public let base: any CooperativeGame
    public let sigma: Double
    private let random: RandomStream

    public init(_ base: any CooperativeGame, sigma: Double, random: RandomStream) {
        precondition(sigma >= 0 && sigma.isFinite, "noise must be a finite non-negative standard deviation")
        self.base = base
        self.sigma = sigma
        self.random = random
    }

    public var playerCount: Int { base.playerCount }
    public var playerNames: [String]? { base.playerNames }

    public func value(of coalition: Coalition) throws -> Double {
        try base.value(of: coalition) + sigma * random.normal()
    }

    /// The standard deviation of v over `count` coalitions that hold each player with probability
    /// 1/2 (drawn from a stream seeded with `seed`): the scale in which `compare --noise` states
    /// sigma, without enumerating a game too large or too expensive to enumerate.
    public static func valueSpread(of game: any CooperativeGame, count: Int = 256, seed: UInt64) throws -> Double {
        let random = RandomStream(seed: seed, stream: 21)
        var moments = RunningMoments()
        for _ in 0..<count {
            let members = (0..<game.playerCount).filter { _ in random.uniform() < 0.5 }
            moments.add(try game.value(of: Coalition(members)))
        }
        return moments.variance?.squareRoot() ?? 0
    }
}

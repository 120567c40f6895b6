import Learning
import Shapley
import Statistics

/// A deterministic token MDP small enough to solve by enumeration: a vocabulary of V words,
/// horizon T, states = prefixes, action = the next word, and a reward model R defined on every
/// word sequence of length 0...T (so that the game of a complete sequence y can score the
/// subsequence y_S kept by any coalition S of its positions).
///
/// A per-step reward scheme maps a complete y to rewards r_1..r_T (which may depend on all of y,
/// as SCAR's do); the return is G(y) = sum over t of gamma^(t-1) r_t.
public struct TokenMDP {
    public let vocabularySize: Int
    public let horizon: Int
    public let reward: ([Int]) throws -> Double

    public init(vocabularySize: Int, horizon: Int, reward: @escaping ([Int]) throws -> Double) {
        self.vocabularySize = vocabularySize
        self.horizon = horizon
        self.reward = reward
    }

    /// Every sequence of `length` words, in lexicographic order.
    public func sequences(length: Int) -> [[Int]] {
        (0..<length).reduce([[]]) { prefixes, _ in prefixes.flatMap { p in (0..<vocabularySize).map { p + [$0] } } }
    }

    /// The game of complete sequence y: players = positions 0..<T, v(S) = R(y restricted to S,
    /// in order); v(empty) = R(empty sequence). It is the action game PPO's credit plays on this
    /// MDP (`TokenMDPTask`: the words of S replayed in order from the empty prefix).
    public func game(_ y: [Int]) -> some CooperativeGame {
        ActionSubsetGame(task: TokenMDPTask(mdp: self), episode: 0, actions: y)
    }

    /// Optimal first moves: for each prefix p (length 0..<T), the set of words a that start a
    /// best completion, argmax over a of max over complete y extending p + [a] of G(y), with ties
    /// within `tolerance`. Keys are prefixes.
    public func optimalActions(returns: [[Int]: Double], tolerance: Double = 1e-9) -> [[Int]: Set<Int>] {
        var best: [[Int]: Double] = [:]
        for (y, g) in returns {
            for length in 0...horizon { best[Array(y.prefix(length)), default: -.infinity] = max(best[Array(y.prefix(length)), default: -.infinity], g) }
        }
        var actions: [[Int]: Set<Int>] = [:]
        for length in 0..<horizon {
            for p in sequences(length: length) {
                let top = best[p]!
                actions[p] = Set((0..<vocabularySize).filter { best[p + [$0]]! >= top - tolerance })
            }
        }
        return actions
    }

    /// The sequence chosen by per-step backward induction on the reward to go: the policy at
    /// prefix p (length t-1) picks the word maximising r_t + ... + r_T of the completion that the
    /// policy itself makes from there (deeper prefixes solved first, ties to the smaller word).
    /// This is what a learner maximising reward-to-go at each step (a critic of the future, as
    /// PPO's) converges to when rewards are not Markov in the prefix; with sparse rewards it is an
    /// optimal sequence.
    public func rewardToGoSequence(rewards: [[Int]: [Double]]) -> [Int] {
        var choice: [[Int]: Int] = [:]
        func complete(_ p: [Int]) -> [Int] {
            var y = p
            while y.count < horizon { y.append(choice[y]!) }
            return y
        }
        for length in stride(from: horizon - 1, through: 0, by: -1) {
            for p in sequences(length: length) {
                var bestWord = 0, bestValue = -Double.infinity
                for a in 0..<vocabularySize {
                    let r = rewards[complete(p + [a])]!
                    let toGo = r[length...].reduce(0, +)
                    if toGo > bestValue + 1e-12 { bestWord = a; bestValue = toGo }
                }
                choice[p] = bestWord
            }
        }
        return complete([])
    }
}

/// Per-step reward schemes on the token MDP (y complete, R = R(y), T = horizon).
public enum TokenRewardScheme: Sendable, Equatable {
    /// r_T = R, r_t = 0 before.
    case sparse
    /// SCAR with efficient credit: r_t = phi_t(y) + v(empty)/T (exact Shapley), sum = R.
    case shapley
    /// ABC-like with unnormalised attention: r_t = b R w_t(y_t) + (1 - b) R [t = T], where the raw
    /// weights w_t(word) in (0, 1) are NOT normalised to sum to 1 over t, so sum of r_t =
    /// R (1 - b + b sum_t w_t) != R in general.
    case unnormalisedAttention(b: Double, weights: [[Double]])

    /// The trained scheme that sparse and SCAR stand for, as PPO trains it on the MDP
    /// (`TokenMDPTask`, whose players are the words): `sparse`, and SCAR with the default options
    /// over actions (alpha 1, exact Shapley up to 6 players); nil for the attention counterexample.
    public var creditScheme: CreditScheme? {
        switch self {
        case .sparse: return .sparse
        case .shapley: return .shapley(.actions)
        case .unnormalisedAttention: return nil
        }
    }

    /// r_1..r_T of complete y; sparse and SCAR from `creditScheme`'s `CreditScheme.unitRewards`
    /// over `TokenMDP.game(y)`, the code and the game PPO's credit uses on the MDP.
    public func rewards(_ y: [Int], in mdp: TokenMDP) throws -> [Double] {
        switch self {
        case .sparse, .shapley:
            return try creditScheme!.unitRewards(
                mdp.game(y), stepOfPlayer: Array(y.indices), stepCount: y.count,
                partition: { throw GameError.unsupportedGame("the token MDP's game is solved exactly; no grouping of its positions exists") },
                random: RandomStream(seed: 0))
        case .unnormalisedAttention(let b, let weights):
            let total = try mdp.reward(y)
            let last = y.count - 1
            return y.indices.map { t in b * total * weights[t][y[t]] + (t == last ? (1 - b) * total : 0) }
        }
    }
}

import Learning
import Shapley

/// A `TokenMDP` as an `ActionTask`, so that the project's PPO (`ActionTaskExperiment`) trains on it
/// and its credit schemes score it through the same code path as every action task.
///
/// State: the prefix p (the episode is the empty prompt, index 0). Actions: the V words, legal while
/// |p| < T; there is no stop action (`stopAction` is -1, never legal), so every episode is a
/// complete sequence of T words and every word is a player of the action game. Reward: R(p).
///
/// Features are tabular: with D = sum over L < T of V^L decision prefixes (21 for V = 4, T = 3),
/// word a at prefix p has the one-hot feature of the pair (p, a) among D V, so the log-linear policy
/// is a free softmax per prefix, pi(a | p) = exp(theta_(p, a)) / sum_b exp(theta_(p, b)); the
/// value head reads the one-hot of p among D, a table of values over the decision prefixes.
///
/// Its action game (`ActionSubsetGame`, replaying the words of S in order from the empty prefix)
/// has v(S) = R(y_S), the words of y at the positions in S, in order: the game of `TokenMDP.game`.
struct TokenMDPTask: ActionTask {
    let mdp: TokenMDP
    private(set) var prefix: [Int] = []

    init(mdp: TokenMDP) {
        self.mdp = mdp
    }

    var vocabularySize: Int { mdp.vocabularySize }
    /// D = sum over L in 0..<T of V^L.
    var decisionPrefixCount: Int {
        (0..<mdp.horizon).reduce(0) { total, length in total + (0..<length).reduce(1) { power, _ in power * vocabularySize } }
    }

    var policyFeatureCount: Int { decisionPrefixCount * vocabularySize }
    var valueFeatureCount: Int { decisionPrefixCount }
    var stopAction: Int { -1 }

    mutating func reset(episode: Int) throws { prefix = [] }

    var legalActions: [Int] { prefix.count < mdp.horizon ? Array(0..<vocabularySize) : [] }

    func actionFeatures(_ actions: [Int]) -> [[Double]] {
        let state = prefixIndex
        return actions.map { a in
            var row = [Double](repeating: 0, count: policyFeatureCount)
            row[state * vocabularySize + a] = 1
            return row
        }
    }

    func stateFeatures() -> [Double] {
        var row = [Double](repeating: 0, count: valueFeatureCount)
        row[prefixIndex] = 1
        return row
    }

    mutating func take(_ action: Int) throws -> Bool {
        prefix.append(action)
        return prefix.count == mdp.horizon
    }

    func currentReward() throws -> Double { try mdp.reward(prefix) }

    /// The prefix's row among the D decision prefixes: the prefixes shorter than |p| first, then p's
    /// number written in base V.
    var prefixIndex: Int {
        var offset = 0, width = 1
        for _ in 0..<prefix.count {
            offset += width
            width *= vocabularySize
        }
        return offset + prefix.reduce(0) { $0 * vocabularySize + $1 }
    }

    /// pi(. | p) of `policy` at prefix p (|p| < T).
    func distribution(_ policy: LinearActionPolicy, at p: [Int]) -> ActionDistribution {
        var state = self
        state.prefix = p
        return policy.distribution(state.actionFeatures(state.legalActions))
    }

    /// pi(y) = product over t of pi(y_t | y_<t), for every complete sequence y (V^T of them; one
    /// distribution per decision prefix).
    func sequenceProbabilities(_ policy: LinearActionPolicy) -> [[Int]: Double] {
        var probabilities: [[Int]: Double] = [[]: 1]
        for length in 0..<mdp.horizon {
            for p in mdp.sequences(length: length) {
                let next = distribution(policy, at: p).probabilities
                for a in next.indices { probabilities[p + [a]] = probabilities[p]! * next[a] }
            }
        }
        return probabilities.filter { $0.key.count == mdp.horizon }
    }

    /// The greedy sequence: from the empty prefix, the most probable next word at each step
    /// (ties to the smaller word).
    func greedySequence(_ policy: LinearActionPolicy) -> [Int] {
        var y: [Int] = []
        while y.count < mdp.horizon {
            let next = distribution(policy, at: y).probabilities
            y.append(next.indices.max { next[$0] < next[$1] || (next[$0] == next[$1] && $0 > $1) }!)
        }
        return y
    }
}

import Foundation
import Statistics

/// A linear-softmax Plackett-Luce policy over ordered sets of K distinct items of a fixed catalog.
///
/// Features: a context (user) vector u of `contextFeatureCount` numbers, extended to
/// x = (1, u) so that the policy has a context-free part, and one vector c_j of
/// `itemFeatureCount` numbers per catalog item j. The score of item j in context u is bilinear,
///
///     s_j = x^T W c_j = sum over a, b of W[a][b] x_a c_{j,b},
///
/// since a score linear in (u, c_j) would shift every item by the same u-term and the softmax
/// would ignore the user. W starts at 0: the first policy is uniform over sets.
///
/// Sampling (Plackett-Luce, i.e. a softmax without replacement): position k = 1..K draws item
/// j from the items R_k not drawn yet with probability p_k(j) = exp(s_j) / sum over i in R_k of
/// exp(s_i). The log-probability of the ordered set is sum over k of log p_k(c_k), and
///
///     d/dW log p_k(c_k) = x (c_{c_k} - sum over j in R_k of p_k(j) c_j)^T,
///
/// so the gradient of position k is the outer product of x with an item-space vector, which
/// `SetSample.itemGradients` stores (K vectors of `itemFeatureCount` numbers).
public struct SetPolicy: Sendable {
    public let contextFeatureCount: Int
    public let itemFeatureCount: Int
    /// W, row-major: W[a][b] = weights[a * itemFeatureCount + b], a = 0 the bias row.
    public var weights: [Double]

    public init(contextFeatureCount: Int, itemFeatureCount: Int) {
        self.contextFeatureCount = contextFeatureCount
        self.itemFeatureCount = itemFeatureCount
        weights = [Double](repeating: 0, count: (contextFeatureCount + 1) * itemFeatureCount)
    }

    /// x = (1, context).
    func extended(_ context: [Double]) -> [Double] {
        precondition(context.count == contextFeatureCount, "a context needs \(contextFeatureCount) features")
        return [1] + context
    }

    /// Every item's score s_j, computed as c_j . (W^T x).
    public func scores(context: [Double], items: [[Double]]) -> [Double] {
        let x = extended(context)
        var projected = [Double](repeating: 0, count: itemFeatureCount)
        for a in 0..<x.count where x[a] != 0 {
            for b in 0..<itemFeatureCount { projected[b] += x[a] * weights[a * itemFeatureCount + b] }
        }
        return items.map { item in zip(item, projected).reduce(0) { $0 + $1.0 * $1.1 } }
    }

    /// One ordered set of `setSize` distinct items drawn from the policy with `random`, with the
    /// per-position item-space gradients of its log-probability.
    public func sample(context: [Double], items: [[Double]], setSize: Int, random: RandomStream) -> SetSample {
        precondition((1...items.count).contains(setSize), "cannot draw \(setSize) distinct items of \(items.count)")
        return walk(context: context, items: items, length: setSize) { random.categorical($0) }
    }

    /// The ordered set `chosen` (catalog indices, in draw order) as this policy would have drawn
    /// it: its per-position log-probabilities log p_k(c_k) and item-space gradients, by the same
    /// arithmetic as `sample`, so re-scoring a sampled set under unchanged weights gives back
    /// exactly the numbers its sampling produced (PPO-style ratios start at exactly 1).
    public func rescored(_ chosen: [Int], context: [Double], items: [[Double]]) -> SetSample {
        var position = 0
        return walk(context: context, items: items, length: chosen.count) { _ in
            defer { position += 1 }
            return chosen[position]
        }
    }

    /// Plackett-Luce positions k = 1..`length`: `pick` chooses c_k given the unnormalised weights
    /// exp(s_j - max s) of the items not drawn yet (drawn items have weight 0).
    private func walk(context: [Double], items: [[Double]], length: Int, pick: ([Double]) -> Int) -> SetSample {
        let s = scores(context: context, items: items)
        let top = s.max()!
        var weights = s.map { exp($0 - top) }
        var chosen: [Int] = []
        var gradients: [[Double]] = []
        var logProbabilities: [Double] = []
        for _ in 0..<length {
            let total = weights.reduce(0, +)
            let picked = pick(weights)
            logProbabilities.append(log(weights[picked] / total))
            var gradient = items[picked]
            for (j, weight) in weights.enumerated() where weight > 0 {
                let p = weight / total
                for b in 0..<itemFeatureCount { gradient[b] -= p * items[j][b] }
            }
            chosen.append(picked)
            gradients.append(gradient)
            weights[picked] = 0
        }
        return SetSample(items: chosen, itemGradients: gradients, positionLogProbabilities: logProbabilities)
    }

    /// log of the probability that the policy draws exactly `chosen` (catalog indices, in order):
    /// sum over k of log p_k(c_k).
    public func logProbability(of chosen: [Int], context: [Double], items: [[Double]]) -> Double {
        let s = scores(context: context, items: items)
        var remaining = Array(items.indices)
        var total = 0.0
        for pick in chosen {
            let top = remaining.map { s[$0] }.max()!
            let normaliser = remaining.reduce(0) { $0 + exp(s[$1] - top) }
            total += s[pick] - top - log(normaliser)
            remaining.removeAll { $0 == pick }
        }
        return total
    }

    /// The gradient of sum over k of A_k log p_k(c_k) with respect to W (same layout as
    /// `weights`): x (sum over k of A_k g_k)^T.
    public func gradient(context: [Double], sample: SetSample, advantages: [Double]) -> [Double] {
        precondition(advantages.count == sample.items.count, "one advantage per position")
        let x = extended(context)
        var combined = [Double](repeating: 0, count: itemFeatureCount)
        for (advantage, g) in zip(advantages, sample.itemGradients) where advantage != 0 {
            for b in 0..<itemFeatureCount { combined[b] += advantage * g[b] }
        }
        var result = [Double](repeating: 0, count: weights.count)
        for a in 0..<x.count where x[a] != 0 {
            for b in 0..<itemFeatureCount { result[a * itemFeatureCount + b] = x[a] * combined[b] }
        }
        return result
    }
}

/// An ordered set drawn from a `SetPolicy`: catalog indices in draw order, and for each position
/// k the item-space gradient of log p_k(c_k) and log p_k(c_k) itself.
public struct SetSample: Sendable {
    public let items: [Int]
    public let itemGradients: [[Double]]
    public let positionLogProbabilities: [Double]

    /// log of the set's probability: sum over k of log p_k(c_k).
    public var logProbability: Double { positionLogProbabilities.reduce(0, +) }
}

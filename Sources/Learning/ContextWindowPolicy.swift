import Foundation
import Statistics

/// What the policy sees before one generation step: the context ids of the two previous words
/// (prompt words included) and the step's position in the response (0-based).
public struct PolicyState: Hashable, Sendable {
    public let previous2: Int
    public let previous: Int
    public let position: Int

    public init(previous2: Int, previous: Int, position: Int) {
        self.previous2 = previous2
        self.previous = previous
        self.position = position
    }
}

/// A log-linear word policy over a context window of two words:
///
///     logit(a | s) = W[s.previous, a] + U[s.previous2, a] + P[s.position, a]
///     pi(a | s)    = exp(logit(a | s)) / sum_b exp(logit(b | s))
///
/// with W, U in R^{A x A} and P in R^{H x A} (A = symbol count, H = horizon, the longest
/// response). All parameters live in one flat array, W then U then P, each row-major.
///
/// d log pi(a | s) / d logit(b | s) = [a = b] - pi(b | s), so the gradient of any loss that
/// depends on log pi(a | s) touches only row s.previous of W, row s.previous2 of U and row
/// s.position of P (`accumulateGradient`).
public struct ContextWindowPolicy: Sendable {
    public let symbolCount: Int
    public let horizon: Int
    public var parameters: [Double]

    public init(symbolCount: Int, horizon: Int) {
        self.symbolCount = symbolCount
        self.horizon = horizon
        parameters = [Double](repeating: 0, count: (2 * symbolCount + horizon) * symbolCount)
    }

    /// Offsets of the three rows a state reads.
    @inline(__always)
    func rows(_ state: PolicyState) -> (Int, Int, Int) {
        let a = symbolCount
        return (state.previous * a, (a + state.previous2) * a, (2 * a + state.position) * a)
    }

    /// pi(. | state): the logits, their log-normaliser (max-shifted log-sum-exp) and the
    /// probabilities (one `exp` per symbol).
    public func distribution(_ state: PolicyState) -> ActionDistribution {
        let (w, u, p) = rows(state)
        var logits = [Double](repeating: 0, count: symbolCount)
        parameters.withUnsafeBufferPointer { theta in
            for b in 0..<symbolCount { logits[b] = theta[w + b] + theta[u + b] + theta[p + b] }
        }
        return ActionDistribution(logits: logits)
    }

    /// Adds `coefficient * d log pi(action | state) / d parameters` to `gradient`, given
    /// `distribution` = pi(. | state).
    func accumulateGradient(
        state: PolicyState, action: Int, distribution: ActionDistribution, coefficient: Double,
        into gradient: inout [Double]
    ) {
        let (w, u, p) = rows(state)
        gradient.withUnsafeMutableBufferPointer { g in
            for b in 0..<symbolCount {
                let d = coefficient * ((b == action ? 1 : 0) - distribution.probabilities[b])
                g[w + b] += d
                g[u + b] += d
                g[p + b] += d
            }
        }
    }

}

extension ContextWindowPolicy: WordPolicy {
    func sampleResponse(prompt: [Int], horizon: Int, endOfSequence: Int, random: RandomStream)
        -> (actions: [Int], logProbabilities: [Double]) {
        var actions: [Int] = [], logProbabilities: [Double] = []
        while actions.count < horizon {
            let state = WordSequence(prompt: prompt, actions: actions).state(at: actions.count, horizon: self.horizon)
            let (action, logProbability) = distribution(state).sample(random: random)
            actions.append(action)
            logProbabilities.append(logProbability)
            if action == endOfSequence { break }
        }
        return (actions, logProbabilities)
    }

    func logProbabilities(_ sequences: [WordSequence]) -> [[Double]] {
        sequences.map { sequence in
            sequence.actions.indices.map { distribution(sequence.state(at: $0, horizon: horizon)).logProbability(sequence.actions[$0]) }
        }
    }

    func stepDistributions(_ sequence: WordSequence) -> [ActionDistribution] {
        sequence.actions.indices.map { distribution(sequence.state(at: $0, horizon: horizon)) }
    }

    func gradient(_ sequences: [WordSequence], coefficients: ([[Double]]) -> [[Double]])
        -> (logProbabilities: [[Double]], gradient: [Double]) {
        let distributions = sequences.map(stepDistributions)
        let logProbabilities = zip(sequences, distributions).map { sequence, steps in
            zip(sequence.actions, steps).map { $1.logProbability($0) }
        }
        let c = coefficients(logProbabilities)
        var gradient = [Double](repeating: 0, count: parameters.count)
        for (i, sequence) in sequences.enumerated() {
            for t in sequence.actions.indices where c[i][t] != 0 {
                accumulateGradient(
                    state: sequence.state(at: t, horizon: horizon), action: sequence.actions[t],
                    distribution: distributions[i][t], coefficient: c[i][t], into: &gradient)
            }
        }
        return (logProbabilities, gradient)
    }

    /// The maximum-likelihood starting point: W at the add-one smoothed bigram log-probabilities
    /// of the scored steps, log((n(prev, a) + 1) / (n(prev) + A)), U and P at 0.
    static func bigramStart(sequences: [WordSequence], symbolCount: Int, horizon: Int) -> ContextWindowPolicy {
        var policy = ContextWindowPolicy(symbolCount: symbolCount, horizon: horizon)
        var counts = [Double](repeating: 1, count: symbolCount * symbolCount)
        for sequence in sequences {
            for t in sequence.actions.indices where sequence.scored[t] {
                counts[sequence.state(at: t, horizon: horizon).previous * symbolCount + sequence.actions[t]] += 1
            }
        }
        for row in 0..<symbolCount {
            let total = counts[row * symbolCount..<(row + 1) * symbolCount].reduce(0, +)
            for a in 0..<symbolCount { policy.parameters[row * symbolCount + a] = log(counts[row * symbolCount + a] / total) }
        }
        return policy
    }
}

/// pi(. | s) for one state: a softmax over logits.
public struct ActionDistribution: Sendable {
    public let logits: [Double]
    /// log sum_b exp(logit_b).
    public let logNormalizer: Double
    public let probabilities: [Double]

    /// The softmax of `logits` (at least one), through the max-shifted log-sum-exp (one `exp`
    /// per action).
    public init(logits: [Double]) {
        let top = logits.max()!
        var probabilities = logits.map { exp($0 - top) }
        let total = probabilities.reduce(0, +)
        for b in probabilities.indices { probabilities[b] /= total }
        self.logits = logits
        logNormalizer = top + log(total)
        self.probabilities = probabilities
    }

    /// Draws an action by inverting the cumulative distribution at one `random.uniform()`;
    /// returns it with its log-probability.
    public func sample(random: RandomStream) -> (action: Int, logProbability: Double) {
        var target = random.uniform()
        for b in probabilities.indices {
            target -= probabilities[b]
            if target < 0 { return (b, logProbability(b)) }
        }
        // The probabilities summed to slightly less than the draw (rounding): the last action.
        return (probabilities.count - 1, logProbability(probabilities.count - 1))
    }

    /// log pi(action | s) = logit_action - log-normaliser (exact even where the probability
    /// underflows).
    public func logProbability(_ action: Int) -> Double { logits[action] - logNormalizer }
}

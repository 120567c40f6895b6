import Foundation
import Statistics
import Testing
@testable import Learning

/// Analytic gradients against central finite differences, (f(x + h) - f(x - h)) / 2h with
/// h = 1e-6, on every coordinate of small random models. The difference quotient has error
/// O(h^2) plus rounding O(eps / h) ~ 1e-10, so a relative error below 1e-6 (relative to
/// max(|analytic|, |numeric|, 1e-3), so that entries near 0 are held to 1e-9 absolute) separates a
/// right gradient from a wrong one (a dropped term changes entries by O(0.01 .. 1)).
@Suite("LearningGradients")
struct LearningGradientTests {
    static let h = 1e-6
    static let tolerance = 1e-6

    /// A policy with 5 symbols, horizon 3, parameters ~ N(0, 1) from a fixed stream.
    static func randomPolicy(seed: UInt64) -> ContextWindowPolicy {
        var policy = ContextWindowPolicy(symbolCount: 5, horizon: 3)
        let random = RandomStream(seed: seed)
        for i in policy.parameters.indices { policy.parameters[i] = random.normal() }
        return policy
    }

    static func randomStates(_ count: Int, random: RandomStream) -> [PolicyState] {
        (0..<count).map { _ in
            PolicyState(previous2: random.integer(below: 5), previous: random.integer(below: 5), position: random.integer(below: 3))
        }
    }

    /// `count` sequences over 5 symbols: prompts of 2 or 3 words, 1 to 4 steps (some of them
    /// past a horizon of 3), about one step in five unscored.
    static func randomSequences(_ count: Int, random: RandomStream) -> [WordSequence] {
        (0..<count).map { _ in
            let prompt = (0..<2 + random.integer(below: 2)).map { _ in random.integer(below: 5) }
            let steps = 1 + random.integer(below: 4)
            return WordSequence(
                prompt: prompt, actions: (0..<steps).map { _ in random.integer(below: 5) },
                scored: (0..<steps).map { _ in random.uniform() > 0.2 })
        }
    }

    /// Checks `analytic` against finite differences of `loss` at every coordinate of `x`.
    static func check(_ x: [Double], analytic: [Double], loss: ([Double]) -> Double) {
        for i in x.indices {
            var plus = x, minus = x
            plus[i] += h
            minus[i] -= h
            let numeric = (loss(plus) - loss(minus)) / (2 * h)
            let error = abs(numeric - analytic[i]) / max(abs(numeric), abs(analytic[i]), 1e-3)
            #expect(error < tolerance, "coordinate \(i): analytic \(analytic[i]), numeric \(numeric)")
        }
    }

    /// The mean negative log-likelihood's gradient for any word policy.
    static func checkNegativeLogLikelihood<Policy: WordPolicy>(_ policy: Policy, sequences: [WordSequence]) {
        let indices = Array(sequences.indices)
        let analytic = ReferencePolicyFit.negativeLogLikelihood(policy, sequences: sequences, indices: indices).gradient
        #expect(analytic.contains { $0 != 0 })
        check(policy.parameters, analytic: analytic) { theta in
            var p = policy
            p.parameters = theta
            return ReferencePolicyFit.negativeLogLikelihood(p, sequences: sequences, indices: indices).loss
        }
    }

    /// The clipped surrogate's gradient for any word policy. Old log-probabilities are set so
    /// the ratios pi/pi_old cycle through all three regions of the clip (below 1 - eps, inside,
    /// above 1 + eps) with both advantage signs, each at least 0.05 away from a kink, where the
    /// surrogate is differentiable.
    static func checkClippedSurrogate<Policy: WordPolicy>(_ policy: Policy, sequences: [WordSequence]) {
        let ratios = [0.5, 1.0, 1.5, 0.7, 1.1, 1.3, 0.6, 0.9, 1.4, 1.05, 0.75, 2.0]
        let signedAdvantages = [1.0, -0.5, 0.8, -1.2, 0.3, -0.7, 0.4, 1.1, -0.9, -0.2, 0.6, 1.5]
        var k = 0
        var old: [[Double]] = [], advantages: [[Double]] = []
        for steps in policy.logProbabilities(sequences) {
            let flat = k..<k + steps.count
            old.append(zip(steps, flat).map { $0 - log(ratios[$1 % ratios.count]) })
            advantages.append(flat.map { signedAdvantages[$0 % signedAdvantages.count] })
            k += steps.count
        }
        let indices = Array(sequences.indices)
        func surrogate(_ p: Policy) -> (loss: Double, gradient: [Double]) {
            PPO.clippedSurrogate(p, sequences: sequences, oldLogProbabilities: old, advantages: advantages, indices: indices, clip: 0.2)
        }
        let analytic = surrogate(policy).gradient
        #expect(analytic.contains { $0 != 0 })
        check(policy.parameters, analytic: analytic) { theta in
            var p = policy
            p.parameters = theta
            return surrogate(p).loss
        }
    }

    @Test func negativeLogLikelihoodGradient() {
        Self.checkNegativeLogLikelihood(Self.randomPolicy(seed: 1), sequences: Self.randomSequences(6, random: RandomStream(seed: 2)))
    }

    @Test func clippedSurrogateGradient() {
        Self.checkClippedSurrogate(Self.randomPolicy(seed: 3), sequences: Self.randomSequences(6, random: RandomStream(seed: 4)))
    }

    /// Both critics: position and previous word, and the prompt-aware one (4 prompts).
    @Test(arguments: [0, 4]) func valueLossGradient(promptCount: Int) {
        let random = RandomStream(seed: 5)
        var value = ValueBaseline(horizon: 3, symbolCount: 5, promptCount: promptCount)
        for i in value.parameters.indices { value.parameters[i] = random.normal() }
        let states = Self.randomStates(10, random: random).map { CriticState(window: $0, prompt: random.integer(below: max(promptCount, 1))) }
        let returns = states.map { _ in random.normal() }
        let indices = Array(states.indices)
        let analytic = value.loss(states: states, returns: returns, indices: indices).gradient
        Self.check(value.parameters, analytic: analytic) { theta in
            var v = value
            v.parameters = theta
            return v.loss(states: states, returns: returns, indices: indices).loss
        }
    }

    /// Hand derivation, discount 1, lambda 0.5, rewards (1, 0, 2), values (0.5, 0.2, 0.1):
    /// delta_3 = 2 - 0.1 = 1.9; delta_2 = 0 + 0.1 - 0.2 = -0.1; delta_1 = 1 + 0.2 - 0.5 = 0.7;
    /// A_3 = 1.9; A_2 = -0.1 + 0.5 * 1.9 = 0.85; A_1 = 0.7 + 0.5 * 0.85 = 1.125.
    @Test func generalisedAdvantages() {
        let advantages = PPO.advantages(rewards: [1, 0, 2], values: [0.5, 0.2, 0.1], lambda: 0.5)
        for (got, want) in zip(advantages, [1.125, 0.85, 1.9]) { #expect(abs(got - want) < 1e-12) }
    }

    /// (1, 2, 3): mean 2, population sd sqrt(2/3), so (-1, 0, 1) / sqrt(2/3) (up to the 1e-8).
    @Test func whitening() {
        let w = PPO.whitened([1, 2, 3])
        let s = (2.0 / 3).squareRoot()
        for (got, want) in zip(w, [-1 / s, 0, 1 / s]) { #expect(abs(got - want) < 1e-7) }
    }
}

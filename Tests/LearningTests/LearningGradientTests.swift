import Foundation
import Statistics
import Testing
@testable import Learning

/// Analytic gradients against central finite differences, (f(x + h) - f(x - h)) / 2h with
/// h = 1e-6, on every coordinate of small random models. The difference quotient has error
/// O(h^2) plus rounding O(eps / h) ~ 1e-10, so 1e-6 absolute tolerance separates a right
/// gradient from a wrong one (a dropped term changes entries by O(0.01 .. 1)).
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

    static func randomStates(_ count: Int, random: RandomStream) -> (states: [PolicyState], actions: [Int]) {
        let states = (0..<count).map { _ in
            PolicyState(previous2: random.integer(below: 5), previous: random.integer(below: 5), position: random.integer(below: 3))
        }
        return (states, states.map { _ in random.integer(below: 5) })
    }

    /// Checks `analytic` against finite differences of `loss` at every coordinate of `x`.
    static func check(_ x: [Double], analytic: [Double], loss: ([Double]) -> Double) {
        for i in x.indices {
            var plus = x, minus = x
            plus[i] += h
            minus[i] -= h
            let numeric = (loss(plus) - loss(minus)) / (2 * h)
            #expect(abs(numeric - analytic[i]) < tolerance, "coordinate \(i): analytic \(analytic[i]), numeric \(numeric)")
        }
    }

    @Test func negativeLogLikelihoodGradient() {
        let policy = Self.randomPolicy(seed: 1)
        let (states, actions) = Self.randomStates(12, random: RandomStream(seed: 2))
        let examples = zip(states, actions).map { ReferencePolicyFit.Example(state: $0, action: $1) }
        let indices = Array(examples.indices)
        let analytic = ReferencePolicyFit.negativeLogLikelihood(policy, examples: examples, indices: indices).gradient
        Self.check(policy.parameters, analytic: analytic) { theta in
            var p = policy
            p.parameters = theta
            return ReferencePolicyFit.negativeLogLikelihood(p, examples: examples, indices: indices).loss
        }
    }

    /// Old log-probabilities are set so the ratios pi/pi_old fall in all three regions of the
    /// clip (below 1 - eps, inside, above 1 + eps) with both advantage signs, each at least 0.05
    /// away from a kink, where the surrogate is differentiable.
    @Test func clippedSurrogateGradient() {
        let policy = Self.randomPolicy(seed: 3)
        let (states, actions) = Self.randomStates(12, random: RandomStream(seed: 4))
        let ratios = [0.5, 1.0, 1.5, 0.7, 1.1, 1.3, 0.6, 0.9, 1.4, 1.05, 0.75, 2.0]
        let advantages = [1.0, -0.5, 0.8, -1.2, 0.3, -0.7, 0.4, 1.1, -0.9, -0.2, 0.6, 1.5]
        let old = states.indices.map { policy.distribution(states[$0]).logProbability(actions[$0]) - log(ratios[$0]) }
        let indices = Array(states.indices)
        func surrogate(_ p: ContextWindowPolicy) -> (loss: Double, gradient: [Double]) {
            PPO.clippedSurrogate(p, states: states, actions: actions, oldLogProbabilities: old, advantages: advantages, indices: indices, clip: 0.2)
        }
        let analytic = surrogate(policy).gradient
        #expect(analytic.contains { $0 != 0 })
        Self.check(policy.parameters, analytic: analytic) { theta in
            var p = policy
            p.parameters = theta
            return surrogate(p).loss
        }
    }

    @Test func valueLossGradient() {
        let random = RandomStream(seed: 5)
        var value = ValueBaseline(horizon: 3, symbolCount: 5)
        for i in value.parameters.indices { value.parameters[i] = random.normal() }
        let (states, _) = Self.randomStates(10, random: random)
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

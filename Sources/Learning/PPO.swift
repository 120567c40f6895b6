import Foundation

/// The pieces of a PPO update (Schulman et al. 2017), as in TRL's on-policy trainer with
/// discount 1.
enum PPO {
    /// Generalised advantage estimation with discount 1 over one episode:
    /// delta_t = r_t + V_{t+1} - V_t (V_T = 0 after the last step),
    /// A_t = delta_t + lambda A_{t+1}.
    static func advantages(rewards: [Double], values: [Double], lambda: Double) -> [Double] {
        var advantages = [Double](repeating: 0, count: rewards.count)
        var next = 0.0
        var running = 0.0
        for t in rewards.indices.reversed() {
            running = rewards[t] + next - values[t] + lambda * running
            advantages[t] = running
            next = values[t]
        }
        return advantages
    }

    /// (x - mean) / (population standard deviation + 1e-8).
    static func whitened(_ x: [Double]) -> [Double] {
        let mean = x.reduce(0, +) / Double(x.count)
        let variance = x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count)
        let scale = 1 / (variance.squareRoot() + 1e-8)
        return x.map { ($0 - mean) * scale }
    }

    /// The clipped surrogate loss over the episodes `indices` (N steps in all),
    ///
    ///     L = -(1/N) sum min(rho_t A_t, clip(rho_t, 1 - eps, 1 + eps) A_t),  rho_t = pi(a_t|s_t) / pi_old(a_t|s_t)
    ///
    /// and its gradient: dL/d log pi(a_t|s_t) = -(1/N) rho_t A_t where the unclipped term is the
    /// minimum (ties included), 0 where the clipped term is strictly smaller (`clippedTerm`),
    /// passed to the policy's `gradient` as the per-step coefficients.
    static func clippedSurrogate(
        _ policy: some WordPolicy, sequences: [WordSequence], oldLogProbabilities: [[Double]],
        advantages: [[Double]], indices: [Int], clip: Double
    ) -> (loss: Double, gradient: [Double]) {
        let batch = indices.map { sequences[$0] }
        let scale = 1 / Double(batch.reduce(0) { $0 + $1.actions.count })
        var loss = 0.0
        let gradient = policy.gradient(batch) { logProbabilities in
            zip(indices, logProbabilities).map { i, steps in
                steps.indices.map { t in
                    let term = clippedTerm(logProbability: steps[t], oldLogProbability: oldLogProbabilities[i][t],
                                           advantage: advantages[i][t], clip: clip)
                    loss -= term.objective * scale
                    return -term.slope * scale
                }
            }
        }.gradient
        return (loss, gradient)
    }

    /// One step's clipped objective min(rho A, clip(rho, 1 - eps, 1 + eps) A), rho =
    /// exp(log pi - log pi_old), and its derivative in log pi: rho A where the unclipped term is
    /// the minimum (ties included), else 0. Any policy's surrogate gradient is the sum of
    /// -slope/N times its d log pi(a_t|s_t) / d theta.
    static func clippedTerm(logProbability: Double, oldLogProbability: Double, advantage: Double, clip: Double)
        -> (objective: Double, slope: Double) {
        let ratio = exp(logProbability - oldLogProbability)
        let unclipped = ratio * advantage
        let clipped = min(max(ratio, 1 - clip), 1 + clip) * advantage
        return unclipped <= clipped ? (unclipped, unclipped) : (clipped, 0)
    }
}

/// PPO's hyperparameters, shared by the learners.
public struct PPOSettings: Sendable, Equatable {
    /// beta of the per-step KL penalty to pi_ref.
    public var klCoefficient: Double
    /// epsilon of the clipped ratio.
    public var clipRange = 0.2
    /// lambda of GAE (discount 1).
    public var gaeLambda = 0.95
    /// Passes over each batch.
    public var epochs = 4
    /// Adam's learning rates for the policy and the value head.
    public var policyLearningRate: Double
    public var valueLearningRate = 0.05

    public init(klCoefficient: Double, policyLearningRate: Double) {
        self.klCoefficient = klCoefficient
        self.policyLearningRate = policyLearningRate
    }

    /// Every setting, for keying stored runs: beta=..;lr=..;clip=..;lambda=..;epochs=..;value-lr=..
    public var storeKey: String {
        "beta=\(klCoefficient);lr=\(policyLearningRate);clip=\(clipRange);lambda=\(gaeLambda);epochs=\(epochs);value-lr=\(valueLearningRate)"
    }
}

extension PPO {
    /// One episode's PPO targets from its per-step credit: the shaped rewards
    /// r_t = credit_t - beta (log pi_old(a_t|s_t) - log pi_ref(a_t|s_t)), GAE advantages over them
    /// (discount 1, `lambda`) against the critic's `values`, and returns A_t + V(s_t). Also gives
    /// the episode's sampled KL estimate sum_t (log pi_old - log pi_ref).
    static func episodeTargets(
        credit: [Double], logProbabilities: [Double], referenceLogProbabilities: [Double], values: [Double],
        klCoefficient: Double, lambda: Double
    ) -> (kl: Double, advantages: [Double], returns: [Double]) {
        let kl = zip(logProbabilities, referenceLogProbabilities).map { $0 - $1 }
        let rewards = zip(credit, kl).map { $0 - klCoefficient * $1 }
        let advantages = advantages(rewards: rewards, values: values, lambda: lambda)
        return (kl.reduce(0, +), advantages, zip(advantages, values).map { $0 + $1 })
    }
}

/// The sums one PPO step reports (`LearningCurve.Point`), over its batch of episodes.
struct BatchTally {
    var reward = 0.0, kl = 0.0, exactKL = 0.0, length = 0, calls = 0

    mutating func add(reward: Double, kl: Double, exactKL: Double, length: Int, calls: Int) {
        self.reward += reward
        self.kl += kl
        self.exactKL += exactKL
        self.length += length
        self.calls += calls
    }

    /// Means over `batchSize` episodes; calls summed.
    func point(step: Int, batchSize: Int) -> LearningCurve.Point {
        LearningCurve.Point(step: step, meanReward: reward / Double(batchSize), meanKL: kl / Double(batchSize),
                            meanExactKL: exactKL / Double(batchSize), rewardCalls: calls, meanLength: Double(length) / Double(batchSize))
    }
}

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

import Foundation
import Tasks
import Statistics

/// Settings of a set-GRPO run.
public struct GRPOSetConfiguration: Sendable, Equatable {
    /// G: sets drawn per user per step.
    public var groupSize = 8
    /// Training users drawn (uniformly, with replacement across steps) per step.
    public var usersPerStep = 8
    public var steps = 300
    public var learningRate = 0.05
    /// epsilon of the clipped ratio.
    public var clipRange = 0.2
    /// beta of the KL penalty to the reference policy (the untrained, uniform policy).
    public var klCoefficient = 0.04
    /// mu: Adam steps (passes over the step's sets) per batch of sampled sets.
    public var updateEpochs = 4
    /// Evaluate at step 0 and every this many steps (and after the last step).
    public var evaluationInterval = 10
    /// Sets drawn per evaluation user at each evaluation.
    public var evaluationSamples = 2

    public init() {}
}

/// Mean held-out set reward of the policy at each evaluation step, and the KL divergence of the
/// policy's set distribution from the reference policy's there, estimated from the same held-out
/// samples as the mean of log pi(set) - log pi_ref(set) (unbiased, since the sets are drawn from pi).
public struct GRPOSetCurve: Sendable, Equatable {
    public var steps: [Int]
    public var meanReward: [Double]
    public var meanKL: [Double]
}

/// Group-relative policy optimisation (Shao et al. 2024, DeepSeekMath) for a `SetPolicy`, with
/// the candidates of a set as its "tokens". Each step draws U training users and G sets per user
/// from the current policy pi_old, scores each set's game and turns it into per-candidate
/// advantages A_{g,k} with `SetCredit`; then mu passes of Adam ascend
///
///     J(theta) = 1/(U G) sum over sets g, positions k of
///                [ min(rho_{g,k} A_{g,k}, clip(rho_{g,k}, 1 - eps, 1 + eps) A_{g,k}) - beta KL3_{g,k} ],
///     rho = p_k(c_k) / p_k^old(c_k),   KL3 = r - log r - 1 with r = p_k^ref(c_k) / p_k(c_k),
///
/// GRPO's clipped surrogate (`PPO.clippedTerm`) with its per-position unbiased KL estimator to
/// the reference policy pi_ref (the untrained policy, W = 0: uniform). Its gradient is
/// sum_k c_k d log p_k(c_k) / d theta with c_k = (rho A if the unclipped term is the minimum, else
/// 0) - beta (1 - r), which `SetPolicy.gradient` takes as per-position coefficients. In the first
/// pass rho = 1 exactly (the sets are re-scored by the arithmetic that drew them), so mu = 1 and
/// beta = 0 is the plain policy gradient sum A_{g,k} log p_k(c_k).
///
/// Cost per step: U G games scored (the value calls of `SetCredit`), mu U G re-scorings of a set.
/// Randomness: training draws from RandomStream(seed, stream 1); evaluation e draws from
/// RandomStream(seed, stream 2).substream(e), the same for every credit scheme (common random
/// numbers), over every evaluation user with `evaluationSamples` sets each.
public enum GRPOSetTrainer {
    public static func train(
        task: any GRPOSetTask, credit: SetCredit, trainingUsers: [Int], evaluationUsers: [Int],
        configuration: GRPOSetConfiguration, seed: UInt64
    ) throws -> GRPOSetCurve {
        precondition(!trainingUsers.isEmpty && !evaluationUsers.isEmpty, "need training and evaluation users")
        precondition(configuration.updateEpochs >= 1, "need at least one update epoch")
        var contexts: [Int: [Double]] = [:]
        for user in trainingUsers + evaluationUsers { contexts[user] = try task.context(user: user) }
        let reference = SetPolicy(contextFeatureCount: task.contextFeatureCount, itemFeatureCount: task.itemFeatures[0].count)
        var policy = reference
        var optimizer = Adam(parameterCount: policy.weights.count, learningRate: configuration.learningRate)
        let random = RandomStream(seed: seed, stream: 1)
        var curve = GRPOSetCurve(steps: [], meanReward: [], meanKL: [])
        func evaluate(at step: Int) throws {
            let stream = RandomStream(seed: seed, stream: 2).substream(UInt64(curve.steps.count))
            var total = 0.0, kl = 0.0
            for user in evaluationUsers {
                for _ in 0..<configuration.evaluationSamples {
                    let sample = policy.sample(context: contexts[user]!, items: task.itemFeatures, setSize: task.setSize, random: stream)
                    let game = try task.game(user: user, items: sample.items)
                    total += try game.value(of: game.grandCoalition)
                    kl += sample.logProbability - reference.rescored(sample.items, context: contexts[user]!, items: task.itemFeatures).logProbability
                }
            }
            let count = Double(evaluationUsers.count * configuration.evaluationSamples)
            curve.steps.append(step)
            curve.meanReward.append(total / count)
            curve.meanKL.append(kl / count)
        }
        try evaluate(at: 0)
        for step in stride(from: 1, through: configuration.steps, by: 1) {
            var batch: [GRPOSetSample] = []
            for _ in 0..<configuration.usersPerStep {
                let user = trainingUsers[random.integer(below: trainingUsers.count)]
                let context = contexts[user]!
                let samples = (0..<configuration.groupSize).map { _ in
                    policy.sample(context: context, items: task.itemFeatures, setSize: task.setSize, random: random)
                }
                let scored = try samples.map { try credit.values(of: task.game(user: user, items: $0.items)) }
                let advantages = credit.advantages(rewards: scored.map(\.reward), values: scored.map(\.values))
                for (sample, advantage) in zip(samples, advantages) {
                    batch.append(GRPOSetSample(
                        context: context, old: sample, advantages: advantage,
                        referenceLogProbabilities: reference.rescored(sample.items, context: context, items: task.itemFeatures).positionLogProbabilities))
                }
            }
            for _ in 0..<configuration.updateEpochs {
                let gradient = objective(policy, batch: batch, items: task.itemFeatures, configuration: configuration).gradient
                // Adam descends, so it is handed the gradient of the loss -J.
                let scale = -1 / Double(batch.count)
                optimizer.step(&policy.weights, gradient: gradient.map { $0 * scale })
            }
            if step % configuration.evaluationInterval == 0 || step == configuration.steps { try evaluate(at: step) }
        }
        return curve
    }

    /// The sum over the batch's sets and positions of min(rho A, clip(rho) A) - beta KL3 under
    /// `policy` (J times U G, see the type's doc), and its gradient in the policy's weights.
    static func objective(_ policy: SetPolicy, batch: [GRPOSetSample], items: [[Double]], configuration: GRPOSetConfiguration)
        -> (objective: Double, gradient: [Double]) {
        var total = 0.0
        var gradient = [Double](repeating: 0, count: policy.weights.count)
        for set in batch {
            let current = policy.rescored(set.old.items, context: set.context, items: items)
            let coefficients = current.positionLogProbabilities.indices.map { k in
                let logProbability = current.positionLogProbabilities[k]
                let term = PPO.clippedTerm(logProbability: logProbability, oldLogProbability: set.old.positionLogProbabilities[k],
                                           advantage: set.advantages[k], clip: configuration.clipRange)
                total += term.objective
                guard configuration.klCoefficient != 0 else { return term.slope }
                let r = exp(set.referenceLogProbabilities[k] - logProbability)
                total -= configuration.klCoefficient * (r - log(r) - 1)
                return term.slope - configuration.klCoefficient * (1 - r)
            }
            let g = policy.gradient(context: set.context, sample: current, advantages: coefficients)
            for i in gradient.indices { gradient[i] += g[i] }
        }
        return (total, gradient)
    }
}

/// One sampled set of a GRPO step: its context, the set as pi_old drew it (items, log p_k^old),
/// its per-position advantages and log p_k^ref under the reference policy.
struct GRPOSetSample {
    let context: [Double]
    let old: SetSample
    let advantages: [Double]
    let referenceLogProbabilities: [Double]
}

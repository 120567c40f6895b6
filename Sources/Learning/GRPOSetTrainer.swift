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
    /// Evaluate at step 0 and every this many steps (and after the last step).
    public var evaluationInterval = 10
    /// Sets drawn per evaluation user at each evaluation.
    public var evaluationSamples = 2

    public init() {}
}

/// Mean held-out set reward of the policy at each evaluation step.
public struct GRPOSetCurve: Sendable, Equatable {
    public var steps: [Int]
    public var meanReward: [Double]
}

/// Group-relative policy optimisation for a `SetPolicy` (GRPO with one on-policy update per
/// batch, so the clipped ratio is 1 and the objective reduces to the policy gradient
/// sum over users, sets g and positions k of A_{g,k} log p_k(c_{g,k}), averaged over the
/// U G sets of the step; no KL term, no reference policy). Each step: draw U training users, G
/// sets per user from the current policy, score each set's game, turn rewards (GRPO) or Shapley
/// values (ShapE-GRPO) into advantages with `SetCredit`, take one Adam step.
///
/// Randomness: training draws from RandomStream(seed, stream 1); evaluation e draws from
/// RandomStream(seed, stream 2).substream(e), the same for every credit scheme (common random
/// numbers), over every evaluation user with `evaluationSamples` sets each.
public enum GRPOSetTrainer {
    public static func train(
        task: any GRPOSetTask, credit: SetCredit, trainingUsers: [Int], evaluationUsers: [Int],
        configuration: GRPOSetConfiguration, seed: UInt64
    ) throws -> GRPOSetCurve {
        precondition(!trainingUsers.isEmpty && !evaluationUsers.isEmpty, "need training and evaluation users")
        var contexts: [Int: [Double]] = [:]
        for user in trainingUsers + evaluationUsers { contexts[user] = try task.context(user: user) }
        var policy = SetPolicy(contextFeatureCount: task.contextFeatureCount, itemFeatureCount: task.itemFeatures[0].count)
        var optimizer = Adam(parameterCount: policy.weights.count, learningRate: configuration.learningRate)
        let random = RandomStream(seed: seed, stream: 1)
        var curve = GRPOSetCurve(steps: [], meanReward: [])
        func evaluate(at step: Int) throws {
            let stream = RandomStream(seed: seed, stream: 2).substream(UInt64(curve.steps.count))
            var total = 0.0
            for user in evaluationUsers {
                for _ in 0..<configuration.evaluationSamples {
                    let sample = policy.sample(context: contexts[user]!, items: task.itemFeatures, setSize: task.setSize, random: stream)
                    let game = try task.game(user: user, items: sample.items)
                    total += try game.value(of: game.grandCoalition)
                }
            }
            curve.steps.append(step)
            curve.meanReward.append(total / Double(evaluationUsers.count * configuration.evaluationSamples))
        }
        try evaluate(at: 0)
        for step in stride(from: 1, through: configuration.steps, by: 1) {
            var gradient = [Double](repeating: 0, count: policy.weights.count)
            for _ in 0..<configuration.usersPerStep {
                let user = trainingUsers[random.integer(below: trainingUsers.count)]
                let context = contexts[user]!
                let samples = (0..<configuration.groupSize).map { _ in
                    policy.sample(context: context, items: task.itemFeatures, setSize: task.setSize, random: random)
                }
                let scored = try samples.map { try task.rewardAndCredit(user: user, items: $0.items) }
                let advantages = credit.advantages(rewards: scored.map(\.reward), credit: scored.map(\.credit))
                for (sample, advantage) in zip(samples, advantages) {
                    let g = policy.gradient(context: context, sample: sample, advantages: advantage)
                    for i in gradient.indices { gradient[i] += g[i] }
                }
            }
            // Adam descends, so it is handed the gradient of the loss -objective.
            let scale = -1 / Double(configuration.usersPerStep * configuration.groupSize)
            optimizer.step(&policy.weights, gradient: gradient.map { $0 * scale })
            if step % configuration.evaluationInterval == 0 || step == configuration.steps { try evaluate(at: step) }
        }
        return curve
    }
}

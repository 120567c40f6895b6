import Foundation
import Statistics
import Tasks

/// The one PPO loop of the learners (`SentimentRLExperiment`, `ActionTaskExperiment`). Per step:
/// `batchSize` rollouts (`PPOLearner.rollouts`), each episode's per-step credit
/// (`PPOLearner.credit`, checked to sum to R for an efficient scheme), shaped rewards
/// r_t = credit_t - beta (log pi_old - log pi_ref)(a_t), GAE (discount 1, lambda) against the
/// value head, advantages whitened over the batch's steps, then `settings.epochs` passes over
/// the learner's minibatches, each one Adam step on the clipped surrogate and one on the value
/// loss of the minibatch's steps. Randomness: `root`'s substreams 0 (rollouts), 1 (credit
/// estimators), 2 (minibatch shuffles), so a run is a pure function of its arguments.
/// Held-out evaluations (`HeldOutEvaluation.steps`) are made by the learner's `evaluate`, which
/// must draw from its own stream (`HeldOutEvaluation.stream`): the training points are then the
/// same whatever the evaluation interval.
enum PPOTrainer {
    /// Trains `policy` and `value`; returns the final policy, one point per step (measured on the
    /// step's batch before its update), the held-out evaluations `evaluate(policy)` after s
    /// finished steps for each s of `HeldOutEvaluation.steps(runLength: steps, interval:
    /// evaluationInterval)`, and the wall seconds to the end of each step.
    static func train<Learner: PPOLearner>(
        _ learner: Learner, policy start: Learner.Policy, value startValue: Learner.Value, scheme: CreditScheme,
        settings: PPOSettings, root: RandomStream, steps: Int, batchSize: Int, evaluationInterval: Int?,
        evaluate: (Learner.Policy) throws -> Double, progress: (Int) -> Void
    ) throws -> (policy: Learner.Policy, points: [LearningCurve.Point], evaluations: [LearningCurve.Evaluation], elapsedSeconds: [Double]) {
        let sampler = root.substream(0), estimators = root.substream(1), shuffler = root.substream(2)
        var policy = start, value = startValue
        var policyAdam = Adam(parameterCount: policy.parameters.count, learningRate: settings.policyLearningRate)
        var valueAdam = Adam(parameterCount: value.parameters.count, learningRate: settings.valueLearningRate)
        var points: [LearningCurve.Point] = []
        var elapsed: [Double] = []
        let evaluationSteps = Set(HeldOutEvaluation.steps(runLength: steps, interval: evaluationInterval))
        var evaluations: [LearningCurve.Evaluation] = []
        func evaluateIfDue(after finished: Int) throws {
            if evaluationSteps.contains(finished) {
                evaluations.append(LearningCurve.Evaluation(step: finished, meanReward: try evaluate(policy)))
            }
        }
        let clock = ContinuousClock()
        let begin = clock.now
        try evaluateIfDue(after: 0)
        for step in 0..<steps {
            var batch = PPOBatch<Learner.Episode>()
            var tally = BatchTally()
            for episode in try learner.rollouts(policy, count: batchSize, random: sampler) {
                let credit = try learner.credit(episode, random: estimators)
                try credit.checkEfficiency(of: scheme)
                let targets = PPO.episodeTargets(
                    credit: credit.rewards, logProbabilities: episode.logProbabilities,
                    referenceLogProbabilities: episode.referenceLogProbabilities, values: episode.states.map(value.value),
                    klCoefficient: settings.klCoefficient, lambda: settings.gaeLambda)
                tally.add(reward: credit.sequenceReward, kl: targets.kl, exactKL: episode.exactKL, length: episode.length,
                          calls: credit.rewardCalls)
                batch.append(episode, advantages: targets.advantages, returns: targets.returns)
            }
            let advantages = PPO.whitened(batch.advantages)
            for _ in 0..<settings.epochs {
                for chosen in learner.minibatches(count: batchSize, random: shuffler) {
                    policyAdam.step(&policy.parameters, gradient: learner.surrogateGradient(
                        policy, batch: batch, advantages: advantages, chosen: chosen, clip: settings.clipRange))
                    valueAdam.step(&value.parameters, gradient: value.loss(
                        states: batch.states, returns: batch.returns, indices: batch.steps(of: chosen)).gradient)
                }
            }
            points.append(tally.point(step: step, batchSize: batchSize))
            try evaluateIfDue(after: step + 1)
            progress(step + 1)
            elapsed.append((clock.now - begin).seconds)
        }
        return (policy, points, evaluations, elapsed)
    }
}

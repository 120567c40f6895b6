import Foundation
import Statistics
import Testing
@testable import Learning

@Suite("ExactKL")
struct ExactKLTests {
    /// By hand: p = (1/2, 1/2), q = (1/4, 3/4): KL = 1/2 ln 2 + 1/2 ln(2/3); to the uniform over
    /// 2 actions, p is 0; q to the uniform is ln 2 + 1/4 ln(1/4) + 3/4 ln(3/4).
    @Test func divergenceByHand() {
        let p = ActionDistribution(logits: [0, 0]), q = ActionDistribution(logits: [0, log(3)])
        #expect(abs(ExactKL.divergence(p, q) - (0.5 * log(2) + 0.5 * log(2.0 / 3))) < 1e-12)
        #expect(abs(ExactKL.divergenceToUniform(p)) < 1e-12)
        #expect(abs(ExactKL.divergenceToUniform(q) - (log(2) + 0.25 * log(0.25) + 0.75 * log(0.75))) < 1e-12)
    }

    /// The KL stored in a short run's curve equals the KL recomputed from the policies. Step 0
    /// samples pi_ref itself: KL exactly 0. Step 1 samples P1, the policy after one update (a
    /// one-step run from the same seed returns it): its batch is redrawn from the seed's sampling
    /// stream after step 0's draws, and each step's distributions over all 301 symbols are
    /// rebuilt independently of `stepDistributions`, by scoring every symbol as the next action
    /// with `logProbabilities`; KL_t = sum_a P1(a) (log P1(a) - log pi_ref(a)), summed over the
    /// steps and averaged over the batch.
    @Test func storedKLEqualsKLRecomputedFromThePolicies() throws {
        let experiment = try ExperimentFixture.experiment.get()
        let scheme = CreditScheme.sparse, seed: UInt64 = 5, batch = 4
        let curve = try experiment.run(scheme: scheme, seed: seed, steps: 2, batchSize: batch)
        #expect(curve.points[0].meanExactKL == 0)
        let reference = experiment.reference as! GRUWordPolicy
        let learner = WordPPOLearner(experiment: experiment, reference: reference, scheme: scheme,
                                     environment: CreditEnvironment(reward: experiment.reward, attention: nil))
        let value = ValueBaseline(horizon: experiment.configuration.horizon, symbolCount: experiment.vocabulary.symbolCount)
        let p1 = try PPOTrainer.train(learner, policy: reference, value: value, scheme: scheme, settings: experiment.configuration.ppo,
                                      root: RandomStream(seed: seed), steps: 1, batchSize: batch, evaluationInterval: nil,
                                      evaluate: { _ in 0 }, progress: { _ in }).policy
        let sampler = RandomStream(seed: seed).substream(0)
        _ = try learner.rollouts(reference, count: batch, random: sampler)
        let episodes = try learner.rollouts(p1, count: batch, random: sampler)
        let symbols = experiment.vocabulary.symbolCount
        var total = 0.0
        for episode in episodes {
            let sequence = episode.rollout.sequence
            for t in sequence.actions.indices {
                let candidates = (0..<symbols).map { WordSequence(prompt: sequence.prompt, actions: Array(sequence.actions[..<t]) + [$0]) }
                let policy = p1.logProbabilities(candidates).map { $0[t] }
                let pi = reference.logProbabilities(candidates).map { $0[t] }
                total += zip(policy, pi).reduce(0) { $0 + exp($1.0) * ($1.0 - $1.1) }
            }
        }
        let recomputed = total / Double(batch)
        #expect(recomputed > 0)
        #expect(abs(curve.points[1].meanExactKL - recomputed) < 1e-9, "stored \(curve.points[1].meanExactKL), recomputed \(recomputed)")
    }
}

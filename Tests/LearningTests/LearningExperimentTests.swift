import Testing
@testable import Learning

/// One experiment (data, VADER, the learned attention model, pi_ref) shared by the tests.
enum ExperimentFixture {
    static let experiment = Result { try SentimentRLExperiment() }
}

@Suite("LearningExperiment")
struct LearningExperimentTests {
    @Test func sameSeedSameCurve() throws {
        let experiment = try ExperimentFixture.experiment.get()
        for scheme in [CreditScheme.scar, .abc] {
            let a = try experiment.run(scheme: scheme, seed: 11, steps: 4, batchSize: 6)
            let b = try experiment.run(scheme: scheme, seed: 11, steps: 4, batchSize: 6)
            #expect(a.points == b.points)
            #expect(a.finalEvaluation == b.finalEvaluation)
            let c = try experiment.run(scheme: scheme, seed: 12, steps: 4, batchSize: 6)
            #expect(a.points != c.points)
        }
    }

    /// The reference policy is a real fit: its held-out negative log-likelihood per word is far
    /// below the uniform policy's log(301) = 5.71.
    @Test func referencePolicyFitsHeldOutText() throws {
        let experiment = try ExperimentFixture.experiment.get()
        #expect(experiment.vocabulary.symbolCount == 301)
        #expect(experiment.referenceHeldOutLoss < 4.0)
    }

    /// 30 steps of 16 episodes under sparse reward raise the evaluation reward (128 fixed
    /// prompts, the same evaluation stream for pi_ref and the trained policy, so an unchanged
    /// policy would gain exactly 0) by more than 0.1, about two standard errors of a 128-episode
    /// mean of VADER scores (sd about 0.4). Measured in release builds with the default
    /// configuration: seed 0 gains 0.26; seeds 0..9 gained 0.085 to 0.29 (mean 0.18) over pi_ref's
    /// 0.16 to 0.21.
    @Test func shortRunImprovesReward() throws {
        let experiment = try ExperimentFixture.experiment.get()
        let curve = try experiment.run(scheme: .sparse, seed: 0, steps: 30, batchSize: 16)
        let start = try experiment.referenceEvaluation(seed: 0)
        #expect(curve.finalEvaluation - start > 0.1, "reference \(start), trained \(curve.finalEvaluation)")
        #expect(curve.points.count == 30)
        #expect(curve.totalRewardCalls == 30 * 16)
    }

    @Test func badArgumentsThrow() throws {
        let experiment = try ExperimentFixture.experiment.get()
        #expect(throws: SentimentRLExperiment.RunError.self) { try experiment.run(scheme: .sparse, seed: 0, steps: 0, batchSize: 4) }
    }
}

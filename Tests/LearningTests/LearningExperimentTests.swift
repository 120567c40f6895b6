import Testing
@testable import Learning

/// One experiment per policy (data, VADER, the learned attention model, pi_ref) shared by the
/// tests.
enum ExperimentFixture {
    static let experiment = Result { try SentimentRLExperiment() }
    static let contextWindow = Result { try SentimentRLExperiment(configuration: .init(policy: .contextWindow)) }
}

@Suite("LearningExperiment")
struct LearningExperimentTests {
    @Test(arguments: [SentimentRLExperiment.Configuration.Policy.gru, .contextWindow])
    func sameSeedSameCurve(policy: SentimentRLExperiment.Configuration.Policy) throws {
        let experiment = try (policy == .gru ? ExperimentFixture.experiment : ExperimentFixture.contextWindow).get()
        #expect(experiment.configuration.policy == policy)
        for scheme in [CreditScheme.shapley(ShapleyCreditOptions.text.with(units: .text(.tokens))), .abc] {
            let a = try experiment.run(scheme: scheme, seed: 11, steps: 4, batchSize: 6)
            let b = try experiment.run(scheme: scheme, seed: 11, steps: 4, batchSize: 6)
            #expect(a.points == b.points)
            #expect(a.finalEvaluation == b.finalEvaluation)
            let c = try experiment.run(scheme: scheme, seed: 12, steps: 4, batchSize: 6)
            #expect(a.points != c.points)
        }
    }

    /// Both reference policies are real fits: their held-out negative log-likelihood per word is
    /// far below the uniform policy's log(301) = 5.71, and the GRU's is below the context-window
    /// model's (measured: 3.34 against 3.43 nats).
    @Test func referencePoliciesFitHeldOutText() throws {
        let gru = try ExperimentFixture.experiment.get()
        let contextWindow = try ExperimentFixture.contextWindow.get()
        #expect(gru.vocabulary.symbolCount == 301)
        #expect(contextWindow.referenceHeldOutLoss < 4.0)
        #expect(gru.referenceHeldOutLoss < contextWindow.referenceHeldOutLoss - 0.05)
    }

    /// 30 steps of 16 episodes under sparse reward raise the evaluation reward (128 fixed
    /// prompts, the same evaluation stream for pi_ref and the trained policy, so an unchanged
    /// policy would gain exactly 0) by more than 0.1, about two standard errors of a 128-episode
    /// mean of VADER scores (sd about 0.4). Measured in release builds with the default
    /// configurations: the GRU's seed 0 gains 0.37, seeds 0..9 gained 0.22 to 0.37 (mean 0.28) over
    /// pi_ref's 0.16 to 0.22; the context-window policy's seed 0 gains 0.17, seeds 0..9 gained
    /// 0.10 to 0.26 (mean 0.19) over 0.15 to 0.20.
    @Test(arguments: [SentimentRLExperiment.Configuration.Policy.gru, .contextWindow])
    func shortRunImprovesReward(policy: SentimentRLExperiment.Configuration.Policy) throws {
        let experiment = try (policy == .gru ? ExperimentFixture.experiment : ExperimentFixture.contextWindow).get()
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

import Foundation
import Shapley
import Statistics
import Tasks
import Testing
@testable import Learning

/// A hand-checkable action task: content actions 0, 1, 2 (each at most once; 2 is legal only
/// after 1) and stop (3); the episode also ends after three content actions. The reward of a
/// response is 0.2 + 0.5 [0 taken] + 0.5 [1 and 2 taken].
struct ToyActionTask: ActionTask {
    var taken: [Int] = []
    var stopped = false

    var policyFeatureCount: Int { 4 }
    var valueFeatureCount: Int { 1 }
    var stopAction: Int { 3 }

    mutating func reset(episode: Int) throws {
        taken = []
        stopped = false
    }

    var legalActions: [Int] {
        guard !stopped, taken.count < 3 else { return [] }
        return [0, 1, 2].filter { !taken.contains($0) && ($0 != 2 || taken.contains(1)) } + [3]
    }

    func actionFeatures(_ actions: [Int]) -> [[Double]] {
        actions.map { a in (0..<4).map { $0 == a ? 1.0 : 0.0 } }
    }

    func stateFeatures() -> [Double] { [1] }

    mutating func take(_ action: Int) throws -> Bool {
        if action == 3 { stopped = true } else { taken.append(action) }
        return legalActions.isEmpty
    }

    func currentReward() throws -> Double {
        0.2 + (taken.contains(0) ? 0.5 : 0) + (taken.contains(1) && taken.contains(2) ? 0.5 : 0)
    }
}

@Suite("ActionTasks")
struct ActionTaskTests {
    @Test("Action game by hand: episode 1, 2, 0 has v(N) = 1.2, v(empty) = 0.2; action 2 without 1 is skipped")
    func actionGameValues() throws {
        let game = ActionSubsetGame(task: ToyActionTask(), episode: 0, actions: [1, 2, 0])
        #expect(try game.value(of: game.grandCoalition) == 1.2)
        #expect(try game.value(of: .empty) == 0.2)
        #expect(try game.value(of: Coalition(rawValue: 0b010)) == 0.2)  // action 2 alone: illegal, skipped
        #expect(try game.value(of: Coalition(rawValue: 0b011)) == 0.7)
        #expect(try game.value(of: Coalition(rawValue: 0b100)) == 0.7)
    }

    /// v(S) = 0.2 + 0.5 [p2 in S] + 0.5 [p0, p1 in S]: p2 is additive (Shapley 0.5), p0 and p1
    /// share a unanimity game of worth 0.5 (0.25 each); v(empty) / T = 0.2 / 4 on each of the
    /// four steps (three actions and stop).
    @Test("SCAR per-step rewards of the toy episode, hand-derived: 0.3, 0.3, 0.55, 0.05")
    func scarRewardsByHand() throws {
        let game = ActionSubsetGame(task: ToyActionTask(), episode: 0, actions: [1, 2, 0])
        let rewards = try CreditScheme.shapley(.actions).unitRewards(
            game, stepOfPlayer: [0, 1, 2], stepCount: 4, partition: { throw GameError.invalidGame("none") },
            random: RandomStream(seed: 1))
        for (r, expected) in zip(rewards, [0.3, 0.3, 0.55, 0.05]) { #expect(abs(r - expected) < 1e-12) }
        let sparse = try CreditScheme.sparse.unitRewards(
            game, stepOfPlayer: [0, 1, 2], stepCount: 4, partition: { throw GameError.invalidGame("none") },
            random: RandomStream(seed: 1))
        #expect(sparse == [0, 0, 0, 1.2])
        let empty = ActionSubsetGame(task: ToyActionTask(), episode: 0, actions: [])
        let stopOnly = try CreditScheme.shapley(.actions).unitRewards(empty, stepOfPlayer: [], stepCount: 1,
                                                         partition: { throw GameError.invalidGame("none") }, random: RandomStream(seed: 1))
        #expect(stopOnly == [0.2])
    }

    @Test("d log pi / d theta of the linear action policy matches finite differences")
    func linearPolicyGradient() {
        let random = RandomStream(seed: 3)
        let features = (0..<5).map { _ in (0..<4).map { _ in random.normal() } }
        var policy = LinearActionPolicy(featureCount: 4)
        for k in policy.weights.indices { policy.weights[k] = random.normal() }
        for action in 0..<5 {
            var analytic = [Double](repeating: 0, count: 4)
            policy.accumulateGradient(features: features, action: action, distribution: policy.distribution(features),
                                      coefficient: 1, into: &analytic)
            LearningGradientTests.check(policy.weights, analytic: analytic) { weights in
                var p = policy
                p.weights = weights
                return p.distribution(features).logProbability(action)
            }
        }
    }

    @Test("PPO on the toy task: same seed, same curve; the trained policy beats the uniform one under sparse and SCAR")
    func experimentLearnsAndRepeats() throws {
        let experiment = try ActionTaskExperiment(task: ToyActionTask(), trainingEpisodes: [0], evaluationEpisodes: [1])
        let start = try experiment.referenceEvaluation(seed: 5)
        for scheme in [CreditScheme.sparse, .shapley(.actions)] {
            let first = try experiment.run(scheme: scheme, seed: 5, steps: 40, batchSize: 16)
            let again = try experiment.run(scheme: scheme, seed: 5, steps: 40, batchSize: 16)
            #expect(first.points == again.points && first.finalEvaluation == again.finalEvaluation)
            // The optimum is 1.2 (take all three actions); the uniform policy averages well below 1.
            #expect(start < 0.9)
            #expect(first.finalEvaluation > start + 0.15, "\(scheme): \(start) -> \(first.finalEvaluation)")
        }
    }

    @Test("Action tasks: training points bit-identical for evaluation intervals 1 and 7; the series ends at the final evaluation")
    func actionEvaluationInterval() throws {
        var everySevenSteps = ActionTaskExperiment<ToyActionTask>.Configuration()
        everySevenSteps.evaluationInterval = 7
        let everyStep = try ActionTaskExperiment(task: ToyActionTask(), trainingEpisodes: [0], evaluationEpisodes: [1])
        let everySeven = try ActionTaskExperiment(task: ToyActionTask(), trainingEpisodes: [0], evaluationEpisodes: [1], configuration: everySevenSteps)
        let a = try everyStep.run(scheme: .sparse, seed: 2, steps: 10, batchSize: 8)
        let b = try everySeven.run(scheme: .sparse, seed: 2, steps: 10, batchSize: 8)
        #expect(a.points == b.points)
        #expect(a.evaluations.map(\.step) == Array(0...10) && b.evaluations.map(\.step) == [0, 7, 10])
        #expect(b.evaluations.allSatisfy { e in a.evaluations[e.step] == e })
        let start = try everyStep.referenceEvaluation(seed: 2)
        #expect(a.finalEvaluation == a.evaluations.last!.meanReward && a.evaluations[0].meanReward == start)
    }

    @Test("Summarization as an action task: the replayed full episode scores the episode's reward")
    func summarizationReplay() throws {
        let article = try BBCCorpus.parse(id: "toy/001", article: "Cats purr\n\nCats sleep.\nDogs bark loudly.\n\nBirds sing.\n",
                                          summary: "Cats sleep.\nBirds sing.\n")
        var environment = try ExtractiveSummaryEnvironment(articles: [article], maxSentences: 2)
        try environment.reset(episode: 0)
        #expect(environment.actionFeatures(environment.legalActions).allSatisfy { $0.count == environment.policyFeatureCount })
        _ = try environment.take(.append(2))
        let done = try environment.take(.append(0))
        #expect(done)
        let game = ActionSubsetGame(task: environment, episode: 0, actions: [.append(2), .append(0)])
        #expect(try game.value(of: game.grandCoalition) == environment.currentReward())
        #expect(try game.value(of: .empty) == 0)
    }
}

import Foundation
import Shapley
import Statistics
import Testing
@testable import Harness
@testable import Learning

/// C2b's learning comparison: PPO on the token MDP, its credit, its exact measures and its verdict path.
@Suite("TokenMDPLearning")
struct TokenMDPLearningTests {
    static let learning = TokenMDPLearning(tables: 0, seedsPerModel: 1, steps: 200, batchSize: 32,
                                           ppo: PPOSettings(klCoefficient: 0, policyLearningRate: 0.05))

    /// V = 4, T = 3 with R(y) = 1 for y = "2 0 3" and 0 for every other sequence of any length.
    static var needle: TokenMDP { TokenMDP(vocabularySize: 4, horizon: 3) { $0 == [2, 0, 3] ? 1 : 0 } }

    /// Draws of mean + sd * N(0, 1), one per model, from a seeded stream.
    static func normal(_ n: Int, mean: Double, sd: Double, stream: UInt64) -> [Double] {
        let random = RandomStream(seed: 7, stream: stream)
        return (0..<n).map { _ in mean + sd * random.normal() }
    }

    @Test("Tabular features by hand: 21 decision prefixes, prefix 'w1 w2' is row 1 + 4 + 4 w1 + w2, and pi = 0 is uniform over the 64 sequences")
    func tabularFeatures() throws {
        var task = TokenMDPTask(mdp: Self.needle)
        #expect(task.decisionPrefixCount == 21 && task.policyFeatureCount == 84 && task.valueFeatureCount == 21)
        try task.reset(episode: 0)
        #expect(task.prefixIndex == 0 && task.legalActions == [0, 1, 2, 3])
        _ = try task.take(2)
        #expect(task.prefixIndex == 1 + 2)
        #expect(try !task.take(0))
        #expect(task.prefixIndex == 5 + 4 * 2 + 0)
        #expect(task.stateFeatures().firstIndex(of: 1) == 13 && task.actionFeatures([3])[0].firstIndex(of: 1) == 13 * 4 + 3)
        #expect(try task.take(3) && task.legalActions.isEmpty && task.currentReward() == 1)
        let uniform = task.sequenceProbabilities(LinearActionPolicy(featureCount: 84))
        #expect(uniform.count == 64 && uniform.values.allSatisfy { abs($0 - 1.0 / 64) < 1e-15 })
    }

    /// R(y) = 0.3 + (number of 0s in y) on every sequence, so v(S) = 0.3 + #{i in S: y_i = 0} is
    /// additive: phi_t = [y_t = 0], and SCAR's step reward is [y_t = 0] + 0.3 / 3.
    @Test("The credit PPO trains on equals CreditScheme's over the MDP's game and, on an additive table, the hand-derived [y_t = 0] + 0.1")
    func creditIsTheSchemes() throws {
        let mdp = TokenMDP(vocabularySize: 4, horizon: 3) { y in 0.3 + Double(y.filter { $0 == 0 }.count) }
        let experiment = try ActionTaskExperiment(task: TokenMDPTask(mdp: mdp), trainingEpisodes: [0], evaluationEpisodes: [0])
        let random = RandomStream(seed: 5)
        var seen = Set<[Int]>()
        for _ in 0..<200 {
            let episode = try experiment.rollout(LinearActionPolicy(featureCount: 84), episode: 0, random: random)
            let y = episode.contentActions
            seen.insert(y)
            #expect(episode.contentSteps == [0, 1, 2] && abs(episode.reward - (0.3 + Double(y.filter { $0 == 0 }.count))) < 1e-12)
            let scar = try ActionPPOLearner(experiment: experiment, scheme: TokenRewardScheme.shapley.creditScheme!).credit(episode, random: random)
            let expected = y.map { ($0 == 0 ? 1 : 0) + 0.1 }
            #expect(zip(scar.rewards, expected).allSatisfy { abs($0 - $1) < 1e-12 })
            #expect(scar.rewards == (try TokenRewardScheme.shapley.rewards(y, in: mdp)))
            let sparse = try ActionPPOLearner(experiment: experiment, scheme: TokenRewardScheme.sparse.creditScheme!).credit(episode, random: random)
            #expect(sparse.rewards == [0, 0, episode.reward])
            #expect(sparse.rewards == (try TokenRewardScheme.sparse.rewards(y, in: mdp)))
        }
        #expect(seen.count > 40)
    }

    /// The needle: v(S) = 1 only for S = N of "2 0 3" (a unanimity game, SCAR credit 1/3 per
    /// step), 0 for every other sequence, so under both schemes only "2 0 3" is rewarded and the
    /// optimum is unique; from the uniform start a batch of 32 finds it with probability
    /// 1 - (63/64)^32 = 0.39.
    @Test("PPO on the needle table: both schemes end on '2 0 3' (greedy optimal, P(optimal) > 0.9, normalised reward > 0.9)")
    func needleIsFound() throws {
        let model = try TokenMDPLearning.SolvedModel(Self.needle)
        #expect(model.best == 1 && abs(model.untrained - 1.0 / 64) < 1e-15 && model.rewardToGo == [2, 0, 3])
        for scheme in TokenMDPLearning.schemes {
            let outcome = try Self.learning.outcome(model, model: 0, seed: 0, scheme: scheme, runSeed: 3)
            #expect(outcome.greedyIsOptimal && outcome.greedyIsRewardToGo && outcome.rewardToGoIsOptimal)
            #expect(outcome.optimalProbability > 0.9 && outcome.normalisedReward > 0.9)
            #expect(abs(outcome.expectedReward - outcome.optimalProbability) < 1e-12)
            #expect(outcome.curve.values.count == 200 && outcome.curve.values.last! > 0.8)
        }
    }

    @Test("Runs are paired and repeatable: the same outcomes at 1 and 2 jobs, each model's schemes from one run seed")
    func runsAreRepeatable() throws {
        var small = Self.learning
        small.steps = 5
        small.seedsPerModel = 2
        let models = [Self.needle, TokenMDP(vocabularySize: 4, horizon: 3) { Double($0.first ?? 0) }]
        let serial = try small.run(models, seed: 9, jobs: 1), parallel = try small.run(models, seed: 9, jobs: 2)
        #expect(serial.count == 8 && serial.map(\.normalisedReward) == parallel.map(\.normalisedReward))
        #expect(serial.map { "\($0.model)/\($0.seed)/\($0.scheme)" } == parallel.map { "\($0.model)/\($0.seed)/\($0.scheme)" })
        #expect(TokenMDPLearning.runSeed(9, model: 1, s: 1) == 9 << 32 | 1 << 16 | 1)
    }

    @Test("C2b's verdict path: sparse clearly better is not supported, equal within noise over many models is supported, few noisy models are inconclusive")
    func verdictPath() throws {
        let stream = RandomStream(seed: 1)
        let verdict = { (scar: [Double], sparse: [Double]) in
            Harness.Verdict(try TokenMDPLearning.test(scar: scar, sparse: sparse, stream: stream).decision.verdict)
        }
        let sparse = Self.normal(50, mean: 0.95, sd: 0.03, stream: 1), noise = Self.normal(50, mean: 0, sd: 0.02, stream: 2)
        // SCAR 0.25 below sparse on every model: the interval lies far below -0.05.
        #expect(try verdict(zip(sparse, noise).map { $0 - 0.25 + $1 }, sparse) == .notSupported)
        // The same rewards up to noise sd 0.02 on 50 models: the paired difference's 90% interval is
        // about +-0.005, well inside +-0.05.
        #expect(try verdict(zip(sparse, noise).map { $0 + $1 }, sparse) == .supported)
        // Three models with paired differences of sd 0.2: neither shown.
        #expect(try verdict([0.9, 0.5, 0.8], [0.6, 0.7, 0.75]) == .inconclusive)
        let test = try TokenMDPLearning.test(scar: zip(sparse, noise).map { $0 + $1 }, sparse: sparse, stream: stream)
        #expect(test.rule == .equivalence && test.margin == 0.05 && test.comparison.design == .paired)
    }

    /// The C2 claims as the claims run makes them (its seed, stream and sizes), printed as their
    /// paper-check sections; quick size (seconds), or full size (minutes) with CREDITBENCH_FULL_C2=1.
    @Test("C2 at the claims run's size: C2a exact, C2b decided by its one equivalence test, backward induction a measurement")
    func claimsRunSize() throws {
        let settings = ClaimsSettings(quick: ProcessInfo.processInfo.environment["CREDITBENCH_FULL_C2"] == nil, jobs: OrderedParallel.machineCores)
        let clock = ContinuousClock(), start = clock.now
        let claims = try PolicyInvarianceClaim.check(tables: settings.invarianceTables, seed: settings.seed, learning: settings.invarianceLearning,
                                                     jobs: settings.jobs, stream: RandomStream(seed: settings.seed, stream: 0xC1A1).substream(2))
        let seconds = (clock.now - start).seconds
        #expect(claims.map(\.id) == ["C2a", "C2b"] && claims[0].verdict == .supported)
        let learner = claims[1]
        #expect(learner.exactChecks.isEmpty && learner.tests.count == 1 && learner.tests[0].rule == .equivalence)
        let comparison = learner.tests[0].comparison
        #expect(comparison.a.count == 1 + settings.invarianceLearning.tables && comparison.design == .paired)
        #expect(learner.measurements.contains { $0.name.contains("backward induction under SCAR picks a suboptimal sequence") })
        print(PaperCheckDocument.section(claims[1]))
        print("C2 (\(settings.quick ? "quick" : "full")): \(PaperCheckDocument.format(seconds)) s wall on \(settings.jobs) jobs")
    }
}

import Foundation
import Shapley
import Statistics
import Testing
@testable import Learning

/// A toy set task: 6 items with one-hot features, no user features that matter (one constant
/// context), the best-candidate game whose relevance is 1 for item 0 and 0 otherwise.
struct ToySetTask: GRPOSetTask {
    let setSize = 2
    let contextFeatureCount = 1
    let itemFeatures: [[Double]] = (0..<6).map { i in (0..<6).map { $0 == i ? 1.0 : 0.0 } }
    func context(user: Int) throws -> [Double] { [1] }
    func game(user: Int, items: [Int]) throws -> any CooperativeGame {
        MaxGame(scores: items.map { $0 == 0 ? 1.0 : 0.0 })
    }
}

@Suite("SetPolicy")
struct SetPolicyTests {
    static let items: [[Double]] = [[1, 0.5], [0, 1], [-1, 2], [0.3, -0.7]]

    static func policy() -> SetPolicy {
        var policy = SetPolicy(contextFeatureCount: 2, itemFeatureCount: 2)
        policy.weights = [0.2, -0.1, 0.4, 0.3, -0.5, 0.7]
        return policy
    }

    @Test("A zero policy is uniform: every ordered pair of 4 items has probability 1/(4*3)")
    func uniformStart() {
        let policy = SetPolicy(contextFeatureCount: 2, itemFeatureCount: 2)
        #expect(abs(policy.logProbability(of: [2, 0], context: [1, 1], items: Self.items) - log(1.0 / 12)) < 1e-12)
    }

    @Test("The sampled set's log-probability equals logProbability(of:)")
    func sampleLogProbability() {
        let policy = Self.policy()
        let random = RandomStream(seed: 3)
        for _ in 0..<20 {
            let sample = policy.sample(context: [0.5, -1], items: Self.items, setSize: 3, random: random)
            #expect(Set(sample.items).count == 3)
            #expect(abs(sample.logProbability - policy.logProbability(of: sample.items, context: [0.5, -1], items: Self.items)) < 1e-12)
        }
    }

    @Test("The policy gradient with unit advantages matches central finite differences of log pi(set)")
    func gradientMatchesFiniteDifferences() {
        let policy = Self.policy()
        let context = [0.5, -1.0]
        let sample = policy.sample(context: context, items: Self.items, setSize: 3, random: RandomStream(seed: 9))
        let analytic = policy.gradient(context: context, sample: sample, advantages: [1, 1, 1])
        for i in policy.weights.indices {
            var plus = policy, minus = policy
            plus.weights[i] += 1e-6
            minus.weights[i] -= 1e-6
            let numeric = (plus.logProbability(of: sample.items, context: context, items: Self.items)
                - minus.logProbability(of: sample.items, context: context, items: Self.items)) / 2e-6
            #expect(abs(numeric - analytic[i]) < 1e-6)
        }
    }

    @Test("Advantages, hand-derived: GRPO shares the standardised set reward, ShapE standardises the G K Shapley values")
    func advantages() {
        // Rewards 1 and 3: mean 2, sample sd sqrt(2); Shapley values [1, 0] and [2, 1]: mean 1,
        // sample sd sqrt(2/3).
        let grpo = SetCredit.grpo.advantages(rewards: [1, 3], values: [[1, 1], [3, 3]])
        let z = 1 / (2.0.squareRoot() + 1e-4)
        #expect(grpo.count == 2 && grpo[0] == [-z, -z] && grpo[1] == [z, z])
        let shape = SetCredit.shapeGRPO.advantages(rewards: [1, 3], values: [[1, 0], [2, 1]])
        let w = 1 / ((2.0 / 3).squareRoot() + 1e-4)
        #expect(shape == [[0, -w], [w, 0]])
        #expect(SetCredit.grpo.advantages(rewards: [2, 2], values: [[2, 2], [2, 2]]) == [[0, 0], [0, 0]])
        // The set-scaled reading: K phi = [[2, 0], [4, 2]] against the rewards' mean 2 and sample
        // sd sqrt(2).
        let scaled = SetCredit.shapeGRPOSetScaled.advantages(rewards: [1, 3], values: [[1, 0], [2, 1]])
        #expect(scaled == [[0, -2 * z], [2 * z, 0]])
    }

    @Test("Per-candidate values, hand-derived on the best-candidate game with utilities 0.2, 0.9, 0.5")
    func candidateValues() throws {
        let game = MaxGame(scores: [0.2, 0.9, 0.5])
        // Shapley (airport game, ascending 0.2 < 0.5 < 0.9): 0.2/3 for all three, then the 0.3 step
        // shared by the two at or above 0.5, then the 0.4 step for the best alone.
        let shapley = [0.2 / 3, 0.2 / 3 + 0.3 / 2 + 0.4, 0.2 / 3 + 0.3 / 2]
        let expected: [SetCredit: [Double]] = [
            .grpo: [0.9, 0.9, 0.9], .shapeGRPO: shapley, .shapeGRPOSetScaled: shapley,
            .winnerTakesAll: [0, 0.9, 0], .ownUtility: [0.2, 0.9, 0.5],
            // v(N) - v(N \ {k}): only removing the best lowers the maximum, to 0.5.
            .leaveOneOut: [0, 0.4, 0],
        ]
        for credit in SetCredit.allCases {
            let (reward, values) = try credit.values(of: game)
            #expect(reward == 0.9)
            #expect(zip(values, expected[credit]!).allSatisfy { abs($0 - $1) < 1e-12 }, "\(credit.rawValue): \(values)")
        }
        // Tied winners share the set reward.
        #expect(try SetCredit.winnerTakesAll.values(of: MaxGame(scores: [0.7, 0.3, 0.7])).values == [0.35, 0, 0.35])
    }

    @Test("Re-scoring a sampled set under the same weights gives back its log-probabilities and gradients bit for bit")
    func rescoringIsExact() {
        let policy = Self.policy()
        let sample = policy.sample(context: [0.5, -1], items: Self.items, setSize: 3, random: RandomStream(seed: 5))
        let again = policy.rescored(sample.items, context: [0.5, -1], items: Self.items)
        #expect(again.positionLogProbabilities == sample.positionLogProbabilities)
        #expect(again.itemGradients == sample.itemGradients)
    }

    @Test("GRPO's clipped, KL-penalised objective: its gradient matches central finite differences (ratios away from 1, some clipped)")
    func objectiveGradient() {
        let old = Self.policy()
        var policy = old
        policy.weights = policy.weights.enumerated().map { $1 + 0.15 * Double($0 % 3 - 1) }
        let reference = SetPolicy(contextFeatureCount: 2, itemFeatureCount: 2)
        let random = RandomStream(seed: 11)
        let batch = (0..<6).map { i in
            let context = [0.3 * Double(i) - 0.5, 1.0 - 0.2 * Double(i)]
            let sample = old.sample(context: context, items: Self.items, setSize: 3, random: random)
            return GRPOSetSample(context: context, old: sample, advantages: [1.2, -0.7, 0.4].map { $0 * Double(i % 2 == 0 ? 1 : -1) },
                                 referenceLogProbabilities: reference.rescored(sample.items, context: context, items: Self.items).positionLogProbabilities)
        }
        for clip in [0.05, 10.0] {
            var configuration = GRPOSetConfiguration()
            configuration.clipRange = clip
            configuration.klCoefficient = 0.3
            let analytic = GRPOSetTrainer.objective(policy, batch: batch, items: Self.items, configuration: configuration).gradient
            for i in policy.weights.indices {
                var plus = policy, minus = policy
                plus.weights[i] += 1e-6
                minus.weights[i] -= 1e-6
                let numeric = (GRPOSetTrainer.objective(plus, batch: batch, items: Self.items, configuration: configuration).objective
                    - GRPOSetTrainer.objective(minus, batch: batch, items: Self.items, configuration: configuration).objective) / 2e-6
                #expect(abs(numeric - analytic[i]) < 1e-5, "clip \(clip), weight \(i)")
            }
        }
    }

    @Test("With one update epoch and no KL term, the objective's gradient at pi_old is the plain policy gradient sum A log p")
    func firstPassIsThePolicyGradient() {
        let policy = Self.policy()
        let sample = policy.sample(context: [0.5, -1], items: Self.items, setSize: 3, random: RandomStream(seed: 2))
        var configuration = GRPOSetConfiguration()
        configuration.klCoefficient = 0
        let set = GRPOSetSample(context: [0.5, -1], old: sample, advantages: [0.5, -1, 2], referenceLogProbabilities: [0, 0, 0])
        let gradient = GRPOSetTrainer.objective(policy, batch: [set], items: Self.items, configuration: configuration).gradient
        #expect(gradient == policy.gradient(context: [0.5, -1], sample: sample, advantages: [0.5, -1, 2]))
    }

    @Test("Every set credit learns to include the one relevant item of a toy catalog")
    func trainingImproves() throws {
        var configuration = GRPOSetConfiguration()
        configuration.steps = 60
        configuration.usersPerStep = 2
        configuration.evaluationInterval = 20
        configuration.evaluationSamples = 50
        for credit in SetCredit.allCases {
            let curve = try GRPOSetTrainer.train(task: ToySetTask(), credit: credit, trainingUsers: [0], evaluationUsers: [1],
                                                 configuration: configuration, seed: 1)
            #expect(curve.steps == [0, 20, 40, 60])
            // A uniform pair of 6 contains item 0 with probability 1/3; training must raise it clearly.
            #expect(curve.meanReward[0] < 0.5)
            #expect(curve.meanReward.last! > 0.8)
            // The policy starts as the reference (KL exactly 0) and moves away from it.
            #expect(curve.meanKL.first == 0 && curve.meanKL.last! > 0)
        }
    }
}

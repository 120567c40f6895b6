import Learning
import Statistics

/// C2b's learning comparison: PPO trained on exactly solvable token MDPs under sparse and under
/// SCAR credit, measured exactly at the end, and the test that decides C2b from it.
///
/// **Runs.** For each reward model m (the first `tables` random tables of C2a and VADER) and each
/// seed s < `seedsPerModel`, one run per scheme, sparse and SCAR (`TokenRewardScheme.creditScheme`:
/// exact Shapley values + v(empty)/T, alpha 1), of `ActionTaskExperiment` over `TokenMDPTask`:
/// the project's one PPO loop (`PPOTrainer`), a tabular softmax policy starting at the uniform
/// pi_ref, a value table over the decision prefixes, credit from `CreditScheme.unitRewards` of the
/// MDP's action game; `steps` PPO steps of `batchSize` episodes with `ppo`'s settings. Both schemes
/// of (m, s) train from the same run seed (`runSeed`), so they draw the same step-0 batch: paired.
///
/// **Measured at the end**, exactly, by enumerating the V^T complete sequences y under the final
/// policy pi:
/// - E_pi[R] = sum over y of pi(y) R(y), and its normalised value
///   n = (E_pi[R] - mean_y R(y)) / (max_y R(y) - mean_y R(y)): 0 for the untrained (uniform)
///   policy, 1 for an optimal one, so 0.05 is 5% of the gap from the untrained policy to the optimum;
/// - P_pi(optimal) = sum of pi(y) over the y with R(y) >= max R - 1e-9;
/// - whether the greedy sequence (`TokenMDPTask.greedySequence`) is optimal, and whether it is the
///   sequence that reward-to-go backward induction under SCAR rewards picks
///   (`TokenMDP.rewardToGoSequence`).
/// The curve of each run is its normalised training-batch reward per step, for the `PlateauCheck`.
///
/// **Cost.** 2 x models x seeds runs of steps x batchSize episodes of T steps; SCAR's exact credit
/// costs 2^T value calls per episode, sparse's 1.
struct TokenMDPLearning: Sendable {
    /// Random tables learned on (the first of C2a's), besides VADER.
    var tables: Int
    var seedsPerModel: Int
    var steps: Int
    var batchSize: Int
    var ppo: PPOSettings

    /// The schemes compared: A = SCAR (the method the paper favours), B = sparse.
    static let schemes: [TokenRewardScheme] = [.shapley, .sparse]

    /// One run's final measures.
    struct Outcome {
        var model: Int
        var seed: Int
        var scheme: TokenRewardScheme
        var expectedReward: Double
        var normalisedReward: Double
        var optimalProbability: Double
        var greedyIsOptimal: Bool
        var greedyIsRewardToGo: Bool
        /// Whether reward-to-go backward induction under SCAR picks an optimal sequence on this model.
        var rewardToGoIsOptimal: Bool
        var curve: CurveRun
    }

    /// What the measures need of one reward model: R of each complete sequence, and the sequence
    /// reward-to-go backward induction picks under SCAR rewards.
    /// Sums run over `complete` in its lexicographic order, so that every run rounds alike.
    struct SolvedModel {
        let mdp: TokenMDP
        let complete: [[Int]]
        let returns: [[Int]: Double]
        let rewardToGo: [Int]

        init(_ mdp: TokenMDP) throws {
            self.mdp = mdp
            complete = mdp.sequences(length: mdp.horizon)
            returns = Dictionary(uniqueKeysWithValues: try complete.map { ($0, try mdp.reward($0)) })
            rewardToGo = mdp.rewardToGoSequence(rewards: Dictionary(uniqueKeysWithValues: try complete.map {
                ($0, try TokenRewardScheme.shapley.rewards($0, in: mdp))
            }))
        }

        var best: Double { returns.values.max()! }
        /// The uniform policy's expected reward.
        var untrained: Double { Descriptive.meanOrNaN(complete.map { returns[$0]! }) }
        /// sum over y of p(y) R(y), for `p` over the complete sequences.
        func expectation(_ p: [[Int]: Double]) -> Double { complete.reduce(0) { $0 + p[$1]! * returns[$1]! } }
        /// sum of p(y) over the optimal y.
        func optimalMass(_ p: [[Int]: Double]) -> Double { complete.filter(isOptimal).reduce(0) { $0 + p[$1]! } }
        func normalised(_ reward: Double) -> Double { (reward - untrained) / (best - untrained) }
        func isOptimal(_ y: [Int]) -> Bool { returns[y]! >= best - 1e-9 }
    }

    /// The run seed of model `model`'s seed `s`, shared by the schemes: seed * 2^32 + model * 2^16 + s.
    static func runSeed(_ seed: UInt64, model: Int, s: Int) -> UInt64 {
        seed << 32 | UInt64(model) << 16 | UInt64(s)
    }

    /// Every run over `models` (VADER first, then the tables), `jobs` at a time (the outcomes do
    /// not depend on `jobs`), in the order model, seed, scheme.
    func run(_ models: [TokenMDP], seed: UInt64, jobs: Int) throws -> [Outcome] {
        let solved = try models.map(SolvedModel.init)
        let schemes = Self.schemes
        var outcomes: [Outcome] = []
        try OrderedParallel.run(count: models.count * seedsPerModel * schemes.count, jobs: jobs, work: { index in
            let (run, schemeIndex) = index.quotientAndRemainder(dividingBy: schemes.count)
            let (model, s) = run.quotientAndRemainder(dividingBy: seedsPerModel)
            return try outcome(solved[model], model: model, seed: s, scheme: schemes[schemeIndex],
                               runSeed: Self.runSeed(seed, model: model, s: s))
        }, emit: { outcomes.append($1) })
        return outcomes
    }

    /// One run of `scheme` on `model`, measured.
    func outcome(_ model: SolvedModel, model index: Int, seed s: Int, scheme: TokenRewardScheme, runSeed: UInt64) throws -> Outcome {
        var configuration = ActionTaskExperiment<TokenMDPTask>.Configuration()
        configuration.ppo = ppo
        let task = TokenMDPTask(mdp: model.mdp)
        let experiment = try ActionTaskExperiment(task: task, trainingEpisodes: [0], evaluationEpisodes: [0], configuration: configuration)
        let (policy, curve) = try experiment.train(scheme: scheme.creditScheme!, seed: runSeed, steps: steps, batchSize: batchSize)
        let probabilities = task.sequenceProbabilities(policy)
        let expected = model.expectation(probabilities)
        let greedy = task.greedySequence(policy)
        return Outcome(
            model: index, seed: s, scheme: scheme, expectedReward: expected, normalisedReward: model.normalised(expected),
            optimalProbability: model.optimalMass(probabilities),
            greedyIsOptimal: model.isOptimal(greedy), greedyIsRewardToGo: greedy == model.rewardToGo,
            rewardToGoIsOptimal: model.isOptimal(model.rewardToGo),
            curve: CurveRun(scheme: scheme.creditScheme!.description, seed: index << 16 | s, steps: curve.points.map(\.step),
                            values: curve.points.map { model.normalised($0.meanReward) }))
    }

    /// C2b's test, fixed before the runs: equivalence (TOST at alpha = 0.05, `ClaimTest`) of SCAR's
    /// (`scar`) and sparse's (`sparse`) final normalised expected reward, one value per reward
    /// model (the mean over its seeds; the models are the units, so the seeds within a model are not
    /// counted as independent), paired by model, margin `ClaimMargins.fraction` = 0.05 (5% of the
    /// gap from the untrained policy to the optimum). Supported: the difference is shown within
    /// +-0.05 (PPO's learner is unaffected in practice); not supported: the 95% interval lies wholly
    /// outside it (one scheme, in practice sparse, learns better by more than the margin); else
    /// inconclusive.
    static func test(scar: [Double], sparse: [Double], stream: RandomStream) throws -> ClaimTest {
        let comparison = try ClaimComparison(
            label: "token MDP: final expected reward (normalised), paired by reward model",
            metric: "normalised expected reward of the final policy", groupA: TokenRewardScheme.shapley.creditScheme!.description,
            groupB: TokenRewardScheme.sparse.creditScheme!.description,
            a: scar.enumerated().map { ($0.offset, $0.element) }, b: sparse.enumerated().map { ($0.offset, $0.element) }, stream: stream)
        return try ClaimTest(comparison, rule: .equivalence, margin: ClaimMargins.fraction,
                             marginBasis: "5% of the gap from the untrained (uniform) policy to the optimum, which is 1 on the normalised scale")
    }

    /// Per scheme, each model's mean over its seeds of `value`, in model order.
    static func perModel(_ outcomes: [Outcome], scheme: TokenRewardScheme, _ value: (Outcome) -> Double) -> [Double] {
        let chosen = outcomes.filter { $0.scheme == scheme }
        return Set(chosen.map(\.model)).sorted().map { model in
            let runs = chosen.filter { $0.model == model }
            return Descriptive.meanOrNaN(runs.map(value))
        }
    }

    /// The settings as a sentence, for the claim's design text.
    var description: String {
        "\(steps) PPO steps of \(batchSize) episodes, beta = \(ppo.klCoefficient), policy learning rate \(ppo.policyLearningRate), value learning rate \(ppo.valueLearningRate), clip \(ppo.clipRange), lambda \(ppo.gaeLambda), \(ppo.epochs) epochs; \(seedsPerModel) seeds per reward model"
    }
}

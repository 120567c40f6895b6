import Foundation
import Learning
import Statistics
import Tasks

/// ShapE-GRPO against GRPO on MovieLens set recommendation (`GRPOSetTrainer`, `MovieLensSetTask`):
/// a linear-softmax Plackett-Luce policy picks K = 5 of the `catalogSize` most-rated movies, the
/// set's reward is the best-candidate utility (the best held-out rating in the set). Users: the
/// eligible users in a fixed seeded order, the first 80% train, the rest evaluate. Each seed trains
/// both schemes from the same initial (uniform) policy and random stream; each finished
/// (scheme, seed) curve is stored in a `CurveStore` and reused on rerun.
///
/// Metrics per seed: area under the learning curve (time-averaged held-out reward), steps until
/// the smoothed curve reaches start + 0.9 (best final - start) (`CurveMetrics.threshold`; runs
/// that never do are censored at the run length), and final reward (mean of the last three
/// evaluations). Both schemes share each seed, so rewards and areas are compared paired
/// (`ClaimComparison`); steps by the restricted mean time (Kaplan-Meier). Margins
/// (`ClaimMargins`): 5% of the gap from the untrained policy to the top rating for rewards and
/// areas, 5% of the run length for steps. C7b needs both metrics (intersection-union).
struct ShapEConvergenceExperiment {
    var configuration = GRPOSetConfiguration()
    var catalogSize = 200
    var setSize = 5
    var seeds = 20
    var seed: UInt64 = 0

    /// What the stored curves depend on besides scheme and seed (for `CurveStore`).
    var storeKey: String {
        let c = configuration
        return "K=\(setSize);catalog=\(catalogSize);G=\(c.groupSize);users=\(c.usersPerStep);steps=\(c.steps);lr=\(c.learningRate);eval=\(c.evaluationInterval)x\(c.evaluationSamples);seed=\(seed)"
    }

    /// The stored-run configuration of `credit` on seed index `s`.
    func configuration(credit: SetCredit, seed s: Int) -> String { "\(storeKey);scheme=\(credit.rawValue);run=\(s)" }

    /// Every (seed, scheme) run, read from `store` or (all under `force`) trained on up to `jobs`
    /// threads and stored as it finishes; the runs do not depend on `jobs`.
    /// The runs of both schemes on every seed, read back from `store` or trained; under a shard
    /// `role` only that shard's runs are trained and none are returned.
    func run(store: CurveStore, jobs: Int = 1, force: Bool = false, role: LearningRunRole = .all,
             progress: (Int) -> Void) throws -> [CurveRun] {
        let recommendation = try RecommendationTask.load()
        let task = try MovieLensSetTask(environment: try RecommendationEnvironment(
            task: recommendation, setSize: setSize, utility: .best, catalogSize: catalogSize))
        var users = recommendation.eligibleUserIDs
        RandomStream(seed: seed, stream: 0x7B).shuffle(&users)
        let trainingCount = users.count * 4 / 5
        let plan = (0..<seeds).flatMap { s in SetCredit.allCases.map { (credit: $0, seed: s) } }
        let configurations = plan.map { configuration(credit: $0.credit, seed: $0.seed) }
        return try ParallelRuns.curves(count: plan.count, role: role, jobs: jobs, force: force, stored: { store.run(configuration: configurations[$0]) }, train: { i in
            let (credit, s) = plan[i]
            let curve = try GRPOSetTrainer.train(
                task: task, credit: credit, trainingUsers: Array(users[..<trainingCount]),
                evaluationUsers: Array(users[trainingCount...]), configuration: configuration,
                seed: RandomStream.derivedSeed(seed, s))
            return CurveRun(scheme: credit.rawValue, seed: s, steps: curve.steps, values: curve.meanReward)
        }, store: { try store.append($1, configuration: configurations[$0]) }, progress: progress) ?? []
    }

    func claims(_ runs: [CurveRun], stream: RandomStream) throws -> [ClaimCheck] {
        let evidence = [
            PaperEvidence("ShapE-GRPO is consistently better than GRPO across data sets, with faster convergence.", source: "papers.md, ShapE-GRPO (arXiv 2603.29871, abstract)"),
            PaperEvidence("GRPO gives every candidate in the set the same reward, so weak candidates free-ride on a strong one; ShapE-GRPO gives each candidate its Shapley value in the set game.", source: "papers.md, ShapE-GRPO"),
        ]
        let threshold = CurveMetrics.threshold(runs)
        let start = CurveMetrics.initialReward(runs)
        let reward = try ClaimMargins.reward(untrained: start, attainable: ClaimMargins.movieLensAttainable)
        let runLength = Double(configuration.steps)
        let steps = ClaimMargins.steps(runLength: runLength)
        let design = "MovieLens latest-small, users with >= 20 ratings (80% train / 20% held-out users, fixed seeded split), relevance = held-out rating; policy: linear-softmax Plackett-Luce over the \(catalogSize) most-rated movies, bilinear in user genre preferences (38) and movie genres + log popularity (20), K = \(setSize); reward = best-candidate utility; GRPO vs ShapE-GRPO (closed-form Shapley values standardised over the group's G K values; GRPO: set reward standardised over the group, shared by its K candidates), G = \(configuration.groupSize) sets per user, \(configuration.usersPerStep) users per step, \(configuration.steps) Adam steps (lr \(configuration.learningRate)), held-out evaluation every \(configuration.evaluationInterval) steps (\(configuration.evaluationSamples) sampled sets per held-out user, common random numbers across schemes); \(seeds) seeds per scheme, both schemes trained on each seed (paired)."
        var convergence = ClaimCheck(id: "C7b", title: "ShapE-GRPO converges faster than GRPO", paper: "ShapE-GRPO",
                                     statement: "ShapE-GRPO converges faster than GRPO.", evidence: evidence,
                                     design: design + " Superiority of ShapE-GRPO on area under the learning curve (paired t, margin \(PaperCheckDocument.format(reward.margin)) = \(reward.basis)) and on steps until the smoothed held-out reward reaches start + 0.9 (best final - start) = \(PaperCheckDocument.format(threshold)) (runs that never reach it censored at the run length; restricted mean time up to the run length, log-rank reported; margin \(PaperCheckDocument.format(steps.margin)) = \(steps.basis)); both needed (intersection-union).")
        var final = ClaimCheck(id: "C7c", title: "ShapE-GRPO ends with a higher reward than GRPO", paper: "ShapE-GRPO",
                               statement: "ShapE-GRPO is consistently better than GRPO (final reward of the set recommender).", evidence: evidence,
                               design: design + " Superiority of ShapE-GRPO on final held-out reward (mean of the last 3 evaluations; paired t; margin \(PaperCheckDocument.format(reward.margin)) = \(reward.basis)).")
        let shape = runs.filter { $0.scheme == SetCredit.shapeGRPO.rawValue }, grpo = runs.filter { $0.scheme == SetCredit.grpo.rawValue }
        func compare(_ metric: String, _ substream: UInt64, _ value: (CurveRun) -> Double) throws -> ClaimComparison {
            try ClaimComparison(label: "shape-grpo vs grpo, \(metric)", metric: metric, groupA: "shape-grpo", groupB: "grpo",
                                a: shape, b: grpo, stream: stream.substream(substream), value)
        }
        convergence.tests = [
            try ClaimTest(compare("area under the curve", 1, CurveMetrics.area), rule: .superiority, margin: reward.margin, marginBasis: reward.basis),
            try ClaimTest(ClaimComparison(label: "shape-grpo vs grpo, steps to threshold", groupA: "shape-grpo", groupB: "grpo",
                                          a: shape, b: grpo, threshold: threshold, horizon: runLength),
                          rule: .superiority, margin: steps.margin, marginBasis: steps.basis),
        ]
        final.tests = [
            try ClaimTest(compare("final reward", 3, CurveMetrics.finalReward), rule: .superiority, margin: reward.margin, marginBasis: reward.basis),
        ]
        let unreached = { (runs: [CurveRun]) in Double(runs.filter { !CurveMetrics.timeToThreshold($0, threshold: threshold).reached }.count) }
        let measurements = [
            Measurement("held-out reward of the untrained (uniform) policy", start, note: "mean over all runs at step 0"),
            Measurement("reward margin", reward.margin, note: reward.basis),
            Measurement("threshold", threshold, note: "start + 0.9 (best final - start)"),
            Measurement("runs that never reached the threshold (censored), shape-grpo", unreached(shape), note: "of \(shape.count)"),
            Measurement("runs that never reached the threshold (censored), grpo", unreached(grpo), note: "of \(grpo.count)"),
        ]
        let plateaus = try [shape, grpo].map { try PlateauCheck($0, tolerance: reward.margin) }
        convergence.measurements = measurements
        final.measurements = measurements + plateaus.map(\.measurement)
        let moving = plateaus.filter { !$0.passes }.map(\.scheme)
        if !moving.isEmpty {
            final.notes = ["Not at convergence: \(moving.joined(separator: " and ")) not shown to have plateaued by the end of the \(configuration.steps) steps (plateau check, tolerance the reward margin), so C7c compares rewards before convergence and also measures speed."]
        }
        return [convergence, final]
    }
}

extension RandomStream {
    /// The training seed of replicate `index` of a run seeded `seed` (distinct replicates get
    /// unrelated streams).
    static func derivedSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        RandomStream(seed: seed, stream: UInt64(index)).substream(0x5EED).stream
    }
}

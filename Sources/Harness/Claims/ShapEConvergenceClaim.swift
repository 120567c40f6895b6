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
/// the smoothed curve reaches start + 0.9 (best final - start) (`CurveMetrics.threshold`), and
/// final reward (mean of the last three evaluations). Margins for "no meaningful advantage":
/// 5% of the learning gain (best final - start) for rewards and areas, 5% of the steps for steps.
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
    func run(store: CurveStore, jobs: Int = 1, force: Bool = false, progress: (Int) -> Void) throws -> [CurveRun] {
        let recommendation = try RecommendationTask.load()
        let task = try MovieLensSetTask(environment: try RecommendationEnvironment(
            task: recommendation, setSize: setSize, utility: .best, catalogSize: catalogSize))
        var users = recommendation.eligibleUserIDs
        RandomStream(seed: seed, stream: 0x7B).shuffle(&users)
        let trainingCount = users.count * 4 / 5
        let plan = (0..<seeds).flatMap { s in SetCredit.allCases.map { (credit: $0, seed: s) } }
        let configurations = plan.map { configuration(credit: $0.credit, seed: $0.seed) }
        return try ParallelRuns.curves(count: plan.count, jobs: jobs, force: force, stored: { store.run(configuration: configurations[$0]) }, train: { i in
            let (credit, s) = plan[i]
            let curve = try GRPOSetTrainer.train(
                task: task, credit: credit, trainingUsers: Array(users[..<trainingCount]),
                evaluationUsers: Array(users[trainingCount...]), configuration: configuration,
                seed: RandomStream.derivedSeed(seed, s))
            return CurveRun(scheme: credit.rawValue, seed: s, steps: curve.steps, values: curve.meanReward)
        }, store: { try store.append($1, configuration: configurations[$0]) }, progress: progress)
    }

    func claims(_ runs: [CurveRun], stream: RandomStream) throws -> [ClaimCheck] {
        let evidence = [
            PaperEvidence("ShapE-GRPO is consistently better than GRPO across data sets, with faster convergence.", source: "papers.md, ShapE-GRPO (arXiv 2603.29871, abstract)"),
            PaperEvidence("GRPO gives every candidate in the set the same reward, so weak candidates free-ride on a strong one; ShapE-GRPO gives each candidate its Shapley value in the set game.", source: "papers.md, ShapE-GRPO"),
        ]
        let threshold = CurveMetrics.threshold(runs)
        let start = CurveMetrics.initialReward(runs)
        let gain = threshold - start  // 0.9 of the learning gain
        let rewardMargin = 0.05 * gain / 0.9
        let stepMargin = 0.05 * Double(configuration.steps)
        let design = "MovieLens latest-small, users with >= 20 ratings (80% train / 20% held-out users, fixed seeded split), relevance = held-out rating; policy: linear-softmax Plackett-Luce over the \(catalogSize) most-rated movies, bilinear in user genre preferences (38) and movie genres + log popularity (20), K = \(setSize); reward = best-candidate utility; GRPO vs ShapE-GRPO (closed-form Shapley values standardised over the group's G K values; GRPO: set reward standardised over the group, shared by its K candidates), G = \(configuration.groupSize) sets per user, \(configuration.usersPerStep) users per step, \(configuration.steps) Adam steps (lr \(configuration.learningRate)), held-out evaluation every \(configuration.evaluationInterval) steps (\(configuration.evaluationSamples) sampled sets per held-out user, common random numbers across schemes); \(seeds) seeds per scheme."
        var convergence = ClaimCheck(id: "C7b", title: "ShapE-GRPO converges faster than GRPO", paper: "ShapE-GRPO",
                                     statement: "ShapE-GRPO converges faster than GRPO.", evidence: evidence,
                                     design: design + " Metrics: area under the learning curve (Welch t) and steps until the smoothed held-out reward reaches start + 0.9 (best final - start) = \(PaperCheckDocument.format(threshold)) (Mann-Whitney U; runs that never reach it are censored one interval past the end). Margins: \(PaperCheckDocument.format(rewardMargin)) reward (5% of the learning gain), \(PaperCheckDocument.format(stepMargin)) steps.")
        var final = ClaimCheck(id: "C7c", title: "ShapE-GRPO ends with a higher reward than GRPO", paper: "ShapE-GRPO",
                               statement: "ShapE-GRPO is consistently better than GRPO (final reward of the set recommender).", evidence: evidence,
                               design: design + " Metric: final held-out reward (mean of the last 3 evaluations), Welch t; margin \(PaperCheckDocument.format(rewardMargin)) (5% of the learning gain).")
        let shape = runs.filter { $0.scheme == SetCredit.shapeGRPO.rawValue }, grpo = runs.filter { $0.scheme == SetCredit.grpo.rawValue }
        convergence.comparisons = [
            try ClaimComparison(label: "C7b area", metric: "area under the curve", groupA: "shape-grpo", groupB: "grpo",
                                hypothesis: .better(margin: rewardMargin), a: shape.map(CurveMetrics.area), b: grpo.map(CurveMetrics.area),
                                stream: stream.substream(1)),
            try ClaimComparison(label: "C7b steps", metric: "minus steps to threshold", groupA: "shape-grpo", groupB: "grpo",
                                hypothesis: .better(margin: stepMargin), test: .mannWhitney,
                                a: shape.map { -CurveMetrics.stepsToThreshold($0, threshold: threshold) },
                                b: grpo.map { -CurveMetrics.stepsToThreshold($0, threshold: threshold) }, stream: stream.substream(2)),
        ]
        final.comparisons = [
            try ClaimComparison(label: "C7c final", metric: "final reward", groupA: "shape-grpo", groupB: "grpo",
                                hypothesis: .better(margin: rewardMargin), a: shape.map(CurveMetrics.finalReward),
                                b: grpo.map(CurveMetrics.finalReward), stream: stream.substream(3)),
        ]
        let measurements = [
            Measurement("held-out reward of the untrained (uniform) policy", start, note: "mean over all runs at step 0"),
            Measurement("threshold", threshold, note: "start + 0.9 (best final - start)"),
            Measurement("runs that never reached the threshold, shape-grpo / grpo",
                        Double(shape.filter { CurveMetrics.stepsToThreshold($0, threshold: threshold) > Double(configuration.steps) }.count),
                        note: "grpo: \(grpo.filter { CurveMetrics.stepsToThreshold($0, threshold: threshold) > Double(configuration.steps) }.count)"),
        ]
        convergence.measurements = measurements
        final.measurements = measurements
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

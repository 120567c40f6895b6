import Statistics

/// One training run's learning curve: the mean reward at each of its steps (a SCAR learner's
/// training batches, GRPO's held-out evaluations), the KL to pi_ref at each of those steps where
/// the learner measures it, the held-out evaluation series, plus per-run totals (e.g.
/// reward-model calls) by name.
public struct CurveRun: Sendable, Equatable {
    public var scheme: String
    public var seed: Int
    public var steps: [Int]
    /// Per step of `steps`: SCAR learners, the mean reward of the step's training batch
    /// (`LearningCurve.Point.meanReward`); GRPO, the held-out evaluation there (the same as
    /// `evaluations`).
    public var values: [Double]
    /// Per step of `steps`, the KL(pi || pi_ref): SCAR learners, the mean exact KL of the step's
    /// batch (`LearningCurve.Point.meanExactKL`); GRPO, the held-out estimate of the set policy's
    /// KL to the uniform reference (`GRPOSetCurve.meanKL`); empty where the run was stored before
    /// KL was.
    public var kl: [Double]
    /// The held-out evaluation series (`LearningCurve.evaluations`, `GRPOSetCurve.meanReward`):
    /// the steps after which the policy was evaluated on instances no training batch draws, and
    /// its mean reward there; empty where the run was stored before the series was.
    public var evaluationSteps: [Int]
    public var evaluationRewards: [Double]
    public var totals: [String: Double]

    public init(scheme: String, seed: Int, steps: [Int], values: [Double], kl: [Double] = [],
                evaluations: [(step: Int, reward: Double)] = [], totals: [String: Double] = [:]) {
        precondition(steps.count == values.count && !steps.isEmpty, "a curve needs one value per evaluation step")
        precondition(kl.isEmpty || kl.count == steps.count, "a curve's KL needs one value per evaluation step")
        self.scheme = scheme
        self.seed = seed
        self.steps = steps
        self.values = values
        self.kl = kl
        evaluationSteps = evaluations.map(\.step)
        evaluationRewards = evaluations.map(\.reward)
        self.totals = totals
    }

    /// The held-out evaluations in step order: after `step` finished steps, mean reward `reward`.
    public var evaluations: [(step: Int, reward: Double)] {
        zip(evaluationSteps, evaluationRewards).map { (step: $0, reward: $1) }
    }
}

/// The convergence metrics of a learning curve (steps s_0 < ... < s_m, values y_0..y_m).
public enum CurveMetrics {
    /// Evaluations averaged by `smoothed` and `finalReward`.
    public static let window = 3

    /// Area under the curve per step: the trapezoid integral of y over [s_0, s_m] divided by
    /// s_m - s_0, i.e. the time-averaged reward during training (larger = learned sooner or better).
    public static func area(_ run: CurveRun) -> Double {
        guard run.steps.count > 1 else { return run.values[0] }
        var integral = 0.0
        for i in 1..<run.steps.count {
            integral += Double(run.steps[i] - run.steps[i - 1]) * (run.values[i] + run.values[i - 1]) / 2
        }
        return integral / Double(run.steps.last! - run.steps[0])
    }

    /// The mean exact KL to pi_ref over the last `window` steps (the final policy's distance from
    /// pi_ref, as measured on its last training batches); NaN when the run has no KL.
    public static func finalKL(_ run: CurveRun) -> Double {
        guard !run.kl.isEmpty else { return .nan }
        return Descriptive.meanOrNaN(Array(run.kl.suffix(window)))
    }

    /// The mean of the last `window` evaluations (less noisy than the last one alone).
    public static func finalReward(_ run: CurveRun) -> Double {
        Descriptive.meanOrNaN(Array(run.values.suffix(window)))
    }

    /// y smoothed by the trailing mean of up to `window` evaluations (y_i with those before it).
    public static func smoothed(_ run: CurveRun) -> [Double] {
        run.values.indices.map { i in
            Descriptive.meanOrNaN(Array(run.values[max(0, i - window + 1)...i]))
        }
    }

    /// The first step whose smoothed value reaches `threshold`, reached = true; a run that never
    /// reaches it is right-censored at its last step s_m (reached = false: its time is only known
    /// to exceed s_m), for `KaplanMeier` and the log-rank test.
    public static func timeToThreshold(_ run: CurveRun, threshold: Double) -> (time: Double, reached: Bool) {
        if let index = smoothed(run).firstIndex(where: { $0 >= threshold }) { return (Double(run.steps[index]), true) }
        return (Double(run.steps.last!), false)
    }

    /// The mean over `runs` of the first evaluation y_0 (the untrained policy's reward).
    public static func initialReward(_ runs: [CurveRun]) -> Double {
        Descriptive.meanOrNaN(runs.map { $0.values[0] })
    }

    /// The threshold of `timeToThreshold`, defined from the data of all compared schemes:
    /// start + fraction (best - start), where start = mean over all runs of y_0 (the untrained
    /// policy) and best = the largest, over schemes, of the mean final reward.
    public static func threshold(_ runs: [CurveRun], fraction: Double = 0.9) -> Double {
        let start = initialReward(runs)
        let schemes = Set(runs.map(\.scheme))
        let best = schemes.map { scheme in
            Descriptive.meanOrNaN(runs.filter { $0.scheme == scheme }.map(finalReward))
        }.max()!
        return start + fraction * (best - start)
    }
}

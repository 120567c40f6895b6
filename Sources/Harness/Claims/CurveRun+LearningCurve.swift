import Learning

extension CurveRun {
    /// A learner's curve as the claims read it, under its scheme's canonical spelling: each
    /// training batch's mean reward and exact KL to pi_ref per step, the held-out evaluation
    /// series, and the totals `reward_calls` (credit included), `final_evaluation` (held-out
    /// reward of the final policy, the series' last value), `final_mean_length` (mean response
    /// length, words or actions, over the last `CurveMetrics.window` steps).
    init(_ curve: LearningCurve, seed: Int) {
        let tail = curve.points.suffix(CurveMetrics.window)
        self.init(scheme: curve.scheme, seed: seed, steps: curve.points.map(\.step), values: curve.points.map(\.meanReward),
                  kl: curve.points.map(\.meanExactKL), evaluations: curve.evaluations.map { ($0.step, $0.meanReward) },
                  totals: ["reward_calls": Double(curve.totalRewardCalls), "final_evaluation": curve.finalEvaluation,
                           "final_mean_length": tail.reduce(0) { $0 + $1.meanLength } / Double(tail.count)])
    }
}

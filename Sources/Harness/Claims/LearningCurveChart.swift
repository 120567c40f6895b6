import Foundation
import Statistics

/// Mean learning curves with bands, one series per scheme: at each step the mean over seeds and
/// the band mean -+ 1.96 standard errors (sample sd / sqrt(seeds); an approximate 95% interval
/// for the mean curve). Linear axes. The first panel is the held-out evaluation series
/// (`CurveRun.evaluations`: the policy after s steps on instances no training batch draws); a
/// SCAR learner's chart has a second, the training-batch reward (`CurveRun.values`: each step's
/// batch before its update), labelled as such.
enum LearningCurveChart {
    /// The panel title of the held-out series: "held-out reward, k-step evaluations on
    /// `evaluationSet`" (k: the runs' evaluation interval, the gap between their first two
    /// evaluations).
    static func heldOutTitle(runs: [CurveRun], evaluationSet: String) -> String {
        let steps = runs.first?.evaluationSteps ?? []
        let interval = steps.count >= 2 ? "\(steps[1] - steps[0])-step" : "final"
        return "held-out reward, \(interval) evaluations on \(evaluationSet)"
    }

    /// `evaluationSet` names the held-out instances (e.g. "32 evaluation prompts");
    /// `trainingBatches`: add the training-batch panel (for curves whose `values` are training
    /// batches, not the evaluations themselves).
    static func chart(title: String, yLabel: String, runs: [CurveRun], schemes: [String], evaluationSet: String,
                      trainingBatches: Bool) -> GnuplotChart {
        var panels = [(title: heldOutTitle(runs: runs, evaluationSet: evaluationSet),
                       series: series(runs: runs, schemes: schemes, steps: \.evaluationSteps, values: \.evaluationRewards))]
        if trainingBatches {
            panels.append((title: "training-batch reward (each step's batch, before its update)",
                           series: series(runs: runs, schemes: schemes, steps: \.steps, values: \.values)))
        }
        return GnuplotChart(title: title, xLabel: "training step", yLabel: yLabel, panels: panels, logScale: false)
    }

    /// One mean series with its band per scheme whose runs share their steps (others left out).
    private static func series(runs: [CurveRun], schemes: [String], steps stepsOf: KeyPath<CurveRun, [Int]>,
                               values valuesOf: KeyPath<CurveRun, [Double]>) -> [GnuplotChart.Series] {
        schemes.compactMap { scheme -> GnuplotChart.Series? in
            let group = runs.filter { $0.scheme == scheme }
            guard let steps = group.first?[keyPath: stepsOf], !steps.isEmpty, group.allSatisfy({ $0[keyPath: stepsOf] == steps }) else {
                return nil
            }
            var points: [(x: Double, y: Double)] = [], band: [(lower: Double, upper: Double)] = []
            for (i, step) in steps.enumerated() {
                var moments = RunningMoments()
                for run in group { moments.add(run[keyPath: valuesOf][i]) }
                let half = 1.96 * (moments.standardError ?? 0)
                points.append((Double(step), moments.mean))
                band.append((moments.mean - half, moments.mean + half))
            }
            return GnuplotChart.Series(name: "\(scheme) (\(group.count) seeds)", points: points, band: band)
        }
    }
}

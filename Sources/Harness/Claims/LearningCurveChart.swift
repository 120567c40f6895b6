import Foundation
import Statistics

/// Mean learning curves with bands, one series per scheme: at each evaluation step the mean over
/// seeds and the band mean -+ 1.96 standard errors (sample sd / sqrt(seeds); an approximate 95%
/// interval for the mean curve). Linear axes.
enum LearningCurveChart {
    static func chart(title: String, yLabel: String, runs: [CurveRun], schemes: [String]) -> GnuplotChart {
        let series = schemes.compactMap { scheme -> GnuplotChart.Series? in
            let group = runs.filter { $0.scheme == scheme }
            guard let steps = group.first?.steps, group.allSatisfy({ $0.steps == steps }) else { return nil }
            var points: [(x: Double, y: Double)] = [], band: [(lower: Double, upper: Double)] = []
            for (i, step) in steps.enumerated() {
                var moments = RunningMoments()
                for run in group { moments.add(run.values[i]) }
                let half = 1.96 * (moments.standardError ?? 0)
                points.append((Double(step), moments.mean))
                band.append((moments.mean - half, moments.mean + half))
            }
            return GnuplotChart.Series(name: "\(scheme) (\(group.count) seeds)", points: points, band: band)
        }
        return GnuplotChart(title: title, xLabel: "training step", yLabel: yLabel, panels: [(title: "", series: series)], logScale: false)
    }
}

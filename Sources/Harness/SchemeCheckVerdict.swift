import Foundation

/// The check's decision on one scheme cell and metric (task x credit scheme x final reward or
/// area), with the numbers behind it.
public struct SchemeCheckVerdict: CheckRow, Equatable {
    public var cell: SchemeCheckBaseline.Cell
    public var metric: SchemeCheck.Metric
    public var status: CheckStatus
    /// Means over the seeds of the metric in the baseline and now.
    public var baselineMean: Double
    public var currentMean: Double
    /// G: the baseline's mean gain of the metric over the untrained policy (`SchemeCheck.Metric`);
    /// the tolerance T is a fraction of it.
    public var baselineGain: Double
    public var pWorse: Double?
    public var pBetter: Double?
    public var reason: String

    /// (current mean - baseline mean) / G: the change as a fraction of the baseline's gain (-0.5:
    /// half of what the baseline learned is lost).
    public var relativeChange: Double { (currentMean - baselineMean) / baselineGain }

    public static let suite = "schemes"
    public static let header = ["task", "scheme", "metric", "seeds", "baseline mean", "current mean", "baseline gain G", "change / G"]
    public var columns: [String] {
        [cell.task, cell.scheme, metric.rawValue, String(cell.areas.count),
         String(format: "%.4f", baselineMean), String(format: "%.4f", currentMean), String(format: "%.4f", baselineGain),
         String(format: "%+.3f", relativeChange)]
    }
    public var testClass: String { cell.task }
    public var testName: String { "\(cell.scheme) \(metric.rawValue)" }
}

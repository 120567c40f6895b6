import CSVFiles
import Foundation

/// The files of one comparison run, under one folder:
/// - `records.csv`: tidy, one row per (task, instance, unit level, estimator, budget, replicate,
///   metric), written as runs finish;
/// - `summary.csv` and `summary.md`: `ComparisonSummary` rows;
/// - `error_vs_calls.svg` and `error_vs_seconds.svg` (+ their gnuplot scripts): mean relative
///   squared error against mean value calls and against mean seconds, log-log, a panel per task;
/// - `run.json`: the configuration, commit and tool versions.
public final class ComparisonOutput {
    public let folder: URL
    private let records: CSVWriter

    public static let recordColumns = [
        "task", "instance", "unit_level", "players", "truth_source", "estimator", "budget_multiple", "budget",
        "replicate", "seed", "calls", "seconds", "metric", "value",
    ]

    public init(folder: URL, provenance: RunProvenance) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try provenance.write(to: folder.appendingPathComponent("run.json"))
        records = try CSVWriter(url: folder.appendingPathComponent("records.csv"), columns: Self.recordColumns)
    }

    public func append(_ record: ComparisonRecord) throws {
        for (metric, value) in record.errors.named {
            try records.write([
                record.task, record.instance, record.unitLevel, String(record.players), record.truthSource,
                record.estimator, CSVWriter.cell(record.budgetMultiple), CSVWriter.cell(record.budget),
                String(record.replicate), String(record.seed), String(record.calls), CSVWriter.cell(record.seconds),
                metric, CSVWriter.cell(value),
            ])
        }
    }

    /// Writes the summary table and the plots; returns the summary rows.
    @discardableResult
    public func finish(_ all: [ComparisonRecord], seed: UInt64) throws -> [ComparisonSummaryRow] {
        let rows = try ComparisonSummary.rows(all, seed: seed)
        let summary = try CSVWriter(url: folder.appendingPathComponent("summary.csv"), columns: ComparisonSummary.csvColumns)
        for row in rows { try summary.write(ComparisonSummary.csvCells(row)) }
        try ComparisonSummary.markdown(rows).write(to: folder.appendingPathComponent("summary.md"), atomically: true, encoding: .utf8)
        for (axis, label, x) in [("calls", "value calls", \ComparisonSummaryRow.meanCalls), ("seconds", "seconds", \ComparisonSummaryRow.meanSeconds)] {
            let chart = GnuplotChart(
                title: "Shapley estimators: error against \(label)", xLabel: "mean \(label)",
                yLabel: "mean relative squared error",
                panels: Self.panels(rows, x: x))
            try chart.render(to: folder.appendingPathComponent("error_vs_\(axis)"))
        }
        return rows
    }

    /// One panel per task and unit level, one series per estimator, points in budget order.
    /// Estimates exact up to rounding (relative squared error below 1e-20: exact, closed forms)
    /// would only stretch the log axis and are left out of the picture (not the tables).
    static func panels(_ rows: [ComparisonSummaryRow], x: KeyPath<ComparisonSummaryRow, Double>) -> [(title: String, series: [GnuplotChart.Series])] {
        var panelOrder: [String] = []
        var series: [String: [(String, [(x: Double, y: Double)])]] = [:]
        for row in rows where row.meanRelativeSquaredError > 1e-20 && row[keyPath: x] > 0 {
            let panel = row.unitLevel.isEmpty ? row.task : "\(row.task) (\(row.unitLevel))"
            if series[panel] == nil { panelOrder.append(panel); series[panel] = [] }
            let point = (x: row[keyPath: x], y: row.meanRelativeSquaredError)
            if let index = series[panel]!.firstIndex(where: { $0.0 == row.estimator }) {
                series[panel]![index].1.append(point)
            } else {
                series[panel]!.append((row.estimator, [point]))
            }
        }
        return panelOrder.map { panel in (title: panel, series: series[panel]!.map { GnuplotChart.Series(name: $0.0, points: $0.1) }) }
    }
}

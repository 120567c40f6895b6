import CSVFiles
import Foundation
import Statistics

/// Aggregates comparison records per (task, unit level, estimator, budget multiple) over
/// instances and replicates: mean calls and seconds, the mean relative squared error with a 95%
/// percentile bootstrap interval (2,000 resamples, seeded), its median, and the mean rank and
/// sign metrics.
public struct ComparisonSummaryRow: Sendable {
    public var task: String
    public var unitLevel: String
    public var estimator: String
    public var budgetMultiple: Int?
    public var runs: Int
    public var meanCalls: Double
    public var meanSeconds: Double
    public var meanRelativeSquaredError: Double
    public var relativeSquaredErrorInterval: ConfidenceInterval?
    public var medianRelativeSquaredError: Double
    public var meanSpearman: Double?
    public var meanTopKPrecision: Double
    public var meanSignAgreement: Double
    public var maxEfficiencyGap: Double
}

public enum ComparisonSummary {
    public static func rows(_ records: [ComparisonRecord], seed: UInt64) throws -> [ComparisonSummaryRow] {
        struct Key: Hashable { var task, level, estimator: String; var multiple: Int? }
        var order: [Key] = []
        var groups: [Key: [ComparisonRecord]] = [:]
        for record in records {
            let key = Key(task: record.task, level: record.unitLevel, estimator: record.estimator, multiple: record.budgetMultiple)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(record)
        }
        return try order.enumerated().map { index, key in
            let group = groups[key]!
            let errors = group.map(\.errors.relativeSquaredError)
            let spearmans = group.compactMap(\.errors.spearman)
            let interval = errors.count >= 2 && Set(errors).count > 1
                ? try Bootstrap.confidenceInterval(errors, statistic: Descriptive.meanOrNaN,
                                                   resamples: 2000, method: .percentile,
                                                   stream: RandomStream(seed: seed, stream: UInt64(index)))
                : nil
            return ComparisonSummaryRow(
                task: key.task, unitLevel: key.level, estimator: key.estimator, budgetMultiple: key.multiple,
                runs: group.count,
                meanCalls: Descriptive.meanOrNaN(group.map { Double($0.calls) }), meanSeconds: Descriptive.meanOrNaN(group.map(\.seconds)),
                meanRelativeSquaredError: Descriptive.meanOrNaN(errors), relativeSquaredErrorInterval: interval,
                medianRelativeSquaredError: try Descriptive.median(errors),
                meanSpearman: spearmans.isEmpty ? nil : Descriptive.meanOrNaN(spearmans),
                meanTopKPrecision: Descriptive.meanOrNaN(group.map(\.errors.topKPrecision)),
                meanSignAgreement: Descriptive.meanOrNaN(group.map(\.errors.signAgreement)),
                maxEfficiencyGap: group.map(\.errors.efficiencyGap).max()!)
        }
    }


    /// Three significant digits in scientific notation ("2.50e-03").
    static func scientific(_ x: Double) -> String { String(format: "%.2e", x) }

    /// " [lower, upper]" in scientific notation, or nothing without an interval.
    static func bracketed(_ interval: ConfidenceInterval?) -> String {
        interval.map { " [\(scientific($0.lower)), \(scientific($0.upper))]" } ?? ""
    }

    /// A markdown table, one line per row, errors in scientific notation.
    public static func markdown(_ rows: [ComparisonSummaryRow]) -> String {
        var lines = [
            "| task | units | estimator | budget | runs | mean calls | mean seconds | mean rel. sq. error [95% CI] | median | Spearman | top-k | sign | max eff. gap |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for row in rows {
            let budget = row.budgetMultiple.map { "\($0)n" } ?? "-"
            lines.append("| \(row.task) | \(row.unitLevel) | \(row.estimator) | \(budget) | \(row.runs) | \(String(format: "%.0f", row.meanCalls)) | \(scientific(row.meanSeconds)) | \(scientific(row.meanRelativeSquaredError))\(bracketed(row.relativeSquaredErrorInterval)) | \(scientific(row.medianRelativeSquaredError)) | \(row.meanSpearman.map { String(format: "%.3f", $0) } ?? "-") | \(String(format: "%.2f", row.meanTopKPrecision)) | \(String(format: "%.2f", row.meanSignAgreement)) | \(scientific(row.maxEfficiencyGap)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same rows as tidy CSV columns.
    public static let csvColumns = [
        "task", "unit_level", "estimator", "budget_multiple", "runs", "mean_calls", "mean_seconds",
        "mean_relative_squared_error", "ci_lower", "ci_upper", "median_relative_squared_error",
        "mean_spearman", "mean_top_k_precision", "mean_sign_agreement", "max_efficiency_gap",
    ]

    public static func csvCells(_ row: ComparisonSummaryRow) -> [String] {
        [row.task, row.unitLevel, row.estimator, CSVWriter.cell(row.budgetMultiple), String(row.runs),
         CSVWriter.cell(row.meanCalls), CSVWriter.cell(row.meanSeconds), CSVWriter.cell(row.meanRelativeSquaredError),
         CSVWriter.cell(row.relativeSquaredErrorInterval?.lower), CSVWriter.cell(row.relativeSquaredErrorInterval?.upper),
         CSVWriter.cell(row.medianRelativeSquaredError), CSVWriter.cell(row.meanSpearman),
         CSVWriter.cell(row.meanTopKPrecision), CSVWriter.cell(row.meanSignAgreement), CSVWriter.cell(row.maxEfficiencyGap)]
    }
}

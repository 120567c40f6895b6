import CSVFiles
import Foundation
import Statistics

/// The claims of one run as files, after the Holm correction across the run:
/// - `claims.csv`: one row per claim (id, paper, title, verdict);
/// - `claim_numbers.csv`: tidy, one row per number (claim, kind, name, statistic, value), kinds
///   `measurement`, `exact` (measured and tolerance) and `comparison` (means, difference and its
///   interval, Hedges' g, p-values, verdict as 1/0/-1 for supported/inconclusive/not supported);
/// - `claim_samples.csv`: tidy, the per-seed values behind every comparison;
/// - `claims.json`: everything, verdicts included.
public enum ClaimReport {
    /// Replaces every comparison's adjusted p-value by its Holm-adjusted value over all
    /// comparisons of all claims (one family per run).
    public static func adjust(_ claims: inout [ClaimCheck]) throws {
        let raw = claims.flatMap { $0.comparisons.map(\.pValue) }
        var adjusted = try MultipleTesting.holm(raw)[...]
        for c in claims.indices {
            for k in claims[c].comparisons.indices {
                claims[c].comparisons[k].adjustedPValue = adjusted.removeFirst()
            }
        }
    }

    public static func write(_ claims: [ClaimCheck], to folder: URL) throws {
        let summary = try CSVWriter(url: folder.appendingPathComponent("claims.csv"), columns: ["claim", "paper", "title", "verdict"])
        let numbers = try CSVWriter(url: folder.appendingPathComponent("claim_numbers.csv"),
                                    columns: ["claim", "kind", "name", "statistic", "value"])
        let samples = try CSVWriter(url: folder.appendingPathComponent("claim_samples.csv"),
                                    columns: ["claim", "comparison", "group", "index", "value"])
        for claim in claims {
            try summary.write([claim.id, claim.paper, claim.title, claim.verdict.rawValue])
            for m in claim.measurements {
                try numbers.write([claim.id, "measurement", m.name, "value", CSVWriter.cell(m.value)])
            }
            for check in claim.exactChecks {
                try numbers.write([claim.id, "exact", check.name, "measured", CSVWriter.cell(check.measured)])
                try numbers.write([claim.id, "exact", check.name, "tolerance", CSVWriter.cell(check.tolerance)])
            }
            for c in claim.comparisons {
                let cells: [(String, Double?)] = [
                    ("mean_a", c.a.reduce(0, +) / Double(c.a.count)), ("mean_b", c.b.reduce(0, +) / Double(c.b.count)),
                    ("difference", c.difference), ("ci_lower", c.intervalLower), ("ci_upper", c.intervalUpper),
                    ("hedges_g", c.hedgesG), ("margin", c.hypothesis.margin), ("p_value", c.pValue),
                    ("tost_p_value", c.tostPValue), ("holm_p_value", c.adjustedPValue),
                    ("verdict_code", c.verdict == .supported ? 1 : c.verdict == .notSupported ? -1 : 0),
                ]
                for (statistic, value) in cells {
                    try numbers.write([claim.id, "comparison", c.label, statistic, CSVWriter.cell(value)])
                }
                for (group, values) in [(c.groupA, c.a), (c.groupB, c.b)] {
                    for (index, value) in values.enumerated() {
                        try samples.write([claim.id, c.label, group, String(index), CSVWriter.cell(value)])
                    }
                }
            }
        }
        struct Entry: Encodable {
            var claim: ClaimCheck
            var verdict: Verdict
            var comparisonVerdicts: [Verdict]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let entries = claims.map { Entry(claim: $0, verdict: $0.verdict, comparisonVerdicts: $0.comparisons.map(\.verdict)) }
        try encoder.encode(entries).write(to: folder.appendingPathComponent("claims.json"))
    }
}

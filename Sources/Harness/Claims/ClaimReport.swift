import CSVFiles
import Foundation
import Statistics

/// The claims of one run as files, after the Holm correction across the run:
/// - `claims.csv`: one row per claim (id, paper, title, verdict);
/// - `claim_numbers.csv`: tidy, one row per number (claim, kind, name, statistic, value), kinds
///   `measurement`, `exact` (measured and tolerance), `test` (one row per number of each test:
///   means, effect, its standard error and intervals, margin, p-values, verdict code) and `claim`
///   (the claim's Holm-adjusted p-values and verdict code at each margin factor); verdict codes
///   are 1 supported, 0.5 supported below the margin, 0 inconclusive, -1 not supported;
/// - `claim_samples.csv`: tidy, the per-run values behind every test;
/// - `claims.json`: everything, verdicts included.
public enum ClaimReport {
    /// The margin factors of the sensitivity table: half, the stated margin, double.
    public static let marginFactors = [0.5, 1, 2]

    /// Holm across the run's statistically decided claims (`ClaimCheck.isDecidedStatistically`),
    /// on support and refutation p-values separately (`DecisionRule.holm`), once per margin factor:
    /// sets each claim's `decision` (factor 1) and `marginSensitivity` (every factor).
    public static func adjust(_ claims: inout [ClaimCheck]) throws {
        let family = claims.indices.filter { claims[$0].isDecidedStatistically }
        for factor in marginFactors {
            let adjusted = try DecisionRule.holm(family.map { try claims[$0].unadjustedDecision(marginFactor: factor)! })
            for (index, decision) in zip(family, adjusted) {
                if factor == 1 { claims[index].decision = decision }
                claims[index].marginSensitivity.append(.init(factor: factor, verdict: claims[index].statisticalVerdict(decision)!))
            }
        }
    }

    /// The verdict code of `claim_numbers.csv`; nil for verdicts no test makes.
    static func code(_ verdict: Verdict) -> Double? {
        switch verdict {
        case .supported: 1
        case .belowMargin: 0.5
        case .inconclusive: 0
        case .notSupported: -1
        case .notAtConvergence, .notMeasured: nil
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
            for test in claim.tests {
                let c = test.comparison, d = test.decision
                let cells: [(String, Double?)] = [
                    ("summary_a", c.summaryA), ("summary_b", c.summaryB), ("effect", c.effect.estimate),
                    ("standard_error", c.effect.standardError), ("degrees_of_freedom", c.effect.degreesOfFreedom),
                    ("ci95_lower", c.interval?.lower), ("ci95_upper", c.interval?.upper),
                    ("decision_interval_lower", d.interval?.lower), ("decision_interval_upper", d.interval?.upper),
                    ("margin", test.margin), ("support_p_value", d.supportPValue), ("refutation_p_value", d.refutationPValue),
                    ("log_rank_p_value", c.logRankPValue), ("verdict_code", code(Verdict(d.verdict))),
                ]
                for (statistic, value) in cells {
                    try numbers.write([claim.id, "test", c.label, statistic, CSVWriter.cell(value)])
                }
                for (group, values) in [(c.groupA, c.a), (c.groupB, c.b)] {
                    for (index, value) in values.enumerated() {
                        try samples.write([claim.id, c.label, group, String(index), CSVWriter.cell(value)])
                    }
                }
            }
            if let decision = claim.decision {
                for (statistic, value) in [("holm_support_p_value", decision.supportPValue),
                                           ("holm_refutation_p_value", decision.refutationPValue)] {
                    try numbers.write([claim.id, "claim", claim.id, statistic, CSVWriter.cell(value)])
                }
                for row in claim.marginSensitivity {
                    try numbers.write([claim.id, "claim", "margin x \(CSVWriter.cell(row.factor))", "verdict_code",
                                       CSVWriter.cell(code(row.verdict))])
                }
            }
        }
        struct Entry: Encodable {
            var claim: ClaimCheck
            var verdict: Verdict
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let entries = claims.map { Entry(claim: $0, verdict: $0.verdict) }
        try encoder.encode(entries).write(to: folder.appendingPathComponent("claims.json"))
    }
}

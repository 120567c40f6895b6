import Foundation

/// How `creditbench check` reports its verdicts: a Markdown table for the terminal, JUnit XML for CI
/// systems (one testcase per cell, a failure per regression), and the summary line.
public enum CheckReport {
    /// One row per cell: baseline and current mean error, the geometric-mean ratio, the
    /// Holm-adjusted p-values of the "worse" and "better" tests, and the verdict.
    public static func table(_ verdicts: [CheckVerdict]) -> String {
        var lines = [
            "| family | estimator | budget | replicates | baseline mean error | current mean error | ratio | p worse (Holm) | p better (Holm) | verdict |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for verdict in verdicts {
            let cell = verdict.cell
            let columns = [
                cell.family, cell.estimator, cell.budget, String(cell.errors.map(\.count).reduce(0, +)),
                EstimatorCheck.scientific(verdict.baselineMean), EstimatorCheck.scientific(verdict.currentMean),
                verdict.ratio.map { String(format: "%.3f", $0) } ?? "-",
                verdict.pWorse.map(EstimatorCheck.scientific) ?? "-", verdict.pBetter.map(EstimatorCheck.scientific) ?? "-",
                verdict.status == .regressed ? "**REGRESSED**" : verdict.status.rawValue,
            ]
            lines.append("| " + columns.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "N cells: a unchanged, b within tolerance, c improved, d regressed".
    public static func summary(_ verdicts: [CheckVerdict]) -> String {
        let counts = [CheckVerdict.Status.unchanged, .withinTolerance, .improved, .regressed].map { status in
            "\(verdicts.filter { $0.status == status }.count) \(status.rawValue)"
        }
        return "\(verdicts.count) cells: " + counts.joined(separator: ", ")
    }

    /// JUnit XML: one testsuite, one testcase per cell (classname "check.FAMILY", name
    /// "ESTIMATOR BUDGET", e.g. "kernelshap 10n"), a `failure` for each regression, and the verdict
    /// with its reason as `system-out`.
    public static func junit(_ verdicts: [CheckVerdict]) -> String {
        let failures = verdicts.filter { $0.status == .regressed }.count
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="creditbench check" tests="\#(verdicts.count)" failures="\#(failures)">"#,
            #"  <testsuite name="estimators" tests="\#(verdicts.count)" failures="\#(failures)" errors="0" skipped="0">"#,
        ]
        for verdict in verdicts {
            let cell = verdict.cell
            lines.append(#"    <testcase classname="check.\#(escape(cell.family))" name="\#(escape(cell.label))">"#)
            if verdict.status == .regressed {
                lines.append(#"      <failure message="\#(escape(verdict.reason))" type="regression"/>"#)
            }
            lines.append("      <system-out>\(escape("\(verdict.status.rawValue): \(verdict.reason)"))</system-out>")
            lines.append("    </testcase>")
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

import Foundation

/// How `creditbench check` reports its verdicts: a Markdown table for the terminal, JUnit XML for CI
/// systems (one testcase per cell, a failure per regression), and the summary line.
public enum CheckReport {
    /// One row per cell: the cell's own columns (`CheckRow.header`), the Holm-adjusted p-values of
    /// the "worse" and "better" tests, and the verdict.
    public static func table<Row: CheckRow>(_ rows: [Row]) -> String {
        let header = Row.header + ["p worse (Holm)", "p better (Holm)", "verdict"]
        var lines = ["| " + header.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: header.count)]
        for row in rows {
            let columns = row.columns + [
                row.pWorse.map(scientific) ?? "-", row.pBetter.map(scientific) ?? "-",
                row.status == .regressed ? "**REGRESSED**" : row.status.rawValue,
            ]
            lines.append("| " + columns.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "N cells: a unchanged, b within tolerance, c improved, d regressed".
    public static func summary(_ rows: [any CheckRow]) -> String {
        let counts = [CheckStatus.unchanged, .withinTolerance, .improved, .regressed].map { status in
            "\(rows.filter { $0.status == status }.count) \(status.rawValue)"
        }
        return "\(rows.count) cells: " + counts.joined(separator: ", ")
    }

    /// JUnit XML: a testsuite per kind of cell (`CheckRow.suite`, in order of first appearance),
    /// one testcase per cell (classname "check.CLASS", e.g. "check.soum/players", name e.g.
    /// "kernelshap 10n"), a `failure` for each regression, and the verdict with its reason as
    /// `system-out`.
    public static func junit(_ rows: [any CheckRow]) -> String {
        let failures = rows.filter { $0.status == .regressed }.count
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="creditbench check" tests="\#(rows.count)" failures="\#(failures)">"#,
        ]
        var suites: [String] = []
        for row in rows where !suites.contains(type(of: row).suite) { suites.append(type(of: row).suite) }
        for suite in suites {
            let members = rows.filter { type(of: $0).suite == suite }
            let failed = members.filter { $0.status == .regressed }.count
            lines.append(#"  <testsuite name="\#(suite)" tests="\#(members.count)" failures="\#(failed)" errors="0" skipped="0">"#)
            for row in members {
                lines.append(#"    <testcase classname="check.\#(escape(row.testClass))" name="\#(escape(row.testName))">"#)
                if row.status == .regressed {
                    lines.append(#"      <failure message="\#(escape(row.reason))" type="regression"/>"#)
                }
                lines.append("      <system-out>\(escape("\(row.status.rawValue): \(row.reason)"))</system-out>")
                lines.append("    </testcase>")
            }
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// x to 3 significant digits in scientific notation ("1.23e-02").
    static func scientific(_ x: Double) -> String { String(format: "%.2e", x) }
}

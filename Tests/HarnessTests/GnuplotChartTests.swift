import Foundation
import Testing
@testable import Harness

@Suite("GnuplotChart")
struct GnuplotChartTests {
    /// Every text in a chart is a gnuplot single-quoted string, where a quote is written twice.
    @Test func apostrophesAreWrittenTwice() {
        #expect(GnuplotChart.quoted("SCAR's gain") == "'SCAR''s gain'")
        #expect(GnuplotChart.quoted("plain") == "'plain'")
        let chart = Self.chart
        #expect(chart.script.contains("title 'SCAR''s gain over sparse'"))
        #expect(chart.script.contains("set ylabel 'SCAR''s minus sparse'"))
        #expect(!chart.script.contains("'SCAR's"))
    }

    /// With gnuplot installed (`make deps`), a chart whose title, labels, panel and series names
    /// hold apostrophes renders, and the picture carries the texts (an unescaped quote ended the
    /// string early and gnuplot refused the script).
    @Test func chartWithApostrophesRenders() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gnuplot") else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gnuplot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("horizon")
        #expect(try Self.chart.render(to: base))
        let svg = try String(contentsOf: base.appendingPathExtension("svg"), encoding: .utf8)
        for word in ["gain over sparse", "minus sparse", "ABC", "at T"] { #expect(svg.contains(word), "\(word)") }
    }

    static var chart: GnuplotChart { GnuplotChart(
        title: "SCAR's gain over sparse", xLabel: "response length T (words)", yLabel: "SCAR's minus sparse",
        panels: [(title: "sentiment at T's doublings", series: [
            GnuplotChart.Series(name: "ABC's gain", points: [(8, 0.02), (16, 0.03), (32, 0.0)],
                                band: [(0, 0.04), (0.01, 0.05), (-0.02, 0.02)]),
        ])], logScale: false) }
}

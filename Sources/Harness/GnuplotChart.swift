import Foundation

/// Log-log line charts rendered to SVG by gnuplot (installed by `make deps`), one panel per
/// group (task), one line per series (estimator), points joined in the order given. The generated script, with its data inline, is
/// kept next to the picture so the figure can be re-rendered or restyled by hand.
public struct GnuplotChart {
    public struct Series {
        public var name: String
        public var points: [(x: Double, y: Double)]
        public init(name: String, points: [(x: Double, y: Double)]) {
            self.name = name
            self.points = points
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Panels in order, each with its series.
    public var panels: [(title: String, series: [Series])]

    public init(title: String, xLabel: String, yLabel: String, panels: [(title: String, series: [Series])]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.panels = panels
    }

    public var script: String {
        let columns = min(panels.count, 3)
        let rows = (panels.count + columns - 1) / max(columns, 1)
        var lines = [
            "set terminal svg size \(520 * columns),\(400 * rows) dynamic font 'sans,11' background '#ffffff'",
            "set datafile separator ' '",
            "set logscale xy",
            "set format xy '10^{%L}'",
            "set grid",
            "set key top right font ',9'",
            "set xlabel '\(xLabel)'",
            "set ylabel '\(yLabel)'",
            "set multiplot layout \(rows),\(columns) title '\(title)'",
        ]
        for (panelIndex, panel) in panels.enumerated() {
            for (seriesIndex, series) in panel.series.enumerated() {
                lines.append("$p\(panelIndex)s\(seriesIndex) << EOD")
                lines += series.points.map { "\($0.x) \($0.y)" }
                lines.append("EOD")
            }
            lines.append("set title '\(panel.title)'")
            let plots = panel.series.enumerated().map { index, series in
                "$p\(panelIndex)s\(index) using 1:2 with linespoints lw 2 pt \(index + 5) title '\(series.name)'"
            }
            lines.append("plot " + plots.joined(separator: ", \\\n     "))
        }
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `<base>.gp` and renders `<base>.svg`; returns false (with the script kept) if
    /// gnuplot is not installed or fails.
    @discardableResult
    public func render(to base: URL) throws -> Bool {
        let scriptURL = base.appendingPathExtension("gp")
        let svgURL = base.appendingPathExtension("svg")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gnuplot", "-e", "set output '\(svgURL.path)'", scriptURL.path]
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

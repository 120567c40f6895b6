import Foundation

/// Line charts rendered to SVG by gnuplot (installed by `make deps`), log-log by default (linear
/// axes with `logScale: false`), one panel per group (task), one line per series (estimator),
/// points joined in the order given; a series with a `band` also gets a shaded band between its
/// lower and upper values (e.g. a confidence band around a mean learning curve). The generated
/// script, with its data inline, is kept next to the picture so the figure can be re-rendered or
/// restyled by hand.
public struct GnuplotChart {
    public struct Series {
        public var name: String
        public var points: [(x: Double, y: Double)]
        /// Lower and upper values at each point (same count as `points`), or nil for no band.
        public var band: [(lower: Double, upper: Double)]?
        /// The colour and point type (an index into `palette`), so that a series keeps its look
        /// across panels that lack some series; nil: its position in the panel.
        public var style: Int?
        public init(name: String, points: [(x: Double, y: Double)], band: [(lower: Double, upper: Double)]? = nil, style: Int? = nil) {
            precondition(band == nil || band!.count == points.count, "a band needs one interval per point")
            self.name = name
            self.points = points
            self.band = band
            self.style = style
        }
    }

    /// Line colours for lines without a band: 14 that stay apart (gnuplot's own cycle repeats after 8).
    static let palette = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf", "#000000", "#aec7e8", "#98df8a", "#ff9896",
    ]

    public var title: String
    public var xLabel: String
    public var yLabel: String
    /// Panels in order, each with its series.
    public var panels: [(title: String, series: [Series])]
    /// Logarithmic x and y axes (the default) or linear ones.
    public var logScale: Bool

    public init(title: String, xLabel: String, yLabel: String, panels: [(title: String, series: [Series])], logScale: Bool = true) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.panels = panels
        self.logScale = logScale
    }

    public var script: String {
        let columns = min(panels.count, 3)
        let rows = (panels.count + columns - 1) / max(columns, 1)
        var lines = [
            "set terminal svg size \(520 * columns),\(400 * rows) dynamic font 'sans,11' background '#ffffff'",
            "set datafile separator ' '",
        ] + (logScale ? ["set logscale xy", "set format xy '10^{%L}'"] : []) + [
            "set grid",
            // Errors fall with cost (log axes): the key fits top right; learning curves rise: bottom right.
            "set key \(logScale ? "top" : "bottom") right font ',9'",
            "set xlabel \(Self.quoted(xLabel))",
            "set ylabel \(Self.quoted(yLabel))",
            "set multiplot layout \(rows),\(columns) title \(Self.quoted(title))",
        ]
        for (panelIndex, panel) in panels.enumerated() {
            for (seriesIndex, series) in panel.series.enumerated() {
                lines.append("$p\(panelIndex)s\(seriesIndex) << EOD")
                lines += series.points.enumerated().map { index, point in
                    series.band.map { "\(point.x) \(point.y) \($0[index].lower) \($0[index].upper)" } ?? "\(point.x) \(point.y)"
                }
                lines.append("EOD")
            }
            lines.append("set title \(Self.quoted(panel.title))")
            let plots = panel.series.enumerated().map { index, series in
                let data = "$p\(panelIndex)s\(index)"
                guard series.band != nil else {
                    let style = series.style ?? index
                    return "\(data) using 1:2 with linespoints lw 2 lc rgb '\(Self.palette[style % Self.palette.count])' pt \(style + 5) title \(Self.quoted(series.name))"
                }
                return "\(data) using 1:3:4 with filledcurves lc \(index + 1) fs transparent solid 0.2 notitle, \(data) using 1:2 with lines lw 2 lc \(index + 1) title \(Self.quoted(series.name))"
            }
            lines.append("plot " + plots.joined(separator: ", \\\n     "))
        }
        lines.append("unset multiplot")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as a gnuplot single-quoted string: inside one, a quote is written twice (`'SCAR''s'`
    /// reads as SCAR's), so a label with an apostrophe no longer ends its string early.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
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
        process.arguments = ["gnuplot", "-e", "set output \(Self.quoted(svgURL.path))", scriptURL.path]
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

import Foundation

/// Finished learning curves of one experiment, kept in one CSV file so that an interrupted run
/// resumes where it stopped: every finished (scheme, seed) is appended as soon as it finishes,
/// all its rows in one write, closed by a `complete` row; on reopening, runs with their
/// `complete` row are read back (the last copy wins) and the rest are redone.
///
/// Columns: configuration, scheme, seed, kind, step, value, where kind is `curve` (value = the
/// evaluation at `step`), `total:<name>` (a per-run total, step empty) or `complete`. A run is
/// only reused under the same configuration string (which must describe everything that changes
/// the curve), so changing a setting redoes the runs. Scheme names and configurations must not
/// contain commas or line breaks (they are identifiers; checked).
public final class CurveStore {
    public let url: URL
    public let configuration: String
    private var finished: [String: CurveRun] = [:]

    static let header = "configuration,scheme,seed,kind,step,value"

    public init(url: URL, configuration: String) throws {
        try CurveStore.checkIdentifier(configuration)
        self.url = url
        self.configuration = configuration
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let text = try? String(contentsOf: url, encoding: .utf8) {
            finished = CurveStore.parse(text, configuration: configuration)
        } else {
            try Data((CurveStore.header + "\n").utf8).write(to: url)
        }
    }

    /// The stored run of (scheme, seed) under this configuration, if it finished.
    public func run(scheme: String, seed: Int) -> CurveRun? { finished["\(scheme)#\(seed)"] }

    public func append(_ run: CurveRun) throws {
        try CurveStore.checkIdentifier(run.scheme)
        var lines = zip(run.steps, run.values).map { "\(configuration),\(run.scheme),\(run.seed),curve,\($0),\($1)" }
        lines += run.totals.keys.sorted().map { "\(configuration),\(run.scheme),\(run.seed),total:\($0),,\(run.totals[$0]!)" }
        lines.append("\(configuration),\(run.scheme),\(run.seed),complete,,")
        let handle = try FileHandle(forUpdating: url)
        defer { try? handle.close() }
        let end = try handle.seekToEnd()
        var prefix = ""
        if end > 0 {
            try handle.seek(toOffset: end - 1)
            if handle.readData(ofLength: 1) != Data("\n".utf8) { prefix = "\n" }  // a torn last line
            try handle.seekToEnd()
        }
        try handle.write(contentsOf: Data((prefix + lines.joined(separator: "\n") + "\n").utf8))
        finished["\(run.scheme)#\(run.seed)"] = run
    }

    static func checkIdentifier(_ text: String) throws {
        guard !text.isEmpty, !text.contains(where: { $0 == "," || $0.isNewline }) else {
            throw HarnessError.invalidPlan("'\(text)' cannot name a stored run: no commas or line breaks")
        }
    }

    /// Complete runs of `configuration` by "scheme#seed"; malformed lines are skipped.
    static func parse(_ text: String, configuration: String) -> [String: CurveRun] {
        var pending: [String: (steps: [Int], values: [Double], totals: [String: Double])] = [:]
        var complete: [String: CurveRun] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 6, cells[0] == configuration, let seed = Int(cells[2]) else { continue }
            let key = "\(cells[1])#\(seed)"
            switch cells[3] {
            case "curve":
                guard let step = Int(cells[4]), let value = Double(cells[5]) else { continue }
                // Steps increase within a copy; a step that does not starts a new copy (after a torn one).
                if let last = pending[key]?.steps.last, step <= last { pending[key] = nil }
                pending[key, default: ([], [], [:])].steps.append(step)
                pending[key, default: ([], [], [:])].values.append(value)
            case "complete":
                if let run = pending.removeValue(forKey: key), !run.steps.isEmpty {
                    complete[key] = CurveRun(scheme: cells[1], seed: seed, steps: run.steps, values: run.values, totals: run.totals)
                }
            default:
                guard cells[3].hasPrefix("total:"), let value = Double(cells[5]) else { continue }
                pending[key, default: ([], [], [:])].totals[String(cells[3].dropFirst("total:".count))] = value
            }
        }
        return complete
    }
}

import CSVFiles
import Foundation
import Learning

/// Finished learning curves kept in one CSV file so that an interrupted run resumes where it
/// stopped: every finished run is appended as soon as it finishes, all its rows in one write,
/// closed by a `complete` row; on reopening, runs with their `complete` row are read back (the
/// last copy wins) and the rest are redone.
///
/// A run is keyed by `key(configuration)`: FNV-1a 64 (hex) of its configuration string, which
/// must name everything that changes the curve (task, scheme in its canonical spelling, seed,
/// steps, batch, the learner's settings), with `learnerVersion` appended, so a run under other
/// settings or another learner version is never reused.
///
/// Columns: key, scheme, seed, kind, step, value, where kind is `configuration` (value = the
/// configuration string, for reading the file), `curve` (value = the evaluation at `step`),
/// `kl` (value = the KL to pi_ref at `step`, `CurveRun.kl`), `evaluation` (value = the held-out
/// evaluation after `step` finished steps, `CurveRun.evaluations`), `total:<name>` (a per-run
/// total, step empty) or `complete`; read and written by `CSVReader` and `CSVWriter`. Stores
/// written before `kl` or `evaluation` rows existed stay readable (their runs have no KL or no
/// evaluation series; they were written under an older `learnerVersion`, so their keys no
/// longer match and they are retrained), and older readers skip both kinds of rows. Configurations and scheme names must not contain commas, double quotes or
/// line breaks (checked), so no cell is ever quoted and a torn last line is at worst a record of
/// the wrong width, which is skipped. A file that exists but cannot be read as such a store is
/// never overwritten: opening it throws.
public final class CurveStore {
    public let url: URL
    private var finished: [String: CurveRun] = [:]
    /// The configuration string of each finished run, by key (its `configuration` row).
    private var configurations: [String: String] = [:]

    static let columns = ["key", "scheme", "seed", "kind", "step", "value"]

    public init(url: URL) throws {
        self.url = url
        if FileManager.default.fileExists(atPath: url.path) {
            let refusal = "refusing to overwrite it (move it away to start afresh)"
            guard let data = try? Data(contentsOf: url), String(data: data, encoding: .utf8) != nil else {
                throw HarnessError.invalidPlan("cannot read the curve store \(url.path) as UTF-8 text; \(refusal)")
            }
            let rows: [[String]]
            do {
                rows = try CSVReader.records(bytes: [UInt8](data), file: url.lastPathComponent, expectedHeader: CurveStore.columns,
                                             skippingRecordsOfOtherWidths: true) { $1 }
            } catch {
                throw HarnessError.invalidPlan("\(url.path) is not a curve store (\(error)); \(refusal)")
            }
            (finished, configurations) = CurveStore.parse(rows)
        } else {
            _ = try CSVWriter(url: url, columns: CurveStore.columns)
        }
    }

    /// `fnv1a64` of "`configuration`;learner=`learnerVersion`".
    public static func key(_ configuration: String) -> String { fnv1a64("\(configuration);learner=\(learnerVersion)") }

    /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes, as 16 hex digits.
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The stored run of `configuration`, if it finished.
    public func run(configuration: String) -> CurveRun? { finished[CurveStore.key(configuration)] }

    /// Appends `run`, finished under `configuration`.
    public func append(_ run: CurveRun, configuration: String) throws {
        try CurveStore.checkIdentifier(run.scheme)
        try CurveStore.checkIdentifier(configuration)
        let key = CurveStore.key(configuration)
        let prefix = [key, run.scheme, String(run.seed)]
        var rows = [prefix + ["configuration", "", configuration]]
        rows += zip(run.steps, run.values).map { prefix + ["curve", String($0), CSVWriter.cell($1)] }
        rows += zip(run.steps, run.kl).map { prefix + ["kl", String($0), CSVWriter.cell($1)] }
        rows += run.evaluations.map { prefix + ["evaluation", String($0.step), CSVWriter.cell($0.reward)] }
        rows += run.totals.keys.sorted().map { prefix + ["total:\($0)", "", CSVWriter.cell(run.totals[$0]!)] }
        rows.append(prefix + ["complete", "", ""])
        try CSVWriter(appendingTo: url, columns: CurveStore.columns).write(rows: rows)
        finished[key] = run
        configurations[key] = configuration
    }

    /// Appends every run of `others` (e.g. the stores of a job array's shards) that this store
    /// lacks, in the others' key order; returns how many it adopted.
    @discardableResult
    public func adopt(from others: [CurveStore]) throws -> Int {
        var adopted = 0
        for other in others {
            for key in other.finished.keys.sorted() where finished[key] == nil {
                try append(other.finished[key]!, configuration: other.configurations[key]!)
                adopted += 1
            }
        }
        return adopted
    }

    static func checkIdentifier(_ text: String) throws {
        guard !text.isEmpty, !text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else {
            throw HarnessError.invalidPlan("'\(text)' cannot name a stored run: no commas, double quotes or line breaks")
        }
    }

    /// Complete runs and their configuration strings by key, from the store's records; malformed
    /// records are skipped.
    static func parse(_ rows: [[String]]) -> (runs: [String: CurveRun], configurations: [String: String]) {
        typealias Pending = (steps: [Int], values: [Double], kl: [Double], evaluations: [(step: Int, reward: Double)],
                             totals: [String: Double])
        let empty: Pending = ([], [], [], [], [:])
        var pending: [String: Pending] = [:]
        var complete: [String: CurveRun] = [:]
        var configurations: [String: String] = [:]
        var pendingConfigurations: [String: String] = [:]
        for cells in rows {
            guard let seed = Int(cells[2]) else { continue }
            let key = cells[0]
            switch cells[3] {
            case "configuration":
                pending[key] = empty  // a new copy starts (after a torn one)
                pendingConfigurations[key] = cells[5]
            case "curve":
                guard let step = Int(cells[4]), let value = Double(cells[5]) else { continue }
                pending[key, default: empty].steps.append(step)
                pending[key, default: empty].values.append(value)
            case "kl":
                guard Int(cells[4]) != nil, let value = Double(cells[5]) else { continue }
                pending[key, default: empty].kl.append(value)
            case "evaluation":
                guard let step = Int(cells[4]), let value = Double(cells[5]) else { continue }
                pending[key, default: empty].evaluations.append((step, value))
            case "complete":
                if let run = pending.removeValue(forKey: key), !run.steps.isEmpty, run.steps.count == run.values.count,
                   let configuration = pendingConfigurations[key] {
                    complete[key] = CurveRun(scheme: cells[1], seed: seed, steps: run.steps, values: run.values,
                                             kl: run.kl.count == run.steps.count ? run.kl : [], evaluations: run.evaluations,
                                             totals: run.totals)
                    configurations[key] = configuration
                }
            default:
                guard cells[3].hasPrefix("total:"), let value = Double(cells[5]) else { continue }
                pending[key, default: empty].totals[String(cells[3].dropFirst("total:".count))] = value
            }
        }
        return (complete, configurations)
    }
}

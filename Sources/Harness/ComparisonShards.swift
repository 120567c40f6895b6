import Foundation

/// One shard's share of an estimator comparison, and the step that puts the shards together, so a
/// sweep can run as a cluster job array and still give the files a single process writes.
///
/// The plan's independent runs are its instances (each instance's estimator runs stay together,
/// in order, on one worker: a task game caches its reward-model calls). Shard `index` of `count`
/// runs instances index, index + count, index + 2 count, ... and appends each finished instance's
/// records as one JSON line to `shards/shard-<index>-of-<count>.jsonl` under the output folder,
/// so a killed shard keeps what it finished and a resubmitted one skips it (a torn last line is
/// ignored and redone). Each shard writes only its own file. `collect` reads every shard file of
/// the count, checks that each instance is there exactly once, and returns the records in plan
/// order, which `ComparisonOutput` then writes as one process would.
///
/// A run in one process is shard 0 of 1: its file is the journal `compare --resume` finishes
/// from (`finished(_:)` gives back what it holds, `run` skips it).
public struct ComparisonShards {
    public let folder: URL
    public let count: Int

    public init(folder: URL, count: Int) throws {
        guard count >= 1 else { throw HarnessError.invalidPlan("the shard count must be at least 1, got \(count)") }
        self.folder = folder.appendingPathComponent("shards")
        self.count = count
    }

    /// The file shard `index` writes.
    public func file(_ index: Int) -> URL {
        folder.appendingPathComponent("shard-\(index)-of-\(count).jsonl")
    }

    /// The instances shard `index` runs, in plan order.
    public func planIndices(of index: Int, total: Int) -> [Int] {
        Array(stride(from: index, to: total, by: count))
    }

    /// One finished instance: its index in the plan and its records.
    struct Finished: Codable {
        let instance: Int
        let records: [ComparisonRecord]
    }

    /// The instances shard `index`'s file holds (plan indices, in the order written) and their
    /// records, in that order.
    public func finished(_ index: Int) throws -> (instances: [Int], records: [ComparisonRecord]) {
        let finished = try Self.read(file(index))
        return (finished.map(\.instance), finished.flatMap(\.records))
    }

    /// Deletes shard `index`'s file, so that its next `run` starts from nothing.
    public func discard(_ index: Int) throws {
        let url = file(index)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
    }

    /// Runs shard `index` of `instances` under `plan` (skipping the instances its file already
    /// holds) and returns how many instances it ran. Each finished instance's records go to the
    /// file, then to `onFinished`, in plan order.
    @discardableResult
    public func run(_ index: Int, instances: [ComparisonInstance], plan: ComparisonPlan, jobs: Int,
                    onProgress: (Int) -> Void = { _ in },
                    onFinished: ([ComparisonRecord]) throws -> Void = { _ in }) throws -> Int {
        guard (0..<count).contains(index) else {
            throw HarnessError.invalidPlan("shard \(index) does not exist; shards are 0..<\(count)")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = file(index)
        let done = Set(try Self.read(url).map(\.instance))
        let todo = planIndices(of: index, total: instances.count).filter { !done.contains($0) }
        if !FileManager.default.fileExists(atPath: url.path) {
            FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let handle = try FileHandle(forUpdating: url)
        defer { try? handle.close() }
        try Self.endCleanly(handle)
        var attempted = 0
        try OrderedParallel.run(
            count: todo.count, jobs: jobs,
            work: { position in try EstimatorComparison.runs(on: instances[todo[position]], index: todo[position], plan: plan) },
            emit: { position, finished in
                attempted += finished.attempted
                onProgress(attempted)
                let line = try Self.encoder.encode(Finished(instance: todo[position], records: finished.records))
                try handle.write(contentsOf: line + Data("\n".utf8))
                try onFinished(finished.records)
            })
        return todo.count
    }

    /// Every shard's records in plan order, or an error naming the missing instances and the
    /// shards to rerun.
    public func collect(total: Int) throws -> [ComparisonRecord] {
        var byInstance: [Int: [ComparisonRecord]] = [:]
        for index in 0..<count {
            for finished in try Self.read(file(index)) {
                guard byInstance[finished.instance] == nil else {
                    throw HarnessError.invalidPlan("instance \(finished.instance) was written twice (in \(file(index).lastPathComponent) and an earlier shard file); remove the stray copy")
                }
                guard (0..<total).contains(finished.instance) else {
                    throw HarnessError.invalidPlan("\(file(index).lastPathComponent) holds instance \(finished.instance), but the plan has \(total); was it written by another configuration?")
                }
                byInstance[finished.instance] = finished.records
            }
        }
        let missing = (0..<total).filter { byInstance[$0] == nil }
        guard missing.isEmpty else {
            let shards = Set(missing.map { $0 % count }).sorted()
            throw HarnessError.invalidPlan(
                "\(missing.count) of \(total) instances are missing (\(missing.prefix(10).map(String.init).joined(separator: ", "))\(missing.count > 10 ? ", ..." : "")); rerun shards \(shards.map(String.init).joined(separator: ",")) with --shard I/\(count)")
        }
        return (0..<total).flatMap { byInstance[$0]! }
    }

    /// The finished instances of a shard file (none if it does not exist). Only lines ended by a
    /// line break count: a shard killed mid-write leaves a torn last line, which is skipped here
    /// and cut by `endCleanly` before the shard writes again.
    static func read(_ url: URL) throws -> [Finished] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        let complete = data[..<(data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)]
        return try complete.split(separator: UInt8(ascii: "\n")).enumerated().map { number, line in
            do {
                return try decoder.decode(Finished.self, from: Data(line))
            } catch {
                throw HarnessError.invalidPlan("\(url.path) line \(number + 1) is not a finished instance; the file is damaged")
            }
        }
    }

    /// Cuts a torn last line (a shard killed mid-write) so the next line starts cleanly.
    private static func endCleanly(_ handle: FileHandle) throws {
        try handle.seek(toOffset: 0)
        let data = try handle.readToEnd() ?? Data()
        let keep = data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        try handle.truncate(atOffset: UInt64(keep))
        try handle.seekToEnd()
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()
}

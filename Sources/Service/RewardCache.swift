import Foundation

/// Scores of one reward model kept on disk, so that a resumed run does not ask again.
///
/// One JSON-lines file per key (the reward model's URL and reference) in `directory`, named by
/// a 64-bit FNV-1a hash of the key; its first line holds the key itself, each further line
/// `{"text": ..., "score": ...}`. A file whose first line names another key (a hash collision)
/// or that cannot be parsed is refused with a one-line error rather than trusted.
final class RewardCache: @unchecked Sendable {
    private let path: String
    private var scores: [String: Double] = [:]
    private let lock = NSLock()

    private struct Entry: Codable {
        var text: String
        var score: Double
    }

    private struct Header: Codable {
        var key: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(directory: String, key: String) throws {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        path = (directory as NSString).appendingPathComponent(String(format: "%016llx.jsonl", hash))
        let decoder = JSONDecoder()
        if let data = FileManager.default.contents(atPath: path) {
            let lines = data.split(separator: UInt8(ascii: "\n"))
            guard let first = lines.first, let header = try? decoder.decode(Header.self, from: Data(first)), header.key == key else {
                throw Failure(description: "cache file \(path) belongs to another reward model")
            }
            for line in lines.dropFirst() {
                guard let entry = try? decoder.decode(Entry.self, from: Data(line)) else {
                    throw Failure(description: "cache file \(path) has a malformed line")
                }
                scores[entry.text] = entry.score
            }
        } else {
            try append([try JSONEncoder().encode(Header(key: key))])
        }
    }

    func score(of text: String) -> Double? { lock.withLock { scores[text] } }

    /// Keeps `found` in memory and appends it to the file.
    func add(_ found: [String: Double]) throws {
        guard !found.isEmpty else { return }
        let encoder = JSONEncoder()
        let lines = try found.map { try encoder.encode(Entry(text: $0.key, score: $0.value)) }
        try lock.withLock {
            scores.merge(found) { $1 }
            try append(lines)
        }
    }

    private func append(_ lines: [Data]) throws {
        var data = Data()
        for line in lines {
            data.append(line)
            data.append(UInt8(ascii: "\n"))
        }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw Failure(description: "cannot create the cache file \(path)")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw Failure(description: "cannot write the cache file \(path)") }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
    }
}

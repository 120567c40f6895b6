import Foundation

/// A CSV file written row by row (RFC 4180 quoting), flushed after every row so that finished
/// rows survive a later failure. Doubles are written with full round-trip precision; `nil` is an
/// empty cell (pandas reads it as NaN). A new file starts with its header; an existing one can
/// be appended to (`init(appendingTo:columns:)`), and a group of rows that belongs together can
/// go in one write (`write(rows:)`).
public final class CSVWriter {
    private let handle: FileHandle
    public let columns: [String]

    public init(url: URL, columns: [String]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CSVError.cannotWrite(url.path)
        }
        handle = try FileHandle(forWritingTo: url)
        self.columns = columns
        try write(columns)
    }

    /// Opens the existing file `url`, whose header is `columns`, to append rows at its end. A
    /// last line without its line end (torn by an interrupted write) is ended first, so that the
    /// next row starts a line of its own.
    public init(appendingTo url: URL, columns: [String]) throws {
        handle = try FileHandle(forUpdating: url)
        self.columns = columns
        let end = try handle.seekToEnd()
        if end > 0 {
            try handle.seek(toOffset: end - 1)
            let last = handle.readData(ofLength: 1)
            try handle.seekToEnd()
            if last != Data("\n".utf8) { try handle.write(contentsOf: Data("\n".utf8)) }
        }
    }

    deinit { try? handle.close() }

    public func write(_ cells: [String]) throws {
        try write(rows: [cells])
    }

    /// Writes `rows` with one write call (e.g. every row of one finished run of a store).
    public func write(rows: [[String]]) throws {
        var text = ""
        for cells in rows {
            precondition(cells.count == columns.count, "a CSV row needs \(columns.count) cells")
            text += cells.map(CSVWriter.quote).joined(separator: ",") + "\n"
        }
        try handle.write(contentsOf: Data(text.utf8))
    }

    public static func cell(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
    public static func cell(_ value: Int?) -> String { value.map(String.init) ?? "" }

    public static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

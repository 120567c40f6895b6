import Foundation

/// A CSV file written row by row (RFC 4180 quoting), flushed after every row so that finished
/// rows survive a later failure. Doubles are written with full round-trip precision; `nil` is an
/// empty cell (pandas reads it as NaN).
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

    deinit { try? handle.close() }

    public func write(_ cells: [String]) throws {
        precondition(cells.count == columns.count, "a CSV row needs \(columns.count) cells")
        try handle.write(contentsOf: Data((cells.map(CSVWriter.quote).joined(separator: ",") + "\n").utf8))
    }

    public static func cell(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
    public static func cell(_ value: Int?) -> String { value.map(String.init) ?? "" }

    public static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

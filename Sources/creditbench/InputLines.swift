import Foundation

/// The line-oriented input of the `score` commands: a file, or standard input when no path is
/// given. Lines are split on "\n" with a trailing "\r" dropped; invalid UTF-8 becomes U+FFFD;
/// a final empty line (a file ending in a newline) is not a line.
enum InputLines {
    struct Unreadable: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read input file \(path)" }
    }

    /// A failure tied to one input line; earlier lines' output stays written.
    struct LineError: Error, CustomStringConvertible {
        let number: Int
        let problem: String
        var description: String { "line \(number): \(problem)" }
    }

    /// Calls `body` with each line and its number (from 1).
    static func forEach(path: String?, _ body: (Int, String) throws -> Void) throws {
        let data: Data
        if let path {
            guard let contents = FileManager.default.contents(atPath: path) else { throw Unreadable(path: path) }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            try body(index + 1, String(decoding: bytes, as: UTF8.self))
        }
    }
}

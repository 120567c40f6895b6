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
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var start = 0
            var number = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                var last = end
                if last > start && bytes[last - 1] == UInt8(ascii: "\r") { last -= 1 }
                number += 1
                try body(number, String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self))
                start = end + 1
            }
        }
    }
}

import Foundation

/// Comma-separated files read per RFC 4180: a header row, then one record per line; a field
/// may be enclosed in double quotes, inside which commas and line breaks are literal and `""`
/// stands for one `"`. Line ends may be LF or CR LF; a final line end is optional; blank lines
/// are skipped. The header must equal the expected one and every record must have as many
/// fields as the header; a violation is a one-line error naming the file and line. A file that
/// is appended to as work finishes (e.g. a store of learning runs) may end in a record torn by
/// an interrupted write: with `skippingRecordsOfOtherWidths` such records (too few or too many
/// fields) are skipped instead, so the rest of the file is still read.
///
/// Records are handed to a transform as they are parsed (one reused field array), so a
/// 100,000-line file never exists as an array of rows.
public enum CSVReader {
    /// Reads `url` and maps each record (its 1-based starting line and its fields) through `transform`.
    public static func records<T>(contentsOf url: URL, expectedHeader: [String], skippingRecordsOfOtherWidths: Bool = false,
                           _ transform: (_ line: Int, _ fields: [String]) throws -> T) throws -> [T] {
        try records(bytes: [UInt8](Data(contentsOf: url)), file: url.lastPathComponent, expectedHeader: expectedHeader,
                    skippingRecordsOfOtherWidths: skippingRecordsOfOtherWidths, transform)
    }

    public static func records<T>(bytes: [UInt8], file: String, expectedHeader: [String], skippingRecordsOfOtherWidths: Bool = false,
                           _ transform: (_ line: Int, _ fields: [String]) throws -> T) throws -> [T] {
        var result: [T] = []
        var sawHeader = false
        try parse(bytes, file: file) { line, fields in
            guard sawHeader else {
                guard fields == expectedHeader else {
                    throw CSVError.malformed(
                        file: file, line: line,
                        reason: "header is \(fields.joined(separator: ",")), expected \(expectedHeader.joined(separator: ","))")
                }
                sawHeader = true
                return
            }
            guard fields.count == expectedHeader.count else {
                if skippingRecordsOfOtherWidths { return }
                throw CSVError.malformed(file: file, line: line, reason: "\(fields.count) fields, expected \(expectedHeader.count)")
            }
            result.append(try transform(line, fields))
        }
        guard sawHeader else {
            throw CSVError.malformed(file: file, line: 1, reason: "empty file, expected the header \(expectedHeader.joined(separator: ","))")
        }
        return result
    }

    /// Splits the bytes into records of fields (UTF-8 decoded) and hands each to `record`. An
    /// unquoted field is decoded straight from its byte range; a quoted one is unescaped first.
    private static func parse(_ bytes: [UInt8], file: String, record: (_ line: Int, _ fields: [String]) throws -> Void) throws {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        try bytes.withUnsafeBufferPointer { bytes in
            var fields: [String] = []
            var line = 1
            var index = 0
            let end = bytes.count
            while index < end {
                let recordLine = line
                while true {
                    // One field, starting at `index`.
                    if index < end && bytes[index] == quote {
                        var unescaped: [UInt8] = []
                        index += 1
                        while true {
                            guard index < end else {
                                throw CSVError.malformed(file: file, line: recordLine, reason: "a quoted field is never closed")
                            }
                            let byte = bytes[index]
                            index += 1
                            if byte == quote {
                                guard index < end && bytes[index] == quote else { break }
                                index += 1
                            } else if byte == lf {
                                line += 1
                            }
                            unescaped.append(byte)
                        }
                        fields.append(String(decoding: unescaped, as: UTF8.self))
                        guard index == end || bytes[index] == comma || bytes[index] == lf || bytes[index] == cr else {
                            throw CSVError.malformed(file: file, line: line, reason: "text after the closing quote of a field")
                        }
                    } else {
                        let start = index
                        while index < end, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr {
                            guard bytes[index] != quote else {
                                throw CSVError.malformed(file: file, line: line, reason: "a double quote inside an unquoted field")
                            }
                            index += 1
                        }
                        fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    }
                    guard index < end, bytes[index] == comma else { break }
                    index += 1
                }
                // At a line end or the end of the file.
                if index < end && bytes[index] == cr { index += 1 }
                if index < end && bytes[index] == lf { index += 1 }
                line += 1
                if !(fields.count == 1 && fields[0].isEmpty) { try record(recordLine, fields) }
                fields.removeAll(keepingCapacity: true)
            }
        }
    }
}

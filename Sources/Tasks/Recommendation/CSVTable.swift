import Foundation

/// A comma-separated file read per RFC 4180: a header row, then one record per line; a field
/// may be enclosed in double quotes, inside which commas and line breaks are literal and `""`
/// stands for one `"`. Line ends may be LF or CR LF; a final line end is optional; blank lines
/// are skipped. Every record must have as many fields as the header.
struct CSVTable {
    let header: [String]
    /// The records with the (1-based) file line each starts on.
    let records: [(line: Int, fields: [String])]

    /// Reads `url`, requiring the header to be exactly `expectedHeader`.
    init(contentsOf url: URL, expectedHeader: [String]) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        try self.init(bytes: bytes, file: url.lastPathComponent, expectedHeader: expectedHeader)
    }

    init(bytes: [UInt8], file: String, expectedHeader: [String]) throws {
        var rows = try CSVTable.parse(bytes, file: file)
        guard !rows.isEmpty else {
            throw RecommendationError.malformedFile(file: file, line: 1, reason: "empty file, expected the header \(expectedHeader.joined(separator: ","))")
        }
        let header = rows.removeFirst()
        guard header.fields == expectedHeader else {
            throw RecommendationError.malformedFile(
                file: file, line: header.line,
                reason: "header is \(header.fields.joined(separator: ",")), expected \(expectedHeader.joined(separator: ","))")
        }
        for row in rows where row.fields.count != header.fields.count {
            throw RecommendationError.malformedFile(
                file: file, line: row.line, reason: "\(row.fields.count) fields, expected \(header.fields.count)")
        }
        self.header = header.fields
        self.records = rows
    }

    /// Splits the bytes into records of fields (UTF-8 decoded). An unquoted field is decoded
    /// straight from its byte range; a quoted one is unescaped into a buffer first.
    private static func parse(_ bytes: [UInt8], file: String) throws -> [(line: Int, fields: [String])] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        return try bytes.withUnsafeBufferPointer { bytes in
            var rows: [(line: Int, fields: [String])] = []
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
                                throw RecommendationError.malformedFile(file: file, line: recordLine, reason: "a quoted field is never closed")
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
                            throw RecommendationError.malformedFile(file: file, line: line, reason: "text after the closing quote of a field")
                        }
                    } else {
                        let start = index
                        while index < end, bytes[index] != comma, bytes[index] != lf, bytes[index] != cr {
                            guard bytes[index] != quote else {
                                throw RecommendationError.malformedFile(file: file, line: line, reason: "a double quote inside an unquoted field")
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
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append((recordLine, fields)) }
                fields.removeAll(keepingCapacity: true)
            }
            return rows
        }
    }
}

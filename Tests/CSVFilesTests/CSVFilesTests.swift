import Foundation
import Testing
import CSVFiles

/// RFC 4180 reading and writing, with expected texts written out by hand.
@Suite struct CSVFilesTests {
    @Test func readerFollowsRFC4180() throws {
        let text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\n2,\"two\nlines\",\n3,,plain"
        let records = try CSVReader.records(bytes: Array(text.utf8), file: "t.csv", expectedHeader: ["a", "b", "c"]) { ($0, $1) }
        #expect(records.map(\.1) == [["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""], ["3", "", "plain"]])
        #expect(records.map(\.0) == [2, 4, 6])
    }

    @Test func malformedFilesGiveOneLineErrors() throws {
        let cases: [(String, String)] = [
            ("a,b\n1,\"open\n", "t.csv line 2: a quoted field is never closed"),
            ("a,b\n1,2,3\n", "t.csv line 2: 3 fields, expected 2"),
            ("a,b\n1,x\"y\n", "t.csv line 2: a double quote inside an unquoted field"),
            ("a,b\n1,\"x\"y\n", "t.csv line 2: text after the closing quote of a field"),
            ("x,b\n", "t.csv line 1: header is x,b, expected a,b"),
            ("\n", "t.csv line 1: empty file, expected the header a,b"),
        ]
        for (text, message) in cases {
            #expect {
                _ = try CSVReader.records(bytes: Array(text.utf8), file: "t.csv", expectedHeader: ["a", "b"]) { $1 }
            } throws: { error in
                "\(error)" == message
            }
        }
    }

    @Test func writerQuotesWhenNeededAndTheReaderReadsItBack() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("creditbench-csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let rows = [["x,y", "say \"hi\""], ["two\nlines", ""], [CSVWriter.cell(0.1), CSVWriter.cell(nil as Int?)]]
        let writer = try CSVWriter(url: url, columns: ["a", "b"])
        for row in rows { try writer.write(row) }
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n0.1,\n")
        #expect(try CSVReader.records(contentsOf: url, expectedHeader: ["a", "b"]) { $1 } == rows)
    }

    @Test("Appending ends a torn last line first; the lenient reader skips records of another width and reads the rest")
    func appendingAfterATornLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("creditbench-csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("a,b,c\n1,2,3\n4,5".utf8).write(to: url)  // the second record torn mid-write
        try CSVWriter(appendingTo: url, columns: ["a", "b", "c"]).write(rows: [["6", "7", "8"], ["9", "x,y", ""]])
        #expect(try String(contentsOf: url, encoding: .utf8) == "a,b,c\n1,2,3\n4,5\n6,7,8\n9,\"x,y\",\n")
        #expect(try CSVReader.records(contentsOf: url, expectedHeader: ["a", "b", "c"], skippingRecordsOfOtherWidths: true) { $1 }
                == [["1", "2", "3"], ["6", "7", "8"], ["9", "x,y", ""]])
        #expect(throws: CSVError.malformed(file: url.lastPathComponent, line: 3, reason: "2 fields, expected 3")) {
            try CSVReader.records(contentsOf: url, expectedHeader: ["a", "b", "c"]) { $1 }
        }
    }
}

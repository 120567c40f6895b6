import Foundation

/// One human-rated snippet from Hutto & Gilbert's ground-truth files (`*_GroundTruth.txt`):
/// an id, the mean of the human sentiment ratings in [-4, 4], and the text.
public struct SentimentSnippet: Hashable, Sendable {
    public let id: String
    public let rating: Double
    public let text: String

    public init(id: String, rating: Double, text: String) {
        self.id = id
        self.rating = rating
        self.text = text
    }
}

/// Reads the ground-truth files: one snippet per line, `id<TAB>mean<TAB>text`, lines ending in
/// CRLF or LF (the files use CRLF; the last line has no terminator). Blank lines are skipped.
public enum SentimentSnippets {
    public struct FormatError: Error, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    /// The file `tasks/sentiment/<name>_GroundTruth.txt`, e.g. `load("movieReviewSnippets")`.
    public static func load(_ name: String) throws -> [SentimentSnippet] {
        try load(from: ProjectPaths.taskFile("sentiment", "\(name)_GroundTruth.txt"))
    }

    public static func load(from url: URL) throws -> [SentimentSnippet] {
        let contents = try String(contentsOf: url, encoding: .utf8)
        return try parse(contents, file: url.lastPathComponent)
    }

    /// Parses the contents of a ground-truth file; `file` only names it in errors.
    public static func parse(_ contents: String, file: String = "input") throws -> [SentimentSnippet] {
        var snippets: [SentimentSnippet] = []
        // "\r\n" is a single Character in Swift, and a newline, so this splits CRLF and LF alike.
        for (offset, line) in contents.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw FormatError(file: file, line: offset + 1, reason: "expected id<TAB>rating<TAB>text, found \(fields.count) field(s)")
            }
            guard let rating = Double(fields[1]), rating.isFinite, (-4...4).contains(rating) else {
                throw FormatError(file: file, line: offset + 1, reason: "rating '\(fields[1])' is not a number in [-4, 4]")
            }
            snippets.append(SentimentSnippet(id: String(fields[0]), rating: rating, text: String(fields[2])))
        }
        return snippets
    }
}

import Foundation

/// One BBC News article with its extractive reference summary.
public struct BBCArticle: Hashable, Sendable {
    /// `topic/NNN`, e.g. "business/001".
    public let id: String
    public let topic: String
    public let title: String
    /// The body, one sentence per element: the article file's lines after the title, blank
    /// lines (paragraph breaks) dropped.
    public let sentences: [String]
    /// The reference summary, one sentence per element (each is also a body sentence).
    public let summarySentences: [String]

    /// The body sentences joined by newlines (ROUGE-Lsum's sentence separator).
    public var body: String { sentences.joined(separator: "\n") }
    /// The reference summary's sentences joined by newlines.
    public var summary: String { summarySentences.joined(separator: "\n") }
}

/// The summarization task's corpus, `tasks/summarization/bbc`: `article/TOPIC/NNN.txt` (line 1
/// the title, then one sentence per line with blank lines between paragraphs) paired with
/// `summary/TOPIC/NNN.txt` (one sentence per line). See `tasks/summarization/README.md`.
public enum BBCCorpus {
    public struct FormatError: Error, Equatable, CustomStringConvertible {
        public let id: String
        public let reason: String
        public var description: String { "BBC corpus \(id): \(reason)" }
    }

    /// All articles under `tasks/summarization/bbc`, sorted by topic then file name.
    public static func load() throws -> [BBCArticle] {
        try load(from: ProjectPaths.taskFile("summarization", "bbc"))
    }

    /// All articles under `folder` (which holds `article/` and `summary/`), sorted by id.
    public static func load(from folder: URL) throws -> [BBCArticle] {
        let articles = folder.appendingPathComponent("article")
        let fileManager = FileManager.default
        var result: [BBCArticle] = []
        for topic in try fileManager.contentsOfDirectory(atPath: articles.path).sorted() {
            let topicFolder = articles.appendingPathComponent(topic)
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: topicFolder.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            for file in try fileManager.contentsOfDirectory(atPath: topicFolder.path).sorted() where file.hasSuffix(".txt") {
                let id = "\(topic)/\(file.dropLast(4))"
                let summaryFile = folder.appendingPathComponent("summary").appendingPathComponent(topic).appendingPathComponent(file)
                guard fileManager.fileExists(atPath: summaryFile.path) else {
                    throw FormatError(id: id, reason: "no reference summary (expected summary/\(topic)/\(file))")
                }
                result.append(try parse(
                    id: id,
                    article: String(contentsOf: topicFolder.appendingPathComponent(file), encoding: .utf8),
                    summary: String(contentsOf: summaryFile, encoding: .utf8)
                ))
            }
        }
        guard !result.isEmpty else { throw FormatError(id: folder.path, reason: "no articles under article/TOPIC/*.txt") }
        return result
    }

    /// One article from its two files' contents; `id` is `topic/NNN`.
    public static func parse(id: String, article: String, summary: String) throws -> BBCArticle {
        let articleLines = nonBlankLines(article)
        guard let title = articleLines.first else { throw FormatError(id: id, reason: "empty article") }
        let sentences = Array(articleLines.dropFirst())
        guard !sentences.isEmpty else { throw FormatError(id: id, reason: "article has a title but no body") }
        let summarySentences = nonBlankLines(summary)
        guard !summarySentences.isEmpty else { throw FormatError(id: id, reason: "empty reference summary") }
        return BBCArticle(
            id: id, topic: String(id.prefix { $0 != "/" }), title: title,
            sentences: sentences, summarySentences: summarySentences
        )
    }

    /// The lines (LF or CR LF) that hold more than whitespace, unchanged.
    private static func nonBlankLines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map(String.init)
            .filter { !$0.allSatisfy(\.isWhitespace) }
    }
}

import ArgumentParser
import Foundation
import Tasks

/// `creditbench score sentiment --model vader [--input FILE]`: scores each input line (one
/// text per line; `\n`-separated, a trailing `\r` dropped, invalid UTF-8 replaced by U+FFFD)
/// and writes one JSON object per line, numbers in Swift's shortest round-trip form.
struct ScoreSentiment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Score texts with a sentiment model; one JSON object per input line."
    )

    /// The sentiment models; a new model is a new case plus its arm in `load()`.
    enum Model: String, CaseIterable, ExpressibleByArgument {
        /// VADER: keys compound, neg, neu, pos.
        case vader

        func load() throws -> any SentimentLineScorer {
            switch self {
            case .vader: return try VaderSentiment.standard()
            }
        }
    }

    struct InputError: Error, CustomStringConvertible {
        let path: String
        var description: String { "cannot read input file \(path)" }
    }

    @Option(help: "The sentiment model.")
    var model: Model = .vader

    @Option(help: "A file with one text per line (default: standard input).")
    var input: String?

    func run() throws {
        let data: Data
        if let path = input {
            guard let contents = FileManager.default.contents(atPath: path) else { throw InputError(path: path) }
            data = contents
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        let scorer = try model.load()
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var output = ""
        for line in lines {
            let bytes = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            let fields = try scorer.scoreFields(String(decoding: bytes, as: UTF8.self))
            output += "{" + fields.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// A sentiment model as `score sentiment` prints it: named numbers for one text, in order.
protocol SentimentLineScorer {
    func scoreFields(_ text: String) throws -> KeyValuePairs<String, Double>
}

extension VaderSentiment: SentimentLineScorer {
    func scoreFields(_ text: String) -> KeyValuePairs<String, Double> {
        let scores = polarityScores(text)
        return ["compound": scores.compound, "neg": scores.neg, "neu": scores.neu, "pos": scores.pos]
    }
}

import ArgumentParser
import Foundation
import Tasks

struct ScoreRouge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rouge",
        abstract: "ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum as rouge-score 0.1.2 computes them.",
        discussion: """
        Reads JSON lines {"prediction": "...", "reference": "..."} and writes, per line, \
        {"rouge1": {"fmeasure": f, "precision": p, "recall": r}, "rouge2": ..., "rougeL": ..., "rougeLsum": ...} \
        with doubles that round-trip exactly. Sentences for ROUGE-Lsum are the lines of a text (split on "\\n"). \
        With --tokens it writes the ROUGE tokens instead: {"prediction": [...], "reference": [...]}. \
        A malformed line stops the run with an error naming its line number; lines before it stay written.

        Example:
          echo '{"prediction": "the cat sat", "reference": "the cat sat down"}' | creditbench score rouge --stemmer
        """
    )

    @Flag(help: "Stem tokens longer than 3 characters with nltk's Porter stemmer (rouge-score's use_stemmer=True).")
    var stemmer = false

    @Option(help: "JSON-lines input file (default: standard input).")
    var input: String?

    @Flag(help: "Write the tokens ROUGE compares instead of the scores.")
    var tokens = false

    func run() throws {
        let scorer = RougeScorer(stemming: stemmer)
        try InputLines.forEach(path: input) { number, line in
            let pair = try RougePair(line: line, number: number)
            if tokens {
                let tokenizer = scorer.tokenizer
                print(try JSONOutput.string(RougePair.Tokens(
                    prediction: tokenizer.tokens(pair.prediction), reference: tokenizer.tokens(pair.reference))))
            } else {
                print(try JSONOutput.string(scorer.score(prediction: pair.prediction, reference: pair.reference)))
            }
        }
    }
}

/// One input line of `score rouge`.
private struct RougePair {
    let prediction: String
    let reference: String

    struct Tokens: Encodable {
        let prediction: [String]
        let reference: [String]
    }

    init(line: String, number: Int) throws {
        let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        guard let object = parsed as? [String: Any] else {
            throw InputLines.LineError(number: number, problem: "not a JSON object")
        }
        func text(_ key: String) throws -> String {
            guard let value = object[key] else { throw InputLines.LineError(number: number, problem: "missing key \"\(key)\"") }
            guard let string = value as? String else {
                throw InputLines.LineError(number: number, problem: "\"\(key)\" must be a string")
            }
            return string
        }
        prediction = try text("prediction")
        reference = try text("reference")
    }
}

import ArgumentParser
import Foundation
import Shapley
import Tasks

/// `creditbench score language [--input FILE]`: langdetect 1.0.9's `detect(text)`, seeded as
/// `DetectorFactory.seed = 0`, on each JSON line {"text": "..."}.
struct ScoreLanguage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Detect each text's language as seeded langdetect 1.0.9 does (the IFEval language checks' detector).",
        discussion: """
        Reads JSON lines {"text": "..."} and writes, per line, {"language": "xx"} (one of the 55 profiles' codes, \
        or "unknown" when no language scores above 0.1) or {"error": "No features in text."} where langdetect \
        raises LangDetectException. The detector is a port of langdetect's, with its profiles from \
        tasks/instructions/langdetect/, seeded as DetectorFactory.seed = 0. A malformed line stops the run with an \
        error naming its line number; lines before it stay written.

        Example:
          echo '{"text": "Ceci est une phrase en français."}' | creditbench score language
        """
    )

    @Option(help: "JSON-lines input file (default: standard input).")
    var input: String?

    struct Line: Decodable {
        let text: String
    }

    struct Output: Encodable {
        let language: String?
        let error: String?
    }

    func run() throws {
        let detector = try LanguageDetector.shared()
        try InputLines.forEach(path: input) { number, line in
            let parsed: Line
            do {
                parsed = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            } catch let error as DecodingError {
                throw InputLines.LineError(number: number, problem: GameFile.describe(error))
            }
            let output: Output
            do {
                output = Output(language: try detector.detect(PythonText.text(parsed.text)), error: nil)
            } catch {
                output = Output(language: nil, error: String(describing: error))
            }
            print(try JSONOutput.string(output))
        }
    }
}

import ArgumentParser
import Foundation
import Tasks

struct ScoreIFEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ifeval",
        abstract: "IFEval verifiable-instruction checks (Google's instruction_following_eval), strict and loose.",
        discussion: """
        Reads JSON lines {"prompt": "...", "response": "...", "instruction_id_list": [...], "kwargs": [{...}, ...]} \
        and writes, per line, {"strict": [...], "loose": [...], "instruction_reward": x, "prompt_reward": y}: \
        one verdict per instruction in order, x = fraction followed (strict), y = 1 if all are followed (strict) else 0. \
        Loose tries the reference's eight variants (first/last line removed, '*' removed). \
        Not faithful to the reference, because they need langdetect or NLTK Punkt data: \
        \(IFEvalScorer.unfaithfulInstructions.joined(separator: ", ")) (closest documented rules instead; \
        see IFEvalScorer.unfaithfulInstructions). An unknown id, bad kwargs or a malformed line stops the run \
        with an error naming its line number; lines before it stay written.

        Example:
          echo '{"prompt": "p", "response": "Hello there", "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]}' | creditbench score ifeval
        """
    )

    @Option(help: "JSON-lines input file (default: standard input).")
    var input: String?

    struct Line: Decodable {
        let prompt: String?
        let response: String
        let instruction_id_list: [String]
        let kwargs: [[String: IFEvalKwarg?]]
    }

    struct Output: Encodable {
        let strict: [Bool]
        let loose: [Bool]
        let instruction_reward: Double
        let prompt_reward: Double
    }

    struct LineError: Error, CustomStringConvertible {
        let number: Int
        let problem: String
        var description: String { "line \(number): \(problem)" }
    }

    func run() throws {
        let scorer = IFEvalScorer()
        try forEachLine { number, line in
            let parsed: Line
            do {
                parsed = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            } catch let error as DecodingError {
                throw LineError(number: number, problem: Self.summary(error))
            }
            let item = IFEvalItem(prompt: parsed.prompt ?? "", instructionIDs: parsed.instruction_id_list, kwargs: parsed.kwargs)
            do {
                let result = try scorer.evaluate(item, response: parsed.response)
                print(try JSONOutput.string(Output(
                    strict: result.strict, loose: result.loose,
                    instruction_reward: result.instructionLevelReward, prompt_reward: result.promptLevelReward)))
            } catch let error as IFEvalError {
                throw LineError(number: number, problem: error.description)
            }
        }
    }

    /// A one-line account of a decoding failure: what went wrong and where.
    static func summary(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _): return "missing key \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not a JSON object" : "bad value at \(path(context.codingPath))"
        @unknown default: return "malformed line"
        }
    }

    /// Calls `body` with each line (numbered from 1) of the input file or of standard input.
    private func forEachLine(_ body: (Int, String) throws -> Void) throws {
        if let input {
            guard let data = FileManager.default.contents(atPath: input) else {
                throw ValidationError("cannot read input file \(input)")
            }
            var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            for (index, line) in lines.enumerated() { try body(index + 1, String(line)) }
        } else {
            var number = 0
            while let line = readLine(strippingNewline: true) {
                number += 1
                try body(number, line)
            }
        }
    }
}

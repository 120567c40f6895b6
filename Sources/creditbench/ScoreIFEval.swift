import ArgumentParser
import Foundation
import Shapley
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
        The langdetect ids (language:response_language, change_case:english_capital, change_case:english_lowercase) \
        use a port of langdetect 1.0.9 seeded as DetectorFactory.seed = 0: their reference is the seeded \
        detector (Google's code calls it unseeded). Not faithful to the reference, because they need NLTK Punkt data: \
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

    func run() throws {
        let scorer = IFEvalScorer()
        let decoder = JSONDecoder()
        try InputLines.forEach(path: input) { number, line in
            let parsed: Line
            do {
                parsed = try decoder.decode(Line.self, from: Data(line.utf8))
            } catch let error as DecodingError {
                throw InputLines.LineError(number: number, problem: GameFile.describe(error))
            }
            let item = IFEvalItem(prompt: parsed.prompt ?? "", instructionIDs: parsed.instruction_id_list, kwargs: parsed.kwargs)
            do {
                let result = try scorer.evaluate(item, response: parsed.response)
                print(try JSONOutput.string(Output(
                    strict: result.strict, loose: result.loose,
                    instruction_reward: result.instructionLevelReward, prompt_reward: result.promptLevelReward)))
            } catch let error as IFEvalError {
                throw InputLines.LineError(number: number, problem: error.description)
            }
        }
    }
}

import Foundation

/// The IFEval prompts (`tasks/instructions/input_data.jsonl`: key, prompt, instruction ids,
/// kwargs) and GPT-4's responses to them (`input_response_data_gpt4_20231107_145030.jsonl`:
/// prompt, response), joined on the prompt text.
public struct IFEvalDataset: Sendable {
    public struct Entry: Sendable {
        public let key: Int
        public let item: IFEvalItem
        /// GPT-4's response, where the data set has one (540 of 541 prompts).
        public let referenceResponse: String?
    }

    public let entries: [Entry]

    public static func load() throws -> IFEvalDataset {
        struct PromptLine: Decodable {
            let key: Int
            let prompt: String
            let instruction_id_list: [String]
            let kwargs: [[String: IFEvalKwarg?]]
        }
        struct ResponseLine: Decodable {
            let prompt: String
            let response: String
        }
        let responses = try lines(of: ProjectPaths.taskFile("instructions", "input_response_data_gpt4_20231107_145030.jsonl"), as: ResponseLine.self)
        let responseByPrompt = Dictionary(responses.map { ($0.prompt, $0.response) }, uniquingKeysWith: { first, _ in first })
        let prompts = try lines(of: ProjectPaths.taskFile("instructions", "input_data.jsonl"), as: PromptLine.self)
        return IFEvalDataset(entries: prompts.map { line in
            Entry(key: line.key,
                  item: IFEvalItem(prompt: line.prompt, instructionIDs: line.instruction_id_list, kwargs: line.kwargs),
                  referenceResponse: responseByPrompt[line.prompt])
        })
    }

    /// The entry with this key, or a one-line error naming the valid range.
    public func entry(key: Int) throws -> Entry {
        guard let entry = entries.first(where: { $0.key == key }) else {
            let keys = entries.map(\.key)
            throw IFEvalDatasetError("no IFEval prompt has key \(key); keys run from \(keys.min() ?? 0) to \(keys.max() ?? 0) with gaps")
        }
        return entry
    }

    private static func lines<T: Decodable>(of url: URL, as type: T.Type) throws -> [T] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").enumerated().map { number, line in
            do { return try decoder.decode(T.self, from: Data(line.utf8)) } catch {
                throw IFEvalDatasetError("malformed line \(number + 1) of \(url.lastPathComponent)")
            }
        }
    }
}

public struct IFEvalDatasetError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

import ArgumentParser
import Foundation
import Harness
import Service
import Shapley
import Statistics
import Tasks

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shapley credit of each unit of one output (tokens, spans or sentences of a text; candidates of a set).",
        discussion: """
        The game: players are the output's units; v(S) is the reward of the output that keeps only the units \
        in S, in order (missing units removed, or replaced by --mask); v(empty) is the reward of the empty \
        output, so the credits sum to v(N) - v(empty). In a terminal the text is coloured by credit (green \
        positive, red negative, intensity = size), like SCAR's figure 1; --html writes the same as a page.

        Tasks and their reward models:
          sentiment       --text T [--model vader|learned | --reward-model URL]
          summarization   --text SUMMARY --reference REF [--rouge rouge1|rouge2|rougeL|mean] [--stemmer]
                          [or --reward-model URL, sent the reference with each batch]
          instructions    --prompt-key K [--text RESPONSE] [--ifeval-level instruction|prompt]
                          (IFEval prompt K from tasks/instructions; the default response is GPT-4's)
          recommendation  --user ID --candidates ID,ID,... [--utility best|mnl|coverage]
                          (MovieLens users and movie ids; relevance = held-out rating)

        The estimator defaults to exact for up to 16 units and kernelshap-paired (100 calls per unit) above. \
        owen groups tokens by spans and spans by sentences.

        Examples:
          creditbench explain --task sentiment --text "The movie was not good, but the acting was great!" --units tokens
          creditbench explain --task sentiment --model learned --text "A dull, lifeless film." --units tokens --html credit.html
          creditbench explain --task instructions --prompt-key 1000 --units sentences --estimator kernelshap-paired --budget 400
          creditbench explain --task recommendation --user 1 --candidates 1,50,260,296,2571 --utility best
        """
    )

    enum TaskName: String, ExpressibleByArgument, CaseIterable {
        case sentiment, summarization, instructions, recommendation
    }

    enum SentimentModel: String, ExpressibleByArgument, CaseIterable {
        case vader, learned
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "sentiment, summarization, instructions or recommendation.")
    var task: TaskName

    @Option(help: "The text to explain (sentiment, summarization, instructions).")
    var text: String?

    @Option(help: "Unit level: tokens, spans, spans:K (at most K tokens) or sentences.")
    var units: String = "spans"

    @Option(help: "Replace each run of missing units by this token instead of removing it.")
    var mask: String?

    @Option(help: "Sentiment model: vader or learned.")
    var model: SentimentModel = .vader

    @Option(help: "Reference summary (summarization).")
    var reference: String?

    @Option(help: "ROUGE variant for the summarization reward: rouge1, rouge2, rougeL or mean.")
    var rouge: String = "rouge1"

    @Flag(help: "Porter-stem tokens before ROUGE matching.")
    var stemmer = false

    @Option(help: "IFEval prompt key (instructions).")
    var promptKey: Int?

    @Option(help: "IFEval reward: instruction (fraction followed) or prompt (all or nothing).")
    var ifevalLevel: String = "instruction"

    @Option(help: "MovieLens user id (recommendation).")
    var user: Int?

    @Option(help: "Comma-separated MovieLens movie ids (recommendation).")
    var candidates: CommaSeparated<Int>?

    @Option(help: "Set utility: best, mnl or coverage (recommendation).")
    var utility: String = "best"

    @Option(help: "Estimator (default: exact up to 16 units when --budget allows 2^n calls, else kernelshap-paired).")
    var estimator: EstimatorKind?

    @Option(help: "Most distinct reward-model calls to spend.")
    var budget: Int?

    @Option(help: "Seed of the random stream.")
    var seed: UInt64 = 0

    @Option(help: "Also write the explanation as an HTML page to this file.")
    var html: String?

    @Option(help: "Output: text (coloured in a terminal) or json.")
    var format: Format = .text

    @OptionGroup(title: "Reward model over HTTP (sentiment, summarization)")
    var http: HTTPRewardOptions

    func validate() throws {
        if http.url != nil && task != .sentiment && task != .summarization {
            throw ValidationError("--reward-model applies to the sentiment and summarization tasks")
        }
    }

    func run() throws {
        let explained = try makeGame()
        let game = explained.game
        let n = game.playerCount
        let kind = estimator ?? (n <= 16 && (budget ?? Int.max) >= 1 << n ? .exact : .kernelshapPaired)
        let result = try kind.make(partition: explained.partition).estimate(game, budget: budget, random: RandomStream(seed: seed))
        let full = try game.value(of: game.grandCoalition)
        let empty = try game.value(of: .empty)
        let rendering = CreditRendering(
            pieces: zip(explained.pieces, result.values).map { CreditRendering.Piece(before: $0.before, text: $0.text, credit: $1) },
            trailing: explained.trailing)
        let textsSent = explained.remote?.textsSent
        let caption = "\(explained.rewardName): v(N) = \(format(full)), v(empty) = \(format(empty)); \(game.playerCount) \(explained.unitName); \(result.estimator), \(result.calls) calls, \(String(format: "%.3g", result.seconds)) s"
            + (textsSent.map { "; \($0) texts sent" } ?? "")
        if let html {
            do {
                try rendering.html(title: "CreditBench: \(task.rawValue)", caption: caption).write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write \(html)")
            }
        }
        switch format {
        case .json:
            print(try JSONOutput.string(ExplainReport(
                task: task.rawValue, rewardModel: explained.rewardName, unitLevel: explained.unitName,
                units: explained.pieces.map(\.text), credits: result.values, standardErrors: result.standardErrors,
                fullReward: full, emptyReward: empty, estimator: result.estimator, calls: result.calls, seconds: result.seconds,
                textsSent: textsSent)))
        case .text:
            print(caption)
            print(isatty(STDOUT_FILENO) != 0 ? rendering.ansi : explained.pieces.map(\.text).joined(separator: " | "))
            for (index, piece) in explained.pieces.enumerated() {
                let error = result.standardErrors.map { " ± " + String(format: "%.3g", $0[index]) } ?? ""
                print(String(format: "%+12.6f", result.values[index]) + error + "  " + piece.text)
            }
        }
    }

    private func format(_ value: Double) -> String { String(format: "%.6g", value) }

    /// A game with what is needed to show it.
    struct ExplainedGame {
        var game: any CooperativeGame
        var partition: PlayerPartition
        var pieces: [(before: String, text: String)]
        var trailing: String
        var rewardName: String
        var unitName: String
        /// The reward model behind HTTP, when --reward-model chose one.
        var remote: HTTPRewardModel?
    }

    func makeGame() throws -> ExplainedGame {
        switch task {
        case .sentiment:
            let remote = try http.model()
            let builtIn: () throws -> any TextRewardModel = model == .vader ? VaderSentiment.standard : AttentionSentimentModel.loadCommitted
            let reward = try remote ?? builtIn()
            return try textGame(try required(text, "--text"), reward: reward, remote: remote)
        case .summarization:
            let reference = try required(reference, "--reference")
            if let remote = try http.model(reference: reference) {
                return try textGame(try required(text, "--text"), reward: remote, remote: remote)
            }
            let variant = try parse(rouge, as: RougeReward.Variant.self, option: "--rouge")
            let reward = try RougeReward(reference: reference, variant: variant, stemming: stemmer)
            return try textGame(try required(text, "--text"), reward: reward)
        case .instructions:
            let entry = try IFEvalDataset.load().entry(key: try required(promptKey, "--prompt-key"))
            guard let response = text ?? entry.referenceResponse else {
                throw CommandFailure("IFEval prompt \(entry.key) has no stored response; give one with --text")
            }
            let level = try parse(ifevalLevel, as: IFEvalReward.Level.self, option: "--ifeval-level")
            return try textGame(response, reward: IFEvalReward(item: entry.item, level: level))
        case .recommendation:
            let userID = try required(user, "--user")
            let movieIDs = try required(candidates, "--candidates").elements
            let game = try RecommendationTask.load().game(userID: userID, movieIDs: movieIDs, utility: try SetUtility(name: utility))
            let names = game.playerNames ?? movieIDs.map { "movie \($0)" }
            return ExplainedGame(game: game, partition: .singletons(game.playerCount),
                                 pieces: names.enumerated().map { (before: $0.offset == 0 ? "" : "\n", text: $0.element) },
                                 trailing: "", rewardName: "set utility \(utility) for user \(userID)", unitName: "candidates")
        }
    }

    private func textGame(_ text: String, reward: any TextRewardModel, remote: HTTPRewardModel? = nil) throws -> ExplainedGame {
        let level = try UnitLevel(parsing: units)
        let game = try TextGame(text: text, level: level, model: reward, completion: mask.map { .mask($0) } ?? .removal)
        let partition = try game.partitionByCoarserUnits()
        let separators = game.segmentation.separators
        return ExplainedGame(
            game: game, partition: partition,
            pieces: game.units.enumerated().map { (before: separators[$0.offset], text: $0.element.text) },
            trailing: separators[game.playerCount], rewardName: reward.name, unitName: level.description, remote: remote)
    }

    private func required<T>(_ value: T?, _ option: String) throws -> T {
        guard let value else { throw CommandFailure("--task \(task.rawValue) needs \(option)") }
        return value
    }

    private func parse<T: RawRepresentable & CaseIterable>(_ word: String, as type: T.Type, option: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: word) else {
            throw CommandFailure("\(option) must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(word)\"")
        }
        return value
    }
}

struct ExplainReport: Encodable {
    var task: String
    var rewardModel: String
    var unitLevel: String
    var units: [String]
    var credits: [Double]
    var standardErrors: [Double]?
    var fullReward: Double
    var emptyReward: Double
    var estimator: String
    var calls: Int
    var seconds: Double
    /// Texts sent to the --reward-model server (absent for a built-in model).
    var textsSent: Int?

    enum CodingKeys: String, CodingKey {
        case task, units, credits, estimator, calls, seconds
        case textsSent = "texts_sent"
        case rewardModel = "reward_model"
        case unitLevel = "unit_level"
        case standardErrors = "standard_errors"
        case fullReward = "full_reward"
        case emptyReward = "empty_reward"
    }
}

import ArgumentParser
import Foundation
import Harness
import Service
import Shapley
import Statistics
import Tasks

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Shapley credit of each unit of one output (tokens, spans, punctuation spans or sentences of a text; candidates of a set).",
        discussion: """
        The game: players are the output's units; v(S) is the reward of the output that keeps only the units \
        in S, in order (missing units removed, or replaced by --mask); v(empty) is the reward of the empty \
        output, so the credits sum to v(N) - v(empty). In a terminal the text is coloured by credit (green \
        positive, red negative, intensity = size), like SCAR's figure 1; --html writes the same as a page.

        Tasks and their reward models:
        \(TaskRegistry.tasks.map {
            "  " + $0.name.padding(toLength: 16, withPad: " ", startingAt: 0) + $0.explainUsage.replacingOccurrences(of: "\n", with: "\n  ")
        }.joined(separator: "\n"))

        The estimator defaults to exact for up to 16 units and kernelshap-paired (100 calls per unit) above. \
        owen groups tokens by spans and spans by sentences.

        Examples:
          creditbench explain --task sentiment --text "The movie was not good, but the acting was great!" --units tokens
          creditbench explain --task sentiment --model learned --text "A dull, lifeless film." --units tokens --html credit.html
          creditbench explain --task instructions --prompt-key 1000 --units sentences --estimator kernelshap-paired --budget 400
          creditbench explain --task recommendation --user 1 --candidates 1,50,260,296,2571 --utility best
        """
    )

    enum SentimentModel: String, ExpressibleByArgument, CaseIterable {
        case vader, learned
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "\(RegisteredTask.help).")
    var task: RegisteredTask

    @Option(help: "The text to explain (sentiment, summarization, instructions).")
    var text: String?

    @Option(help: "Unit level: tokens, punctuation (SCAR's spans: cut right after each of . , ; ? !), spans, spans:K (clause-like, at most K tokens) or sentences.")
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
        if http.url != nil && !task.task.acceptsRemoteRewardModel {
            let accepting = TaskRegistry.namesAcceptingRemoteRewardModels
            throw ValidationError("--reward-model applies to the \(accepting.joined(separator: " and ")) tasks")
        }
    }

    func run() throws {
        var remote: HTTPRewardModel?
        var request = ExplainRequest()
        request.text = text
        request.units = units
        request.mask = mask
        request.sentimentModel = model.rawValue
        request.reference = reference
        request.rouge = rouge
        request.stemmer = stemmer
        request.promptKey = promptKey
        request.ifevalLevel = ifevalLevel
        request.user = user
        request.candidates = candidates?.elements
        request.utility = utility
        request.remoteRewardModel = { reference in
            remote = try http.model(reference: reference)
            return remote
        }
        let explained = try task.task.explain(request)
        let game = explained.game
        let n = game.playerCount
        let kind = estimator ?? (n <= 16 && (budget ?? Int.max) >= 1 << n ? .exact : .kernelshapPaired)
        let result = try kind.make(partition: explained.partition).estimate(game, budget: budget, random: RandomStream(seed: seed))
        let full = try game.value(of: game.grandCoalition)
        let empty = try game.value(of: .empty)
        let rendering = CreditRendering(
            pieces: zip(explained.pieces, result.values).map { CreditRendering.Piece(before: $0.before, text: $0.text, credit: $1) },
            trailing: explained.trailing)
        let textsSent = remote?.textsSent
        let caption = "\(explained.rewardName): v(N) = \(format(full)), v(empty) = \(format(empty)); \(game.playerCount) \(explained.unitName); \(result.estimator), \(result.calls) calls, \(String(format: "%.3g", result.seconds)) s"
            + (textsSent.map { "; \($0) texts sent" } ?? "")
        if let html {
            do {
                try rendering.html(title: "CreditBench: \(task.name)", caption: caption).write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure("cannot write \(html)")
            }
        }
        switch format {
        case .json:
            print(try JSONOutput.string(ExplainReport(
                task: task.name, rewardModel: explained.rewardName, unitLevel: explained.unitName,
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

import ArgumentParser
import Foundation
import Service
import Tasks

struct ServeReward: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve-reward",
        abstract: "Serve a built-in reward model over HTTP (the protocol --reward-model speaks).",
        discussion: """
        POST {"texts": ["...", ...]} (summarization: plus "reference": "...") is answered with \
        {"scores": [...]}, one score per text. Prints "listening on http://HOST:PORT" once ready \
        (--port 0 picks a free port) and serves until stopped.

        Example:
          creditbench serve-reward --task sentiment --model vader --port 8080
          curl -s -d '{"texts": ["a good film", "a bad film"]}' http://127.0.0.1:8080/
        """
    )

    enum TaskName: String, ExpressibleByArgument, CaseIterable {
        case sentiment, summarization
    }

    @Option(help: "sentiment or summarization.")
    var task: TaskName

    @Option(help: "sentiment: vader or learned; summarization: rouge1, rouge2, rougeL or mean.")
    var model: String

    @Flag(help: "Porter-stem tokens before ROUGE matching (summarization).")
    var stemmer = false

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: a free one).")
    var port = 8080

    func run() throws {
        let service = RewardService(makeModel: try modelFactory())
        try JSONHTTPServer.listen(host: host, port: port) { try service.answer(method: $0, path: $1, body: $2) }
    }

    private func modelFactory() throws -> RewardService.ModelFactory {
        switch task {
        case .sentiment:
            let reward: any TextRewardModel & Sendable
            switch model {
            case "vader": reward = try VaderSentiment.standard()
            case "learned": reward = try AttentionSentimentModel.loadCommitted()
            default: throw CommandFailure("--model for sentiment must be vader or learned, got \"\(model)\"")
            }
            return { _ in reward }
        case .summarization:
            guard let variant = RougeReward.Variant(rawValue: model) else {
                throw CommandFailure("--model for summarization must be one of \(RougeReward.Variant.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(model)\"")
            }
            let stemming = stemmer
            return { reference in
                guard let reference else {
                    throw JSONHTTPServer.HTTPFailure(.badRequest, "summarization requests need a \"reference\"")
                }
                do {
                    return try RougeReward(reference: reference, variant: variant, stemming: stemming)
                } catch {
                    throw JSONHTTPServer.HTTPFailure(.badRequest, "\(error)")
                }
            }
        }
    }
}

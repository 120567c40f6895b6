import ArgumentParser
import Foundation
import Service
import Tasks

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve SCAR credit over HTTP: per-unit Shapley values and per-token rewards of a response.",
        discussion: """
        POST a JSON object:
          {"prompt": "...", "response": "..." (or "tokens": ["...", ...]), "units": "spans",
           "estimator": "exact", "budget": 500, "alpha": 1.0, "reward_model": "vader", "seed": 0}
        ("reward_model": vader, learned, or the URL of a reward model speaking the serve-reward
        protocol that was allowed at startup with --allow-reward-model; any other URL is refused
        with 403, so a client cannot make the server send requests elsewhere). The answer: {"units", "shapley_values", "tokens", "token_rewards",
        "sequence_reward", "empty_reward", "estimator", "calls", "seconds"}; token_rewards are
        SCAR's, r_t = alpha (phi_t + v(empty)/T) + (1 - alpha) R [t = T], each unit's credit on the
        token that ends it. Prints "listening on http://HOST:PORT/" once ready. See
        examples/scar_credit_client.py.
        """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: a free one).")
    var port = 8081

    @Option(help: "Most units an exact request may have.")
    var exactLimit = 16

    @Option(name: .customLong("allow-reward-model"), help: ArgumentHelp("A reward-model URL requests may name (repeatable); without it only the built-in models (vader, learned) are served.", valueName: "URL"))
    var allowedRewardModels: [String] = []

    func run() throws {
        var models: [String: any TextRewardModel & Sendable] = ["vader": try VaderSentiment.standard(), "learned": try AttentionSentimentModel.loadCommitted()]
        for url in allowedRewardModels {
            guard let parsed = URL(string: url) else { throw CommandFailure("--allow-reward-model: \"\(url)\" is not a URL") }
            do { models[url] = try HTTPRewardModel(url: parsed) } catch { throw CommandFailure("--allow-reward-model: \(error)") }
        }
        let service = CreditService(models: models, exactLimit: exactLimit)
        try JSONHTTPServer.listen(host: host, port: port) { try service.answer(method: $0, path: $1, body: $2) }
    }
}

import Foundation
import Learning
import NIOHTTP1
import Shapley
import Statistics
import Tasks

/// SCAR credit over HTTP: Shapley values of a response's units and the per-token rewards SCAR
/// derives from them.
///
/// `POST` (any path) a `CreditRequest` as JSON; the answer is a `CreditAnswer`. The response's
/// steps are its `tokens` when given (the trainer's own token strings; the response is their
/// concatenation), else the response's word tokens. The game is the response's units at `units`
/// under the reward model with the prompt always present; the per-token rewards are
/// `CreditScheme.shapley`'s (`unitRewards`): r_t = alpha * (phi_t + v(empty)/T) + (1 - alpha) * R [t = T],
/// each unit's credit on the step of its last token. The reward model is one of `models`, by
/// name: the built-in ones and the reward-model URLs the server was allowed to call (each an
/// `HTTPRewardModel` keyed by its URL); any other URL is refused with 403, so a request cannot
/// make the server call an address of its choosing. Bad requests (malformed JSON, an empty
/// response, an unknown unit level, estimator or model, exact over `exactLimit` units, a budget
/// outside 1...`maximumBudget`, alpha outside [0, 1]) get a 4xx with a one-line reason.
public struct CreditService: Sendable {
    public let models: [String: any TextRewardModel & Sendable]
    public let exactLimit: Int
    public let maximumBudget: Int

    public init(models: [String: any TextRewardModel & Sendable], exactLimit: Int = 16, maximumBudget: Int = 20_000) {
        self.models = models
        self.exactLimit = exactLimit
        self.maximumBudget = maximumBudget
    }

    public struct CreditRequest: Codable, Sendable {
        public var prompt: String?
        public var response: String?
        public var tokens: [String]?
        public var units: String?
        public var estimator: String?
        public var budget: Int?
        public var alpha: Double?
        public var rewardModel: String?
        public var seed: UInt64?

        enum CodingKeys: String, CodingKey {
            case prompt, response, tokens, units, estimator, budget, alpha, seed
            case rewardModel = "reward_model"
        }
    }

    public struct CreditAnswer: Codable, Sendable {
        public var units: [String]
        public var shapleyValues: [Double]
        public var tokens: [String]
        public var tokenRewards: [Double]
        public var sequenceReward: Double
        public var emptyReward: Double
        public var estimator: String
        public var calls: Int
        public var seconds: Double

        enum CodingKeys: String, CodingKey {
            case units, tokens, estimator, calls, seconds
            case shapleyValues = "shapley_values"
            case tokenRewards = "token_rewards"
            case sequenceReward = "sequence_reward"
            case emptyReward = "empty_reward"
        }
    }

    public func answer(method: HTTPMethod, path: String, body: Data) throws -> Data {
        guard method == .POST else { throw bad("POST a JSON credit request", .methodNotAllowed) }
        let request: CreditRequest
        do {
            request = try JSONDecoder().decode(CreditRequest.self, from: body)
        } catch {
            throw bad("expected a JSON object with \"response\" (or \"tokens\"), \"units\", \"estimator\", \"budget\", \"alpha\", \"reward_model\"")
        }
        return try JSONEncoder().encode(try credit(request))
    }

    /// The credit of one request (what `answer` encodes).
    public func credit(_ request: CreditRequest) throws -> CreditAnswer {
        let clock = ContinuousClock()
        let start = clock.now
        let (text, tokens, wordRanges) = try steps(of: request)
        let level: UnitLevel
        do { level = try UnitLevel(parsing: request.units ?? "spans") } catch { throw bad("\(error)") }
        guard let kind = EstimatorKind(rawValue: request.estimator ?? "exact"), kind != .closedForm else {
            throw bad("unknown estimator \"\(request.estimator ?? "")\"; expected one of \(EstimatorRegistry.samplingNames.joined(separator: ", ")), exact")
        }
        let alpha = request.alpha ?? 1
        guard (0...1).contains(alpha) else { throw bad("alpha must be in [0, 1], got \(alpha)") }
        let budget = request.budget ?? 500
        guard (1...maximumBudget).contains(budget) else { throw bad("budget must be in 1...\(maximumBudget), got \(budget)") }
        let reward = try model(named: request.rewardModel ?? "vader")
        let game: TextGame
        do {
            game = try TextGame(text: text, level: level, model: PromptedRewardModel(prompt: request.prompt ?? "", base: reward))
        } catch {
            throw bad("\(error)")
        }
        let n = game.playerCount
        if kind == .exact && n > exactLimit {
            throw bad("exact needs at most \(exactLimit) units, the response has \(n) at level \(level); use a sampling estimator or a coarser level")
        }
        let response = GeneratedResponse(prompt: request.prompt ?? "", response: text, wordRanges: wordRanges, stepCount: tokens.count)
        let options = ShapleyCreditOptions(units: .text(level), alpha: alpha, exactUpTo: kind == .exact ? n : 0,
                                           estimator: kind.rawValue, budget: budget)
        let partition = { try game.partitionByCoarserUnits() }
        let seed = request.seed ?? 0
        do {
            // The estimate SCAR makes inside `unitRewards`, with the same seed: its coalitions are
            // then served from the game's cache, so the values are the ones the rewards use.
            let estimator = kind == .exact ? ExactShapley() : try options.fallback(partition: partition)
            let phi = try estimator.estimate(game, budget: kind == .exact ? nil : budget, random: RandomStream(seed: seed))
            let rewards = try CreditScheme.shapley(options).unitRewards(
                game, stepOfPlayer: game.units.map { response.step(endingUnitAt: $0.range.upperBound) },
                stepCount: tokens.count, partition: partition, random: RandomStream(seed: seed))
            let elapsed = clock.now - start
            return CreditAnswer(
                units: game.units.map(\.text), shapleyValues: phi.values, tokens: tokens, tokenRewards: rewards,
                sequenceReward: try game.value(of: game.grandCoalition), emptyReward: try game.value(of: .empty),
                estimator: phi.estimator, calls: game.rewardCalls,
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        } catch let error as HTTPRewardError {
            throw JSONHTTPServer.HTTPFailure(.badGateway, error.description)
        } catch let error as GameError {
            throw bad(error.description)
        }
    }

    /// The response text, its step strings and each step's scalar range in the text.
    private func steps(of request: CreditRequest) throws -> (String, [String], [Range<Int>]) {
        if let tokens = request.tokens {
            guard request.response == nil || request.response == tokens.joined() else {
                throw bad("\"response\" must equal the concatenated \"tokens\" when both are given")
            }
            var ranges: [Range<Int>] = []
            var offset = 0
            for token in tokens {
                let count = token.unicodeScalars.count
                ranges.append(offset..<(offset + count))
                offset += count
            }
            guard !tokens.isEmpty, offset > 0 else { throw bad("\"tokens\" is empty") }
            return (tokens.joined(), tokens, ranges)
        }
        guard let response = request.response, !response.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw bad("the request needs a non-empty \"response\" or \"tokens\"")
        }
        let words = TextSegmenter(level: .tokens).segment(response).units
        return (response, words.map(\.text), words.map(\.range))
    }

    private func model(named name: String) throws -> any TextRewardModel {
        if let model = models[name] { return model }
        if name.hasPrefix("http://") || name.hasPrefix("https://") {
            throw bad("reward model \(name) is not allowed on this server (start serve with --allow-reward-model \(name))", .forbidden)
        }
        throw bad("unknown reward model \"\(name)\"; expected one of \(models.keys.sorted().joined(separator: ", "))")
    }

    private func bad(_ reason: String, _ status: HTTPResponseStatus = .badRequest) -> JSONHTTPServer.HTTPFailure {
        JSONHTTPServer.HTTPFailure(status, reason)
    }
}

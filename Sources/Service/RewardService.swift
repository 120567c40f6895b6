import Foundation
import NIOHTTP1
import Tasks

/// The reward-model protocol (`HTTPRewardModel`) served for an in-process reward model.
///
/// `POST` (any path) `{"texts": [...], "reference": "..."}` is answered with
/// `{"scores": [...]}`, one score per text, in order. `makeModel` builds the model for a
/// request's reference (`nil` when the request has none); a task without references ignores it,
/// a task that needs one throws `HTTPFailure(.badRequest, ...)`. Malformed JSON, a missing
/// `texts` or a method other than POST get a 4xx with a one-line reason.
public struct RewardService: Sendable {
    public typealias ModelFactory = @Sendable (_ reference: String?) throws -> any TextRewardModel

    private let makeModel: ModelFactory

    public init(makeModel: @escaping ModelFactory) { self.makeModel = makeModel }

    private struct Request: Decodable {
        var texts: [String]
        var reference: String?
    }

    private struct Answer: Encodable {
        var scores: [Double]
    }

    public func answer(method: HTTPMethod, path: String, body: Data) throws -> Data {
        guard method == .POST else {
            throw JSONHTTPServer.HTTPFailure(.methodNotAllowed, "POST {\"texts\": [...]} to score texts")
        }
        let request: Request
        do {
            request = try JSONDecoder().decode(Request.self, from: body)
        } catch {
            throw JSONHTTPServer.HTTPFailure(.badRequest, "expected JSON {\"texts\": [strings], \"reference\": string (optional)}")
        }
        let model = try makeModel(request.reference)
        let scores: [Double]
        do {
            scores = try model.rewards(request.texts)
        } catch {
            throw JSONHTTPServer.HTTPFailure(.unprocessableEntity, "\(model.name) cannot score the texts: \(error)")
        }
        guard scores.allSatisfy(\.isFinite) else {
            throw JSONHTTPServer.HTTPFailure(.internalServerError, "\(model.name) returned a non-finite score")
        }
        return try JSONEncoder().encode(Answer(scores: scores))
    }
}

import Foundation
import NIOHTTP1
import Testing
@testable import Service
import Shapley
import Statistics
import Tasks

/// The HTTP reward model against real servers on loopback, started and stopped by each test.
@Suite struct HTTPRewardModelTests {
    /// Records each request's texts and answers with `answer`.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[String]] = []
        var requests: [[String]] { lock.withLock { batches } }
        func record(_ texts: [String]) { lock.withLock { batches.append(texts) } }
    }

    struct Texts: Decodable { var texts: [String] }

    func withServer<T>(_ handler: @escaping JSONHTTPServer.Handler, _ body: (URL) throws -> T) throws -> T {
        let server = try JSONHTTPServer(host: "127.0.0.1", port: 0, handler: handler)
        defer { server.shutdown() }
        return try body(URL(string: "http://127.0.0.1:\(server.port)/")!)
    }

    /// Scores a text by its length, recording the batches.
    func lengthServer(_ recorder: Recorder) -> JSONHTTPServer.Handler {
        { _, _, body in
            let texts = try JSONDecoder().decode(Texts.self, from: body).texts
            recorder.record(texts)
            return try JSONEncoder().encode(["scores": texts.map { Double($0.count) }])
        }
    }

    @Test func batchesKeepOrderAndCountTextsSent() throws {
        let recorder = Recorder()
        try withServer(lengthServer(recorder)) { url in
            let model = try HTTPRewardModel(url: url, options: .init(batchSize: 3, maxInFlight: 2))
            let texts = (0..<10).map { String(repeating: "x", count: $0) } + ["xx"]
            #expect(try model.rewards(texts) == texts.map { Double($0.count) })
            #expect(model.textsSent == 10)
            #expect(recorder.requests.map(\.count).sorted() == [1, 3, 3, 3])
        }
    }

    @Test func exactShapleyThroughServeRewardEqualsInProcess() throws {
        let vader = try VaderSentiment.standard()
        let service = RewardService { _ in vader }
        try withServer({ try service.answer(method: $0, path: $1, body: $2) }) { url in
            let text = "The movie was not good, but the acting was great!"
            let model = try HTTPRewardModel(url: url, options: .init(batchSize: 50))
            let remote = try ExactShapley().estimate(TextGame(text: text, level: .tokens, model: model), random: RandomStream(seed: 0))
            let local = try ExactShapley().estimate(TextGame(text: text, level: .tokens, model: vader), random: RandomStream(seed: 0))
            #expect(remote.values == local.values)
            #expect(remote.calls == local.calls)
            #expect(model.textsSent > 0 && model.textsSent <= remote.calls)
        }
    }

    @Test func wrongCountAndMalformedAnswersAreOneLineErrorsWithoutRetry() throws {
        let recorder = Recorder()
        try withServer({ _, _, body in
            let texts = try JSONDecoder().decode(Texts.self, from: body).texts
            recorder.record(texts)
            return texts.count == 2 ? Data(#"{"scores": [1]}"#.utf8) : Data("not json".utf8)
        }) { url in
            let model = try HTTPRewardModel(url: url, options: .init(retries: 3))
            let wrong = #expect(throws: HTTPRewardError.self) { try model.rewards(["a", "b"]) }
            #expect(wrong?.description == "reward model \(url.absoluteString): sent 2 texts, got 1 scores")
            let malformed = #expect(throws: HTTPRewardError.self) { try model.reward("a") }
            #expect(malformed?.cause.hasPrefix("malformed answer") == true)
            #expect(recorder.requests.count == 2)
        }
    }

    @Test func serverErrorsAreRetriedWithBackoffThenReported() throws {
        let recorder = Recorder()
        try withServer({ _, _, body in
            recorder.record(try JSONDecoder().decode(Texts.self, from: body).texts)
            throw JSONHTTPServer.HTTPFailure(.serviceUnavailable, "overloaded")
        }) { url in
            let model = try HTTPRewardModel(url: url, options: .init(retries: 2, backoff: 0.01))
            let error = #expect(throws: HTTPRewardError.self) { try model.reward("a") }
            #expect(error?.cause == #"HTTP 503: {"error":"overloaded"} (after 3 tries)"#)
            #expect(recorder.requests.count == 3)
        }
    }

    @Test func slowServerTimesOut() throws {
        try withServer({ _, _, _ in
            Thread.sleep(forTimeInterval: 2)
            return Data(#"{"scores": [0]}"#.utf8)
        }) { url in
            let model = try HTTPRewardModel(url: url, options: .init(timeout: 0.3, retries: 0))
            let error = #expect(throws: HTTPRewardError.self) { try model.reward("a") }
            #expect(error?.cause.hasPrefix("no answer within 0.3 s") == true)
        }
    }

    @Test func serverDownIsReported() throws {
        let url = try withServer({ _, _, _ in Data() }) { $0 }  // the port is closed once the server stops
        let model = try HTTPRewardModel(url: url, options: .init(retries: 1, backoff: 0.01))
        let error = #expect(throws: HTTPRewardError.self) { try model.reward("a") }
        #expect(error?.cause.hasPrefix("server not reachable") == true)
    }

    @Test func diskCacheServesASecondModelWithoutRequests() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("creditbench-cache-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let recorder = Recorder()
        try withServer(lengthServer(recorder)) { url in
            let first = try HTTPRewardModel(url: url, cacheDirectory: directory)
            #expect(try first.rewards(["ab", "abc"]) == [2, 3])
            let second = try HTTPRewardModel(url: url, cacheDirectory: directory)
            #expect(try second.rewards(["abc", "ab", "abcd"]) == [3, 2, 4])
            #expect(second.textsSent == 1)
            #expect(recorder.requests == [["ab", "abc"], ["abcd"]] || recorder.requests == [["abc", "ab"], ["abcd"]])
        }
    }

    @Test func rewardServiceRefusesMalformedRequests() throws {
        let vader = try VaderSentiment.standard()
        let service = RewardService { _ in vader }
        let error = #expect(throws: JSONHTTPServer.HTTPFailure.self) {
            try service.answer(method: .POST, path: "/", body: Data(#"{"text": "a"}"#.utf8))
        }
        #expect(error?.status == .badRequest)
        #expect(throws: JSONHTTPServer.HTTPFailure.self) { try service.answer(method: .GET, path: "/", body: Data()) }
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Tasks

/// A text reward model served over HTTP.
///
/// Protocol: `POST url` with body `{"texts": ["...", ...]}` (plus `"reference": "..."` when the
/// task has one, e.g. summarization), answered with status 200 and `{"scores": [x, ...]}`, one
/// finite number per text, in order. Texts go in batches of `options.batchSize`, at most
/// `options.maxInFlight` requests at a time; each request times out after `options.timeout`
/// seconds. A connection error, a timeout or a 5xx answer is retried up to `options.retries`
/// times, waiting `options.backoff`, then twice that, ... between tries; any other failure (4xx,
/// malformed JSON, the wrong number of scores) is not. A failure throws `HTTPRewardError`, one
/// line naming the URL and the cause.
///
/// With a `cache`, scores already on disk for this URL and reference are not asked again, and
/// new ones are appended. `textsSent` counts the texts actually sent to the server.
public final class HTTPRewardModel: TextRewardModel, @unchecked Sendable {
    public struct Options: Sendable {
        public var batchSize: Int
        public var maxInFlight: Int
        public var timeout: Double
        public var retries: Int
        public var backoff: Double

        public init(batchSize: Int = 64, maxInFlight: Int = 4, timeout: Double = 30, retries: Int = 3, backoff: Double = 0.2) {
            self.batchSize = max(1, batchSize)
            self.maxInFlight = max(1, maxInFlight)
            self.timeout = timeout
            self.retries = max(0, retries)
            self.backoff = backoff
        }
    }

    public let url: URL
    public let reference: String?
    public let options: Options
    private let cache: RewardCache?
    private let session: URLSession
    private let lock = NSLock()
    private var sent = 0

    /// `cacheDirectory`: where scores are kept between runs (`nil`: no disk cache).
    public init(url: URL, reference: String? = nil, options: Options = Options(), cacheDirectory: String? = nil) throws {
        guard url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw HTTPRewardError(url: url.absoluteString, cause: "not an http(s) URL")
        }
        self.url = url
        self.reference = reference
        self.options = options
        self.cache = try cacheDirectory.map { try RewardCache(directory: $0, key: url.absoluteString + "\u{0}" + (reference ?? "")) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.httpMaximumConnectionsPerHost = options.maxInFlight
        self.session = URLSession(configuration: configuration)
    }

    deinit { session.finishTasksAndInvalidate() }

    public var name: String { url.absoluteString }

    /// Texts sent to the server so far (cached and repeated texts excluded).
    public var textsSent: Int { lock.withLock { sent } }

    public func reward(_ text: String) throws -> Double { try rewards([text])[0] }

    public func rewards(_ texts: [String]) throws -> [Double] {
        var scores = texts.map { cache?.score(of: $0) }
        let missing = Array(Set(texts.indices.filter { scores[$0] == nil }.map { texts[$0] }))
        guard !missing.isEmpty else { return scores.map { $0! } }
        let batches = stride(from: 0, to: missing.count, by: options.batchSize).map {
            Array(missing[$0..<min($0 + options.batchSize, missing.count)])
        }
        let results = BatchResults(count: batches.count)
        let slots = DispatchSemaphore(value: options.maxInFlight)
        let group = DispatchGroup()
        for (index, batch) in batches.enumerated() {
            slots.wait()
            if results.failed {
                slots.signal()
                break
            }
            group.enter()
            post(batch, attempt: 0) { result in
                results.record(result, at: index)
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        let answers = try results.answers()
        var found: [String: Double] = [:]
        for (batch, values) in zip(batches, answers) {
            for (text, value) in zip(batch, values) { found[text] = value }
        }
        try cache?.add(found)
        for index in texts.indices where scores[index] == nil { scores[index] = found[texts[index]] }
        return scores.map { $0! }
    }

    private struct Request: Encodable {
        var texts: [String]
        var reference: String?
    }

    private struct Answer: Decodable {
        var scores: [Double]
    }

    /// One batch, retried on connection errors, timeouts and 5xx with exponential backoff.
    private func post(_ texts: [String], attempt: Int, completion: @escaping @Sendable (Result<[Double], HTTPRewardError>) -> Void) {
        var request = URLRequest(url: url, timeoutInterval: options.timeout)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        do {
            request.httpBody = try JSONEncoder().encode(Request(texts: texts, reference: reference))
        } catch {
            return completion(.failure(HTTPRewardError(url: name, cause: "cannot encode the texts as JSON")))
        }
        lock.withLock { sent += texts.count }
        let task = session.dataTask(with: request) { data, response, error in
            let outcome = self.check(texts.count, data: data, response: response, error: error)
            switch outcome {
            case .success(let scores): completion(.success(scores))
            case .failure(let failure) where failure.retryable && attempt < self.options.retries:
                let delay = self.options.backoff * Double(1 << attempt)
                DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                    self.post(texts, attempt: attempt + 1, completion: completion)
                }
            case .failure(let failure):
                let tries = attempt + 1
                completion(.failure(HTTPRewardError(
                    url: self.name, cause: failure.cause + (failure.retryable ? " (after \(tries) tries)" : ""))))
            }
        }
        task.resume()
    }

    private struct Failure: Error {
        var cause: String
        var retryable: Bool
    }

    private func check(_ count: Int, data: Data?, response: URLResponse?, error: Error?) -> Result<[Double], Failure> {
        if let error {
            let code = (error as? URLError)?.code
            let cause = code == .timedOut
                ? "no answer within \(options.timeout) s"
                : code == .cannotConnectToHost || code == .networkConnectionLost || code == .cannotFindHost
                    ? "server not reachable (\(error.localizedDescription))"
                    : "request failed (\(error.localizedDescription))"
            return .failure(Failure(cause: cause, retryable: true))
        }
        guard let status = (response as? HTTPURLResponse)?.statusCode else {
            return .failure(Failure(cause: "no HTTP answer", retryable: true))
        }
        let body = data ?? Data()
        guard status == 200 else {
            let text = String(decoding: body.prefix(200), as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " ")
            return .failure(Failure(cause: "HTTP \(status)" + (text.isEmpty ? "" : ": \(text)"), retryable: status >= 500))
        }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: body) else {
            return .failure(Failure(cause: "malformed answer, expected JSON {\"scores\": [numbers]}", retryable: false))
        }
        guard answer.scores.count == count else {
            return .failure(Failure(cause: "sent \(count) texts, got \(answer.scores.count) scores", retryable: false))
        }
        guard answer.scores.allSatisfy(\.isFinite) else {
            return .failure(Failure(cause: "a score is not a finite number", retryable: false))
        }
        return .success(answer.scores)
    }
}

/// The answers of one `rewards(_:)` call's batches, filled from the request completions.
private final class BatchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[Double]?]
    private var firstError: HTTPRewardError?

    init(count: Int) { values = Array(repeating: nil, count: count) }

    var failed: Bool { lock.withLock { firstError != nil } }

    func record(_ result: Result<[Double], HTTPRewardError>, at index: Int) {
        lock.withLock {
            switch result {
            case .success(let scores): values[index] = scores
            case .failure(let error): if firstError == nil { firstError = error }
            }
        }
    }

    /// Every batch's scores, or the first failure.
    func answers() throws -> [[Double]] {
        try lock.withLock {
            if let firstError { throw firstError }
            return values.map { $0! }
        }
    }
}

/// Why an HTTP reward model gave no scores: one line, the URL and the cause.
public struct HTTPRewardError: Error, CustomStringConvertible, Equatable {
    public let url: String
    public let cause: String
    public var description: String { "reward model \(url): \(cause)" }
}

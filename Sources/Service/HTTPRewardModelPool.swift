import Foundation

/// The HTTP reward models of one run that share a URL, options and cache directory but differ
/// in the reference sent with their requests (summarization: one model per article's reference
/// summary; sentiment: one model, reference `nil`). `model(reference:)` makes each model once;
/// `textsSent` adds up the texts all of them sent to the server.
public final class HTTPRewardModelPool: @unchecked Sendable {
    public let url: URL
    public let options: HTTPRewardModel.Options
    public let cacheDirectory: String?
    private let lock = NSLock()
    private var models: [String?: HTTPRewardModel] = [:]

    /// Checks `url` as `HTTPRewardModel` does (an http(s) URL with a host).
    public init(url: URL, options: HTTPRewardModel.Options = .init(), cacheDirectory: String? = nil) throws {
        _ = try HTTPRewardModel(url: url, options: options)
        self.url = url
        self.options = options
        self.cacheDirectory = cacheDirectory
    }

    public var name: String { url.absoluteString }

    /// The model that sends `reference` with each request (made on first use).
    public func model(reference: String?) throws -> HTTPRewardModel {
        try lock.withLock {
            if let model = models[reference] { return model }
            let model = try HTTPRewardModel(url: url, reference: reference, options: options, cacheDirectory: cacheDirectory)
            models[reference] = model
            return model
        }
    }

    /// Texts sent to the server by every model of the pool (cached and repeated texts excluded).
    public var textsSent: Int { lock.withLock { models.values.reduce(0) { $0 + $1.textsSent } } }
}

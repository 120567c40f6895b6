import ArgumentParser
import Foundation
import Service

/// The options that put a reward model behind HTTP in place of a built-in one
/// (`HTTPRewardModel`: POST {"texts": [...]} answered by {"scores": [...]}).
struct HTTPRewardOptions: ParsableArguments {
    @Option(name: .customLong("reward-model"), help: "Score texts with the reward model served at this URL instead of the built-in one.")
    var url: String?

    @Option(help: "Texts per request to --reward-model.")
    var batchSize = 64

    @Option(help: "Most requests to --reward-model in flight at once.")
    var maxInFlight = 4

    @Option(help: "Seconds before a request to --reward-model times out.")
    var timeout = 30.0

    @Option(help: "Retries of a request after a connection error, a timeout or a 5xx answer.")
    var retries = 3

    @Option(help: "Keep --reward-model scores in this directory and reuse them (keyed by URL and text).")
    var cache: String?

    func validate() throws {
        guard batchSize >= 1, maxInFlight >= 1, timeout > 0, retries >= 0 else {
            throw ValidationError("--batch-size and --max-in-flight must be at least 1, --timeout positive, --retries at least 0")
        }
    }

    /// The HTTP models for `--reward-model`, one per reference (`nil` without it).
    func pool() throws -> HTTPRewardModelPool? {
        guard let url else { return nil }
        guard let parsed = URL(string: url) else { throw CommandFailure("--reward-model: \"\(url)\" is not a URL") }
        do {
            return try HTTPRewardModelPool(
                url: parsed, options: .init(batchSize: batchSize, maxInFlight: maxInFlight, timeout: timeout, retries: retries),
                cacheDirectory: cache)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// The HTTP model for `--reward-model` (`nil` without it); `reference` goes with every request.
    func model(reference: String? = nil) throws -> HTTPRewardModel? {
        do {
            return try pool()?.model(reference: reference)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

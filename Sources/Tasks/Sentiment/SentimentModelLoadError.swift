/// A stored sentiment model's file that cannot be loaded (`StoredSentimentModel`): which model,
/// and why.
public struct SentimentModelLoadError: Error, CustomStringConvertible, Equatable {
    /// E.g. "learned sentiment model".
    public let model: String
    public let reason: String
    public var description: String { "cannot load the \(model): \(reason)" }
}

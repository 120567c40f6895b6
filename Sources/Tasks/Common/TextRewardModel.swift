/// A reward model that scores one whole text (a generated response, a summary...).
///
/// Text games (`v(S)` = reward of the text that keeps only the units in S) and the RL
/// environments call it; implementations must be deterministic and return finite numbers for
/// any string, the empty string included.
public protocol TextRewardModel {
    /// A short name for result files, e.g. "vader" or "rouge1-f".
    var name: String { get }
    func reward(_ text: String) throws -> Double
    /// The rewards of several texts, in order (one per text). A remote model scores them in
    /// batches; in-process models use the default, one `reward(_:)` call per text. Throws the
    /// first error met.
    func rewards(_ texts: [String]) throws -> [Double]
}

extension TextRewardModel {
    public func rewards(_ texts: [String]) throws -> [Double] { try texts.map { try reward($0) } }
}

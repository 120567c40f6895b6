import Shapley
import Tasks

/// A memo in front of a deterministic reward model, keyed by the exact text. It changes no
/// value, only the time spent: cost accounting counts distinct coalitions per game
/// (`TextGame.rewardCalls`), as if every game paid for its own calls.
final class MemoizedRewardModel: TextRewardModel {
    let base: any TextRewardModel
    private var memo: [String: Double] = [:]
    var name: String { base.name }

    init(_ base: any TextRewardModel) { self.base = base }

    func reward(_ text: String) throws -> Double {
        if let value = memo[text] { return value }
        let value = try base.reward(text)
        memo[text] = value
        return value
    }

    /// The texts not yet in the memo go to the base model in one `rewards(_:)` call (one batch
    /// for a remote model).
    func rewards(_ texts: [String]) throws -> [Double] {
        let missing = Array(Set(texts.filter { memo[$0] == nil }))
        if !missing.isEmpty {
            for (text, value) in zip(missing, try base.rewards(missing)) { memo[text] = value }
        }
        return texts.map { memo[$0]! }
    }
}

/// Attention weights of a learned reward model over the tokens of a text (summing to 1).
public protocol TokenAttentionModel {
    func attention(_ text: String) -> [(token: TextUnit, weight: Double)]
}

extension AttentionSentimentModel: TokenAttentionModel {}
/// The transformer's last-layer attention from [CLS] (`TransformerSentimentModel.attention(_:)`).
extension TransformerSentimentModel: TokenAttentionModel {}

/// One generated response, as credit assignment sees it.
public struct GeneratedResponse: Sendable {
    /// The prompt text (context, never a player).
    public let prompt: String
    /// The response text, each word preceded by its space (so `prompt + response` is the text).
    public let response: String
    /// Each generated word's range in Unicode scalars of `response`, in order.
    public let wordRanges: [Range<Int>]
    /// Actions taken: the words, plus 1 when the policy generated `<eos>`.
    public let stepCount: Int

    public init(prompt: String, response: String, wordRanges: [Range<Int>], stepCount: Int) {
        precondition(stepCount >= max(wordRanges.count, 1), "a response takes at least one step per word and at least one step")
        self.prompt = prompt
        self.response = response
        self.wordRanges = wordRanges
        self.stepCount = stepCount
    }

    /// The step of the last word that starts before `upperBound` (a unit's end, in response
    /// scalars): where that unit's credit goes.
    public func step(endingUnitAt upperBound: Int) -> Int {
        wordRanges.lastIndex { $0.lowerBound < upperBound } ?? 0
    }
}

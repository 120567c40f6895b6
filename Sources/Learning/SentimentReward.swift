import Tasks

/// Which reward model scores the sentiment RL task, and where ABC's attention comes from.
///
/// - `vader`: R = VADER compound of prompt + response (rule-based, in [-1, 1]); SCAR's v(S) is
///   VADER on the kept units. VADER has no attention, so ABC redistributes R with the weights of
///   the separately trained attention-pooling model (`AttentionSentimentModel`), whose per-token
///   scores ignore context: a *proxy* for ABC, not Chan et al.'s method.
/// - `transformer`: R = `TransformerSentimentModel` (a learned contextual classifier, in (-1, 1));
///   SCAR's v(S) is that model on the kept units (removed, or each run of missing units replaced
///   by its `[MASK]` token with `scar(missing=mask)`), and ABC uses the same model's own
///   last-layer attention from its pooling token `[CLS]`, as Chan et al. (2024) do.
public enum SentimentReward: String, Sendable, CaseIterable {
    case vader
    case transformer

    /// Whether ABC's attention comes from a model other than the reward model.
    public var abcIsProxy: Bool { self == .vader }

    /// The committed models: the reward and the attention ABC uses.
    func models() throws -> (reward: any TextRewardModel & Sendable, attention: any TokenAttentionModel & Sendable) {
        switch self {
        case .vader:
            return (try VaderSentiment.standard(), try AttentionSentimentModel.loadCommitted())
        case .transformer:
            let model = try TransformerSentimentModel.loadCommitted()
            return (model, model)
        }
    }
}

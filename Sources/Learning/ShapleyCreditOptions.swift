import Shapley
import Tasks

/// SCAR's settings: the game's players (`units`), `alpha` (the mix of dense credit and sparse
/// reward), and the estimator: exact Shapley values when the response has at most `exactUpTo`
/// units, otherwise `estimator` (an `EstimatorKind` name: Owen values over the units grouped by
/// the next coarser level, or a sampling estimator) at `budget` reward-model calls.
/// `masksMissingUnits` chooses how v(S) treats the units outside S over text: removed (the
/// default), or each maximal run of them replaced by one blank, `TransformerSentimentModel.maskText`
/// (SCAR's blank-mask variant; `TextGame.Completion.mask`).
public struct ShapleyCreditOptions: Sendable, Hashable {
    public var units: CreditUnits
    public var alpha: Double
    public var exactUpTo: Int
    public var estimator: String
    public var budget: Int
    public var masksMissingUnits: Bool

    public init(units: CreditUnits, alpha: Double = 1, exactUpTo: Int, estimator: String, budget: Int,
                masksMissingUnits: Bool = false) {
        self.units = units
        self.alpha = alpha
        self.exactUpTo = exactUpTo
        self.estimator = estimator
        self.budget = budget
        self.masksMissingUnits = masksMissingUnits
    }

    /// How a text game built under these options completes a coalition's text.
    public var completion: TextGame.Completion {
        masksMissingUnits ? .mask(TransformerSentimentModel.maskText) : .removal
    }

    /// The defaults over text: spans of at most `UnitLevel.defaultMaxSpanTokens` tokens, alpha 1,
    /// exact up to 10 units, else Owen (tokens grouped by spans, spans by sentences) at 500 calls
    /// (the SCAR code's SHAP Partition budget).
    public static let text = ShapleyCreditOptions(
        units: .text(.spans(maxTokens: UnitLevel.defaultMaxSpanTokens)), exactUpTo: 10, estimator: "owen", budget: 500)
    /// The defaults over an episode's actions (no coarser units to group by): alpha 1, exact up to
    /// 6 actions, else antithetic permutation sampling at 64 calls (efficient by construction).
    public static let actions = ShapleyCreditOptions(units: .actions, exactUpTo: 6, estimator: "antithetic", budget: 64)

    /// These options with `units` replaced.
    public func with(units: CreditUnits) -> ShapleyCreditOptions {
        var options = self
        options.units = units
        return options
    }

    /// The estimator above `exactUpTo` units (`EstimatorRegistry`); `partition` groups the players
    /// for an estimator that needs groups (Owen values).
    public func fallback(partition: () throws -> PlayerPartition) throws -> any ShapleyEstimator {
        let entry = try EstimatorRegistry.entry(named: estimator)
        return try entry.make(partition: entry.capabilities.needsPartition ? try partition() : nil)
    }
}

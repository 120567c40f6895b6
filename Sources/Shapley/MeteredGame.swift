/// Wraps a game to count value calls, optionally memoize them, and reject non-finite values.
///
/// Call accounting follows the fair-comparison rule used throughout CreditBench: every distinct
/// coalition evaluated counts once, v(empty) and v(N) included; with `memoize` on, a repeated
/// coalition is served from the cache and not counted again. Without memoization every call
/// counts.
public final class MeteredGame<Base: CooperativeGame>: CooperativeGame {
    public let base: Base
    public let memoize: Bool
    public private(set) var calls = 0
    private var cache: [UInt64: Double] = [:]

    public init(_ base: Base, memoize: Bool = true) {
        self.base = base
        self.memoize = memoize
    }

    public var playerCount: Int { base.playerCount }
    public var playerNames: [String]? { base.playerNames }

    public func value(of coalition: Coalition) throws -> Double {
        if memoize, let cached = cache[coalition.rawValue] { return cached }
        let value = try base.value(of: coalition)
        guard value.isFinite else { throw GameError.nonFiniteValue(coalition: coalition, value: value) }
        calls += 1
        if memoize { cache[coalition.rawValue] = value }
        return value
    }

    /// Charges `count` evaluations made outside `value(of:)`, by a method that reads or builds the
    /// base game's whole value table itself (exact enumeration).
    public func chargeBulkEvaluation(_ count: Int) { calls += count }

    /// Whether the base game evaluates coalitions ahead of time in batches (`PrefetchingGame`).
    public var prefetches: Bool { base is any PrefetchingGame }

    /// Lets a `PrefetchingGame` base evaluate `coalitions` together (one batch of reward-model
    /// calls) before the estimator asks for them one by one; does nothing for other bases. Call
    /// accounting is unchanged: a coalition counts when `value(of:)` first asks for it.
    public func prefetch(_ coalitions: [Coalition]) throws {
        guard let base = base as? any PrefetchingGame else { return }
        try base.prefetch(memoize ? coalitions.filter { cache[$0.rawValue] == nil } : coalitions)
    }

    /// Whether `coalition` was already evaluated (only meaningful with memoization on).
    public func isCached(_ coalition: Coalition) -> Bool { cache[coalition.rawValue] != nil }
}

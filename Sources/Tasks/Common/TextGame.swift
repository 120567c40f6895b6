import Shapley

/// The cooperative game of one text's units under a text reward model.
///
/// Players are the units of `text` at one `UnitLevel` (player i = unit i, in reading order), and
///
///     v(S) = reward(text restricted to S)
///
/// where the restricted text is `TextSegmentation.rendered(keeping:mask:)` (built from the text's
/// pieces, cut once per game: `TextPieces`):
/// - `.removal`: the units in S in their original order, each (but the first kept) preceded by the
///   whitespace that preceded it in the text; leading and trailing whitespace kept. v(empty) is the
///   reward of the leading plus trailing whitespace, i.e. of "" for a trimmed text.
/// - `.mask(token)`: as removal, but each maximal run of missing units is replaced by one `token`
///   (SCAR's span-level blank). v(empty) is the reward of `token` alone (with the text's leading
///   and trailing whitespace around it).
///
/// v(N) is the reward of the original text. Values are cached per coalition inside the game
/// (unless `cachesValues` is off), so `rewardCalls` counts distinct coalitions evaluated (the
/// reward model is deterministic). A
/// non-finite reward throws `GameError.nonFiniteValue`.
///
/// Not thread-safe (the cache is mutable); give each concurrent worker its own game.
public final class TextGame: PrefetchingGame {
    /// How missing units are handled when a coalition's text is built.
    public enum Completion: Hashable, Sendable {
        case removal
        case mask(String)
    }

    public enum BuildError: Error, Equatable, CustomStringConvertible {
        case emptyText
        case noUnits(level: String)
        case tooManyUnits(count: Int, level: String)

        public var description: String {
            switch self {
            case .emptyText:
                return "cannot build a text game from an empty text"
            case .noUnits(let level):
                return "the text has no units at level \(level) (only whitespace?)"
            case .tooManyUnits(let count, let level):
                return "the text has \(count) units at level \(level), more than the \(Coalition.maximumPlayers) players a game supports; use a coarser level (spans or sentences)"
            }
        }
    }

    public let segmentation: TextSegmentation
    public let level: UnitLevel
    public let completion: Completion
    public let model: any TextRewardModel
    /// Reward-model calls made so far (one per distinct coalition evaluated).
    public private(set) var rewardCalls = 0
    private var cache: [UInt64: Double] = [:]
    /// The text's pieces, cut once, and the mask's UTF-8 bytes (`nil` for removal).
    private let pieces: TextPieces
    private let maskBytes: [UInt8]?

    /// Whether values are kept across calls. Off, every call runs the reward model (what an RL
    /// loop that meets each text once pays; the estimator comparison times estimators this way).
    public let cachesValues: Bool

    public init(text: String, level: UnitLevel, model: any TextRewardModel, completion: Completion = .removal,
                cachesValues: Bool = true) throws {
        guard !text.isEmpty else { throw BuildError.emptyText }
        let segmentation = TextSegmenter(level: level).segment(text)
        guard !segmentation.units.isEmpty else { throw BuildError.noUnits(level: level.description) }
        guard segmentation.units.count <= Coalition.maximumPlayers else {
            throw BuildError.tooManyUnits(count: segmentation.units.count, level: level.description)
        }
        self.segmentation = segmentation
        self.level = level
        self.completion = completion
        self.model = model
        self.cachesValues = cachesValues
        pieces = TextPieces(segmentation)
        switch completion {
        case .removal: maskBytes = nil
        case .mask(let token): maskBytes = Array(token.utf8)
        }
    }

    public var playerCount: Int { segmentation.units.count }
    public var playerNames: [String]? { segmentation.units.map(\.text) }
    public var units: [TextUnit] { segmentation.units }

    /// The text whose reward is v(coalition).
    public func text(of coalition: Coalition) -> String {
        pieces.rendered(mask: maskBytes, isKept: coalition.contains)
    }

    public func value(of coalition: Coalition) throws -> Double {
        try checkPlayers(coalition)
        if let cached = cache[coalition.rawValue] { return cached }
        let value = try model.reward(text(of: coalition))
        rewardCalls += 1
        guard value.isFinite else { throw GameError.nonFiniteValue(coalition: coalition, value: value) }
        if cachesValues { cache[coalition.rawValue] = value }
        return value
    }

    /// Scores the texts of the coalitions not yet cached with one `rewards(_:)` call (a batch for
    /// a remote model) and caches them; `rewardCalls` counts each once, as `value(of:)` would.
    /// Does nothing when values are not cached.
    public func prefetch(_ coalitions: [Coalition]) throws {
        guard cachesValues else { return }
        var seen = Set<UInt64>()
        let missing = coalitions.filter { cache[$0.rawValue] == nil && seen.insert($0.rawValue).inserted }
        guard !missing.isEmpty else { return }
        try missing.forEach(checkPlayers)
        let values = try model.rewards(missing.map(text(of:)))
        for (coalition, value) in zip(missing, values) {
            guard value.isFinite else { throw GameError.nonFiniteValue(coalition: coalition, value: value) }
            rewardCalls += 1
            cache[coalition.rawValue] = value
        }
    }

    private func checkPlayers(_ coalition: Coalition) throws {
        guard coalition.rawValue & ~Coalition.grand(playerCount).rawValue == 0 else {
            throw GameError.invalidGame("coalition \(coalition) names players outside 0..<\(playerCount)")
        }
    }
}

import Foundation

/// Everything a check baseline's numbers depend on besides the code: the board (games, budgets,
/// replicates, seed), the estimators recorded, and the games those parameters built, with their
/// exact Shapley values, so that a check on code whose games changed is refused rather than
/// compared. `hash` identifies the configuration.
public struct CheckConfiguration: Codable, Equatable, Sendable {
    /// One game of the board: where it comes from and its ground truth.
    public struct Game: Codable, Equatable, Sendable {
        public var task: String
        public var unitLevel: String
        public var instance: String
        public var truth: [Double]

        public init(_ instance: ComparisonInstance) {
            task = instance.task
            unitLevel = instance.unitLevel
            self.instance = instance.instance
            truth = instance.truth
        }

        enum CodingKeys: String, CodingKey {
            case task, instance, truth
            case unitLevel = "unit_level"
        }

        /// "task/unit level/instance".
        public var name: String { "\(task)/\(unitLevel)/\(instance)" }
    }

    public var board: CheckBoard
    public var estimators: [String]
    public var games: [Game]

    /// Games whose ground truths differ by no more than this (relative to the largest value) are
    /// the same game: libm may round differently on another machine.
    public static let truthTolerance = 1e-9

    public init(board: CheckBoard, estimators: [String], instances: [ComparisonInstance]) {
        self.board = board
        self.estimators = estimators
        games = instances.map(Game.init)
    }

    /// FNV-1a (64-bit) of the configuration's JSON with sorted keys, in hex: a fingerprint that
    /// changes with any parameter, estimator or game value, not a security hash.
    public var hash: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in try! encoder.encode(self) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return String(value, radix: 16)
    }

    /// Why games built now do not match the recorded ones (the first difference, in one line), or
    /// `nil` when they do.
    public func mismatch(with instances: [ComparisonInstance]) -> String? {
        let current = instances.map(Game.init)
        for (recorded, now) in zip(games, current) {
            guard recorded.name == now.name else {
                return "the board now builds game \(now.name) where the baseline has \(recorded.name)"
            }
            let scale = max(1, recorded.truth.map(abs).max() ?? 0)
            guard recorded.truth.count == now.truth.count,
                  zip(recorded.truth, now.truth).allSatisfy({ abs($0 - $1) <= Self.truthTolerance * scale }) else {
                return "game \(now.name) has other exact Shapley values than in the baseline (the game changed)"
            }
        }
        guard games.count == current.count else {
            return "the board now builds \(current.count) games where the baseline has \(games.count)"
        }
        return nil
    }
}

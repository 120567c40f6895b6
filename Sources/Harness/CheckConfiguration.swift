import Foundation
import Shapley
import Statistics

/// Everything a check baseline's numbers depend on besides the code: the board (games, budgets,
/// replicates, seed), the estimators recorded, and the games those parameters built: each one's
/// values on a fixed sample of coalitions (`probes`), so that a check on code whose games changed
/// is refused rather than compared, and its exact Shapley values, against which the check measures
/// errors (so a change in exact enumeration shows as a regression of `exact`, not as new ground
/// truth). `hash` identifies the configuration.
public struct CheckConfiguration: Codable, Equatable, Sendable {
    /// One game of the board: where it comes from, its probe values and its ground truth.
    public struct Game: Codable, Equatable, Sendable {
        public var task: String
        public var unitLevel: String
        public var instance: String
        /// v(empty), v(N), then v at `probeCount` coalitions drawn uniformly with a fixed seed.
        public var probes: [Double]
        public var truth: [Double]

        /// How many random coalitions identify a game, besides the empty and the grand coalition.
        public static let probeCount = 30

        public init(_ instance: ComparisonInstance) throws {
            task = instance.task
            unitLevel = instance.unitLevel
            self.instance = instance.instance
            let n = instance.game.playerCount
            let random = RandomStream(seed: 0xC4EC)
            let coalitions = [Coalition.empty, .grand(n)]
                + (0..<Self.probeCount).map { _ in Coalition(rawValue: UInt64(random.integer(below: 1 << n))) }
            probes = try coalitions.map { try instance.game.value(of: $0) }
            truth = instance.truth
        }

        enum CodingKeys: String, CodingKey {
            case task, instance, probes, truth
            case unitLevel = "unit_level"
        }

        /// "task/unit level/instance".
        public var name: String { "\(task)/\(unitLevel)/\(instance)" }
    }

    public var board: CheckBoard
    public var estimators: [String]
    public var games: [Game]

    /// Games whose probe values differ by no more than this (relative to the largest) are the same
    /// game: libm may round differently on another machine.
    public static let probeTolerance = 1e-9

    public init(board: CheckBoard, estimators: [String], instances: [ComparisonInstance]) throws {
        self.board = board
        self.estimators = estimators
        games = try instances.map(Game.init)
    }

    /// `CheckEncoding.fingerprint` of the configuration: changes with any parameter, estimator or
    /// game value.
    public var hash: String { CheckEncoding.fingerprint(self) }

    /// Why games built now do not match the recorded ones (the first difference, in one line), or
    /// `nil` when they do.
    public func mismatch(with instances: [ComparisonInstance]) throws -> String? {
        let current = try instances.map(Game.init)
        for (recorded, now) in zip(games, current) {
            guard recorded.name == now.name else {
                return "the board now builds game \(now.name) where the baseline has \(recorded.name)"
            }
            let scale = max(1, recorded.probes.map(abs).max() ?? 0)
            guard recorded.probes.count == now.probes.count,
                  zip(recorded.probes, now.probes).allSatisfy({ abs($0 - $1) <= Self.probeTolerance * scale }) else {
                return "game \(now.name) has other values than in the baseline (the game changed)"
            }
        }
        guard games.count == current.count else {
            return "the board now builds \(current.count) games where the baseline has \(games.count)"
        }
        return nil
    }
}

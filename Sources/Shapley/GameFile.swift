import Foundation

/// The JSON game format read by `creditbench estimate --game FILE` (which also reads `.npy` tables).
///
/// A value table (the default): `{"players": n, "names": [...optional...], "values": [v_0, ..., v_{2^n-1}]}`,
/// where bit i of an index set means player i is in the coalition. Synthetic games may instead be
/// given by their parameters, which lets `closed-form` use their formulas:
/// `{"kind": "additive", "weights": [...], "intercept": 0}`, `{"kind": "max", "scores": [...]}`,
/// `{"kind": "soum", "players": n, "terms": [{"members": [0, 2], "weight": 1.5}, ...]}`,
/// `{"kind": "voting", "weights": [...], "quota": q}`.
public enum GameFile {
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case table, additive, max, soum, voting
    }

    struct TermSpec: Codable {
        var members: [Int]
        var weight: Double
    }

    struct Spec: Codable {
        var kind: Kind?
        var players: Int?
        var names: [String]?
        var values: [Double]?
        var weights: [Double]?
        var intercept: Double?
        var scores: [Double]?
        var terms: [TermSpec]?
        var quota: Double?
    }

    /// Reads and validates a game file, memory-mapped: a NumPy `.npy` value table (`NumpyTable`,
    /// recognised by its magic string) or JSON. Every failure is one readable line.
    public static func load(_ url: URL) throws -> any CooperativeGame {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw GameError.invalidGame("cannot read game file \(url.path): no such file or not readable")
        }
        return NumpyTable.isNumpy(data) ? try NumpyTable.decode(data, source: url.path) : try decode(data, source: url.path)
    }

    public static func decode(_ data: Data, source: String = "game JSON") throws -> any CooperativeGame {
        var spec: Spec
        let split = splitValues(data)
        do { spec = try JSONDecoder().decode(Spec.self, from: split?.rest ?? data) } catch let error as DecodingError {
            throw GameError.invalidGame("malformed JSON in \(source): \(describe(error))")
        }
        if let split { spec.values = split.values }
        func require<T>(_ field: T?, _ name: String) throws -> T {
            guard let field else { throw GameError.invalidGame("\(source) needs the field \"\(name)\" for a \((spec.kind ?? .table).rawValue) game") }
            return field
        }
        switch spec.kind ?? .table {
        case .table:
            return try TableGame(playerCount: require(spec.players, "players"), values: require(spec.values, "values"), playerNames: spec.names)
        case .additive:
            return AdditiveGame(weights: try finite(require(spec.weights, "weights")), intercept: spec.intercept ?? 0)
        case .max:
            return MaxGame(scores: try finite(require(spec.scores, "scores")))
        case .voting:
            return WeightedVotingGame(weights: try finite(require(spec.weights, "weights")), quota: try require(spec.quota, "quota"))
        case .soum:
            let players = try require(spec.players, "players")
            guard (1...Coalition.maximumPlayers).contains(players) else {
                throw GameError.invalidGame("a soum game supports 1 to 64 players, got \(players)")
            }
            let terms = try require(spec.terms, "terms").map { term in
                guard term.members.allSatisfy({ (0..<players).contains($0) }) else {
                    throw GameError.invalidGame("a soum term names a player outside 0..<\(players): \(term.members)")
                }
                return UnanimitySumGame.Term(members: Coalition(term.members), weight: term.weight)
            }
            return UnanimitySumGame(playerCount: players, terms: terms)
        }
    }

    /// The JSON of a game: parameters for the synthetic kinds, the value table otherwise.
    public static func encode(_ game: any CooperativeGame) throws -> Data {
        var spec = Spec()
        switch game {
        case let additive as AdditiveGame:
            spec.kind = .additive; spec.weights = additive.weights; spec.intercept = additive.intercept
        case let max as MaxGame:
            spec.kind = .max; spec.scores = max.scores
        case let voting as WeightedVotingGame:
            spec.kind = .voting; spec.weights = voting.weights; spec.quota = voting.quota
        case let soum as UnanimitySumGame:
            spec.kind = .soum; spec.players = soum.playerCount
            spec.terms = soum.terms.map { TermSpec(members: $0.members.members, weight: $0.weight) }
        default:
            let table = try (game as? TableGame) ?? TableGame(tabulating: game)
            spec.players = table.playerCount; spec.values = table.values; spec.names = table.playerNames
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(spec)
    }

    private static func finite(_ numbers: [Double]) throws -> [Double] {
        guard numbers.allSatisfy(\.isFinite) else { throw GameError.invalidGame("game parameters must be finite numbers") }
        return numbers
    }

    /// A one-line account of a JSON decoding failure: what went wrong and where (also used by the
    /// command line for its JSON-lines inputs).
    public static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return keys.isEmpty ? "" : " at \(keys)"
        }
        switch error {
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return (underlying ?? context.debugDescription) + path(context)
        case .keyNotFound(let key, let context): return "missing key \"\(key.stringValue)\"" + path(context)
        case .typeMismatch(let type, let context): return "expected \(type)" + path(context)
        case .valueNotFound(let type, let context): return "missing \(type)" + path(context)
        @unknown default: return "\(error)"
        }
    }
}

extension GameFile {
    /// Reads a partition file: `{"groups": [[0, 1], [2, 3, 4]]}` or the bare array `[[0, 1], [2, 3, 4]]`.
    public static func loadPartition(_ url: URL, playerCount: Int) throws -> PlayerPartition {
        struct Wrapped: Codable { var groups: [[Int]] }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw GameError.invalidGame("cannot read groups file \(url.path): no such file or not readable")
        }
        let decoder = JSONDecoder()
        let groups: [[Int]]
        if let wrapped = try? decoder.decode(Wrapped.self, from: data) {
            groups = wrapped.groups
        } else {
            do { groups = try decoder.decode([[Int]].self, from: data) } catch let error as DecodingError {
                throw GameError.invalidGame("malformed groups JSON in \(url.path): \(describe(error)); expected {\"groups\": [[0, 1], [2]]}")
            }
        }
        return try PlayerPartition(groups: groups, playerCount: playerCount)
    }
}

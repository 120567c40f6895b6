/// A recorded run of the estimator board that `creditbench check` compares later code against:
/// the configuration (board, estimators, games with their exact values) with its hash, the commit
/// the run came from, and per cell (task family x estimator x budget) every replicate's relative
/// L2 error |estimate - truth| / |truth|, by game and replicate, as JSON whose doubles round-trip
/// exactly (so "bit-identical" can be decided from the file).
public struct CheckBaseline: CheckBaselineFile, Equatable, Sendable {
    /// One cell: an estimator at one budget on one task family (or a synthetic game family).
    public struct Cell: Codable, Equatable, Sendable {
        /// "task/unit level", e.g. "soum/players" or "sentiment-vader/tokens".
        public var family: String
        public var estimator: String
        /// `nil` for budget-free estimators (one deterministic run per game).
        public var budgetMultiple: Int?
        /// The games of the family, by `CheckConfiguration.Game.name`.
        public var games: [String]
        /// Relative L2 errors: `errors[g][r]` is replicate r on game `games[g]`.
        public var errors: [[Double]]

        enum CodingKeys: String, CodingKey {
            case family, estimator, games
            case budgetMultiple = "budget_multiple"
            case errors = "relative_l2_errors"
        }

        /// "family estimator budget", e.g. "soum/players kernelshap 10n" ("soum/players exact").
        public var name: String { "\(family) \(label)" }
        /// "estimator budget", e.g. "kernelshap 10n" ("exact" for a budget-free estimator).
        public var label: String { budgetMultiple.map { "\(estimator) \($0)n" } ?? estimator }
        /// "10n", or "-" for a budget-free estimator.
        public var budget: String { budgetMultiple.map { "\($0)n" } ?? "-" }
        /// Whether `other` describes the same cell (not necessarily the same errors).
        func sameCell(as other: Cell) -> Bool {
            family == other.family && estimator == other.estimator && budgetMultiple == other.budgetMultiple
        }

        /// The comparison's records gathered into cells, in the order the cells first appear.
        static func group(_ records: [ComparisonRecord]) -> [Cell] {
            var cells: [Cell] = []
            for record in records {
                let game = "\(record.task)/\(record.unitLevel)/\(record.instance)"
                let probe = Cell(family: "\(record.task)/\(record.unitLevel)", estimator: record.estimator,
                                 budgetMultiple: record.budgetMultiple, games: [], errors: [])
                let index = cells.firstIndex { $0.sameCell(as: probe) } ?? cells.endIndex
                if index == cells.endIndex { cells.append(probe) }
                if cells[index].games.last != game {
                    cells[index].games.append(game)
                    cells[index].errors.append([])
                }
                cells[index].errors[cells[index].errors.count - 1].append(record.errors.relativeL2)
            }
            return cells
        }
    }

    /// The file format this code reads and writes.
    public static let formatName = "creditbench-check-baseline/1"

    public var format: String
    public var commit: String
    public var configuration: CheckConfiguration
    /// `configuration.hash` when recorded; a file whose configuration no longer hashes to it was edited.
    public var configurationHash: String
    public var cells: [Cell]

    public var currentConfigurationHash: String { configuration.hash }
    public var board: CheckBoard { configuration.board }

    public init(configuration: CheckConfiguration, commit: String, records: [ComparisonRecord]) {
        format = Self.formatName
        self.commit = commit
        self.configuration = configuration
        configurationHash = configuration.hash
        cells = Cell.group(records)
    }

    enum CodingKeys: String, CodingKey {
        case format, commit, configuration, cells
        case configurationHash = "configuration_hash"
    }
}

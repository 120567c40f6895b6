/// A recorded set of short learning runs that `creditbench check` compares later code against: the
/// configuration (`SchemeCheckConfiguration`) with its hash, the commit the runs came from, and per
/// cell (task x credit scheme) each seed's final reward and area under the learning curve, as JSON
/// whose doubles round-trip exactly (so "bit-identical" can be decided from the file).
public struct SchemeCheckBaseline: CheckBaselineFile, Equatable, Sendable {
    /// One cell: a credit scheme on a task, one entry per seed of the board.
    public struct Cell: Codable, Equatable, Sendable {
        public var task: String
        /// The canonical spelling (`CreditScheme.description`, every key written).
        public var scheme: String
        /// The trained policy's held-out reward (`final_evaluation`).
        public var finalEvaluations: [Double]
        /// `CurveMetrics.area` of the training curve (each batch's mean reward before its update).
        public var areas: [Double]
        /// The curve's first value: the untrained policy's reward on the run's first batch.
        public var firstBatchRewards: [Double]

        public init(task: String, scheme: String, runs: [CurveRun]) {
            self.task = task
            self.scheme = scheme
            finalEvaluations = runs.map { $0.totals["final_evaluation"] ?? .nan }
            areas = runs.map(CurveMetrics.area)
            firstBatchRewards = runs.map { $0.values[0] }
        }

        enum CodingKeys: String, CodingKey {
            case task, scheme, areas
            case finalEvaluations = "final_evaluations"
            case firstBatchRewards = "first_batch_rewards"
        }

        /// "task scheme", e.g. "instructions sparse".
        public var name: String { "\(task) \(scheme)" }
    }

    /// The file format this code reads and writes.
    public static let formatName = "creditbench-check-schemes/1"

    public var format: String
    public var commit: String
    public var configuration: SchemeCheckConfiguration
    /// `configuration.hash` when recorded; a file whose configuration no longer hashes to it was edited.
    public var configurationHash: String
    public var cells: [Cell]

    public var currentConfigurationHash: String { configuration.hash }
    public var board: SchemeCheckBoard { configuration.board }

    public init(configuration: SchemeCheckConfiguration, commit: String, cells: [Cell]) {
        format = Self.formatName
        self.commit = commit
        self.configuration = configuration
        configurationHash = configuration.hash
        self.cells = cells
    }

    enum CodingKeys: String, CodingKey {
        case format, commit, configuration, cells
        case configurationHash = "configuration_hash"
    }
}

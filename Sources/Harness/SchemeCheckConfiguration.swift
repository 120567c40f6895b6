/// Everything a scheme check baseline's numbers depend on besides the code: the board (tasks,
/// schemes, steps, batch size, seeds) and, per task, the untrained policy's held-out reward under
/// each seed's evaluation stream. Those rewards identify the task's data and evaluation (as probe
/// values identify an estimator check's games): a check on code whose task changed is refused
/// rather than compared; they are also where a run's final reward is measured from. `hash`
/// identifies the configuration.
public struct SchemeCheckConfiguration: Codable, Equatable, Sendable {
    public var board: SchemeCheckBoard
    /// Task name -> the untrained policy's held-out reward, seed by seed (`board.seeds`).
    public var untrainedEvaluations: [String: [Double]]

    /// Untrained rewards that differ by no more than this (relative to the larger of 1 and their
    /// size) are the same: libm may round differently on another machine.
    public static let untrainedTolerance = 1e-9

    public init(board: SchemeCheckBoard, untrainedEvaluations: [String: [Double]]) {
        self.board = board
        self.untrainedEvaluations = untrainedEvaluations
    }

    enum CodingKeys: String, CodingKey {
        case board
        case untrainedEvaluations = "untrained_evaluations"
    }

    /// `CheckEncoding.fingerprint` of the configuration: changes with any parameter or untrained reward.
    public var hash: String { CheckEncoding.fingerprint(self) }

    /// Why `task`'s untrained rewards measured now (`current`, seed by seed) are not the recorded
    /// ones (the first difference, in one line), or `nil` when they are.
    public func mismatch(task: String, current: [Double]) -> String? {
        guard let recorded = untrainedEvaluations[task], recorded.count == current.count else {
            return "the baseline has no untrained rewards of task \(task) for seeds \(board.seeds.map(String.init).joined(separator: ", "))"
        }
        for (seed, (then, now)) in zip(board.seeds, zip(recorded, current))
        where !(abs(now - then) <= Self.untrainedTolerance * max(1, abs(then))) {
            return "the untrained policy of task \(task) now has held-out reward \(now) under seed \(seed) where the baseline has \(then) (the task's data or evaluation changed)"
        }
        return nil
    }
}

import Learning

/// What the scheme check trains with on one task: a seeded learning run under a credit scheme, and
/// the held-out reward of the untrained policy under a seed's evaluation stream (the starting point
/// a run's final reward is measured from). A test passes changed learners to check them against a
/// baseline recorded with `standard`.
public struct SchemeLearner {
    /// (scheme, seed, steps, batch size) -> the run's curve, with the `final_evaluation` total.
    public let run: (CreditScheme, Int, Int, Int) throws -> CurveRun
    /// seed -> the untrained policy's held-out reward (`final_evaluation` of a run of no steps).
    public let untrainedEvaluation: (Int) throws -> Double

    public init(run: @escaping (CreditScheme, Int, Int, Int) throws -> CurveRun, untrainedEvaluation: @escaping (Int) throws -> Double) {
        self.run = run
        self.untrainedEvaluation = untrainedEvaluation
    }

    /// The learners of `creditbench train` and `reproduce` with their default settings (loading the
    /// task's data; sentiment also fits pi_ref).
    public static func standard(_ task: SCARTask) throws -> SchemeLearner {
        switch task {
        case .sentiment:
            let learner = try SentimentRLAdapter()
            return SchemeLearner(run: learner.run, untrainedEvaluation: { try learner.experiment.referenceEvaluation(seed: UInt64($0)) })
        case .summarization, .instructions:
            return SchemeLearner(adapter: try ActionTaskRLAdapter(task: task))
        }
    }

    /// An action task's learner (whose PPO settings the adapter may have changed).
    public init(adapter: ActionTaskRLAdapter) {
        self.init(run: adapter.run, untrainedEvaluation: { try adapter.referenceEvaluation(seed: UInt64($0)) })
    }
}

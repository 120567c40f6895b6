import Learning

/// `SCARRunner` over Learning's `SentimentRLExperiment` (one experiment, i.e. one fitted
/// pi_ref, shared by every run), under any credit scheme whose units are text units. The curve is
/// the mean reward of each training batch (before that step's update); totals hold the run's
/// reward-model calls and the final policy's held-out evaluation (`final_evaluation`), which the
/// claims use as the final reward.
public struct SentimentRLAdapter: SCARRunner {
    let experiment: SentimentRLExperiment

    public init() throws {
        experiment = try SentimentRLExperiment()
    }

    /// The learner's settings (`SentimentRLExperiment.Configuration.storeKey`).
    public var storeKey: String { experiment.configuration.storeKey }

    public func run(scheme: CreditScheme, seed: Int, steps: Int, batchSize: Int) throws -> CurveRun {
        CurveRun(try experiment.run(scheme: scheme, seed: UInt64(seed), steps: steps, batchSize: batchSize), seed: seed)
    }
}

import Learning

/// A `SCARRunner` that `train` can drive: one run with progress, and the untrained policy's
/// held-out reward.
public protocol SCARLearner: SCARRunner {
    /// One run of `scheme`; `progress` hears the number of finished PPO steps.
    func train(_ scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int, progress: (Int) -> Void) throws -> LearningCurve
    /// The held-out reward of the untrained policy under `seed`'s evaluation stream.
    func referenceEvaluation(seed: UInt64) throws -> Double
}

extension SCARLearner {
    /// One run of `scheme` without progress.
    public func train(_ scheme: CreditScheme, seed: UInt64, steps: Int, batchSize: Int) throws -> LearningCurve {
        try train(scheme, seed: seed, steps: steps, batchSize: batchSize, progress: { _ in })
    }

    /// The run as the claims store it: the curve of `train`.
    public func run(scheme: CreditScheme, seed: Int, steps: Int, batchSize: Int) throws -> CurveRun {
        CurveRun(try train(scheme, seed: UInt64(seed), steps: steps, batchSize: batchSize), seed: seed)
    }
}

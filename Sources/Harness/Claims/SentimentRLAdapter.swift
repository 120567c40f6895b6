import Learning
import Tasks

/// `SCARRunner` over Learning's `SentimentRLExperiment` (one experiment, i.e. one fitted
/// pi_ref, shared by every run). Schemes: sparse, sparse-2x (`scaledSparse(factor: 2)`), abc (b = 0.8),
/// scar-tokens / scar-spans / scar-sentences (SCAR with alpha = 1 at that unit level; spans of at most
/// `UnitLevel.defaultMaxSpanTokens` tokens). The curve is the mean reward of each training batch
/// (before that step's update); totals hold the run's reward-model calls and the final policy's
/// held-out evaluation (`final_evaluation`), which the claims use as the final reward.
public struct SentimentRLAdapter: SCARRunner {
    let experiment: SentimentRLExperiment

    public init() throws {
        experiment = try SentimentRLExperiment()
    }

    /// The policy (`policy=gru` or `policy=contextWindow`).
    public var storeKey: String { "policy=\(experiment.configuration.policy.rawValue)" }

    public func run(scheme: String, seed: Int, steps: Int, batchSize: Int) throws -> CurveRun {
        let (credit, level): (CreditScheme, UnitLevel) = switch scheme {
        case "sparse": (.sparse, .tokens)
        case "sparse-2x": (.scaledSparse(factor: 2), .tokens)
        case "abc": (.abc, .tokens)
        case "scar-tokens": (.scar, .tokens)
        case "scar-spans": (.scar, .spans(maxTokens: UnitLevel.defaultMaxSpanTokens))
        case "scar-sentences": (.scar, .sentences)
        default: throw HarnessError.invalidPlan("unknown SCAR scheme '\(scheme)'; expected \(SCARTask.sentiment.schemes.joined(separator: ", "))")
        }
        let curve = try experiment.run(scheme: credit, seed: UInt64(seed), steps: steps, batchSize: batchSize, level: level)
        return CurveRun(curve, scheme: scheme, seed: seed)
    }
}

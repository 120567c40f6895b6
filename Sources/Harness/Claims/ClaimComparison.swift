import Statistics

/// One comparison of a claim: a metric measured per run for a group A (the method the paper
/// favours) and a group B (its baseline), with its one effect estimate and one interval. A claim
/// that needs the same comparison again (C3 and C5 both compare final rewards of SCAR and sparse)
/// reuses this value, so the comparison shows the same numbers wherever it appears.
///
/// The effect is oriented so that a positive value favours A, and is estimated by `design`:
/// - `.paired` when both groups hold one run per seed and the same seeds (a seed fixes the step-0
///   batch and the evaluation stream, so seed-matched runs are paired): d_i = a_i - b_i over the
///   seeds, `EffectEstimate.paired` (paired t, n - 1 df), and a 95% seed-level bootstrap interval
///   (`Bootstrap.pairedDifferenceOfMeans`);
/// - `.welch` otherwise: `EffectEstimate.welch` and the two-sample bootstrap interval
///   (`Bootstrap.differenceOfMeans`);
/// - `.restrictedMean` for times to a threshold that some runs never reach (right-censored at the
///   run's last step): the restricted mean time to threshold up to the run length (Kaplan-Meier),
///   effect RMST(B) - RMST(A) (positive: A reaches it sooner) with its normal interval
///   (`KaplanMeier.restrictedMeanDifference`, which treats the groups as independent, so pairing
///   is not used), and the two-sided log-rank p-value reported beside it.
/// Bootstrap intervals are BCa with 4,999 resamples (percentile where BCa is undefined).
public struct ClaimComparison: Codable, Sendable, Equatable {
    public enum Design: String, Codable, Sendable {
        /// Pairs matched by the key the comparison is given: the seed for learning runs, the reward
        /// model for C2b (whose label says so).
        case paired = "paired t (matched pairs)"
        case welch = "Welch t (unpaired)"
        case restrictedMean = "restricted mean time (Kaplan-Meier)"
    }

    public var label: String
    public var metric: String
    public var groupA: String
    public var groupB: String
    public var design: Design
    /// The per-run values (times for `.restrictedMean`), in seed order when paired.
    public var a: [Double]
    public var b: [Double]
    /// Whether each run reached the threshold (`.restrictedMean` only; a false time is censored).
    public var reachedA: [Bool]?
    public var reachedB: [Bool]?
    /// mean(A) and mean(B), or RMST(A) and RMST(B) for `.restrictedMean`.
    public var summaryA: Double
    public var summaryB: Double
    public var effect: EffectEstimate
    /// The 95% interval of the effect (bootstrap; the normal interval for `.restrictedMean`).
    public var interval: ConfidenceInterval?
    public var logRankPValue: Double?

    /// A comparison of per-run values: paired when the two groups' seeds match one to one, Welch
    /// otherwise. Throws with fewer than two runs per group or when the effect has no standard error.
    init(label: String, metric: String, groupA: String, groupB: String,
         a: [(seed: Int, value: Double)], b: [(seed: Int, value: Double)], stream: RandomStream) throws {
        guard a.count >= 2, b.count >= 2 else {
            throw HarnessError.invalidPlan("\(label): a comparison needs at least two runs per group, got \(a.count) and \(b.count)")
        }
        let seedsA = a.map(\.seed).sorted(), seedsB = b.map(\.seed).sorted()
        let paired = seedsA == seedsB && Set(seedsA).count == seedsA.count
        let valuesA = (paired ? a.sorted { $0.seed < $1.seed } : a).map(\.value)
        let valuesB = (paired ? b.sorted { $0.seed < $1.seed } : b).map(\.value)
        self.label = label
        self.metric = metric
        self.groupA = groupA
        self.groupB = groupB
        design = paired ? .paired : .welch
        self.a = valuesA
        self.b = valuesB
        summaryA = try Descriptive.mean(valuesA)
        summaryB = try Descriptive.mean(valuesB)
        effect = try paired ? EffectEstimate.paired(valuesA, valuesB) : EffectEstimate.welch(valuesA, valuesB)
        interval = Self.bootstrapInterval(valuesA, valuesB, paired: paired, stream: stream)
    }

    /// Runs of A against runs of B on `value` (larger favours A), paired by seed where possible.
    init(label: String, metric: String, groupA: String, groupB: String, a: [CurveRun], b: [CurveRun],
         stream: RandomStream, _ value: (CurveRun) -> Double) throws {
        try self.init(label: label, metric: metric, groupA: groupA, groupB: groupB,
                      a: a.map { ($0.seed, value($0)) }, b: b.map { ($0.seed, value($0)) }, stream: stream)
    }

    /// Steps until each run's smoothed curve reaches `threshold` (`CurveMetrics.timeToThreshold`),
    /// censored at the last step, compared by the restricted mean time up to `horizon` (the run
    /// length). Throws when neither group's times vary (no standard error).
    init(label: String, groupA: String, groupB: String, a: [CurveRun], b: [CurveRun], threshold: Double, horizon: Double) throws {
        let timesA = a.map { CurveMetrics.timeToThreshold($0, threshold: threshold) }
        let timesB = b.map { CurveMetrics.timeToThreshold($0, threshold: threshold) }
        let censoredA = try CensoredSample(times: timesA.map(\.time), reached: timesA.map(\.reached))
        let censoredB = try CensoredSample(times: timesB.map(\.time), reached: timesB.map(\.reached))
        self.label = label
        metric = "steps to threshold (restricted mean up to \(PaperCheckDocument.format(horizon)))"
        self.groupA = groupA
        self.groupB = groupB
        design = .restrictedMean
        self.a = censoredA.times
        self.b = censoredB.times
        reachedA = censoredA.reached
        reachedB = censoredB.reached
        summaryA = try KaplanMeier(censoredA).restrictedMean(horizon: horizon).estimate
        summaryB = try KaplanMeier(censoredB).restrictedMean(horizon: horizon).estimate
        effect = try KaplanMeier.restrictedMeanDifference(censoredB, censoredA, horizon: horizon)
        interval = try effect.interval(confidenceLevel: 0.95)
        logRankPValue = try? HypothesisTest.logRank(censoredA, censoredB).pValue
    }

    static func bootstrapInterval(_ a: [Double], _ b: [Double], paired: Bool, stream: RandomStream) -> ConfidenceInterval? {
        func interval(_ method: Bootstrap.Method, _ substream: UInt64) -> ConfidenceInterval? {
            paired
                ? try? Bootstrap.pairedDifferenceOfMeans(a, b, resamples: 4999, method: method, stream: stream.substream(substream))
                : try? Bootstrap.differenceOfMeans(a, b, resamples: 4999, method: method, stream: stream.substream(substream))
        }
        return interval(.bca, 0) ?? interval(.percentile, 1)
    }
}

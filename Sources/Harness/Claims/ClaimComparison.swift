import Statistics

/// One statistical hypothesis of a claim: a metric measured per seed for a group A (the method
/// the paper favours) and a group B (its baseline), with the test, the effect and the decision.
///
/// Hypotheses and decisions, at family-wise level alpha = 0.05 after Holm over every comparison
/// of the run (`adjustedPValue`):
/// - `.better(margin)`, the paper's claim "A is better than B" (larger values are better; a
///   metric where smaller is better, like steps to a threshold, is passed negated). The p-value
///   is the two-sided test of "no difference". Supported: adjusted p < alpha and mean(A) > mean(B).
///   Not supported: adjusted p < alpha with mean(A) < mean(B), or a TOST (Welch, alpha 0.05,
///   not corrected) shows |mean(A) - mean(B)| < margin, i.e. any advantage is smaller than the
///   smallest one that would matter. Otherwise inconclusive.
/// - `.equivalent(margin)`, the claim "A and B do equally well" (within margin). The p-value is
///   the TOST p-value. Supported: adjusted p < alpha. Not supported: the bootstrap interval of
///   the difference lies wholly outside [-margin, margin]. Otherwise inconclusive.
///
/// The effect is mean(A) - mean(B) with a 95% BCa bootstrap interval (4,999 resamples; the
/// percentile interval where BCa is undefined) and Hedges' g. Samples that are both constant have
/// no Welch statistic: their p-value is 1 if the two constants agree, 0 otherwise.
public struct ClaimComparison: Codable, Sendable {
    public enum Hypothesis: Codable, Sendable, Equatable {
        case better(margin: Double)
        case equivalent(margin: Double)

        var margin: Double {
            switch self {
            case .better(let margin), .equivalent(let margin): return margin
            }
        }
    }

    public enum Test: String, Codable, Sendable {
        case welch = "Welch t"
        case mannWhitney = "Mann-Whitney U"
    }

    public static let alpha = 0.05

    public var label: String
    public var metric: String
    public var groupA: String
    public var groupB: String
    public var hypothesis: Hypothesis
    public var test: Test
    public var a: [Double]
    public var b: [Double]
    public var difference: Double
    /// The 95% bootstrap interval of `difference` (nil when both samples are constant).
    public var intervalLower: Double?
    public var intervalUpper: Double?
    public var hedgesG: Double?
    public var pValue: Double
    /// The equivalence p-value within the margin (for `.better`, the "no meaningful advantage" check).
    public var tostPValue: Double?
    /// Set by `ClaimReport` (Holm across the run); equals `pValue` until then.
    public var adjustedPValue: Double

    public init(label: String, metric: String, groupA: String, groupB: String, hypothesis: Hypothesis,
                test: Test = .welch, a: [Double], b: [Double], stream: RandomStream) throws {
        guard a.count >= 2, b.count >= 2 else {
            throw HarnessError.invalidPlan("\(label): a comparison needs at least two seeds per group, got \(a.count) and \(b.count)")
        }
        self.label = label
        self.metric = metric
        self.groupA = groupA
        self.groupB = groupB
        self.hypothesis = hypothesis
        self.test = test
        self.a = a
        self.b = b
        difference = try Descriptive.mean(a) - Descriptive.mean(b)
        let interval = Self.bootstrapInterval(a, b, stream: stream)
        intervalLower = interval?.lower
        intervalUpper = interval?.upper
        hedgesG = try? EffectSize.hedgesG(a, b)
        let constant = Set(a).count == 1 && Set(b).count == 1
        tostPValue = constant ? (abs(difference) < hypothesis.margin ? 0 : 1)
            : try Equivalence.tost(a, b, margin: hypothesis.margin).pValue
        switch hypothesis {
        case .better:
            if constant {
                pValue = difference == 0 ? 1 : 0
            } else {
                pValue = try test == .welch ? HypothesisTest.welch(a, b).pValue : HypothesisTest.mannWhitneyU(a, b).pValue
            }
        case .equivalent:
            pValue = tostPValue!
        }
        adjustedPValue = pValue
    }

    public var verdict: Verdict {
        let significant = adjustedPValue < Self.alpha
        switch hypothesis {
        case .better(let margin):
            if significant { return difference > 0 ? .supported : .notSupported }
            if let tost = tostPValue, tost < Self.alpha, margin > 0 { return .notSupported }
            return .inconclusive
        case .equivalent(let margin):
            if significant { return .supported }
            if let lower = intervalLower, let upper = intervalUpper, lower > margin || upper < -margin { return .notSupported }
            return .inconclusive
        }
    }

    static func bootstrapInterval(_ a: [Double], _ b: [Double], stream: RandomStream) -> ConfidenceInterval? {
        if let bca = try? Bootstrap.differenceOfMeans(a, b, resamples: 4999, method: .bca, stream: stream.substream(0)) {
            return bca
        }
        return try? Bootstrap.differenceOfMeans(a, b, resamples: 4999, method: .percentile, stream: stream.substream(1))
    }
}

import Foundation
import Statistics

/// The ratio of two estimators' mean relative squared errors at one budget on the same runs, with
/// a paired bootstrap interval, for one game family or pooled over several.
///
/// Run r of the estimator A and run r of the reference B pair up when they share the instance, the
/// budget multiple and the replicate: the comparison gives both the same random sub-stream (common
/// random numbers), so a pair differs only in the estimator. A family's ratio is
/// R_f = (sum over its pairs of e_A) / (sum of e_B), the ratio of the two mean errors, with e the
/// relative squared error |phi_hat - phi|^2 / |phi|^2 (0/0, both exact on every pair, counts as 1).
/// Over F families the pooled ratio is the geometric mean (prod_f R_f)^(1/F), so each family
/// weighs the same whatever its error scale. The 95% interval is the percentile bootstrap that
/// resamples, within each instance, its pairs with replacement (`Bootstrap.stratifiedPairs`,
/// 2,000 resamples; the instances are held fixed, so the interval is about these games).
public struct PairedErrorRatio: Sendable {
    public enum Direction: String, Sendable {
        /// The interval lies below 1: the estimator's error is lower.
        case lower
        /// The interval lies above 1: the estimator's error is higher.
        case higher
        /// The interval holds 1 (or could not be formed): no difference shown.
        case undecided
    }

    public var estimator: String
    public var reference: String
    public var budgetMultiple: Int
    public var ratio: Double
    public var interval: ConfidenceInterval?
    /// Paired runs used, over all families.
    public var pairs: Int
    public var families: Int

    /// From the interval; without one (a resample divided by a zero error sum), an infinite ratio
    /// (the reference exact on every pair, the estimator not) is higher, anything else undecided.
    public var direction: Direction {
        guard let interval else { return ratio == .infinity ? .higher : .undecided }
        if interval.upper < 1 { return .lower }
        if interval.lower > 1 { return .higher }
        return .undecided
    }

    /// The ratio over `families` (each a list of records of one task at one unit level), or nil
    /// when some family has no pair of the two estimators at this budget.
    public static func compute(families: [[ComparisonRecord]], estimator: String, reference: String,
                               budgetMultiple: Int, stream: RandomStream) throws -> PairedErrorRatio? {
        struct Key: Hashable { var instance: String; var replicate: Int }
        var strata: [[(Double, Double)]] = []
        var familyOfStratum: [Int] = []
        for (familyIndex, records) in families.enumerated() {
            var errors: [String: [Key: Double]] = [estimator: [:], reference: [:]]
            var instanceOrder: [String] = []
            for record in records where record.budgetMultiple == budgetMultiple && errors[record.estimator] != nil {
                if !instanceOrder.contains(record.instance) { instanceOrder.append(record.instance) }
                errors[record.estimator]![Key(instance: record.instance, replicate: record.replicate)] = record.errors.relativeSquaredError
            }
            let before = strata.count
            for instance in instanceOrder {
                let keys = errors[estimator]!.keys.filter { $0.instance == instance && errors[reference]![$0] != nil }
                    .sorted { $0.replicate < $1.replicate }
                guard !keys.isEmpty else { continue }
                strata.append(keys.map { (errors[estimator]![$0]!, errors[reference]![$0]!) })
                familyOfStratum.append(familyIndex)
            }
            if strata.count == before { return nil }
        }
        let statistic = { (resampled: [[(Double, Double)]]) -> Double in
            var sums = Array(repeating: (0.0, 0.0), count: families.count)
            for (stratum, family) in zip(resampled, familyOfStratum) {
                for (a, b) in stratum { sums[family].0 += a; sums[family].1 += b }
            }
            return pow(sums.map { ratio($0.0, $0.1) }.reduce(1, *), 1 / Double(families.count))
        }
        return PairedErrorRatio(
            estimator: estimator, reference: reference, budgetMultiple: budgetMultiple, ratio: statistic(strata),
            interval: try Bootstrap.stratifiedPairs(strata, statistic: statistic, stream: stream),
            pairs: strata.map(\.count).reduce(0, +), families: families.count)
    }

    /// a / b, with 0/0 = 1 (both exact) and a/0 = infinity.
    static func ratio(_ a: Double, _ b: Double) -> Double {
        b > 0 ? a / b : (a > 0 ? .infinity : 1)
    }

    /// "0.52 [0.44, 0.61]".
    public var formatted: String {
        let interval = interval.map { " [\(Self.number($0.lower)), \(Self.number($0.upper))]" } ?? " [no interval]"
        return Self.number(ratio) + interval
    }

    /// Three significant digits.
    static func number(_ x: Double) -> String { String(format: "%.3g", x) }
}

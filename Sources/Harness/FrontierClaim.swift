import Shapley
import Statistics

/// A published claim that one estimator has a lower error than another at equal budget, and its
/// check on the board's runs.
///
/// Rule (fixed before the runs): at each budget k*n with k in 5, 10, 20, the pooled paired ratio of
/// mean relative squared errors, estimator over reference, is the geometric mean over every game
/// family of the family's ratio, with its 95% stratified bootstrap interval (`PairedErrorRatio`).
/// A budget counts as lower error when the interval lies below 1 and as higher when above 1.
/// Verdict on the direction: reproduced when lower at all three budgets; contradicted when higher
/// at one or more and lower at none; partly reproduced when lower at some, higher at none;
/// mixed when lower at some and higher at others; not shown when neither at any.
/// Verdict on the size: for an "about r" claim, whether r lies inside the pooled interval at the
/// budgets the paper reports it for; for an "up to r" claim (the paper's best case), whether the
/// lowest per-family ratio on the board reaches r (its interval's upper end at or below r), does
/// not exclude it (the interval holds r) or stays above it.
public struct FrontierClaim: Sendable {
    public enum Size: Sendable {
        /// A typical ratio of errors (estimator over reference) at the given budgets.
        case about(Double, budgets: [Int])
        /// The best ratio reported over the paper's experiments.
        case upTo(Double)
    }

    public var estimator: String
    public var reference: String
    public var source: String
    public var size: Size

    /// The claims of Leverage SHAP (Musco and Witter, ICLR 2025, arXiv 2410.01917: about half the
    /// error of optimised, i.e. paired, KernelSHAP at 5n to 10n calls) and regression-adjusted MSR
    /// (Witter, Liu and Musco, NeurIPS 2025, arXiv 2506.11849: up to 6.5x, 3.8x and 2.6x lower error
    /// than permutation sampling, KernelSHAP and Leverage SHAP, mostly with tree models; the board's
    /// msr-linear uses the paper's linear adjustment).
    public static let published: [FrontierClaim] = [
        FrontierClaim(estimator: EstimatorKind.leverageShap.rawValue, reference: EstimatorKind.kernelshap.rawValue,
                      source: "Leverage SHAP (ICLR 2025)", size: .about(0.5, budgets: [5, 10])),
        FrontierClaim(estimator: EstimatorKind.leverageShap.rawValue, reference: EstimatorKind.kernelshapPaired.rawValue,
                      source: "Leverage SHAP (ICLR 2025)", size: .about(0.5, budgets: [5, 10])),
        FrontierClaim(estimator: EstimatorKind.msrLinear.rawValue, reference: EstimatorKind.permutation.rawValue,
                      source: "regression-adjusted MSR (NeurIPS 2025)", size: .upTo(1 / 6.5)),
        FrontierClaim(estimator: EstimatorKind.msrLinear.rawValue, reference: EstimatorKind.kernelshap.rawValue,
                      source: "regression-adjusted MSR (NeurIPS 2025)", size: .upTo(1 / 3.8)),
        FrontierClaim(estimator: EstimatorKind.msrLinear.rawValue, reference: EstimatorKind.leverageShap.rawValue,
                      source: "regression-adjusted MSR (NeurIPS 2025)", size: .upTo(1 / 2.6)),
    ]

    /// The budgets checked, as multiples of n.
    public static let budgetMultiples = [5, 10, 20]

    /// One claim checked on the board.
    public struct Check: Sendable {
        public var claim: FrontierClaim
        /// The pooled ratio at each budget the records hold.
        public var pooled: [PairedErrorRatio]
        /// Per budget, each family's ratio (name, ratio).
        public var perFamily: [[(family: String, ratio: PairedErrorRatio)]]

        public var directionVerdict: String {
            let directions = pooled.map(\.direction)
            let lower = directions.filter { $0 == .lower }.count
            let higher = directions.filter { $0 == .higher }.count
            switch (lower, higher) {
            case (0, 0): return "not shown"
            case (directions.count, 0): return "reproduced"
            case (0, _): return "contradicted"
            case (_, 0): return "partly reproduced"
            default: return "mixed"
            }
        }

        public var sizeVerdict: String {
            switch claim.size {
            case .about(let published, let budgets):
                let checked = pooled.filter { budgets.contains($0.budgetMultiple) }
                let inside = checked.filter { $0.interval?.contains(published) ?? false }.map { "\($0.budgetMultiple)n" }
                return "about \(PairedErrorRatio.number(published)) at \(budgets.map { "\($0)n" }.joined(separator: "-")): "
                    + (inside.isEmpty ? "outside our intervals" : "inside our interval at \(inside.joined(separator: ", "))")
            case .upTo(let published):
                guard let (family, best) = lowestFamilyRatio else { return "no family ratio" }
                let reached = if let interval = best.interval {
                    interval.upper <= published ? "reached" : (interval.lower <= published ? "not excluded" : "not reached")
                } else { "undecided" }
                return "up to \(PairedErrorRatio.number(published)): \(reached) (lowest family ratio \(best.formatted), \(family) at \(best.budgetMultiple)n)"
            }
        }

        /// The lowest per-family ratio over all checked budgets.
        var lowestFamilyRatio: (String, PairedErrorRatio)? {
            perFamily.joined().min { $0.ratio.ratio < $1.ratio.ratio }.map { ($0.family, $0.ratio) }
        }
    }

    /// Checks every claim on `records` (every family pooled), at each budget of `budgetMultiples` they hold.
    public static func check(_ claims: [FrontierClaim], records: [ComparisonRecord], seed: UInt64) throws -> [Check] {
        let families = GameFamily.group(records)
        return try claims.enumerated().map { claimIndex, claim in
            var pooled: [PairedErrorRatio] = []
            var perFamily: [[(family: String, ratio: PairedErrorRatio)]] = []
            for multiple in budgetMultiples {
                let stream = RandomStream(seed: seed).substream(1 << 20).substream(UInt64(claimIndex)).substream(UInt64(multiple))
                guard let all = try PairedErrorRatio.compute(families: families.map(\.records), estimator: claim.estimator,
                                                             reference: claim.reference, budgetMultiple: multiple,
                                                             stream: stream) else { continue }
                pooled.append(all)
                perFamily.append(try families.enumerated().compactMap { index, family in
                    try PairedErrorRatio.compute(families: [family.records], estimator: claim.estimator, reference: claim.reference,
                                                 budgetMultiple: multiple, stream: stream.substream(UInt64(index + 1)))
                        .map { (family: family.name, ratio: $0) }
                })
            }
            return Check(claim: claim, pooled: pooled, perFamily: perFamily)
        }
    }

    /// A markdown table, one line per claim and budget, and the verdicts.
    public static func markdown(_ checks: [Check]) -> String {
        var lines = [
            "| claim | source | budget | pooled error ratio [95% CI] | families lower / undecided / higher | verdict (direction) | verdict (size) |",
            "|---|---|---|---|---|---|---|",
        ]
        for check in checks {
            for (pooled, families) in zip(check.pooled, check.perFamily) {
                let counts = [PairedErrorRatio.Direction.lower, .undecided, .higher]
                    .map { direction in String(families.filter { $0.ratio.direction == direction }.count) }
                lines.append("| \(check.claim.estimator) below \(check.claim.reference) | \(check.claim.source) | \(pooled.budgetMultiple)n | \(pooled.formatted) | \(counts.joined(separator: " / ")) | \(check.directionVerdict) | \(check.sizeVerdict) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every claim's per-family ratios, a column per budget.
    public static func familyMarkdown(_ checks: [Check]) -> String {
        var lines: [String] = []
        for check in checks {
            let budgets = check.pooled.map { "\($0.budgetMultiple)n" }
            lines.append("\n\(check.claim.estimator) over \(check.claim.reference), error ratio [95% CI] per family:\n")
            lines.append("| family | " + budgets.joined(separator: " | ") + " |")
            lines.append("|---|" + budgets.map { _ in "---|" }.joined())
            let families = check.perFamily.first?.map(\.family) ?? []
            for family in families {
                let cells = check.perFamily.map { ratios in ratios.first { $0.family == family }.map(\.ratio.formatted) ?? "-" }
                lines.append("| \(family) | " + cells.joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

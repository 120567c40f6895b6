import Statistics

/// The cells that the report's descriptive tables (the beta sweep, the controls, compute matching,
/// the unit-level grid and the horizon grid) share, so a mean, an interval or an effect reads and
/// rounds the same in every section. Numbers are printed by `PaperCheckDocument.format`.
enum ReportCell {
    /// Percentile-bootstrap resamples behind `meanWithInterval`.
    static let resamples = 1999

    /// The mean (1/n) sum x_i (`Descriptive.meanOrNaN`); "n/a" for an empty sample or a non-finite mean.
    static func mean(_ x: [Double]) -> String {
        let value = Descriptive.meanOrNaN(x)
        return value.isFinite ? PaperCheckDocument.format(value) : "n/a"
    }

    /// "[lower, upper]", or "n/a" without an interval.
    static func interval(_ interval: ConfidenceInterval?) -> String {
        interval.map { "[\(PaperCheckDocument.format($0.lower)), \(PaperCheckDocument.format($0.upper))]" } ?? "n/a"
    }

    /// "mean [lower, upper]": the mean with its 95% percentile bootstrap interval over the sample
    /// (`resamples` resamples from `stream`); the interval is "n/a" with fewer than two finite values.
    static func meanWithInterval(_ x: [Double], stream: RandomStream) -> String {
        let ci = try? Bootstrap.confidenceInterval(x, statistic: Descriptive.meanOrNaN, resamples: resamples,
                                                   method: .percentile, stream: stream)
        return "\(mean(x)) \(interval(ci))"
    }

    /// "estimate [lower, upper]" of a comparison's effect (A - B).
    static func effect(_ comparison: ClaimComparison) -> String {
        "\(PaperCheckDocument.format(comparison.effect.estimate)) \(interval(comparison.interval))"
    }
}

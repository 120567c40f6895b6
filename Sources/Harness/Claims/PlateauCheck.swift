import Statistics

/// Whether one scheme's runs are shown to have stopped improving by the end. For each run, b is
/// the least-squares slope of its curve (`series(of:)`: the held-out evaluations where the run has
/// them) against the step over the last `window` = 20% of the
/// steps (s >= s_m - 0.2 (s_m - s_0)), and c = b (s_m - s_0) is the change a further run as long
/// would bring at that slope. The runs pass when the mean of c is shown to lie within
/// +-`tolerance` (the claim's margin) by TOST at alpha = 0.05 (`Equivalence.tost` on the one-sample
/// mean of c, t with n - 1 df): the plateau must be shown, not merely not contradicted, so a
/// slope that noise leaves uncertain also fails. A claim about converged runs (C3) is decided only
/// on comparisons whose schemes pass.
struct PlateauCheck: Sendable, Equatable {
    static let window = 0.2

    let scheme: String
    /// Mean of c over the runs, and its 90% interval (ends: the one-sided 95% bounds).
    let projectedChange: Double
    let interval: ConfidenceInterval
    let tolerance: Double
    let passes: Bool

    /// `runs`: one scheme's runs (at least two), each read as `series(of:)`, all evaluated at the
    /// same steps (at least two in the window). Throws when every run has the same slope.
    init(_ runs: [CurveRun], tolerance: Double) throws {
        let changes = try runs.map { try Self.projectedChange(Self.series(of: $0)) }
        let mean = try Descriptive.mean(changes)
        let effect = try EffectEstimate(estimate: mean, standardError: try Descriptive.standardDeviation(changes) / Double(changes.count).squareRoot(),
                                        degreesOfFreedom: Double(changes.count - 1))
        scheme = runs[0].scheme
        projectedChange = mean
        interval = try effect.interval(confidenceLevel: 1 - 2 * ClaimCheck.alpha)
        self.tolerance = tolerance
        passes = try Equivalence.tost(effect, lower: -tolerance, upper: tolerance, alpha: ClaimCheck.alpha).isEquivalent
    }

    /// c = b (s_m - s_0) of one curve (steps s_0 < ... < s_m): b the least-squares slope of the
    /// reward against the step over the points with s >= s_m - `window` (s_m - s_0). Throws when
    /// fewer than two points lie in that window.
    static func projectedChange(_ series: [(step: Int, reward: Double)]) throws -> Double {
        guard let first = series.first?.step, let last = series.last?.step else {
            throw HarnessError.invalidPlan("a plateau check needs a curve with points")
        }
        let length = Double(last - first)
        let tail = series.filter { Double($0.step) >= Double(last) - window * length }
        guard tail.count >= 2 else {
            throw HarnessError.invalidPlan("a plateau check needs at least two evaluations in the last \(Int(window * 100))% of steps \(first)...\(last) (got \(tail.count))")
        }
        return ShapEClosedFormClaim.leastSquaresSlope(x: tail.map { Double($0.step) }, y: tail.map(\.reward)) * length
    }

    /// The curve a run's plateau is read from: its held-out evaluations where it has them, else
    /// its recorded curve (the training-batch reward of runs stored before held-out evaluations).
    static func series(of run: CurveRun) -> [(step: Int, reward: Double)] {
        run.evaluations.isEmpty ? Array(zip(run.steps, run.values)).map { (step: $0, reward: $1) } : run.evaluations
    }

    /// The check as a measurement line.
    var measurement: Measurement {
        Measurement("\(scheme): change over a further run at the slope of the last 20% of steps", projectedChange,
                    note: "90% CI [\(PaperCheckDocument.format(interval.lower)), \(PaperCheckDocument.format(interval.upper))] over runs; "
                        + "tolerance +-\(PaperCheckDocument.format(tolerance)): \(passes ? "plateau shown" : "plateau not shown")")
    }
}

import Statistics

/// The margins of the learning claims, fixed from quantities that do not depend on the compared
/// groups, so they could have been written down before the runs:
/// - rewards and areas under the curve (a time-averaged reward): `fraction` = 5% of the gap
///   between the untrained policy's reward (`CurveMetrics.initialReward`: the step-0 evaluation,
///   before any scheme has trained) and the task's attainable maximum (`SCARTask.attainable`, `Margin.fractionOfGap`);
/// - steps to a threshold: 5% of the run length.
/// `ClaimReport` re-decides every claim at half and double these margins.
enum ClaimMargins {
    static let fraction = 0.05

    /// The best-candidate reward of MovieLens set recommendation is at most the top rating.
    static let movieLensAttainable = (value: 5.0, basis: "the top rating is 5 stars")

    /// 5% of (attainable - untrained), with how it was fixed.
    static func reward(untrained: Double, attainable: (value: Double, basis: String)) throws -> (margin: Double, basis: String) {
        let margin = try Margin.fractionOfGap(fraction, untrained: untrained, attainable: attainable.value)
        return (margin, "5% of (\(PaperCheckDocument.format(attainable.value)) - \(PaperCheckDocument.format(untrained))), the gap from the untrained policy to the attainable maximum (\(attainable.basis))")
    }

    /// 5% of the run length, with how it was fixed.
    static func steps(runLength: Double) -> (margin: Double, basis: String) {
        (fraction * runLength, "5% of the run length (\(PaperCheckDocument.format(runLength)) steps)")
    }
}

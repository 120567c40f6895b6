/// The outcome of checking one claim against this run's data. Never set by hand: `ClaimCheck`
/// derives it from its exact checks and statistical comparisons.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case supported
    case notSupported = "not supported"
    case inconclusive
    case notMeasured = "not measured in this run"

    /// Combines the verdicts of a claim's parts: any part not supported makes the claim not
    /// supported; otherwise any inconclusive part makes it inconclusive; all supported makes it
    /// supported; no parts at all means not measured.
    static func combining(_ parts: [Verdict]) -> Verdict {
        if parts.isEmpty || parts.contains(.notMeasured) { return .notMeasured }
        if parts.contains(.notSupported) { return .notSupported }
        if parts.contains(.inconclusive) { return .inconclusive }
        return .supported
    }
}

/// A number the paper reports (or a statement it makes), quoted with where it came from.
public struct PaperEvidence: Codable, Sendable, Equatable {
    public var quote: String
    public var source: String

    public init(_ quote: String, source: String) {
        self.quote = quote
        self.source = source
    }
}

/// A number this run measured, with its unit or a short note.
public struct Measurement: Codable, Sendable, Equatable {
    public var name: String
    public var value: Double
    public var note: String

    public init(_ name: String, _ value: Double, note: String = "") {
        self.name = name
        self.value = value
        self.note = note
    }
}

/// A deterministic check (no sampling error): a measured quantity against a tolerance, e.g. the
/// largest efficiency gap against 1e-9. Passes when `measured <= tolerance`.
public struct ExactCheck: Codable, Sendable, Equatable {
    public var name: String
    public var measured: Double
    public var tolerance: Double

    public init(name: String, measured: Double, tolerance: Double) {
        self.name = name
        self.measured = measured
        self.tolerance = tolerance
    }

    public var verdict: Verdict { measured <= tolerance ? .supported : .notSupported }
}

/// One claim of a paper, what the paper shows for it, how this run tested it, and what it found.
///
/// The verdict combines the exact checks and the statistical comparisons (see
/// `Verdict.combining`); a claim with a `notMeasuredReason` is "not measured in this run"
/// whatever else it holds. Comparisons carry raw p-values; `ClaimReport` fills in the
/// Holm-adjusted ones across every comparison of every claim in the run before verdicts are read.
public struct ClaimCheck: Codable, Sendable {
    public var id: String
    public var title: String
    public var paper: String
    public var statement: String
    public var evidence: [PaperEvidence]
    /// Seeds, test, margins: how this run tested the claim.
    public var design: String
    public var measurements: [Measurement] = []
    public var exactChecks: [ExactCheck] = []
    public var comparisons: [ClaimComparison] = []
    /// Findings worth reading beside the verdict (a counterexample, a caveat).
    public var notes: [String] = []
    public var notMeasuredReason: String?

    public init(id: String, title: String, paper: String, statement: String, evidence: [PaperEvidence], design: String) {
        self.id = id
        self.title = title
        self.paper = paper
        self.statement = statement
        self.evidence = evidence
        self.design = design
    }

    public var verdict: Verdict {
        if notMeasuredReason != nil { return .notMeasured }
        return Verdict.combining(exactChecks.map(\.verdict) + comparisons.map(\.verdict))
    }
}

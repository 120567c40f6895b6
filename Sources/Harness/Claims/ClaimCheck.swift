import Statistics

/// The outcome of checking one claim against this run's data. Never set by hand: `ClaimCheck`
/// derives it from its exact checks and its statistical decision.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case supported
    /// The effect is shown in the claimed direction and shown smaller than the margin.
    case belowMargin = "supported, below margin"
    case notSupported = "not supported"
    case inconclusive
    /// The runs had not stopped improving (`PlateauCheck`), so an at-convergence claim is not decided.
    case notAtConvergence = "not at convergence"
    case notMeasured = "not measured in this run"

    /// The verdict of a statistical decision (`DecisionRule`).
    init(_ decided: Statistics.Verdict) {
        self = switch decided {
        case .supported: .supported
        case .belowMargin: .belowMargin
        case .notSupported: .notSupported
        case .inconclusive: .inconclusive
        }
    }

    /// Combines the verdicts of a claim's parts, the first that applies: no parts or any part not
    /// measured: not measured; any part not supported: not supported; any not at convergence or
    /// inconclusive: that (not at convergence first); any supported below the margin: that;
    /// otherwise supported.
    static func combining(_ parts: [Verdict]) -> Verdict {
        if parts.isEmpty || parts.contains(.notMeasured) { return .notMeasured }
        for verdict in [Verdict.notSupported, .notAtConvergence, .inconclusive, .belowMargin] where parts.contains(verdict) {
            return verdict
        }
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
/// The verdict combines the exact checks and the statistical decision (see `Verdict.combining`);
/// a claim with a `notMeasuredReason` is "not measured in this run" whatever else it holds. The
/// statistical decision is `DecisionRule.allOf` over the claim's `tests` (the one test's own
/// decision when there is one), at alpha = 0.05; `ClaimReport.adjust` replaces it by the
/// Holm-adjusted decision across the run's claims and fills `marginSensitivity`. Tests whose runs
/// are not at convergence (`ClaimTest.notAtConvergence`) are left out of the decision: a claim
/// with such tests can be refuted by the others (one refuted component refutes the intersection)
/// but not supported, and otherwise reads "not at convergence".
public struct ClaimCheck: Codable, Sendable {
    public static let alpha = 0.05

    public var id: String
    public var title: String
    public var paper: String
    public var statement: String
    public var evidence: [PaperEvidence]
    /// Seeds, test, margins: how this run tested the claim.
    public var design: String
    public var measurements: [Measurement] = []
    public var exactChecks: [ExactCheck] = []
    public var tests: [ClaimTest] = []
    /// Findings worth reading beside the verdict (a counterexample, a caveat).
    public var notes: [String] = []
    public var notMeasuredReason: String?
    /// The Holm-adjusted decision across the run's claims (`ClaimReport.adjust`).
    public var decision: ClaimDecision?
    /// The claim's verdict at other multiples of every margin, Holm-adjusted like `decision`.
    public var marginSensitivity: [MarginVerdict] = []

    /// A claim's verdict with every margin multiplied by `factor`.
    public struct MarginVerdict: Codable, Sendable, Equatable {
        public var factor: Double
        public var verdict: Verdict
    }

    public init(id: String, title: String, paper: String, statement: String, evidence: [PaperEvidence], design: String) {
        self.id = id
        self.title = title
        self.paper = paper
        self.statement = statement
        self.evidence = evidence
        self.design = design
    }

    /// Why some tests decide nothing (their runs are not at convergence), each reason once (a task's
    /// R and R - beta KL tests share theirs), joined; nil when none.
    public var notAtConvergence: String? {
        let reasons = tests.compactMap(\.notAtConvergence).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }

    /// The decision of the tests at convergence before any correction across claims, with every
    /// margin multiplied by `factor`: the single test's decision, or `DecisionRule.allOf` over
    /// several; nil for none.
    func unadjustedDecision(marginFactor factor: Double = 1) throws -> ClaimDecision? {
        let decisions = try tests.filter { $0.notAtConvergence == nil }.map { try $0.decision(marginFactor: factor) }
        guard !decisions.isEmpty else { return nil }
        return decisions.count == 1 ? decisions[0] : try DecisionRule.allOf(decisions, alpha: Self.alpha)
    }

    /// Whether the claim takes part in the Holm family: measured, with a test at convergence.
    var isDecidedStatistically: Bool { notMeasuredReason == nil && tests.contains { $0.notAtConvergence == nil } }

    /// The claim's statistical verdict from `decided` (its tests' decision): as decided, except
    /// that with tests not at convergence anything but "not supported" reads "not at convergence".
    func statisticalVerdict(_ decided: ClaimDecision?) -> Verdict? {
        let verdict = decided.map { Verdict($0.verdict) }
        guard notAtConvergence != nil else { return verdict }
        return verdict == .notSupported ? .notSupported : .notAtConvergence
    }

    public var verdict: Verdict {
        if notMeasuredReason != nil { return .notMeasured }
        let statistical = tests.isEmpty ? nil : statisticalVerdict(decision ?? (try? unadjustedDecision()))
        return Verdict.combining(exactChecks.map(\.verdict) + (statistical.map { [$0] } ?? []))
    }
}

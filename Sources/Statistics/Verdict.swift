/// What the data say about a claim, from two one-sided decisions with their own error control:
/// the support test (H0: the claim is false) and the refutation test (H0: the claim holds with
/// its margin). A rule rejects its H0 when its p-value is <= alpha.
public enum Verdict: String, Sendable, CaseIterable, Codable {
    /// The support test rejects and the refutation test does not.
    case supported
    /// The refutation test rejects and the support test does not.
    case notSupported = "not supported"
    /// Both reject: the effect is shown in the claimed direction and shown smaller than the margin
    /// (possible only for a superiority claim of effect > 0 with a margin m > 0).
    case belowMargin = "supported, below margin"
    /// Neither rejects: no conclusion, and no error rate is attached to it.
    case inconclusive

    /// The verdict of the two decisions.
    public init(supportRejected: Bool, refutationRejected: Bool) {
        self = switch (supportRejected, refutationRejected) {
        case (true, false): .supported
        case (false, true): .notSupported
        case (true, true): .belowMargin
        case (false, false): .inconclusive
        }
    }
}

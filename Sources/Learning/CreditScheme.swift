import Shapley

/// How a sequence reward R is turned into per-step rewards r_1..r_T for one response of T
/// actions (its words, plus `<eos>` when the policy ended the response itself; or an action
/// task's actions).
///
/// Unit-game schemes (`shapley`, `leaveOneOut`) play the game of the response's units (their
/// `CreditUnits`), v(S) = reward of the response keeping the units in S (`ResponseGame`,
/// `ActionSubsetGame`), and put a unit's credit on the step of the unit's last word (action);
/// other steps get 0.
/// - `sparse`: r_T = R, every other r_t = 0 (standard RLHF).
/// - `scaledSparse(factor)`: r_T = factor * R (a reward-scale control: not efficient).
/// - `promptBaseline`: sparse with the prompt baseline, r_t = v(empty) / T on every step plus
///   R - v(empty) on the last, v(empty) the reward of the prompt with an empty response (the
///   episode without content actions on the action tasks). It is SCAR's v(empty) / T term
///   without any credit (what SCAR reduces to on a response of one unit), so SCAR's gain over it
///   is what its credit adds beyond a prompt-dependent baseline. Efficient; 2 reward calls.
/// - `uniform`: r_t = R / T.
/// - `shapley(options)`: SCAR, r_t = alpha * (phi_t + v(empty) / T) + (1 - alpha) * R [t = T], phi
///   the Shapley values of the units (see `ShapleyCreditOptions` for the estimator); sums to
///   R exactly when the estimator is efficient (exact, Owen and KernelSHAP are).
/// - `leaveOneOut(units)`: r_t = v(N) - v(N minus the unit); not efficient.
/// - `attention(mix: b)`: ABC, r_t = b R a_t + (1 - b) R [t = T], with a_t the attention model's
///   weights over the response's words (final-token attention restricted to the response and
///   renormalised to sum to 1; `<eos>` gets none).
///
/// A response without words (the policy ended it at once) has T = 1: every scheme puts
/// R (factor * R for `scaledSparse`) on that step.
///
/// One spelling everywhere (CLI, curve files, claims, plots): `description` writes every
/// parameter and `init(parsing:defaults:)` reads it back (see `CreditScheme+Parsing.swift`).
public enum CreditScheme: Sendable, Hashable, CustomStringConvertible {
    case sparse
    case scaledSparse(factor: Double)
    case promptBaseline
    case uniform
    case shapley(ShapleyCreditOptions)
    case leaveOneOut(units: CreditUnits)
    case attention(mix: Double)

    /// ABC with b = 0.8 (the ABC code's value for TL;DR and OpenLLaMA).
    public static let abc = CreditScheme.attention(mix: 0.8)

    /// Whether the per-step rewards must sum to R (checked by `CreditAssignment.checkEfficiency`).
    public var isEfficient: Bool {
        switch self {
        case .sparse, .promptBaseline, .uniform, .shapley, .attention: return true
        case .scaledSparse, .leaveOneOut: return false
        }
    }

    /// The players of a unit-game scheme; `nil` for the schemes that need only R (and attention).
    public var units: CreditUnits? {
        switch self {
        case .shapley(let options): return options.units
        case .leaveOneOut(let units): return units
        case .sparse, .scaledSparse, .promptBaseline, .uniform, .attention: return nil
        }
    }

    /// The canonical spelling, every parameter written: `sparse`, `sparse*F`,
    /// `sparse(baseline=prompt)`, `uniform`,
    /// `loo(units=U)`, `abc(b=B)`, `scar(units=U;alpha=A;exact<=N;estimator=E;budget=B)`, the last
    /// followed by `;missing=mask` for SCAR's blank-mask variant (removal, the default, is not
    /// written, so spellings stored before the variant existed read back unchanged).
    public var description: String {
        switch self {
        case .sparse: return "sparse"
        case .scaledSparse(let factor): return "sparse*\(Self.number(factor))"
        case .promptBaseline: return "sparse(baseline=prompt)"
        case .uniform: return "uniform"
        case .shapley(let o):
            return "scar(units=\(o.units);alpha=\(Self.number(o.alpha));exact<=\(o.exactUpTo);estimator=\(o.estimator);budget=\(o.budget)"
                + (o.masksMissingUnits ? ";missing=mask)" : ")")
        case .leaveOneOut(let units): return "loo(units=\(units))"
        case .attention(let mix): return "abc(b=\(Self.number(mix)))"
        }
    }

    /// x as the shortest decimal that reads back to x, without a trailing ".0" (2, 0.8).
    static func number(_ x: Double) -> String {
        x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}

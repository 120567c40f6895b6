import Shapley

/// How a sequence reward R is turned into per-step rewards r_1..r_T for one response: one
/// `CreditRule` (each rule states its formula in its own file under `CreditRules/`), with one
/// spelling everywhere (CLI, curve files, claims, plots): `description` writes every parameter and
/// `init(parsing:defaults:)` reads it back (`CreditScheme+Parsing.swift`).
///
/// The rules, in `rules` (the registry: a new scheme is its rule's file plus one line here):
/// `sparse` (`SparseCredit`), `sparse*F` (`ScaledSparseCredit`), `sparse(baseline=prompt)`
/// (`PromptBaselineCredit`), `uniform` (`UniformCredit`), `loo(units=U)` (`LeaveOneOutCredit`),
/// `abc(b=B)` (`AttentionCredit`), `scar(...)` (`ShapleyCredit`). Two schemes are equal when their
/// spellings are.
public struct CreditScheme: Sendable, Hashable, CustomStringConvertible {
    /// Every rule a spelling can name, in the order `grammar` lists them.
    public static let rules: [any CreditRule.Type] = [
        SparseCredit.self,
        ScaledSparseCredit.self,
        PromptBaselineCredit.self,
        UniformCredit.self,
        LeaveOneOutCredit.self,
        AttentionCredit.self,
        ShapleyCredit.self,
    ]

    /// The rule that computes this scheme's rewards.
    public let rule: any CreditRule

    public init(_ rule: any CreditRule) { self.rule = rule }

    public static let sparse = CreditScheme(SparseCredit())
    public static let promptBaseline = CreditScheme(PromptBaselineCredit())
    public static let uniform = CreditScheme(UniformCredit())
    /// ABC with b = 0.8 (the ABC code's value for TL;DR and OpenLLaMA).
    public static let abc = attention(mix: 0.8)
    public static func scaledSparse(factor: Double) -> CreditScheme { CreditScheme(ScaledSparseCredit(factor: factor)) }
    public static func shapley(_ options: ShapleyCreditOptions) -> CreditScheme { CreditScheme(ShapleyCredit(options)) }
    public static func leaveOneOut(units: CreditUnits) -> CreditScheme { CreditScheme(LeaveOneOutCredit(units: units)) }
    public static func attention(mix: Double) -> CreditScheme { CreditScheme(AttentionCredit(mix: mix)) }

    /// Whether the per-step rewards must sum to R (checked by `CreditAssignment.checkEfficiency`).
    public var isEfficient: Bool { rule.isEfficient }

    /// The players of a unit-game scheme; `nil` for the schemes that need only R (and attention).
    public var units: CreditUnits? { rule.units }

    /// Whether the scheme needs an attention model over the text (ABC).
    public var needsAttention: Bool { rule.needsAttention }

    /// The canonical spelling, every parameter written (the rule's `description`).
    public var description: String { rule.description }

    public static func == (a: CreditScheme, b: CreditScheme) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    /// x as the shortest decimal that reads back to x, without a trailing ".0" (2, 0.8): how the
    /// rules write their numbers.
    public static func number(_ x: Double) -> String {
        x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}

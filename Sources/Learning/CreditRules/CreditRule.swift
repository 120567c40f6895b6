import Shapley
import Statistics
import Tasks

/// One way to turn a response's sequence reward R into per-step rewards r_1..r_T (T the response's
/// steps: its words, plus `<eos>` when the policy ended the response itself; or an action task's
/// actions): the behaviour behind a `CreditScheme`.
///
/// Each rule is one type in its own file under `CreditRules/`, listed once in
/// `CreditScheme.rules`; the type states its formula, reads and writes its own spelling, says
/// whether its rewards sum to R, and computes them. Everything else (parsing dispatch, the
/// learners, the claim checks C1 and C2, `train`, `check`, the curve store) goes through
/// `CreditScheme` and needs no change for a new rule.
///
/// Unit-game rules (`units` not `nil`) play the game of the response's units (`CreditUnits`),
/// v(S) = reward of the response keeping the units in S (`ResponseGame`, `ActionSubsetGame`), and
/// put a unit's credit on the step of the unit's last word (action). A response without words (the
/// policy ended it at once) has T = 1, and every rule pays it `rewards(total:stepCount:)`.
public protocol CreditRule: Sendable, CustomStringConvertible {
    /// The rule's spelling in `CreditScheme.grammar`, with the range of each parameter.
    static var grammar: String { get }

    /// The rule `spelling` names, keys left out taking `defaults` (or the rule's own stated
    /// defaults); `nil` when the spelling names another rule. Throws `CreditScheme.ParseError`
    /// (through `CreditSpelling`'s readers) when it names this rule with a bad parameter.
    init?(spelling: CreditSpelling, defaults: ShapleyCreditOptions) throws

    /// The canonical spelling, every parameter written, `;` between parameters (so no CSV needs
    /// quoting); `init(spelling:defaults:)` reads it back to an equal rule.
    var description: String { get }

    /// Whether the per-step rewards sum to R exactly (checked on every training step,
    /// `CreditAssignment.checkEfficiency`).
    var isEfficient: Bool { get }

    /// The players of a unit-game rule; `nil` for rules that need no unit game (default).
    var units: CreditUnits? { get }

    /// Whether the rule redistributes R with an attention model (ABC), which only some tasks have
    /// (default: no).
    var needsAttention: Bool { get }

    /// The text level at which `CreditScheme.assign` plays a response's game: the level of
    /// `units` (default; throws `CreditEnvironment.WrongUnits` for action units), `nil` when the
    /// rule needs only R.
    func textGameLevel() throws -> UnitLevel?

    /// How the rule's text games complete a coalition's text (default: removal).
    var completion: TextGame.Completion { get }

    /// The per-step rewards of a response whose units are the players of `game`, R = v(N): unit i's
    /// credit goes to step `stepOfPlayer[i]` of `stepCount` (`CreditScheme.unitRewards` checks
    /// the steps). Value calls go through `game`, so a metered or caching game counts them; `random`
    /// feeds sampling estimators only. Default: `rewards(total: v(N), stepCount:)`.
    func rewards<Game: CooperativeGame>(
        game: Game, stepOfPlayer: [Int], stepCount: Int, partition: () throws -> PlayerPartition, random: RandomStream
    ) throws -> [Double]

    /// The per-step rewards from R alone: what rules that need only R pay, and what a unit-game
    /// rule pays when its game has no players. Default: R on the last step, 0 elsewhere.
    func rewards(total: Double, stepCount: Int) -> [Double]

    /// The per-step rewards of a text response for a rule that plays no game, from R and the
    /// environment's other models (ABC's attention). Default: `rewards(total:stepCount:)`.
    func rewards(total: Double, response: GeneratedResponse, environment: CreditEnvironment) throws -> [Double]
}

extension CreditRule {
    public var units: CreditUnits? { nil }
    public var needsAttention: Bool { false }
    public var completion: TextGame.Completion { .removal }

    public func textGameLevel() throws -> UnitLevel? {
        switch units {
        case .text(let level): return level
        case .actions: throw CreditEnvironment.WrongUnits(scheme: CreditScheme(self), expected: "tokens, punctuation, spans:K or sentences")
        case nil: return nil
        }
    }

    public func rewards<Game: CooperativeGame>(
        game: Game, stepOfPlayer: [Int], stepCount: Int, partition: () throws -> PlayerPartition, random: RandomStream
    ) throws -> [Double] {
        rewards(total: try game.value(of: game.grandCoalition), stepCount: stepCount)
    }

    public func rewards(total: Double, stepCount: Int) -> [Double] {
        var rewards = [Double](repeating: 0, count: stepCount)
        rewards[stepCount - 1] = total
        return rewards
    }

    public func rewards(total: Double, response: GeneratedResponse, environment: CreditEnvironment) throws -> [Double] {
        rewards(total: total, stepCount: response.stepCount)
    }
}

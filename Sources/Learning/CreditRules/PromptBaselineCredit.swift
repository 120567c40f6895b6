import Shapley
import Statistics
import Tasks

/// Sparse credit with the prompt baseline: r_t = v(empty) / T on every step plus R - v(empty) on
/// the last, v(empty) the reward of the prompt with an empty response (the episode without content
/// actions on the action tasks). It is SCAR's v(empty) / T term without any credit (what SCAR
/// reduces to on a response of one unit), so SCAR's gain over it is what its credit adds beyond a
/// prompt-dependent baseline. Efficient; 2 reward calls (v(N) and v(empty)). Spelled
/// `sparse(baseline=prompt)`.
public struct PromptBaselineCredit: CreditRule {
    public static let grammar = "sparse(baseline=prompt)"

    public init() {}

    public init?(spelling: CreditSpelling, defaults: ShapleyCreditOptions) throws {
        guard spelling.name == "sparse", let baseline = spelling.value("baseline") else { return nil }
        try spelling.allowOnly(["baseline"])
        guard baseline == "prompt" else { throw spelling.failure("sparse's baseline must be 'prompt', got '\(baseline)'") }
    }

    public var description: String { "sparse(baseline=prompt)" }
    public var isEfficient: Bool { true }

    /// It needs only v(N) and v(empty), the same at every unit level.
    public func textGameLevel() throws -> UnitLevel? { .sentences }

    public func rewards<Game: CooperativeGame>(
        game: Game, stepOfPlayer: [Int], stepCount: Int, partition: () throws -> PlayerPartition, random: RandomStream
    ) throws -> [Double] {
        let total = try game.value(of: game.grandCoalition)
        let empty = try game.value(of: .empty)
        var rewards = [Double](repeating: empty / Double(stepCount), count: stepCount)
        rewards[stepCount - 1] += total - empty
        return rewards
    }
}

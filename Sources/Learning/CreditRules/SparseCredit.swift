import Shapley

/// Sparse credit, standard RLHF: r_T = R, every other r_t = 0. Efficient; 1 reward call.
/// Spelled `sparse`.
public struct SparseCredit: CreditRule {
    public static let grammar = "sparse"

    public init() {}

    public init?(spelling: CreditSpelling, defaults: ShapleyCreditOptions) throws {
        guard spelling.name == "sparse", spelling.value("baseline") == nil else { return nil }
        try spelling.allowOnly([])
    }

    public var description: String { "sparse" }
    public var isEfficient: Bool { true }
}

/// What an estimator computes and guarantees, declared once by its type and read by everything
/// that enumerates estimators: the command line, `compare`, `train`, the registry-driven axiom and
/// budget tests and the README's estimator table (`EstimatorRegistry.markdownTable`).
///
/// Each flag is a promise the registry tests check on random games: an estimator that declares
/// `efficient` must return values summing to v(N) - v(empty) to rounding at every budget, one that
/// declares `unbiased` must average to its `target` over seeds, and so on.
public struct EstimatorCapabilities: Sendable, Equatable {
    /// The quantity an estimator estimates.
    public enum Target: String, Sendable {
        /// The Shapley value.
        case shapley = "Shapley value"
        /// The two-level Owen value of a partition (equal to the Shapley value for singletons).
        case owen = "Owen value"
        /// v(N) - v(N - i), a non-Shapley baseline.
        case leaveOneOut = "leave-one-out"
    }

    public var target: Target
    /// Ignores the budget and always spends the same calls (`EstimatorCost.fixed`).
    public var budgetFree: Bool
    /// Evaluates every coalition, so its cost grows as 2^n (comparisons cap its player count).
    public var exhaustive: Bool
    /// Needs a partition of the players into groups (`PlayerPartition`).
    public var needsPartition: Bool
    /// The values sum to v(N) - v(empty) exactly (to floating-point rounding), at every budget.
    public var efficient: Bool
    /// Players that are interchangeable in every coalition get equal values, at every budget.
    public var symmetric: Bool
    /// A player that adds nothing to any coalition gets exactly 0, at every budget.
    public var nullPlayer: Bool
    /// The expectation over the estimator's randomness equals `target` at every budget
    /// (deterministic exact methods are trivially unbiased).
    public var unbiased: Bool
    /// May report standard errors (sampling paths); an estimator that does not declare this never does.
    public var standardErrors: Bool
    /// The method and its source, for tables and `--help`.
    public var method: String
    /// The cost in distinct value calls, in words.
    public var costDescription: String

    public init(target: Target = .shapley, budgetFree: Bool = false, exhaustive: Bool = false, needsPartition: Bool = false,
                efficient: Bool, symmetric: Bool, nullPlayer: Bool, unbiased: Bool, standardErrors: Bool,
                method: String, costDescription: String) {
        self.target = target
        self.budgetFree = budgetFree
        self.exhaustive = exhaustive
        self.needsPartition = needsPartition
        self.efficient = efficient
        self.symmetric = symmetric
        self.nullPlayer = nullPlayer
        self.unbiased = unbiased
        self.standardErrors = standardErrors
        self.method = method
        self.costDescription = costDescription
    }

    /// The axioms that hold exactly, in words ("efficiency, null player").
    public var exactAxioms: String {
        let names = [(efficient, "efficiency"), (symmetric, "symmetry"), (nullPlayer, "null player")]
            .filter(\.0).map(\.1)
        return names.isEmpty ? "none" : names.joined(separator: ", ")
    }

    /// Bias in words, relative to the target.
    public var biasDescription: String {
        switch (unbiased, target) {
        case (true, .shapley): return budgetFree ? "none" : "unbiased"
        case (true, .owen): return "unbiased for the Owen value"
        case (true, .leaveOneOut): return "not a Shapley estimate"
        case (false, _): return "consistent, biased"
        }
    }
}

/// How many distinct value calls an estimator spends on a game of n players.
public enum EstimatorCost: Sendable, Equatable {
    /// Always exactly this many; the budget only has to allow it.
    case fixed(Int)
    /// At most the budget, which must be at least `minimum`.
    case budgeted(minimum: Int)

    /// The smallest budget the estimator runs with.
    public var minimumBudget: Int {
        switch self {
        case .fixed(let calls): return calls
        case .budgeted(let minimum): return minimum
        }
    }
}

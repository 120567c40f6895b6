/// The estimators the commands offer, in the order they are listed: adding an estimator is one
/// file (its type, conforming to `ShapleyEstimator`) and one line here. The command line's
/// choices, `compare`'s estimator set, `train`'s SCAR estimators, the registry tests and the
/// README's estimator table (`markdownTable`) all read this list.
public enum EstimatorRegistry {
    public static let entries: [EstimatorEntry] = [
        EstimatorEntry { _ in ExactShapley() },
        EstimatorEntry { _ in PermutationSampling(antithetic: false) },
        EstimatorEntry { _ in PermutationSampling(antithetic: true) },
        EstimatorEntry { _ in KernelSHAP(paired: false) },
        EstimatorEntry { _ in KernelSHAP(paired: true) },
        EstimatorEntry { _ in UnbiasedKernelSHAP() },
        EstimatorEntry { _ in LeverageSHAP() },
        EstimatorEntry { _ in RegressionMSR() },
        EstimatorEntry { _ in StratifiedSVARM() },
        EstimatorEntry { _ in StratifiedSampling() },
        EstimatorEntry { OwenValues(partition: try $0.requirePartition(for: "owen")) },
        EstimatorEntry { _ in ClosedFormShapley() },
        EstimatorEntry { _ in LeaveOneOut() },
    ]

    /// Every estimator's command-line name, in registry order.
    public static var names: [String] { entries.map(\.name) }

    /// The entry called `name`, or an error listing the names.
    public static func entry(named name: String) throws -> EstimatorEntry {
        guard let entry = entries.first(where: { $0.name == name }) else {
            throw GameError.unsupportedGame("unknown estimator '\(name)'; choose from \(names.joined(separator: ", "))")
        }
        return entry
    }

    /// Estimators that spend a budget to estimate the Shapley (or Owen) value: what can stand in for
    /// enumeration on a large game, e.g. as SCAR's estimator above its exact limit.
    public static var samplingNames: [String] {
        entries.filter { !$0.capabilities.budgetFree && $0.capabilities.target != .leaveOneOut }.map(\.name)
    }

    /// The README's estimator table: name, method, cost, bias, exact axioms, standard errors.
    public static func markdownTable() -> String {
        var lines = [
            "| name | method | cost in value calls | bias | axioms that hold exactly | standard errors |",
            "|---|---|---|---|---|---|",
        ]
        for entry in entries {
            let c = entry.capabilities
            lines.append("| `\(entry.name)` | \(c.method) | \(c.costDescription) | \(c.biasDescription) | \(c.exactAxioms) | \(c.standardErrors ? "yes" : "no") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One estimator: its name and capabilities (read from an instance made with a one-player
/// placeholder partition) and how to make it for a game. The registry's entries are the ones the
/// commands offer; a caller may build others (e.g. a changed estimator to check against a baseline).
public struct EstimatorEntry: Sendable {
    public let name: String
    public let capabilities: EstimatorCapabilities
    private let factory: @Sendable (EstimatorSetup) throws -> any ShapleyEstimator

    public init(_ factory: @escaping @Sendable (EstimatorSetup) throws -> any ShapleyEstimator) {
        let probe = try! factory(EstimatorSetup(partition: .singletons(1)))
        name = probe.name
        capabilities = probe.capabilities
        self.factory = factory
    }

    /// The estimator; one that needs a partition refuses to be made without one (no silent
    /// fallback to singletons).
    public func make(partition: PlayerPartition? = nil) throws -> any ShapleyEstimator {
        try factory(EstimatorSetup(partition: partition))
    }
}

/// What a game offers an estimator's constructor.
public struct EstimatorSetup: Sendable {
    public var partition: PlayerPartition?

    /// The partition, or a one-line error naming the estimator that needs it.
    public func requirePartition(for name: String) throws -> PlayerPartition {
        guard let partition else {
            throw GameError.unsupportedGame("\(name) needs a partition of the players into groups (--groups FILE)")
        }
        return partition
    }
}

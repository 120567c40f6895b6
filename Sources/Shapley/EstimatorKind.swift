/// An estimator's command-line name, checked against `EstimatorRegistry`: the handle options,
/// plans and credit schemes store. The constants name the estimators that code refers to by
/// name; a new estimator needs none.
public struct EstimatorKind: RawRepresentable, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    public let rawValue: String

    /// `nil` unless `rawValue` is a registered name.
    public init?(rawValue: String) {
        guard EstimatorRegistry.names.contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// A name the registry is known to hold (the constants below).
    private init(registered name: String) { rawValue = name }

    public static let exact = EstimatorKind(registered: "exact")
    public static let permutation = EstimatorKind(registered: "permutation")
    public static let antithetic = EstimatorKind(registered: "antithetic")
    public static let kernelshap = EstimatorKind(registered: "kernelshap")
    public static let kernelshapPaired = EstimatorKind(registered: "kernelshap-paired")
    public static let kernelshapUnbiased = EstimatorKind(registered: "kernelshap-unbiased")
    public static let leverageShap = EstimatorKind(registered: "leverage-shap")
    public static let msrLinear = EstimatorKind(registered: "msr-linear")
    public static let svarm = EstimatorKind(registered: "svarm")
    public static let owen = EstimatorKind(registered: "owen")
    public static let closedForm = EstimatorKind(registered: "closed-form")
    public static let loo = EstimatorKind(registered: "loo")

    /// Every registered estimator, in registry order.
    public static var allCases: [EstimatorKind] { EstimatorRegistry.names.map(EstimatorKind.init(registered:)) }

    public var description: String { rawValue }

    /// The registry entry (its capabilities and factory).
    public var entry: EstimatorEntry { try! EstimatorRegistry.entry(named: rawValue) }

    /// The estimator; one that needs a partition refuses to be made without one.
    public func make(partition: PlayerPartition? = nil) throws -> any ShapleyEstimator {
        try entry.make(partition: partition)
    }
}

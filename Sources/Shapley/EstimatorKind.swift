/// The estimators by their command-line names.
public enum EstimatorKind: String, CaseIterable, Sendable {
    case exact
    case permutation
    case antithetic
    case kernelshap
    case kernelshapPaired = "kernelshap-paired"
    case owen
    case closedForm = "closed-form"
    case loo

    /// The estimator; `owen` needs a `partition` (without one it is an error, not a silent
    /// fallback to singletons).
    public func make(partition: PlayerPartition? = nil) throws -> any ShapleyEstimator {
        switch self {
        case .exact: return ExactShapley()
        case .permutation: return PermutationSampling(antithetic: false)
        case .antithetic: return PermutationSampling(antithetic: true)
        case .kernelshap: return KernelSHAP(paired: false)
        case .kernelshapPaired: return KernelSHAP(paired: true)
        case .owen:
            guard let partition else { throw GameError.unsupportedGame("owen needs a partition of the players into groups (--groups FILE)") }
            return OwenValues(partition: partition)
        case .closedForm: return ClosedFormShapley()
        case .loo: return LeaveOneOut()
        }
    }
}

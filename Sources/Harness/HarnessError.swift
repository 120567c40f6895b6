/// Errors of the harness, one line each.
public enum HarnessError: Error, CustomStringConvertible {
    case invalidPlan(String)

    public var description: String {
        switch self {
        case .invalidPlan(let reason): return reason
        }
    }
}

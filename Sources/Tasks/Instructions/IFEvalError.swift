/// Why an IFEval item cannot be scored; `description` is one line naming the id and key.
public enum IFEvalError: Error, CustomStringConvertible, Equatable {
    case unknownInstruction(id: String)
    case missingKwarg(id: String, key: String)
    case unexpectedKwarg(id: String, key: String)
    case badKwarg(id: String, key: String, reason: String)
    case kwargsCountMismatch(instructions: Int, kwargs: Int)

    public var description: String {
        switch self {
        case .unknownInstruction(let id):
            return "unknown IFEval instruction id '\(id)'"
        case .missingKwarg(let id, let key):
            return "instruction '\(id)': missing kwarg '\(key)'"
        case .unexpectedKwarg(let id, let key):
            return "instruction '\(id)': unexpected kwarg '\(key)'"
        case .badKwarg(let id, let key, let reason):
            return "instruction '\(id)': kwarg '\(key)' \(reason)"
        case .kwargsCountMismatch(let instructions, let kwargs):
            return "instruction_id_list has \(instructions) entries but kwargs has \(kwargs)"
        }
    }
}

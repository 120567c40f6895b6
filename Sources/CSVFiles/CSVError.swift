/// Why a CSV file could not be read or written; each case reads as one line.
public enum CSVError: Error, Equatable, CustomStringConvertible {
    case malformed(file: String, line: Int, reason: String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .malformed(let file, let line, let reason): return "\(file) line \(line): \(reason)"
        case .cannotWrite(let path): return "cannot write \(path); check the folder exists and is writable"
        }
    }
}

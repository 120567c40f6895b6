/// Why langdetect gives no language (`noFeatures`, its `LangDetectException` "No features in
/// text.") or why its data cannot be loaded; `description` is one line.
public enum LangDetectError: Error, CustomStringConvertible, Equatable {
    case noFeatures
    case unreadable(path: String)
    case malformed(path: String, reason: String)
    case missingData(String)

    public var description: String {
        switch self {
        case .noFeatures: return "No features in text."
        case .unreadable(let path): return "cannot read langdetect data file \(path)"
        case .malformed(let path, let reason): return "langdetect data file \(path): \(reason)"
        case .missingData(let problem): return "langdetect data: \(problem)"
        }
    }
}

/// One kwargs value of an IFEval instruction, as it appears in `input_data.jsonl`.
public enum IFEvalKwarg: Sendable, Equatable, Decodable {
    case int(Int)
    case string(String)
    case strings([String])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) { self = .int(value); return }
        if let value = try? container.decode(String.self) { self = .string(value); return }
        if let value = try? container.decode([String].self) { self = .strings(value); return }
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "kwargs values must be an integer, a string or a list of strings")
    }
}

/// The kwargs of one instruction, with typed accessors that throw one-line errors.
///
/// `null` values count as absent (the Hugging Face copy of IFEval lists every key with nulls).
/// Where Google's reference would draw a random value (a missing or out-of-range argument),
/// there is no deterministic answer, so these accessors throw instead.
public struct InstructionArguments: Sendable {
    public let id: String
    public let values: [String: IFEvalKwarg]

    public init(id: String, values: [String: IFEvalKwarg]) {
        self.id = id
        self.values = values
    }

    /// Throws on any key the instruction does not take (Python raises TypeError there).
    public func requireOnly(_ keys: Set<String>) throws {
        for key in values.keys.sorted() where !keys.contains(key) {
            throw IFEvalError.unexpectedKwarg(id: id, key: key)
        }
    }

    public func int(_ key: String, minimum: Int? = nil) throws -> Int {
        guard let value = values[key] else { throw IFEvalError.missingKwarg(id: id, key: key) }
        guard case .int(let number) = value else {
            throw IFEvalError.badKwarg(id: id, key: key, reason: "must be an integer")
        }
        if let minimum, number < minimum {
            throw IFEvalError.badKwarg(id: id, key: key, reason: "must be at least \(minimum), got \(number)")
        }
        return number
    }

    public func string(_ key: String) throws -> String {
        guard let value = values[key] else { throw IFEvalError.missingKwarg(id: id, key: key) }
        guard case .string(let text) = value else {
            throw IFEvalError.badKwarg(id: id, key: key, reason: "must be a string")
        }
        return text
    }

    public func strings(_ key: String) throws -> [String] {
        guard let value = values[key] else { throw IFEvalError.missingKwarg(id: id, key: key) }
        guard case .strings(let list) = value, !list.isEmpty else {
            throw IFEvalError.badKwarg(id: id, key: key, reason: "must be a non-empty list of strings")
        }
        return list
    }

    /// A relation kwarg: "less than" or "at least" (the reference raises ValueError otherwise).
    public func relation(_ key: String) throws -> CountRelation {
        let text = try string(key)
        guard let relation = CountRelation(rawValue: text) else {
            throw IFEvalError.badKwarg(id: id, key: key, reason: "must be 'less than' or 'at least', got '\(text)'")
        }
        return relation
    }

    /// A keyword that the reference splices into a regular expression: accepted only when it is
    /// ASCII without regex metacharacters, so that matching it literally is exactly the regex.
    public func literalKeyword(_ key: String, _ keyword: String) throws -> PythonText.Text {
        let text = PythonText.text(keyword)
        if let bad = text.first(where: { !$0.isASCII || PythonPatterns.regexMetacharacters.contains($0) }) {
            throw IFEvalError.badKwarg(
                id: id, key: key,
                reason: "value '\(keyword)' contains '\(bad)'; only ASCII text without regex metacharacters is supported")
        }
        return text
    }
}

/// The comparison `relation` kwargs of IFEval: `count < n` or `count >= n`.
public enum CountRelation: String, Sendable {
    case lessThan = "less than"
    case atLeast = "at least"

    public func holds(_ count: Int, _ threshold: Int) -> Bool {
        switch self {
        case .lessThan: return count < threshold
        case .atLeast: return count >= threshold
        }
    }
}

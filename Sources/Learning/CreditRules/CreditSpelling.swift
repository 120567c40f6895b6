import Shapley

/// A credit scheme's spelling split into its name and its parameters, `name` or
/// `name(key=value;...)` (`exact<=N` is the key `exact`), with readers that check each value and
/// fail with one `CreditScheme.ParseError`: what every `CreditRule` reads itself from.
public struct CreditSpelling: Sendable {
    /// The whole spelling, as given.
    public let text: String
    /// The part before the parameters (`sparse*2` for `sparse*2`, `scar` for `scar(...)`).
    public let name: Substring
    private let parameters: [Substring: Substring]

    /// The values `units=` reads (`CreditUnits`).
    static let unitsGrammar = "U = tokens, punctuation, spans:K, sentences or actions"

    /// Splits `text`; throws for a spelling that is not `name` or `name(key=value;...)` with each
    /// key at most once.
    init(_ text: String) throws {
        self.text = text
        guard let open = text.firstIndex(of: "(") else {
            (name, parameters) = (Substring(text), [:])
            return
        }
        func fail(_ reason: String) -> CreditScheme.ParseError { CreditScheme.ParseError(text: text, reason: reason) }
        guard text.hasSuffix(")") else { throw fail("parameters must end with ')'") }
        name = text[..<open]
        var pairs: [Substring: Substring] = [:]
        for item in text[text.index(after: open)..<text.index(before: text.endIndex)].split(separator: ";", omittingEmptySubsequences: false) {
            let key: Substring, value: Substring
            if item.hasPrefix("exact<=") {
                (key, value) = ("exact", item.dropFirst("exact<=".count))
            } else if let equals = item.firstIndex(of: "="), item[..<equals] != "exact" {
                (key, value) = (item[..<equals], item[item.index(after: equals)...])
            } else {
                throw fail("'\(item)' is not key=value (or exact<=N)")
            }
            guard pairs.updateValue(value, forKey: key) == nil else { throw fail("'\(key)' is given twice") }
        }
        parameters = pairs
    }

    /// The error for this spelling with `reason`.
    public func failure(_ reason: String) -> CreditScheme.ParseError { CreditScheme.ParseError(text: text, reason: reason) }

    /// The raw value of `key`, `nil` when it is not given.
    public func value(_ key: Substring) -> Substring? { parameters[key] }

    /// Throws unless every given key is one of `keys`.
    public func allowOnly(_ keys: Set<Substring>) throws {
        if let unknown = parameters.keys.sorted().first(where: { !keys.contains($0) }) {
            throw failure("\(name) takes no parameter '\(unknown)'")
        }
    }

    /// `key` as a number in [0, 1], `fallback` when not given.
    public func fraction(_ key: Substring, default fallback: Double) throws -> Double {
        guard let word = parameters[key] else { return fallback }
        guard let value = Double(word), (0...1).contains(value) else { throw failure("\(key) must be a number in [0, 1], got '\(word)'") }
        return value
    }

    /// `key` as an integer in `range`, `fallback` when not given.
    public func integer(_ key: Substring, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let word = parameters[key] else { return fallback }
        guard let value = Int(word), range.contains(value) else { throw failure("\(key) must be an integer in \(range), got '\(word)'") }
        return value
    }

    /// `units=` as `CreditUnits`, `fallback` when not given.
    public func units(default fallback: CreditUnits) throws -> CreditUnits {
        guard let word = parameters["units"] else { return fallback }
        guard let units = CreditUnits(parsing: String(word)) else { throw failure("unknown units '\(word)'") }
        return units
    }
}

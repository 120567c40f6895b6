import Shapley
import Tasks

extension CreditScheme {
    /// Why a scheme could not be read: the text, the reason, and the grammar.
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let text: String
        public let reason: String
        public var description: String {
            "invalid credit scheme '\(text)': \(reason); expected \(CreditScheme.grammar)"
        }
    }

    /// The spellings `init(parsing:defaults:)` reads.
    public static let grammar = "sparse | sparse*F | sparse(baseline=prompt) | uniform | loo[(units=U)] | abc[(b=B)] | scar[(units=U;alpha=A;exact<=N;estimator=E;budget=B;missing=M)] (any keys, in any order; M = remove or mask; U = tokens, spans:K, sentences or actions; A, B in [0, 1]; N in 0...64 and B >= 1 integers; E an estimator name)"

    /// Reads `description`'s spelling. Keys left out take `defaults` (units and SCAR's alpha,
    /// exact limit, estimator and budget; `loo` takes its units) or b = 0.8 for `abc`, so `scar`
    /// alone is SCAR with `defaults`. Throws `ParseError` for anything else.
    public init(parsing text: String, defaults: ShapleyCreditOptions = .text) throws {
        func fail(_ reason: String) -> ParseError { ParseError(text: text, reason: reason) }
        let name: Substring, parameters: [Substring: Substring]
        if let open = text.firstIndex(of: "(") {
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
        } else {
            (name, parameters) = (Substring(text), [:])
        }
        func fraction(_ key: Substring, _ fallback: Double) throws -> Double {
            guard let word = parameters[key] else { return fallback }
            guard let value = Double(word), (0...1).contains(value) else { throw fail("\(key) must be a number in [0, 1], got '\(word)'") }
            return value
        }
        func count(_ key: Substring, _ fallback: Int, in range: ClosedRange<Int>) throws -> Int {
            guard let word = parameters[key] else { return fallback }
            guard let value = Int(word), range.contains(value) else { throw fail("\(key) must be an integer in \(range), got '\(word)'") }
            return value
        }
        func units() throws -> CreditUnits {
            guard let word = parameters["units"] else { return defaults.units }
            guard let units = CreditUnits(parsing: String(word)) else { throw fail("unknown units '\(word)'") }
            return units
        }
        func only(_ keys: Set<Substring>) throws {
            if let unknown = parameters.keys.sorted().first(where: { !keys.contains($0) }) {
                throw fail("\(name) takes no parameter '\(unknown)'")
            }
        }
        switch name {
        case "sparse" where parameters["baseline"] != nil:
            try only(["baseline"])
            guard parameters["baseline"] == "prompt" else { throw fail("sparse's baseline must be 'prompt', got '\(parameters["baseline"]!)'") }
            self = .promptBaseline
        case "sparse", "uniform":
            try only([])
            self = name == "sparse" ? .sparse : .uniform
        case "loo":
            try only(["units"])
            self = .leaveOneOut(units: try units())
        case "abc":
            try only(["b"])
            self = .attention(mix: try fraction("b", 0.8))
        case "scar":
            try only(["units", "alpha", "exact", "estimator", "budget", "missing"])
            let missing = parameters["missing"] ?? (defaults.masksMissingUnits ? "mask" : "remove")
            guard missing == "remove" || missing == "mask" else { throw fail("missing must be remove or mask, got '\(missing)'") }
            let estimator = parameters["estimator"].map(String.init) ?? defaults.estimator
            guard EstimatorKind(rawValue: estimator) != nil else { throw fail("unknown estimator '\(estimator)'") }
            self = .shapley(ShapleyCreditOptions(
                units: try units(), alpha: try fraction("alpha", defaults.alpha),
                exactUpTo: try count("exact", defaults.exactUpTo, in: 0...Coalition.maximumPlayers), estimator: estimator,
                budget: try count("budget", defaults.budget, in: 1...Int.max), masksMissingUnits: missing == "mask"))
        default:
            guard name.hasPrefix("sparse*"), parameters.isEmpty else { throw fail("unknown scheme '\(name)'") }
            guard let factor = Double(name.dropFirst("sparse*".count)), factor.isFinite else { throw fail("F must be a finite number") }
            self = .scaledSparse(factor: factor)
        }
    }
}

import Shapley

extension CreditScheme {
    /// Why a scheme could not be read: the text, the reason, and the grammar.
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let text: String
        public let reason: String
        public var description: String {
            "invalid credit scheme '\(text)': \(reason); expected \(CreditScheme.grammar)"
        }
    }

    /// The spellings `init(parsing:defaults:)` reads: every rule's, then what the shared keys take.
    public static let grammar = rules.map { $0.grammar }.joined(separator: " | ")
        + " (parameters as key=value or exact<=N, ';' between them, any keys in any order; \(CreditSpelling.unitsGrammar))"

    /// Reads `description`'s spelling: the one rule in `rules` that the name (and, for `sparse`,
    /// the `baseline` key) names reads its parameters, keys left out taking `defaults` (SCAR's units,
    /// alpha, exact limit, estimator and budget; `loo`'s units) or the rule's stated default, so
    /// `scar` alone is SCAR with `defaults`. Throws `ParseError` for anything else.
    public init(parsing text: String, defaults: ShapleyCreditOptions = .text) throws {
        let spelling = try CreditSpelling(text)
        for rule in Self.rules {
            if let read = try rule.init(spelling: spelling, defaults: defaults) {
                self.init(read)
                return
            }
        }
        throw spelling.failure("unknown scheme '\(spelling.name)'")
    }
}

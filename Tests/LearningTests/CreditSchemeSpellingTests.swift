import Statistics
import Tasks
import Testing
@testable import Learning

/// The one spelling of credit schemes: written in full by `description`, read back by
/// `init(parsing:defaults:)`.
@Suite("CreditSchemeSpelling")
struct CreditSchemeSpellingTests {
    /// Hand-written canonical spellings (the expected strings are written out, not computed).
    @Test func canonicalSpellings() {
        #expect(CreditScheme.sparse.description == "sparse")
        #expect(CreditScheme.scaledSparse(factor: 2).description == "sparse*2")
        #expect(CreditScheme.scaledSparse(factor: 0.5).description == "sparse*0.5")
        #expect(CreditScheme.uniform.description == "uniform")
        #expect(CreditScheme.leaveOneOut(units: .text(.tokens)).description == "loo(units=tokens)")
        #expect(CreditScheme.abc.description == "abc(b=0.8)")
        #expect(CreditScheme.shapley(.text).description == "scar(units=spans:12;alpha=1;exact<=10;estimator=owen;budget=500)")
        #expect(CreditScheme.shapley(.actions).description == "scar(units=actions;alpha=1;exact<=6;estimator=antithetic;budget=64)")
    }

    /// Left-out keys take the defaults; keys may come in any order; `spans` reads as spans:12.
    @Test func defaultsAndShortForms() throws {
        #expect(try CreditScheme(parsing: "scar") == .shapley(.text))
        #expect(try CreditScheme(parsing: "scar", defaults: .actions) == .shapley(.actions))
        #expect(try CreditScheme(parsing: "abc") == .attention(mix: 0.8))
        #expect(try CreditScheme(parsing: "loo") == .leaveOneOut(units: .text(.spans(maxTokens: 12))))
        #expect(try CreditScheme(parsing: "sparse*2.0") == .scaledSparse(factor: 2))
        #expect(try CreditScheme(parsing: "scar(budget=200;units=spans;alpha=0.5)")
                == .shapley(ShapleyCreditOptions(units: .text(.spans(maxTokens: 12)), alpha: 0.5, exactUpTo: 10, estimator: "owen", budget: 200)))
        #expect(try CreditScheme(parsing: "scar(exact<=3;estimator=kernelshap-paired)", defaults: .actions)
                == .shapley(ShapleyCreditOptions(units: .actions, exactUpTo: 3, estimator: "kernelshap-paired", budget: 64)))
    }

    /// parse(description) == scheme over 500 seeded random schemes of every kind.
    @Test func roundTripOverGeneratedSchemes() throws {
        let random = RandomStream(seed: 2026)
        let units: [CreditUnits] = [.text(.tokens), .text(.sentences), .actions] + (1...30).map { .text(.spans(maxTokens: $0)) }
        let estimators = ["owen", "kernelshap", "kernelshap-paired", "permutation", "antithetic"]
        func fraction() -> Double { [0, 1, 0.5, random.uniform()][random.integer(below: 4)] }
        for _ in 0..<500 {
            let scheme: CreditScheme
            switch random.integer(below: 7) {
            case 0: scheme = .sparse
            case 6: scheme = .promptBaseline
            case 1: scheme = .scaledSparse(factor: [2, -1, 0.1, 1e300, 1e20, random.normal() * 10][random.integer(below: 6)])
            case 2: scheme = .uniform
            case 3: scheme = .leaveOneOut(units: units[random.integer(below: units.count)])
            case 4: scheme = .attention(mix: fraction())
            default:
                scheme = .shapley(ShapleyCreditOptions(
                    units: units[random.integer(below: units.count)], alpha: fraction(), exactUpTo: random.integer(below: 65),
                    estimator: estimators[random.integer(below: estimators.count)], budget: 1 + random.integer(below: 5000),
                    masksMissingUnits: random.integer(below: 2) == 1))
            }
            #expect(try CreditScheme(parsing: scheme.description) == scheme, "\(scheme)")
            #expect(!scheme.description.contains(","), "\(scheme) would need quoting in a CSV")
        }
    }

    /// One example of every registered rule (`CreditScheme.rules`); `everyRegisteredRuleIsCovered`
    /// fails until a new rule has one here.
    static let examples: [CreditScheme] = [
        .sparse, .scaledSparse(factor: 2), .promptBaseline, .uniform, .leaveOneOut(units: .text(.tokens)), .attention(mix: 0.5),
        .shapley(ShapleyCreditOptions.text.with(units: .text(.tokens))),
    ]

    /// Registry-driven: every rule in `CreditScheme.rules` has an example above, its grammar line
    /// is in `CreditScheme.grammar`, its spelling reads back to it, and on a response of the
    /// additive reward (R = 1.75, hand derivation in `LearningCreditTests`) an efficient rule's
    /// rewards sum to R while each rule's rewards have one entry per step.
    @Test func everyRegisteredRuleIsCovered() throws {
        let covered = Set(Self.examples.map { ObjectIdentifier(type(of: $0.rule)) })
        for rule in CreditScheme.rules {
            #expect(covered.contains(ObjectIdentifier(rule)), "\(rule) has no example in CreditSchemeSpellingTests.examples")
            #expect(CreditScheme.grammar.contains(rule.grammar))
        }
        #expect(Self.examples.count == CreditScheme.rules.count)
        for scheme in Self.examples {
            #expect(try CreditScheme(parsing: scheme.description) == scheme)
            let credit = try LearningCreditTests.rewards(scheme, LearningCreditTests.goodBadGood)
            #expect(credit.sequenceReward == 1.75)
            #expect(credit.rewards.count == LearningCreditTests.goodBadGood.stepCount)
            if scheme.isEfficient { #expect(abs(credit.rewards.reduce(0, +) - 1.75) < 1e-12, "\(scheme)") }
        }
    }

    /// Bad input: one error that names the text and lists the grammar.
    @Test(arguments: ["", "shapley", "scar-spans", "sparse-2x", "abc:0.5", "abc(b=2)", "scar(alpha=x)", "scar(units=words)",
                      "scar(estimator=nope)", "scar(budget=0)", "scar(exact<=65)", "scar(units=tokens", "scar(alpha=1;alpha=1)",
                      "loo(alpha=1)", "sparse(units=tokens)", "sparse(baseline=empty)", "sparse(baseline=prompt;units=tokens)", "sparse*", "sparse*nan", "scar(units)"])
    func badInputIsRefusedWithTheGrammar(text: String) {
        #expect {
            try CreditScheme(parsing: text)
        } throws: { error in
            let description = "\(error)"
            return error is CreditScheme.ParseError && description.contains("'\(text)'") && description.contains(CreditScheme.grammar)
                && !description.contains("\n")
        }
    }
}

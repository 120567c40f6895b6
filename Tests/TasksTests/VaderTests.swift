import Testing
@testable import Tasks

/// Expected scores come from the reference implementation, vaderSentiment 3.3.2 under
/// Python 3.11.7: they are the output of `python3 benchmarks/peers/vader_parity.py
/// --print-test-cases`, which runs `SentimentIntensityAnalyzer().polarity_scores(text)` on the
/// script's `TEST_CASES` list (the same sentences, in the same order). The whole-corpus check
/// is the parity script itself.
@Suite struct VaderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let compound: Double
        let neg: Double
        let neu: Double
        let pos: Double
        var testDescription: String { text.debugDescription }
    }

    static let cases: [Case] = [
        // No words at all: Python returns zeros for all four, neu included.
        Case(text: "", compound: 0.0, neg: 0.0, neu: 0.0, pos: 0.0),
        Case(text: "The book was good.", compound: 0.4404, neg: 0.0, neu: 0.508, pos: 0.492),
        // Negation.
        Case(text: "The book was not good.", compound: -0.3412, neg: 0.376, neu: 0.624, pos: 0.0),
        // "but" and negation.
        Case(text: "The plot was good, but the characters are uncompelling and the dialog is not great.",
             compound: -0.7042, neg: 0.327, neu: 0.579, pos: 0.094),
        // ALL-CAPS emphasis (booster and lexicon words) against the lower-case version.
        Case(text: "VADER is VERY SMART, handsome, and FUNNY.", compound: 0.9227, neg: 0.0, neu: 0.246, pos: 0.754),
        Case(text: "VADER is very smart, handsome, and funny.", compound: 0.8545, neg: 0.0, neu: 0.299, pos: 0.701),
        // Dampener bigram "kind of".
        Case(text: "The book was kind of good.", compound: 0.3832, neg: 0.0, neu: 0.657, pos: 0.343),
        // Special-case idiom "the shit" and one "!".
        Case(text: "With VADER, sentiment analysis is the shit!", compound: 0.6476, neg: 0.0, neu: 0.583, pos: 0.417),
        // Punctuation emphasis.
        Case(text: "VADER is smart, handsome, and funny!!!", compound: 0.865, neg: 0.0, neu: 0.237, pos: 0.763),
        Case(text: "Is it good??", compound: 0.504, neg: 0.0, neu: 0.38, pos: 0.62),
        // Emoticons and emojis (replaced by their descriptions).
        Case(text: "Make sure you :) or :D today!", compound: 0.8633, neg: 0.0, neu: 0.294, pos: 0.706),
        Case(text: "Catch utf-8 emoji such as \u{1F498} and \u{1F48B} and \u{1F601}",
             compound: 0.875, neg: 0.0, neu: 0.583, pos: 0.417),
        // "least" as negation, "at least" not.
        Case(text: "Roger Dodger is one of the least compelling variations on this theme.",
             compound: -0.1695, neg: 0.132, neu: 0.868, pos: 0.0),
        Case(text: "At least it isn't a horrible book.", compound: 0.431, neg: 0.0, neu: 0.678, pos: 0.322),
        // "no" before lexicon words.
        Case(text: "No problem at all, no bad news.", compound: 0.6259, neg: 0.0, neu: 0.495, pos: 0.505),
        Case(text: "It isn't bad but it isn't great but it's fine.", compound: -0.3217, neg: 0.285, neu: 0.45, pos: 0.265),
        // The package's `list.index` quirk in the "but" rule: "lts" (1.6) after "but" finds the
        // halved "best" (3.2 -> 1.6) first and halves it again; a plain "x0.5 before, x1.5
        // after" rule would give compound 0.7184.
        Case(text: "The best but lts", compound: 0.5267, neg: 0.0, neu: 0.312, pos: 0.688),
        // "never this" intensifies, "without a doubt" is not a negation.
        Case(text: "Sentiment analysis has never been this good!", compound: 0.5672, neg: 0.0, neu: 0.621, pos: 0.379),
        Case(text: "Without a doubt, an excellent idea.", compound: 0.7013, neg: 0.0, neu: 0.408, pos: 0.592),
        // Python string semantics: KELVIN SIGN lowercases to "k" (so "Kind of" is the dampener),
        // and GREEK QUESTION MARK is canonically equivalent to ";" for Swift's String but a
        // different code point for Python, so only the second ";)" is an emoticon.
        Case(text: "It is \u{212A}ind of good.", compound: 0.3832, neg: 0.0, neu: 0.605, pos: 0.395),
        Case(text: "See you \u{037E}) or ;)", compound: 0.2263, neg: 0.0, neu: 0.678, pos: 0.322),
    ]

    /// Loaded once for all cases.
    static let model = Result { try VaderSentiment.standard() }

    @Test(arguments: cases)
    func matchesReferenceImplementation(_ expected: Case) throws {
        let vader = try Self.model.get()
        let scores = vader.polarityScores(expected.text)
        #expect(scores == VaderScores(neg: expected.neg, neu: expected.neu, pos: expected.pos, compound: expected.compound))
        #expect(vader.reward(expected.text) == expected.compound)
        #expect(vader.name == "vader")
    }

    /// Python's `round(x, n)`: ties go to even on the exact binary value (0.0625 is exact, so
    /// it ties; 0.0635 is stored as 0.06350000000000000088..., above the tie); tiny
    /// negatives keep their sign. Values are Python 3.11's.
    @Test func pythonRound() {
        #expect(vaderPythonRound(0.0625, digits: 3) == 0.062)
        #expect(vaderPythonRound(0.0635, digits: 3) == 0.064)
        #expect(vaderPythonRound(0.12345, digits: 4) == 0.1235)
        #expect(vaderPythonRound(0.9999, digits: 3) == 1.0)
        #expect(vaderPythonRound(0.5, digits: 0) == 0.0)
        #expect(vaderPythonRound(1.5, digits: 0) == 2.0)
        let negativeZero = vaderPythonRound(-0.00004, digits: 4)
        #expect(negativeZero == 0 && negativeZero.sign == .minus)
    }

    /// `str.isupper`, `str.lower` and `str.split` facts, checked against Python 3.11.
    @Test func pythonStringSemantics() {
        #expect(VaderString("ABC1").isUpper)
        #expect(!VaderString("1").isUpper)
        #expect(VaderString(":D").isUpper)
        #expect(!VaderString("\u{01C5}A").isUpper)       // titlecase letter
        #expect(VaderString("\u{24B6}").isUpper)         // circled A: Other_Uppercase
        #expect(VaderString("\u{0130}").lowered == VaderString("i\u{0307}"))
        #expect(VaderString("\u{212A}").lowered == "k")
        #expect(["\u{00A0}", "\u{1C}", " "].allSatisfy(VaderString.isPythonWhitespace))
        #expect(!VaderString.isPythonWhitespace("\u{200B}"))
        #expect(VaderString("\u{037E}") != ";")
    }
}

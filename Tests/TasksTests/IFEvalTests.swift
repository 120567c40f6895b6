import Foundation
import Testing
@testable import Tasks

/// IFEval checks. Unless marked "reference", each expected verdict is derived by hand in the
/// comment next to it from the rule in Google's instructions.py. Cases marked "reference" were
/// produced by if-verifiable 0.1.2 (Google's checker classes) with
/// `D[iid](iid).build_description(**kw); check_following(value)` in .venv-peers.
@Suite struct IFEvalTests {
    let scorer = IFEvalScorer()

    func verdict(_ id: String, _ kwargs: [String: IFEvalKwarg] = [:], _ response: String) throws -> (strict: Bool, loose: Bool) {
        let item = IFEvalItem(prompt: "p", instructionIDs: [id], kwargs: [kwargs.mapValues { Optional($0) }])
        let result = try scorer.evaluate(item, response: response)
        return (result.strict[0], result.loose[0])
    }

    func strict(_ id: String, _ kwargs: [String: IFEvalKwarg] = [:], _ response: String) throws -> Bool {
        try verdict(id, kwargs, response).strict
    }

    @Test func numberWords() throws {
        let id = "length_constraints:number_words"
        // "one two three four five" = 5 runs of \w.
        #expect(try strict(id, ["num_words": .int(5), "relation": .string("at least")], "one two three four five"))
        #expect(try !strict(id, ["num_words": .int(5), "relation": .string("less than")], "one two three four five"))
        #expect(try !strict(id, ["num_words": .int(5), "relation": .string("at least")], "one two three four"))
        // "it's well-known" = it, s, well, known: 4 words.
        #expect(try strict(id, ["num_words": .int(4), "relation": .string("at least")], "it's well-known"))
        #expect(try !strict(id, ["num_words": .int(5), "relation": .string("at least")], "it's well-known"))
    }

    @Test func paragraphsWithDividers() throws {
        let id = "length_constraints:number_paragraphs"
        // Three pieces between two *** dividers.
        #expect(try strict(id, ["num_paragraphs": .int(3)], "a\n***\nb\n***\nc"))
        #expect(try !strict(id, ["num_paragraphs": .int(2)], "a\n***\nb\n***\nc"))
        // An empty piece inside fails whatever the count.
        #expect(try !strict(id, ["num_paragraphs": .int(2)], "a\n***\n***\nb"))
        // Empty first and last pieces are not counted: 2 paragraphs.
        #expect(try strict(id, ["num_paragraphs": .int(2)], "***\na\n***\nb\n***"))
    }

    @Test func nthParagraphFirstWord() throws {
        let id = "length_constraints:nth_paragraph_first_word"
        let text = "Intro here\n\n\"Summer, yes\" is here"
        // Paragraph 2 starts with "Summer, -> quote stripped, cut at the comma -> "summer".
        #expect(try strict(id, ["num_paragraphs": .int(2), "nth_paragraph": .int(2), "first_word": .string("summer")], text))
        #expect(try !strict(id, ["num_paragraphs": .int(3), "nth_paragraph": .int(2), "first_word": .string("summer")], text))
        #expect(try !strict(id, ["num_paragraphs": .int(2), "nth_paragraph": .int(1), "first_word": .string("summer")], text))
    }

    @Test func bullets() throws {
        let id = "detectable_format:number_bullet_lists"
        // Two "* " lines and one "- " line; "**bold" is not a bullet ([^*] after the star).
        #expect(try strict(id, ["num_bullets": .int(3)], "* a\n* b\n- c\n**bold"))
        #expect(try !strict(id, ["num_bullets": .int(4)], "* a\n* b\n- c\n**bold"))
        // reference: a lone "*" line counts (its [^*] is the newline), as does "  - bar".
        #expect(try strict(id, ["num_bullets": .int(2)], "*\nfoo\n  - bar\n**x"))
        #expect(try !strict(id, ["num_bullets": .int(3)], "*\nfoo\n  - bar\n**x"))
    }

    @Test func keywords() throws {
        // "Cat cat CAT concatenate": 4 case-insensitive occurrences of "cat".
        let frequency = "keywords:frequency"
        #expect(try strict(frequency, ["keyword": .string("cat"), "frequency": .int(4), "relation": .string("at least")], "Cat cat CAT concatenate"))
        #expect(try !strict(frequency, ["keyword": .string("cat"), "frequency": .int(5), "relation": .string("at least")], "Cat cat CAT concatenate"))
        #expect(try !strict(frequency, ["keyword": .string("cat"), "frequency": .int(4), "relation": .string("less than")], "Cat cat CAT concatenate"))
        #expect(try strict("keywords:existence", ["keywords": .strings(["dog", "CAT"])], "a cat and a Dog"))
        #expect(try !strict("keywords:existence", ["keywords": .strings(["dog", "bird"])], "a cat and a Dog"))
        // Forbidden words need word boundaries: "bobcat" does not contain the word "cat".
        #expect(try strict("keywords:forbidden_words", ["forbidden_words": .strings(["cat"])], "a bobcat"))
        #expect(try !strict("keywords:forbidden_words", ["forbidden_words": .strings(["cat"])], "the CAT."))
        // reference: U+0130 lowercases (simply) to "i", so re.IGNORECASE finds "kind" in "KİND".
        #expect(try !strict("keywords:forbidden_words", ["forbidden_words": .strings(["kind"])], "KİND"))
    }

    @Test func letterFrequency() throws {
        let id = "keywords:letter_frequency"
        // "Banana" lowercased has three a's.
        #expect(try strict(id, ["letter": .string("a"), "let_frequency": .int(3), "let_relation": .string("at least")], "Banana"))
        #expect(try !strict(id, ["letter": .string("a"), "let_frequency": .int(4), "let_relation": .string("at least")], "Banana"))
        #expect(try strict(id, ["letter": .string("A"), "let_frequency": .int(4), "let_relation": .string("less than")], "Banana"))
        // Google keeps non-letters: "!!" has two "!".
        #expect(try strict(id, ["letter": .string("!"), "let_frequency": .int(2), "let_relation": .string("at least")], "Hi!!"))
    }

    @Test func contentChecks() throws {
        #expect(try strict("detectable_content:number_placeholders", ["num_placeholders": .int(2)], "[a] and [b]"))
        // "[a\n]" is no placeholder: .*? does not cross the newline.
        #expect(try !strict("detectable_content:number_placeholders", ["num_placeholders": .int(1)], "[a\n]"))
        let ps = "detectable_content:postscript"
        #expect(try strict(ps, ["postscript_marker": .string("P.S.")], "Hi\np. s. bye"))
        #expect(try !strict(ps, ["postscript_marker": .string("P.S.")], "Hi\nP.S bye"))
        #expect(try strict(ps, ["postscript_marker": .string("P.P.S")], "Hi\nP.P.S bye"))
    }

    @Test func highlightsSectionsTitles() throws {
        let hl = "detectable_format:number_highlighted_sections"
        // "**bold**": single-star scan finds two blank "**", double-star scan finds one: 1.
        #expect(try strict(hl, ["num_highlights": .int(1)], "**bold**"))
        #expect(try !strict(hl, ["num_highlights": .int(2)], "**bold**"))
        #expect(try strict(hl, ["num_highlights": .int(2)], "*a* *b*"))
        #expect(try !strict(hl, ["num_highlights": .int(1)], "* *"))
        // reference: "***c*** and **d**" counts 3.
        #expect(try strict(hl, ["num_highlights": .int(3)], "***c*** and **d**"))
        #expect(try !strict(hl, ["num_highlights": .int(4)], "***c*** and **d**"))
        let sections = "detectable_format:multiple_sections"
        #expect(try strict(sections, ["section_spliter": .string("Section"), "num_sections": .int(2)], "Section 1\nx\nSection 2\ny"))
        #expect(try !strict(sections, ["section_spliter": .string("Section"), "num_sections": .int(3)], "Section 1\nx\nSection 2\ny"))
        // reference: two spaces before the number do not match \s?\d+.
        #expect(try !strict(sections, ["section_spliter": .string("Section"), "num_sections": .int(1)], "Section  1 x"))
        #expect(try strict("detectable_format:title", [:], "<<My Title>>\nbody"))
        #expect(try !strict("detectable_format:title", [:], "<< >> body"))
        // reference: the match runs to the last ">>" on the line.
        #expect(try strict("detectable_format:title", [:], "<<a>>b>>"))
    }

    @Test func json() throws {
        let id = "detectable_format:json_format"
        #expect(try strict(id, [:], "```json\n{\"a\": 1}\n```"))
        #expect(try strict(id, [:], "[NaN, -Infinity]"))
        #expect(try !strict(id, [:], "{'a': 1}"))
        #expect(try !strict(id, [:], "{\"a\": 1,}"))
        #expect(try !strict(id, [:], "01"))
        // reference: "```Json" is removed, then the closing fence.
        #expect(try strict(id, [:], "```Json {\"a\": null} ```"))
    }

    @Test func combinationAndStartEnd() throws {
        #expect(try strict("combination:two_responses", [:], "A\n******\nB"))
        #expect(try !strict("combination:two_responses", [:], "A\n******\nA"))
        let repeatPrompt = "combination:repeat_prompt"
        #expect(try strict(repeatPrompt, ["prompt_to_repeat": .string("Say hi.")], "say hi. Hi!"))
        #expect(try !strict(repeatPrompt, ["prompt_to_repeat": .string("Say hi.")], "Sure. Say hi."))
        let end = "startend:end_checker"
        #expect(try strict(end, ["end_phrase": .string("Peace!")], "Bye. \"peace!\"  "))
        #expect(try !strict(end, ["end_phrase": .string("Peace!")], "Peace! ok"))
        #expect(try strict("startend:quotation", [:], " \"x\" "))
        #expect(try !strict("startend:quotation", [:], "\""))
        #expect(try strict("detectable_format:constrained_response", [:], "My answer is yes."))
        #expect(try !strict("detectable_format:constrained_response", [:], "my answer is yes."))
        #expect(try strict("punctuation:no_comma", [:], "a b"))
        #expect(try !strict("punctuation:no_comma", [:], "a, b"))
    }

    @Test func capitalWords() throws {
        let id = "change_case:capital_word_frequency"
        // Tokens HELLO, WORLD, DO, N'T (contraction split): 4 all-caps tokens.
        #expect(try strict(id, ["capital_frequency": .int(4), "capital_relation": .string("at least")], "HELLO WORLD DON'T"))
        #expect(try !strict(id, ["capital_frequency": .int(4), "capital_relation": .string("less than")], "HELLO WORLD DON'T"))
        #expect(try strict("change_case:english_lowercase", [:], "all lower case here"))
        #expect(try !strict("change_case:english_capital", [:], "Not All Caps"))
    }

    @Test func looseVariants() throws {
        // Strict fails on the comma in the first line; removing the first line passes.
        let comma = try verdict("punctuation:no_comma", [:], "Sure, here you go:\nno commas here")
        #expect(!comma.strict && comma.loose)
        // Removing "*" turns "Peace!**" into "Peace!".
        let end = try verdict("startend:end_checker", ["end_phrase": .string("Peace!")], "Bye Peace!**")
        #expect(!end.strict && end.loose)
        // A blank response follows nothing, even "no comma".
        let blank = try verdict("punctuation:no_comma", [:], "  \n ")
        #expect(!blank.strict && !blank.loose)
    }

    /// The eight variants against Python's, written out by hand: `r.split("\n")`, then
    /// `"\n".join(lines[1:]).strip()`, `"\n".join(lines[:-1]).strip()`,
    /// `"\n".join(lines[1:-1]).strip()`, each also with `.replace("*", "")`.
    @Test func looseVariantsSplitAndJoinAsPython() {
        func variants(_ response: String) -> [String] {
            IFEvalScorer.looseVariants(PythonText.text(response)).map { String(String.UnicodeScalarView($0)) }
        }
        #expect(variants("*a*\n b \nc*") == ["*a*\n b \nc*", "a\n b \nc", "b \nc*", "*a*\n b", "b", "b \nc", "a\n b", "b"])
        #expect(variants("one line") == ["one line", "one line", "", "", "", "", "", ""])
        #expect(variants("a\nb") == ["a\nb", "a\nb", "b", "a", "", "b", "a", ""])
        #expect(variants("\n\n x \n") == ["\n\n x \n", "\n\n x \n", "x", "x", "x", "x", "x", "x"])
    }

    @Test func rewards() throws {
        let item = IFEvalItem(prompt: "p", instructionIDs: ["punctuation:no_comma", "startend:quotation"], kwargs: [[:], [:]])
        let result = try scorer.evaluate(item, response: "no commas")
        #expect(result.strict == [true, false])
        #expect(result.instructionLevelReward == 0.5)
        #expect(result.promptLevelReward == 0)
        let all = try scorer.evaluate(item, response: "\"no commas\"")
        #expect(all.instructionLevelReward == 1 && all.promptLevelReward == 1)
    }

    @Test func errorsNameIdAndKey() throws {
        #expect(throws: IFEvalError.unknownInstruction(id: "keywords:nope")) { try verdict("keywords:nope", [:], "x") }
        #expect(throws: IFEvalError.missingKwarg(id: "length_constraints:number_words", key: "relation")) {
            try verdict("length_constraints:number_words", ["num_words": .int(3)], "x")
        }
        #expect(throws: IFEvalError.unexpectedKwarg(id: "punctuation:no_comma", key: "extra")) {
            try verdict("punctuation:no_comma", ["extra": .int(1)], "x")
        }
        do {
            _ = try verdict("keywords:frequency", ["keyword": .string("a.b"), "frequency": .int(1), "relation": .string("at least")], "x")
            Issue.record("a regex keyword must be rejected")
        } catch let error as IFEvalError {
            #expect(error.description.contains("keywords:frequency") && error.description.contains("'keyword'"))
            #expect(!error.description.contains("\n"))
        }
        #expect(throws: IFEvalError.self) {
            try verdict("keywords:letter_frequency", ["letter": .string("a"), "let_frequency": .int(1), "let_relation": .string("at most")], "x")
        }
    }

    @Test func everyInstructionInTheDataBuilds() throws {
        let url = try ProjectPaths.taskFile("instructions", "input_data.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 541)
        var ids = Set<String>()
        for line in lines {
            let item = try JSONDecoder().decode(IFEvalItem.self, from: Data(line.utf8))
            ids.formUnion(item.instructionIDs)
            let result = try scorer.evaluate(item, response: "A short answer.")
            #expect(result.strict.count == item.instructionIDs.count)
        }
        #expect(ids.count == 25)
        #expect(ids.isSubset(of: Set(InstructionRegistry.supportedIDs)))
        #expect(Set(IFEvalScorer.unfaithfulInstructions).isSubset(of: ids))
    }
}

/// The ASCII fast paths of `PythonText` and `PythonPatterns` against the Unicode-table
/// definitions they replace (Python's `str.isspace`, `\w`, `str.isdecimal`, simple lowercase,
/// and cased letters), on every ASCII code point.
@Suite("PythonTextASCII")
struct PythonTextASCIITests {
    @Test func asciiFastPathsAgreeWithTheUnicodeTables() {
        for value in 0..<128 {
            let c = Unicode.Scalar(UInt8(value))
            let p = c.properties
            #expect(PythonText.isSpace(c) == (p.isWhitespace || (0x1C...0x1F).contains(value)), "isSpace \(value)")
            let letter: Bool = switch p.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
            default: false
            }
            #expect(PythonText.isWord(c) == (c == "_" || letter || p.numericType != nil), "isWord \(value)")
            #expect(PythonText.isDecimal(c) == (p.generalCategory == .decimalNumber), "isDecimal \(value)")
            #expect(PythonText.toLowerSimple(c) == (p.lowercaseMapping.unicodeScalars.first ?? c), "lower \(value)")
            for other in 0..<128 {
                let d = Unicode.Scalar(UInt8(other))
                let expected = p.isCased ? d.properties.lowercaseMapping == p.lowercaseMapping : d == c
                #expect(PythonPatterns.matchesIgnoringCase(d, ascii: c) == expected, "\(other) ~ \(value)")
            }
        }
    }
}

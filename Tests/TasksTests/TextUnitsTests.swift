import Testing
@testable import Tasks

/// Segmentation: expected splits are derived by hand from the rules documented on
/// `TextSegmenter` (tokens) and `TextSegmenter.group` (spans, sentences).
@Suite struct TextUnitsTests {
    func texts(_ text: String, _ level: UnitLevel) -> [String] {
        TextSegmenter(level: level).units(text).map(\.text)
    }

    @Test func tokensSplitWordsAndPunctuationKeepingContractions() {
        #expect(texts("I don't like it, really!", .tokens) == ["I", "don't", "like", "it", ",", "really", "!"])
        #expect(texts("''Conan'' costs 2.5 or 10,000 co-writers' fees...", .tokens)
            == ["'", "'", "Conan", "'", "'", "costs", "2.5", "or", "10,000", "co-writers", "'", "fees", ".", ".", "."])
        #expect(texts("We’ve seen Touché", .tokens) == ["We’ve", "seen", "Touché"])
    }

    @Test func tokenKindsAndScalarOffsets() {
        let units = TextSegmenter(level: .tokens).units("é, ok")
        #expect(units.map(\.kind) == [.word, .punctuation, .word])
        #expect(units.map(\.range) == [0..<1, 1..<2, 3..<5])
    }

    @Test func spansEndAfterPunctuationAndBeforeClauseWords() {
        #expect(texts("The movie was not good, but the acting was great!", .spans(maxTokens: 20))
            == ["The movie was not good,", "but the acting was great!"])
        #expect(texts("Light, cute and forgettable.", .spans(maxTokens: 20)) == ["Light,", "cute", "and forgettable."])
        #expect(texts("It is great.'' Then it ends; sadly", .spans(maxTokens: 20))
            == ["It is great.''", "Then it ends;", "sadly"])
    }

    @Test func spansNeverExceedTheCap() {
        #expect(texts("one two three four five six seven", .spans(maxTokens: 3)) == ["one two three", "four five six", "seven"])
        let long = "A masterful film from a master filmmaker, unique in its deceptive grimness, compelling in its fatalist worldview."
        for k in 1...6 {
            let segmenter = TextSegmenter(level: .tokens)
            for span in TextSegmenter(level: .spans(maxTokens: k)).units(long) {
                #expect(segmenter.units(span.text).count <= k)
            }
        }
    }

    /// SCAR's own spans: a cut right after each of `. , ; ? !` (a run of marks stays together), no
    /// clause words, no cap, with or without a space after the mark.
    @Test func punctuationSpansCutRightAfterEachMark() {
        // Commas: "Light," ends at the comma; "and" opens no span here (it does for spans:K).
        #expect(texts("Light, cute and forgettable.", .punctuation) == ["Light,", "cute and forgettable."])
        #expect(texts("The movie was not good, but the acting was great!", .punctuation)
            == ["The movie was not good,", "but the acting was great!"])
        // No punctuation: one unit, however long (16 tokens, beyond the spans' cap of 12).
        let long = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        #expect(texts(long, .punctuation) == [long])
        // Trailing punctuation stays with its unit; a run of marks is one cut; no space needed.
        #expect(texts("Great!", .punctuation) == ["Great!"])
        #expect(texts("Wait...what?! Fine;ok", .punctuation) == ["Wait...", "what?!", "Fine;", "ok"])
        // A closing quote after a mark opens the next unit; decimals are one token and never cut.
        #expect(texts("It is great.'' Then it costs 2.5 or 10,000; sadly", .punctuation)
            == ["It is great.", "'' Then it costs 2.5 or 10,000;", "sadly"])
        // Offsets are scalars of the text cut (a response with its leading space).
        let units = TextSegmenter(level: .punctuation).units(" good, bad good.")
        #expect(units.map(\.range) == [1..<6, 7..<16] && units.allSatisfy { $0.kind == .span })
    }

    @Test func sentencesSplitAfterEndMarksButNotDecimals() {
        #expect(texts("It costs 2.5 dollars. Worth it! Really? yes", .sentences)
            == ["It costs 2.5 dollars.", "Worth it!", "Really?", "yes"])
        #expect(texts("Disney is hit or miss...Tuck is both. Fine", .sentences) == ["Disney is hit or miss...Tuck is both.", "Fine"])
        #expect(texts("No end mark here", .sentences) == ["No end mark here"])
    }

    @Test func segmentationRebuildsTextWithSeparators() {
        let text = "  Hello,  world!\tBye.  "
        let segmentation = TextSegmenter(level: .tokens).segment(text)
        #expect(segmentation.separators == ["  ", "", "  ", "", "\t", "", "  "])
        #expect(segmentation.rebuilt() == text)
        #expect(segmentation.rendered(keeping: [false, false, true, true, false, false]) == "  world!  ")
        #expect(segmentation.rendered(keeping: [true, false, false, true, false, true], mask: "_") == "  Hello_!\t_.  ")
        let blank = TextSegmenter(level: .sentences).segment(" \n ")
        #expect(blank.units.isEmpty && blank.separators == [" \n "])
    }

    @Test(arguments: ["movieReviewSnippets", "tweets", "nytEditorialSnippets", "amazonReviewSnippets"])
    func everyLevelRoundTripsOnRealSnippets(file: String) throws {
        let snippets = try SentimentSnippets.load(file)
        #expect(snippets.count > 3000)
        for level in [UnitLevel.tokens, .punctuation, .spans(maxTokens: 12), .spans(maxTokens: 3), .sentences] {
            let segmenter = TextSegmenter(level: level)
            for snippet in snippets {
                let segmentation = segmenter.segment(snippet.text)
                #expect(segmentation.rebuilt() == snippet.text, "\(level) \(snippet.id)")
                let scalars = Array(snippet.text.unicodeScalars)
                for unit in segmentation.units {
                    #expect(String(String.UnicodeScalarView(scalars[unit.range])) == unit.text)
                }
                #expect(segmentation.separators.allSatisfy { $0.unicodeScalars.allSatisfy(\.properties.isWhitespace) })
            }
        }
    }

    /// Every sentence boundary is also a span boundary (sentence end marks are span end marks and
    /// use the same whitespace rule), so spans nest in sentences and tokens nest in spans. This
    /// holds when the span cap is never reached (no snippet has more than 64 tokens); a cap can
    /// cut between an end mark and the closing quote glued to it.
    @Test func levelsNestOnRealSnippets() throws {
        func boundaries(_ text: String, _ level: UnitLevel) -> Set<Int> {
            Set(TextSegmenter(level: level).units(text).map(\.range.upperBound))
        }
        for snippet in try SentimentSnippets.load("movieReviewSnippets") {
            let spans = boundaries(snippet.text, .spans(maxTokens: 64))
            #expect(boundaries(snippet.text, .sentences).isSubset(of: spans), "\(snippet.id)")
            #expect(spans.isSubset(of: boundaries(snippet.text, .tokens)), "\(snippet.id)")
        }
    }

    @Test func unitLevelParsing() throws {
        #expect(try UnitLevel(parsing: "tokens") == .tokens)
        #expect(try UnitLevel(parsing: "sentences") == .sentences)
        #expect(try UnitLevel(parsing: "spans") == .spans(maxTokens: UnitLevel.defaultMaxSpanTokens))
        #expect(try UnitLevel(parsing: "spans:5") == .spans(maxTokens: 5))
        #expect(try UnitLevel(parsing: "punctuation") == .punctuation && UnitLevel.punctuation.description == "punctuation")
        #expect(UnitLevel.punctuation.coarser == .sentences)
        #expect(throws: UnitLevel.ParseError.unknownLevel("words")) { try UnitLevel(parsing: "words") }
        #expect(throws: UnitLevel.ParseError.invalidSpanLength("spans:0")) { try UnitLevel(parsing: "spans:0") }
        #expect(UnitLevel.ParseError.unknownLevel("x").description.contains("expected tokens, punctuation, spans"))
    }
}

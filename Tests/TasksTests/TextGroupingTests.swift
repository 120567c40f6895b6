import Testing
import Shapley
import Tasks

@Suite struct TextGroupingTests {
    @Test func tokensAreGroupedByTheSpansThatHoldThem() throws {
        // Spans end after ',' (see TextSegmenter): "The movie was not good," | "but the acting was great!"
        // Tokens 0...5 (The movie was not good ,) fall in span 0, tokens 6...11 in span 1.
        let text = "The movie was not good, but the acting was great!"
        let tokens = TextSegmenter(level: .tokens).segment(text)
        let spans = TextSegmenter(level: .spans(maxTokens: 12)).segment(text)
        let partition = try tokens.partition(groupedBy: spans)
        #expect(partition.groups == [Array(0...5), Array(6...11)])
    }

    @Test func everyRealSnippetGivesAValidPartition() throws {
        let texts = [
            "It's 2.5 times better. Really? Yes!",
            "  leading and trailing spaces  ",
            "One sentence only",
        ]
        for text in texts {
            let tokens = TextSegmenter(level: .tokens).segment(text)
            for coarse in [UnitLevel.spans(maxTokens: 3), .sentences] {
                let partition = try tokens.partition(groupedBy: TextSegmenter(level: coarse).segment(text))
                #expect(partition.groups.flatMap { $0 }.sorted() == Array(0..<tokens.units.count))
            }
        }
    }

    @Test func ifevalRewardCountsTheInstructionsFollowed() throws {
        // Two instructions: no commas; at least 3 words (hand-checked verdicts below).
        let item = IFEvalItem(prompt: "p", instructionIDs: ["punctuation:no_comma", "length_constraints:number_words"],
                              kwargs: [[:], ["relation": .string("at least"), "num_words": .int(3)]])
        let reward = IFEvalReward(item: item)
        #expect(try reward.reward("one two three") == 1)
        #expect(try reward.reward("one, two, three") == 0.5)
        #expect(try reward.reward("one two") == 0.5)
        #expect(try IFEvalReward(item: item, level: .prompt).reward("one two") == 0)
    }
}

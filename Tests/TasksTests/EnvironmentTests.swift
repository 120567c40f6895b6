import Testing
import Shapley
import Statistics
@testable import Tasks

/// The summarization and instruction-following RL environments. Expected values are hand
/// derivations written next to each check, except the eligible-prompt count, which was counted
/// independently with Python over `tasks/instructions/input_data.jsonl` (prompts holding none of
/// the eight excluded ids: 335 of 541).
@Suite struct EnvironmentTests {
    // MARK: summarization

    /// Title "Cats purr", body "Cats sleep." / "Dogs bark loudly." / "Birds sing.", reference
    /// "Cats sleep." + "Birds sing.". Stemmed ROUGE tokens: cat sleep | dog bark loudli | bird sing.
    static func toyArticle() throws -> BBCArticle {
        try BBCCorpus.parse(id: "toy/001", article: "Cats purr\n\nCats sleep.\nDogs bark loudly.\n\nBirds sing.\n",
                            summary: "Cats sleep.\nBirds sing.\n")
    }

    @Test func summaryEpisodesAreASeededEightyTwentySplit() throws {
        let env = try ExtractiveSummaryEnvironment()
        let train = env.episodes(split: .train, seed: 11)
        let test = env.episodes(split: .test, seed: 11)
        // 100 articles: round(0.8 * 100) = 80 train, 20 test, together every index once.
        #expect(train.count == 80 && test.count == 20)
        #expect((train + test).sorted() == Array(0..<100))
        #expect(env.episodes(split: .train, seed: 11) == train)
        #expect(env.episodes(split: .train, seed: 12) != train)
    }

    @Test func summaryLegalActionsShrinkAndTheEpisodeEndsAtTheCap() throws {
        var env = try ExtractiveSummaryEnvironment(articles: [Self.toyArticle()], maxSentences: 2)
        #expect(env.legalActions.isEmpty)
        try env.reset(articleIndex: 0)
        #expect(env.legalActions == [.append(0), .append(1), .append(2), .stop])
        let first = try env.step(.append(2))
        #expect(first.done == false && first.reward == nil)
        #expect(env.legalActions == [.append(0), .append(1), .stop])
        #expect(throws: ExtractiveSummaryEnvironment.StepError.self) { try env.step(.append(2)) }
        let second = try env.step(.append(0))
        #expect(second.done)
        #expect(env.legalActions.isEmpty)
        #expect(throws: ExtractiveSummaryEnvironment.StepError.self) { try env.step(.stop) }
        // Article order, not choice order: sentence 0 then sentence 2.
        #expect(env.summaryText == "Cats sleep.\nBirds sing.")
        // Prediction tokens = reference tokens (cat sleep bird sing): P = R = F = 1.
        #expect(second.reward == 1)
    }

    @Test func summaryRewardIsTheRougeOfTheChosenSentences() throws {
        var env = try ExtractiveSummaryEnvironment(articles: [Self.toyArticle()], variant: .rouge1)
        try env.reset(articleIndex: 0)
        _ = try env.step(.append(0))
        let end = try env.step(.stop)
        // "Cats sleep." -> cat sleep against cat sleep bird sing: P = 2/2, R = 2/4, F = 2PR/(P+R) = 2/3.
        #expect(end.done)
        #expect(abs(end.reward! - 2.0 / 3.0) < 1e-12)
        let game = try env.game()
        #expect(game.playerCount == 1)
        #expect(abs(try game.value(of: game.grandCoalition) - 2.0 / 3.0) < 1e-12)
    }

    @Test func summaryFeaturesArePositionLengthTitleOverlapAndChosen() throws {
        var env = try ExtractiveSummaryEnvironment(articles: [Self.toyArticle()])
        try env.reset(articleIndex: 0)
        // "Dogs bark loudly.": position 1/3, 3 tokens / 50, title tokens {cat, purr} share none.
        #expect(env.sentenceFeatures(1) == [1.0 / 3.0, 3.0 / 50.0, 0, 0])
        // "Cats sleep.": position 0, 2 tokens, shares "cat" with the title's two tokens.
        #expect(env.actionFeatures(.append(0)) == [0, 2.0 / 50.0, 0.5, 0, 0])
        #expect(env.actionFeatures(.stop) == [0, 0, 0, 0, 1])
        _ = try env.step(.append(0))
        #expect(env.sentenceFeatures(0)[3] == 1)
    }

    /// Every BBC reference summary is a set of body lines, so choosing exactly those lines gives
    /// the reference's tokens (in article order): ROUGE-1 F = 1 for every article.
    @Test func choosingTheReferenceSentencesScoresOne() throws {
        let articles = try BBCCorpus.load()
        for index in articles.indices.prefix(10) {
            let article = articles[index]
            var env = try ExtractiveSummaryEnvironment(articles: articles, variant: .rouge1, maxSentences: article.sentences.count)
            try env.reset(articleIndex: index)
            var result: (done: Bool, reward: Double?) = (false, nil)
            for sentence in article.summarySentences {
                result = try env.step(.append(try #require(article.sentences.firstIndex(of: sentence))))
            }
            if !result.done { result = try env.step(.stop) }
            #expect(result.reward == 1, "article \(article.id)")
            let summaryLines = Set(article.summarySentences)
            #expect(env.summaryText == article.sentences.filter(summaryLines.contains).joined(separator: "\n"))
        }
    }

    // MARK: sentence bank

    static let bankTexts = [
        "The sun rose over the quiet hills.", // 7 words, no comma
        "Rain fell, and the river rose.", // 6 words, a comma
        "Birds sang in the tall trees.", // 6 words, no comma
    ]

    @Test func sentenceBankKeepsPlainSentencesWithTheirWordCounts() throws {
        let bank = try SentenceBank(texts: Self.bankTexts)
        #expect(bank.sentences.map(\.wordCount) == [7, 6, 6])
        #expect(bank.sentences.map(\.hasComma) == [false, true, false])
        for bad in ["no end mark", "A *starred* word.", "- A dash line.", "Two sentences. Here it is.", "Too short."] {
            #expect(!SentenceBank.isEligible(bad), "\(bad)")
        }
        #expect(throws: SentenceBank.BankError.self) { try SentenceBank(texts: ["Not \"plain\" text at all."]) }
    }

    @Test func sentenceBankIsDeterministicGivenTheSeed() throws {
        let bank = try SentenceBank.load(seed: 5)
        #expect(bank.sentences.count == SentenceBank.defaultSize)
        #expect(bank.sentences.allSatisfy { SentenceBank.isEligible($0.text) })
        #expect(try SentenceBank.load(seed: 5).sentences == bank.sentences)
        #expect(try SentenceBank.load(seed: 6).sentences != bank.sentences)
    }

    // MARK: instruction following

    static func item(_ instructions: [(String, [String: IFEvalKwarg?])]) -> IFEvalItem {
        IFEvalItem(prompt: "test prompt", instructionIDs: instructions.map(\.0), kwargs: instructions.map(\.1))
    }

    static func environment(_ instructions: [(String, [String: IFEvalKwarg?])]) throws -> InstructionEnvironment {
        var env = try InstructionEnvironment(prompts: [item(instructions)], bank: SentenceBank(texts: bankTexts))
        try env.reset(promptIndex: 0)
        return env
    }

    @Test func commaFreeSentencesMeetNoCommaAndAWordMinimum() throws {
        let instructions: [(String, [String: IFEvalKwarg?])] = [
            ("punctuation:no_comma", [:]),
            ("length_constraints:number_words", ["num_words": .int(5), "relation": .string("at least")]),
        ]
        var env = try Self.environment(instructions)
        // Neither instruction brings format actions: sentences and stop only.
        #expect(env.legalActions == [.appendSentence(0), .appendSentence(1), .appendSentence(2), .stop])
        #expect(try env.step(.appendSentence(0)) == (false, nil))
        #expect(env.legalActions == [.appendSentence(1), .appendSentence(2), .stop])
        // 7 words >= 5, no comma: both followed.
        let end = try env.step(.stop)
        #expect(end == (true, 1))
        #expect(env.responseText == "The sun rose over the quiet hills.")

        // "Rain fell, and the river rose.": 6 words >= 5 (followed), a comma (broken): 1/2.
        var withComma = try Self.environment(instructions)
        _ = try withComma.step(.appendSentence(1))
        #expect(try withComma.step(.stop) == (true, 0.5))
    }

    @Test func upperCasingBreaksTheLowercaseInstruction() throws {
        let instructions: [(String, [String: IFEvalKwarg?])] = [
            ("change_case:english_lowercase", [:]),
            ("change_case:capital_word_frequency", ["capital_frequency": .int(100), "capital_relation": .string("less than")]),
        ]
        var upper = try Self.environment(instructions)
        _ = try upper.step(.appendSentence(0))
        _ = try upper.step(.uppercase)
        #expect(!upper.legalActions.contains(.lowercase) && !upper.legalActions.contains(.uppercase))
        let upperEnd = try upper.step(.stop)
        // "THE SUN ROSE OVER THE QUIET HILLS.": not all lower case (0); 7 capital words < 100 (1).
        #expect(upper.responseText == "THE SUN ROSE OVER THE QUIET HILLS.")
        #expect(try IFEvalScorer().evaluate(upper.prompt, response: upper.responseText).strict == [false, true])
        #expect(upperEnd.reward == 0.5)

        var lower = try Self.environment(instructions)
        _ = try lower.step(.lowercase)
        _ = try lower.step(.appendSentence(0))
        // The case change applies to the whole final response, whenever it was chosen.
        #expect(try lower.step(.stop).reward == 1)
        #expect(lower.responseText == "the sun rose over the quiet hills.")
    }

    @Test func formatActionsWriteTheExpectedResponse() throws {
        var env = try Self.environment([
            ("detectable_format:title", [:]),
            ("detectable_format:multiple_sections", ["section_spliter": .string("Section"), "num_sections": .int(2)]),
            ("detectable_format:number_highlighted_sections", ["num_highlights": .int(1)]),
            ("detectable_content:postscript", ["postscript_marker": .string("P.S.")]),
            ("startend:end_checker", ["end_phrase": .string("Any other questions?")]),
            ("startend:quotation", [:]),
        ])
        #expect(env.legalActions.contains(.title) && !env.legalActions.contains(.highlight))
        for action: InstructionEnvironment.Action in [.title, .section, .appendSentence(0), .highlight, .section,
                                                      .appendSentence(2), .postscript, .endPhrase, .quote] {
            #expect(try env.step(action) == (false, nil), "\(action)")
        }
        #expect(!env.legalActions.contains(.title) && !env.legalActions.contains(.postscript)
                && !env.legalActions.contains(.endPhrase) && !env.legalActions.contains(.quote))
        #expect(try env.step(.stop) == (true, 1))
        #expect(env.responseText == """
            "<<Answer>>

            Section 1
            *The sun rose over the quiet hills.*

            Section 2
            Birds sang in the tall trees.

            P.S. Any other questions?"
            """)
        // Sentence units split after an end mark (and any glued "*") followed by whitespace:
        // [<<Answer>> ... hills.*] [Section 2 ... trees.] [P.S.] [Any other questions?"].
        #expect(try env.game().playerCount == 4)
    }

    @Test func keywordsBulletsAndDividersComeFromTheKwargs() throws {
        var env = try Self.environment([
            ("keywords:existence", ["keywords": .strings(["river", "moon"])]),
            ("detectable_format:number_bullet_lists", ["num_bullets": .int(2)]),
            ("length_constraints:number_paragraphs", ["num_paragraphs": .int(2)]),
        ])
        #expect(env.keywords == ["river", "moon"])
        #expect(!env.legalActions.contains(.paragraphDivider))
        for action: InstructionEnvironment.Action in [.bullet, .appendSentence(0), .keyword(1), .bullet] {
            _ = try env.step(action)
        }
        // No divider right after a bullet opener.
        #expect(!env.legalActions.contains(.paragraphDivider) && !env.legalActions.contains(.bullet))
        for action: InstructionEnvironment.Action in [.appendSentence(2), .paragraphDivider, .keyword(0)] {
            _ = try env.step(action)
        }
        let end = try env.step(.stop)
        #expect(env.responseText == "* The sun rose over the quiet hills. moon\n* Birds sang in the tall trees.\n***\nriver")
        // Both keywords present; two bullet lines (the *** line has no non-star after its first
        // star); two pieces around the divider: all followed.
        #expect(end == (true, 1))
    }

    @Test func actionFeaturesAreKindSentencePromptAndProgress() throws {
        var env = try Self.environment([("punctuation:no_comma", [:]), ("detectable_format:title", [:])])
        _ = try env.step(.appendSentence(0))
        let features = env.actionFeatures(.appendSentence(1))
        #expect(features.count == InstructionEnvironment.actionFeatureCount)
        #expect(features.count == 14 + 2 + 25 + 2)
        // One-hot: appendSentence is kind 0.
        #expect(Array(features[0..<14]) == [1.0] + Array(repeating: 0.0, count: 13))
        // "Rain fell, and the river rose.": 6 words / 40, has a comma.
        #expect(Array(features[14..<16]) == [6.0 / 40.0, 1])
        let ids = InstructionRegistry.supportedIDs
        let present = features[16..<41].indices.filter { features[$0] == 1 }.map { ids[$0 - 16] }
        #expect(present == ["detectable_format:title", "punctuation:no_comma"])
        // 1 of 24 actions taken; the response has 7 words.
        #expect(Array(features[41...]) == [1.0 / 24.0, 7.0 / 400.0])
        #expect(env.actionFeatures(.stop)[13] == 1 && Array(env.actionFeatures(.stop)[14..<16]) == [0, 0])
    }

    @Test func theEpisodeEndsAfterMaxActions() throws {
        var env = try InstructionEnvironment(prompts: [Self.item([("punctuation:no_comma", [:])])],
                                             bank: SentenceBank(texts: Self.bankTexts), maxActions: 2)
        try env.reset(promptIndex: 0)
        #expect(try env.step(.appendSentence(2)) == (false, nil))
        #expect(try env.step(.appendSentence(0)) == (true, 1))
        #expect(env.legalActions.isEmpty)
        #expect(throws: InstructionEnvironment.StepError.self) { try env.step(.stop) }
    }

    @Test func theFilterLeavesOutUnfaithfulAndUnsatisfiablePrompts() throws {
        #expect(InstructionEnvironment.exclusionReason(Self.item([("punctuation:no_comma", [:])])) == nil)
        #expect(InstructionEnvironment.exclusionReason(Self.item([("punctuation:no_comma", [:]), ("change_case:english_lowercase", [:])])) == nil)
        let sentences = Self.item([("punctuation:no_comma", [:]),
                                   ("length_constraints:number_sentences", ["num_sentences": .int(2), "relation": .string("at least")])])
        #expect(InstructionEnvironment.exclusionReason(sentences)?.hasPrefix("length_constraints:number_sentences") == true)
        #expect(InstructionEnvironment.exclusionReason(Self.item([("detectable_format:json_format", [:])]))?
            .hasPrefix("detectable_format:json_format") == true)
        let excluded = Set(IFEvalScorer.unfaithfulInstructions).union(InstructionEnvironment.unsatisfiableInstructions.keys)
        let dataset = try IFEvalDataset.load()
        var env = try InstructionEnvironment(dataset: dataset, bank: SentenceBank(texts: Self.bankTexts))
        #expect(env.prompts.count == 335)
        #expect(env.prompts.allSatisfy { excluded.isDisjoint(with: $0.instructionIDs) })
        for index in env.prompts.indices { try env.reset(promptIndex: index) }
    }

    // MARK: random policies

    /// Uniformly random legal actions until the episode ends; returns the final reward.
    static func rollOut(_ env: inout InstructionEnvironment, promptIndex: Int, random: RandomStream) throws -> Double {
        try env.reset(promptIndex: promptIndex)
        while true {
            let actions = env.legalActions
            let result = try env.step(actions[random.integer(below: actions.count)])
            if result.done { return result.reward! }
        }
    }

    /// Random responses to every eligible prompt: rewards in [0, 1], a sentence game that fits
    /// in a coalition (at most 64 units), and the same rewards again from the same seed.
    @Test func randomInstructionRolloutsGiveBuildableGames() throws {
        let bank = try SentenceBank.load(seed: 1)
        var env = try InstructionEnvironment(dataset: IFEvalDataset.load(), bank: bank)
        var units: [Int] = []
        var rewards: [Double] = []
        let random = RandomStream(seed: 3)
        for index in env.prompts.indices {
            rewards.append(try Self.rollOut(&env, promptIndex: index, random: random))
            // A policy that stops first leaves an empty response, which has no game.
            if !env.responseText.isEmpty { units.append(try env.game().playerCount) }
        }
        #expect(rewards.allSatisfy { (0...1).contains($0) })
        #expect(units.allSatisfy { (1...Coalition.maximumPlayers).contains($0) })
        let again = RandomStream(seed: 3)
        for index in env.prompts.indices.prefix(20) {
            #expect(try Self.rollOut(&env, promptIndex: index, random: again) == rewards[index])
        }
        Self.report("instruction random policy", units: units, rewards: rewards)
    }

    @Test func randomSummaryRolloutsGiveBuildableGames() throws {
        var env = try ExtractiveSummaryEnvironment()
        var units: [Int] = []
        var rewards: [Double] = []
        let random = RandomStream(seed: 3)
        for index in env.articles.indices {
            try env.reset(articleIndex: index)
            var result: (done: Bool, reward: Double?) = (false, nil)
            while !result.done {
                let actions = env.legalActions
                result = try env.step(actions[random.integer(below: actions.count)])
            }
            rewards.append(result.reward!)
            if !env.chosen.isEmpty { units.append(try env.game().playerCount) }
        }
        #expect(rewards.allSatisfy { (0...1).contains($0) })
        #expect(units.allSatisfy { (1...Coalition.maximumPlayers).contains($0) })
        Self.report("summary random policy", units: units, rewards: rewards)
    }

    static func report(_ label: String, units: [Int], rewards: [Double]) {
        let sorted = units.sorted()
        let median = sorted.count % 2 == 1 ? Double(sorted[sorted.count / 2])
            : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        print("\(label): \(units.count) games, sentence units mean \(Double(units.reduce(0, +)) / Double(units.count)) median \(median) max \(sorted.last ?? 0); mean reward \(rewards.reduce(0, +) / Double(rewards.count))")
    }
}

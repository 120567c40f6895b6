import Foundation
import Testing
@testable import Tasks

/// Expected values come from the reference implementation, rouge-score 0.1.2 with nltk 3.10.4
/// (`python3 -m venv .venv-peers && .venv-peers/bin/pip install rouge-score==0.1.2 nltk==3.10.4`),
/// printed with `repr` by:
///
///     from rouge_score import rouge_scorer
///     from nltk.stem.porter import PorterStemmer
///     K = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum']
///     def show(target, prediction, stemmer):
///         s = rouge_scorer.RougeScorer(K, use_stemmer=stemmer).score(target, prediction)
///         for k in K: print(k, repr(s[k].precision), repr(s[k].recall), repr(s[k].fmeasure))
///     show(REFERENCE, PREDICTION, STEMMER)              # for each case below
///     # the backtracking case was found by comparing `_backtrack_norec` with a variant that
///     # steps left on ties, over random texts on the vocabulary {a, b, c}
///     print(PorterStemmer().stem(WORD))                 # for each stemmer example
///     rouge_scorer.RougeScorer(K, use_stemmer=True)._tokenizer.tokenize(TEXT)
///
/// The comparisons are exact: the port does the same floating-point operations in the same order.
/// benchmarks/peers/rouge_parity.py checks thousands more pairs against the live package.
@Suite struct RougeTests {
    private func expect(
        _ score: RougeScore, _ precision: Double, _ recall: Double, _ fmeasure: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(score.precision == precision, sourceLocation: sourceLocation)
        #expect(score.recall == recall, sourceLocation: sourceLocation)
        #expect(score.fmeasure == fmeasure, sourceLocation: sourceLocation)
    }

    @Test func readmeExampleWithoutStemming() {
        let scores = RougeScorer(stemming: false).score(
            prediction: "The quick brown dog jumps on the log.",
            reference: "The quick brown fox jumps over the lazy dog")
        expect(scores.rouge1, 0.75, 0.6666666666666666, 0.7058823529411765)
        expect(scores.rouge2, 0.2857142857142857, 0.25, 0.26666666666666666)
        expect(scores.rougeL, 0.625, 0.5555555555555556, 0.5882352941176471)
        expect(scores.rougeLsum, 0.625, 0.5555555555555556, 0.5882352941176471)
    }

    /// Three prediction sentences against two reference sentences: the union LCS recovers
    /// "it was happy" and "the cat sat on mat" across sentence order, so Lsum > L.
    @Test func summaryLevelLCSOverSentences() {
        let scores = RougeScorer(stemming: false).score(
            prediction: "It was happy.\nThe cat sat on a mat.\nThe mat was red.",
            reference: "The cat sat on the mat.\nIt was very happy there.")
        expect(scores.rouge1, 0.6923076923076923, 0.8181818181818182, 0.7500000000000001)
        expect(scores.rouge2, 0.4166666666666667, 0.5, 0.45454545454545453)
        expect(scores.rougeL, 0.5384615384615384, 0.6363636363636364, 0.5833333333333334)
        expect(scores.rougeLsum, 0.6923076923076923, 0.8181818181818182, 0.7500000000000001)
    }

    /// Repeated tokens across sentences: the counts cap the union-LCS hits.
    @Test func summaryLevelLCSDoesNotDoubleCount() {
        let scores = RougeScorer(stemming: false).score(prediction: "a b\nc a\nb b c", reference: "a b c\nb c a\nc a b")
        expect(scores.rouge1, 1.0, 0.7777777777777778, 0.8750000000000001)
        expect(scores.rouge2, 0.8333333333333334, 0.625, 0.7142857142857143)
        expect(scores.rougeL, 0.7142857142857143, 0.5555555555555556, 0.6250000000000001)
        expect(scores.rougeLsum, 1.0, 0.7777777777777778, 0.8750000000000001)
    }

    /// Which LCS `_backtrack_norec` reads out matters. In the reference sentence "c c", the
    /// prediction sentence "c" yields position 1; for "c a" the backtracking steps up on the tie
    /// and yields position 0, so the union holds both (2 hits). Stepping left on ties would yield
    /// position 1 again: 1 hit.
    @Test func summaryLevelLCSFollowsTheReferenceBacktracking() {
        let scores = RougeScorer(stemming: false).score(prediction: "c\nc a", reference: "c c")
        expect(scores.rougeLsum, 0.6666666666666666, 1.0, 0.8)
    }

    @Test func stemmingMakesInflectionsMatch() {
        let prediction = "The dog runs and generalizes."
        let reference = "Running dogs were generalizing."
        let stemmed = RougeScorer(stemming: true).score(prediction: prediction, reference: reference)
        expect(stemmed.rouge1, 0.6, 0.75, 0.6666666666666665)
        expect(stemmed.rouge2, 0.0, 0.0, 0.0)
        expect(stemmed.rougeL, 0.4, 0.5, 0.4444444444444445)
        expect(stemmed.rougeLsum, 0.4, 0.5, 0.4444444444444445)
        let plain = RougeScorer(stemming: false).score(prediction: prediction, reference: reference)
        for kind in RougeKind.allCases { expect(plain[kind], 0, 0, 0) }
    }

    @Test(arguments: [("", "some reference"), ("some prediction", ""), ("", ""), ("!!! ... ???", "--- ***"), ("\n\n", "a\n")])
    func emptyOrTokenlessTextsScoreZero(prediction: String, reference: String) {
        let scores = RougeScorer(stemming: true).score(prediction: prediction, reference: reference)
        for kind in RougeKind.allCases { expect(scores[kind], 0, 0, 0) }
    }

    @Test func nltkPorterStems() {
        let expected: KeyValuePairs<String, String> = [
            "running": "run", "generalizations": "gener", "generalization": "gener", "caresses": "caress",
            "ponies": "poni", "ties": "tie", "cats": "cat", "agreed": "agre", "plastered": "plaster",
            "motoring": "motor", "hopping": "hop", "tanned": "tan", "falling": "fall", "failing": "fail",
            "filing": "file", "happy": "happi", "sky": "sky", "skies": "sky", "dying": "die", "news": "news",
            "relational": "relat", "conditional": "condit", "rational": "ration", "digitizer": "digit",
            "radically": "radic", "vietnamization": "vietnam", "feudalism": "feudal", "decisiveness": "decis",
            "hopefulness": "hope", "electrical": "electr", "goodness": "good", "revival": "reviv",
            "allowance": "allow", "adjustable": "adjust", "adoption": "adopt", "communism": "commun",
            "effective": "effect", "probate": "probat", "cease": "ceas", "controll": "control", "roll": "roll",
            "enjoy": "enjoy", "spied": "spi", "theology": "theolog", "fully": "fulli", "1990s": "1990", "was": "wa",
        ]
        let stemmer = PorterStemmer()
        for (word, stem) in expected {
            #expect(stemmer.stem(word) == stem, "stem of \(word)")
        }
    }

    /// Only tokens longer than 3 characters are stemmed ("was" would stem to "wa"); U+0130 and
    /// the Kelvin sign lowercase to ASCII; other non-ASCII letters separate tokens.
    @Test func tokenizer() {
        let tokenizer = RougeTokenizer(stemming: true)
        #expect(tokenizer.tokens("He was this dies") == ["he", "was", "thi", "die"])
        #expect(tokenizer.tokens("İstanbul's 5\u{212A} run, naïve café... 3.50")
            == ["i", "stanbul", "s", "5k", "run", "na", "ve", "caf", "3", "50"])
    }

    @Test func rewardIsTheChosenFMeasure() throws {
        let reference = "The cat sat on the mat.\nIt was very happy there."
        let prediction = "It was happy.\nThe cat sat on a mat.\nThe mat was red."
        let rouge1 = try RougeReward(reference: reference, variant: .rouge1, stemming: true)
        #expect(rouge1.name == "rouge1-f")
        #expect(rouge1.reward(prediction) == 0.7500000000000001)
        #expect(try RougeReward(reference: reference, variant: .rougeL, stemming: true).reward(prediction) == 0.5833333333333334)
        let mean = try RougeReward(reference: reference, variant: .mean, stemming: true)
        #expect(mean.name == "rouge-mean-f")
        // (0.7500000000000001 + 0.45454545454545453 + 0.5833333333333334) / 3 in Python:
        #expect(mean.reward(prediction) == 0.595959595959596)
        #expect(mean.reward("") == 0)
    }

    @Test func rewardRejectsAReferenceWithoutTokens() {
        #expect(throws: RougeReward.ReferenceError.noTokens) {
            try RougeReward(reference: " ... ", variant: .rouge1, stemming: false)
        }
    }

    @Test func bbcCorpusLoads() throws {
        let articles = try BBCCorpus.load()
        #expect(articles.count == 100)
        #expect(Set(articles.map(\.topic)) == ["business", "entertainment", "politics", "sport", "tech"])
        let first = try #require(articles.first)
        #expect(first.id == "business/001")
        #expect(first.title == "Ad sales boost Time Warner profit")
        #expect(first.sentences.first?.hasPrefix("Quarterly profits at US media giant TimeWarner jumped 76%") == true)
        for article in articles {
            #expect(!article.summarySentences.isEmpty)
            #expect(article.summarySentences.allSatisfy(article.sentences.contains), "\(article.id): summary sentence not in body")
        }
    }

    @Test func bbcCorpusReportsAMissingSummary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rouge-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let topic = folder.appendingPathComponent("article/tech")
        try FileManager.default.createDirectory(at: topic, withIntermediateDirectories: true)
        try "Title\n\nOne sentence.\n".write(to: topic.appendingPathComponent("001.txt"), atomically: true, encoding: .utf8)
        #expect(throws: BBCCorpus.FormatError(id: "tech/001", reason: "no reference summary (expected summary/tech/001.txt)")) {
            try BBCCorpus.load(from: folder)
        }
        #expect(throws: BBCCorpus.FormatError.self) { try BBCCorpus.parse(id: "x/1", article: "Title\n\nBody.\n", summary: "\n") }
    }
}

/// ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum exactly as rouge-score 0.1.2's
/// `RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"], use_stemmer: stemming)
///   .score(target: reference, prediction: prediction)`
/// with the default tokenizer and `split_summaries=False` (sentences are the lines of a text).
///
/// Precision is measured against the prediction, recall against the reference.
public struct RougeScorer: Sendable {
    public let tokenizer: RougeTokenizer

    public init(stemming: Bool) {
        tokenizer = RougeTokenizer(stemming: stemming)
    }

    /// Tokenizes a text once, for scoring it repeatedly (e.g. a fixed reference).
    public func summary(_ text: String) -> RougeSummary {
        RougeSummary(text: text, tokenizer: tokenizer)
    }

    public func score(prediction: String, reference: String) -> RougeScores {
        score(prediction: summary(prediction), reference: summary(reference))
    }

    public func score(prediction: RougeSummary, reference: RougeSummary) -> RougeScores {
        RougeScores(
            rouge1: score(.rouge1, prediction: prediction, reference: reference),
            rouge2: score(.rouge2, prediction: prediction, reference: reference),
            rougeL: score(.rougeL, prediction: prediction, reference: reference),
            rougeLsum: score(.rougeLsum, prediction: prediction, reference: reference)
        )
    }

    /// One variant only (ROUGE-Lsum is the costly one).
    public func score(_ kind: RougeKind, prediction: RougeSummary, reference: RougeSummary) -> RougeScore {
        switch kind {
        case .rouge1: RougeNGrams.score(prediction: prediction.tokens, reference: reference.tokens, n: 1)
        case .rouge2: RougeNGrams.score(prediction: prediction.tokens, reference: reference.tokens, n: 2)
        case .rougeL: RougeLCS.score(prediction: prediction.tokens, reference: reference.tokens)
        case .rougeLsum: RougeLCS.summaryScore(prediction: prediction.sentences, reference: reference.sentences)
        }
    }
}

/// A text as the ROUGE variants see it.
public struct RougeSummary: Sendable {
    /// The tokens of each non-empty line (rouge-score: `[s for s in text.split("\n") if len(s)]`,
    /// each tokenized); a line may have no tokens.
    public let sentences: [[String]]
    /// The tokens of the whole text. A newline always separates tokens, so these are the
    /// sentences' tokens concatenated, which is what rouge-score gets by tokenizing the text.
    public let tokens: [String]

    init(text: String, tokenizer: RougeTokenizer) {
        sentences = text.unicodeScalars
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { tokenizer.tokens(String(String.UnicodeScalarView($0))) }
        tokens = sentences.flatMap { $0 }
    }
}

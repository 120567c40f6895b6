/// One ROUGE score as rouge-score 0.1.2 reports it (`rouge_score.scoring.Score`).
public struct RougeScore: Sendable, Equatable, Encodable {
    public let precision: Double
    public let recall: Double
    /// `2 * precision * recall / (precision + recall)`, evaluated left to right as in
    /// `scoring.fmeasure`, and 0 when `precision + recall` is 0.
    public let fmeasure: Double

    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
        fmeasure = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    /// The score of an empty prediction or reference.
    public static let zero = RougeScore(precision: 0, recall: 0)
}

/// The four ROUGE variants rouge-score 0.1.2 computes for
/// `RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"])`.
public struct RougeScores: Sendable, Equatable, Encodable {
    public let rouge1: RougeScore
    public let rouge2: RougeScore
    public let rougeL: RougeScore
    public let rougeLsum: RougeScore

    public subscript(_ kind: RougeKind) -> RougeScore {
        switch kind {
        case .rouge1: rouge1
        case .rouge2: rouge2
        case .rougeL: rougeL
        case .rougeLsum: rougeLsum
        }
    }
}

/// A ROUGE variant, named as in rouge-score.
public enum RougeKind: String, CaseIterable, Sendable {
    /// Unigram overlap.
    case rouge1
    /// Bigram overlap.
    case rouge2
    /// Longest common subsequence of the two token sequences.
    case rougeL
    /// Summary-level LCS over newline-separated sentences.
    case rougeLsum
}

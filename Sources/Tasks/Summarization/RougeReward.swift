/// A ROUGE F-measure against one fixed reference summary, as a text reward in [0, 1].
///
/// `reward(text)` scores `text` as the prediction against the reference with `RougeScorer`
/// (rouge-score 0.1.2 semantics): the F-measure of ROUGE-1, ROUGE-2 or ROUGE-L, or for `.mean`
/// `(F_rouge1 + F_rouge2 + F_rougeL) / 3` summed in that order. Sentences (lines) only matter to
/// ROUGE-Lsum, which no variant uses, so the reward depends on the text's tokens alone. The
/// reference is tokenized once, at initialization.
public struct RougeReward: TextRewardModel, Sendable {
    public enum Variant: String, CaseIterable, Sendable {
        case rouge1, rouge2, rougeL, mean
    }

    public enum ReferenceError: Error, Equatable, CustomStringConvertible {
        /// The reference has no ROUGE tokens (empty, or only punctuation / non-ASCII letters), so
        /// every prediction would score 0.
        case noTokens
        public var description: String {
            "the ROUGE reference summary has no tokens (it is empty or has no ASCII letters or digits)"
        }
    }

    public let variant: Variant
    public let scorer: RougeScorer
    public let reference: RougeSummary

    /// Binds the reward to `reference`; `stemming` is rouge-score's `use_stemmer`.
    public init(reference: String, variant: Variant, stemming: Bool) throws {
        scorer = RougeScorer(stemming: stemming)
        self.reference = scorer.summary(reference)
        guard !self.reference.tokens.isEmpty else { throw ReferenceError.noTokens }
        self.variant = variant
    }

    /// "rouge1-f", "rouge2-f", "rougeL-f" or "rouge-mean-f".
    public var name: String {
        variant == .mean ? "rouge-mean-f" : "\(variant.rawValue)-f"
    }

    public func reward(_ text: String) -> Double {
        let prediction = scorer.summary(text)
        func fmeasure(_ kind: RougeKind) -> Double {
            scorer.score(kind, prediction: prediction, reference: reference).fmeasure
        }
        switch variant {
        case .rouge1: return fmeasure(.rouge1)
        case .rouge2: return fmeasure(.rouge2)
        case .rougeL: return fmeasure(.rougeL)
        case .mean: return (fmeasure(.rouge1) + fmeasure(.rouge2) + fmeasure(.rougeL)) / 3
        }
    }
}

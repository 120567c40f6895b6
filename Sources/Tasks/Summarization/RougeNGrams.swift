/// ROUGE-N as rouge-score 0.1.2's `_create_ngrams` + `_score_ngrams`.
///
/// With `c(g)` the number of times n-gram `g` occurs in a token sequence, the clipped overlap is
/// `hits = Σ_g min(c_ref(g), c_pred(g))`; precision is `hits / max(#pred n-grams, 1)` and recall
/// `hits / max(#ref n-grams, 1)`, where a sequence of `L` tokens has `max(L - n + 1, 0)` n-grams.
enum RougeNGrams {
    static func score(prediction: [String], reference: [String], n: Int) -> RougeScore {
        let predictionCounts = counts(prediction, n: n)
        let referenceCounts = counts(reference, n: n)
        var hits = 0
        for (ngram, count) in referenceCounts {
            hits += min(count, predictionCounts[ngram] ?? 0)
        }
        let predictionTotal = max(prediction.count - n + 1, 0)
        let referenceTotal = max(reference.count - n + 1, 0)
        return RougeScore(
            precision: Double(hits) / Double(max(predictionTotal, 1)),
            recall: Double(hits) / Double(max(referenceTotal, 1))
        )
    }

    private static func counts(_ tokens: [String], n: Int) -> [ArraySlice<String>: Int] {
        var counts: [ArraySlice<String>: Int] = [:]
        guard tokens.count >= n else { return counts }
        for start in 0...(tokens.count - n) {
            counts[tokens[start..<(start + n)], default: 0] += 1
        }
        return counts
    }
}

/// ROUGE-L and ROUGE-Lsum as rouge-score 0.1.2's `_score_lcs` and `_summary_level_lcs`.
///
/// Tokens are numbered first (equal strings, equal numbers), so the tables compare integers.
enum RougeLCS {
    /// ROUGE-L: with `lcs` the length of a longest common subsequence of the token sequences,
    /// precision `lcs / #pred`, recall `lcs / #ref`; zero when either sequence is empty.
    static func score(prediction: [String], reference: [String]) -> RougeScore {
        guard !prediction.isEmpty, !reference.isEmpty else { return .zero }
        let numbers = numbered([reference, prediction])
        let table = LCSTable(numbers[0], numbers[1])
        let length = table[reference.count, prediction.count]
        return RougeScore(
            precision: Double(length) / Double(prediction.count),
            recall: Double(length) / Double(reference.count)
        )
    }

    /// ROUGE-Lsum (Lin 2004, section 3.2, as ROUGE-1.5.5 implements it). For each reference
    /// sentence `r`, take the union over prediction sentences `c` of the positions in `r` of one
    /// LCS of `(r, c)` (the one `_backtrack_norec` reads out); walking those positions in order,
    /// a token counts as a hit while both its remaining reference count and its remaining
    /// prediction count (token counts over the whole summaries) are positive, and each hit
    /// decrements both. Precision `hits / #pred tokens`, recall `hits / #ref tokens`; zero when
    /// either summary has no tokens.
    static func summaryScore(prediction: [[String]], reference: [[String]]) -> RougeScore {
        let predictionTotal = prediction.reduce(0) { $0 + $1.count }
        let referenceTotal = reference.reduce(0) { $0 + $1.count }
        guard predictionTotal > 0, referenceTotal > 0 else { return .zero }
        let numbers = numbered(reference + prediction)
        let referenceSentences = Array(numbers[..<reference.count])
        let predictionSentences = Array(numbers[reference.count...])
        var predictionCounts = tokenCounts(predictionSentences)
        var referenceCounts = tokenCounts(referenceSentences)
        var hits = 0
        for sentence in referenceSentences {
            var inUnion = [Bool](repeating: false, count: sentence.count)
            for candidate in predictionSentences {
                for position in LCSTable(sentence, candidate).lcsPositions() { inUnion[position] = true }
            }
            for position in sentence.indices where inUnion[position] {
                let token = sentence[position]
                if let left = predictionCounts[token], left > 0, let right = referenceCounts[token], right > 0 {
                    hits += 1
                    predictionCounts[token] = left - 1
                    referenceCounts[token] = right - 1
                }
            }
        }
        return RougeScore(
            precision: Double(hits) / Double(predictionTotal),
            recall: Double(hits) / Double(referenceTotal)
        )
    }

    /// Each token sequence with every token replaced by its number: the rank of its first
    /// occurrence among the distinct tokens of all the sequences.
    private static func numbered(_ sequences: [[String]]) -> [[Int]] {
        var numbers: [String: Int] = [:]
        return sequences.map { sequence in
            sequence.map { token in
                if let number = numbers[token] { return number }
                numbers[token] = numbers.count
                return numbers.count - 1
            }
        }
    }

    private static func tokenCounts(_ sentences: [[Int]]) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for sentence in sentences {
            for token in sentence { counts[token, default: 0] += 1 }
        }
        return counts
    }
}

/// The dynamic-programming table of `_lcs_table(ref, can)`: entry `(i, j)` is the LCS length of
/// `ref[..<i]` and `can[..<j]`.
private struct LCSTable {
    let reference: [Int]
    let candidate: [Int]
    private var lengths: [Int]

    init(_ reference: [Int], _ candidate: [Int]) {
        self.reference = reference
        self.candidate = candidate
        let columns = candidate.count + 1
        lengths = [Int](repeating: 0, count: (reference.count + 1) * columns)
        for i in reference.indices {
            for j in candidate.indices {
                lengths[(i + 1) * columns + j + 1] = reference[i] == candidate[j]
                    ? lengths[i * columns + j] + 1
                    : max(lengths[i * columns + j + 1], lengths[(i + 1) * columns + j])
            }
        }
    }

    subscript(_ i: Int, _ j: Int) -> Int { lengths[i * (candidate.count + 1) + j] }

    /// `_backtrack_norec`: from the bottom-right corner, take a diagonal step on equal tokens
    /// (recording the reference position), else step left when the left entry is strictly
    /// larger than the upper one, else up. Returns the reference positions in increasing order.
    func lcsPositions() -> [Int] {
        var i = reference.count
        var j = candidate.count
        var positions: [Int] = []
        while i > 0 && j > 0 {
            if reference[i - 1] == candidate[j - 1] {
                positions.append(i - 1)
                i -= 1
                j -= 1
            } else if self[i, j - 1] > self[i - 1, j] {
                j -= 1
            } else {
                i -= 1
            }
        }
        return positions.reversed()
    }
}

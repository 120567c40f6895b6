/// The exact null distribution of the Wilcoxon signed-rank statistic W+ for n non-zero differences
/// with distinct absolute values: each rank 1...n carries a positive sign independently with
/// probability 1/2, and W+ is the sum of the positive ranks.
///
/// Recursion on the largest rank: p_n(k) = (p_{n-1}(k) + p_{n-1}(k - n)) / 2, p_0 = [k == 0], for
/// k = 0...n(n+1)/2 (probabilities rather than counts avoid overflow). Cost O(n^3) time, O(n^2) memory.
struct WilcoxonDistribution {
    /// Probability of W+ = k, k = 0...n(n+1)/2.
    let probabilities: [Double]

    init(n: Int) {
        var p: [Double] = [1]
        for rank in stride(from: 1, through: n, by: 1) {
            var next = [Double](repeating: 0, count: p.count + rank)
            for (k, q) in p.enumerated() {
                next[k] += q / 2
                next[k + rank] += q / 2
            }
            p = next
        }
        probabilities = p
    }

    /// P(W+ >= w).
    func survival(atLeast w: Int) -> Double {
        guard w > 0 else { return 1 }
        guard w < probabilities.count else { return 0 }
        return probabilities[w...].reduce(0, +)
    }

    /// P(W+ <= w), by the symmetry W+ ~ n(n+1)/2 - W+.
    func cumulative(atMost w: Int) -> Double {
        survival(atLeast: probabilities.count - 1 - w)
    }
}

/// The exact null distribution of the Mann-Whitney U statistic for sample sizes m and n without ties:
/// U = #{(i, j): a_i > b_j}, every one of the C(m+n, m) orderings equally likely.
///
/// Recursion on which sample holds the largest value (probability m/(m+n) for the first, which then
/// beats all n values of the second): p_{m,n}(k) = m/(m+n) p_{m-1,n}(k-n) + n/(m+n) p_{m,n-1}(k),
/// with p_{0,n} = p_{m,0} = [k == 0]. Probabilities rather than counts avoid overflow.
/// Cost O(m^2 n^2 / 4) time and O(m n^2) memory.
struct MannWhitneyDistribution {
    /// Probability of U = k, k = 0...m n.
    let probabilities: [Double]

    init(m: Int, n: Int) {
        // row[j] = distribution for sizes (i, j) at the current i.
        var row: [[Double]] = Array(repeating: [1], count: n + 1)
        for i in stride(from: 1, through: m, by: 1) {
            var next: [[Double]] = [[1]]
            for j in stride(from: 1, through: n, by: 1) {
                let fromFirst = Double(i) / Double(i + j), fromSecond = Double(j) / Double(i + j)
                var p = [Double](repeating: 0, count: i * j + 1)
                for (k, q) in row[j].enumerated() { p[k + j] += fromFirst * q }
                for (k, q) in next[j - 1].enumerated() { p[k] += fromSecond * q }
                next.append(p)
            }
            row = next
        }
        probabilities = row[n]
    }

    /// P(U >= u).
    func survival(atLeast u: Int) -> Double {
        guard u > 0 else { return 1 }
        guard u < probabilities.count else { return 0 }
        return probabilities[u...].reduce(0, +)
    }
}

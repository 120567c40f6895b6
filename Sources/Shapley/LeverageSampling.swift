import Statistics

/// Paired coalition sampling without replacement by leverage score (Musco & Witter, ICLR 2025),
/// shared by Leverage SHAP and regression-adjusted MSR.
///
/// In the KernelSHAP regression (rows z weighted by the Shapley kernel k(s) = 1 / (C(n,s) s (n-s))),
/// the leverage score of a proper coalition of size s is proportional to 1 / C(n,s): every size
/// carries the same total leverage, so leverage sampling takes the same number of coalitions from
/// each size s = 1..n-1 (capped at C(n,s), the remainder spread over the sizes that are not full).
/// Pairing: a coalition of size s < n/2 comes with its complement (size n - s), so sizes s and n - s
/// get the same count; for even n a coalition of size n/2 is drawn among those holding player n - 1
/// and paired with its complement (which lacks it), so no coalition repeats.
///
/// The paper draws each coalition independently with probability min(1, c / C(n,s)) (a Bernoulli
/// design whose size is random, with expectation m); here the counts m_s are fixed by the same
/// water-filling (the integer allocation closest to the Bernoulli expectations) and each size's
/// coalitions are a simple random sample, so the budget holds exactly. Either way a coalition of
/// size s is included with probability pi_s = m_s / C(n,s), the Horvitz-Thompson weight both
/// estimators use; at m = 2^n - 2 every coalition is included with pi = 1.
struct LeverageSampling {
    /// The sampled proper coalitions, each with its inclusion probability.
    private(set) var coalitions: [Coalition] = []
    private(set) var inclusionProbabilities: [Double] = []

    /// Draws about `count` proper coalitions of `playerCount` players (rounded down to whole pairs,
    /// at most 2^n - 2).
    init(playerCount n: Int, count: Int, random: RandomStream) {
        let pairCount = min(count, ShapleyWeights.coalitionCount(n) - 2) / 2
        let classes = Array(1...(n / 2))  // size s paired with n - s
        let middle = n % 2 == 0 ? n / 2 : nil
        // Pairs per class by water-filling: each pair goes to the class with the fewest coalitions
        // per size (a middle pair adds two coalitions of its size), among classes not yet full.
        var pairs = [Int](repeating: 0, count: n / 2 + 1)
        let capacity = classes.map { s in s == middle ? ShapleyWeights.binomial(n, s) / 2 : ShapleyWeights.binomial(n, s) }
        for _ in 0..<pairCount {
            let open = classes.indices.filter { Double(pairs[classes[$0]]) < capacity[$0] }
            guard let next = open.min(by: { Self.perSize(classes[$0], pairs, middle) < Self.perSize(classes[$1], pairs, middle) }) else { break }
            pairs[classes[next]] += 1
        }
        for s in classes where pairs[s] > 0 {
            let pool = s == middle ? Array(0..<(n - 1)) : Array(0..<n)
            let drawSize = s == middle ? s - 1 : s
            let probability = Double(s == middle ? 2 * pairs[s] : pairs[s]) / ShapleyWeights.binomial(n, s)
            for members in Self.distinctSubsets(pairs[s], size: drawSize, of: pool.count, random: random) {
                var coalition = Coalition(members.map { pool[$0] })
                if s == middle { coalition.insert(n - 1) }
                coalitions += [coalition, coalition.complement(in: n)]
                inclusionProbabilities += [probability, probability]
            }
        }
    }

    /// Coalitions per size held by the class of size s.
    private static func perSize(_ s: Int, _ pairs: [Int], _ middle: Int?) -> Int { s == middle ? 2 * pairs[s] : pairs[s] }

    /// `count` distinct subsets of `size` members of 0..<population, uniformly without replacement:
    /// by rejection while they are at most half of all such subsets, else chosen among all of them.
    static func distinctSubsets(_ count: Int, size: Int, of population: Int, random: RandomStream) -> [[Int]] {
        let all = ShapleyWeights.binomial(population, size)
        if Double(count) * 2 > all {
            let every = KernelDesign.subsets(of: population, size: size)
            return random.sample(count, from: every.count).map { every[$0].members }
        }
        var seen = Set<UInt64>()
        var result: [[Int]] = []
        while result.count < count {
            let members = random.sample(size, from: population)
            if seen.insert(Coalition(members).rawValue).inserted { result.append(members) }
        }
        return result
    }
}

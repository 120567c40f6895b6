import Foundation
import Shapley
import Statistics

/// ShapE-GRPO's computational claim: the Shapley values of the best-candidate game have an exact
/// closed form computable in polynomial time. Checked by
/// - correctness: max |closed form - exact enumeration| over K = 1...16 and `vectors` random
///   relevance vectors per K (continuous in [-1, 5), and half-star ratings in {0, 0.5, ..., 5}
///   so that ties and zeros occur);
/// - cost: wall time of the closed form (`MaxGame.closedFormShapleyValues`) for K = 2^1 ... 2^12 and of
///   exact enumeration for K = 2 ... `exactMaximum`; the log-log slope of the closed form's time
///   against K (least squares over K >= 16, where fixed overheads no longer dominate) must be at
///   most 2 + 0.5 (the paper's O(K^2), with room for timer noise); exact enumeration's growth is
///   reported as doublings of time per added candidate (log2 time against K, K >= 10).
enum ShapEClosedFormClaim {
    static func check(vectors: Int, exactMaximum: Int, seed: UInt64) throws -> (ClaimCheck, timings: [(method: String, k: Int, seconds: Double)]) {
        var claim = ClaimCheck(
            id: "C7a", title: "ShapE's closed form is exact and polynomial", paper: "ShapE-GRPO",
            statement: "The Shapley values of the set game are computed exactly in polynomial time (O(K^2)) by using that the set utility is permutation invariant; the Shapley axioms are kept.",
            evidence: [
                PaperEvidence("ShapE-GRPO gives each candidate its Shapley value in the set game, computed exactly in polynomial time (O(K^2)); the Shapley axioms are kept.", source: "papers.md, ShapE-GRPO (arXiv 2603.29871, abstract)"),
                PaperEvidence("Closed form for v(S) = max over S of u_i: sort u_(1) <= ... <= u_(K); phi_(j) = sum over i <= j of (u_(i) - u_(i-1)) / (K - i + 1), u_(0) = 0.", source: "papers.md, ShapE-GRPO closed form"),
            ],
            design: "Correctness: \(vectors) seeded random relevance vectors per K = 1..16 (half continuous in [-1, 5), half half-star ratings with ties), closed form vs exact enumeration, tolerance 1e-9. Cost: median wall time of the closed form for K = 2..4096 (powers of 2) and of exact enumeration for K = 2..\(exactMaximum); least-squares slope of log time on log K for the closed form (K >= 16) must be <= 2.5.")
        let random = RandomStream(seed: seed, stream: 0xC7A)
        var maxError = 0.0
        for k in 1...16 {
            for v in 0..<vectors {
                let scores = (0..<k).map { _ in v % 2 == 0 ? -1 + 6 * random.uniform() : Double(random.integer(below: 11)) / 2 }
                let game = MaxGame(scores: scores)
                let exact = try ExactShapley().estimate(game, random: random).values
                maxError = max(maxError, zip(exact, game.closedFormShapleyValues()).map { abs($0 - $1) }.max()!)
            }
        }
        var timings: [(method: String, k: Int, seconds: Double)] = []
        for power in 1...12 {
            let k = 1 << power
            let game = MaxGame(scores: (0..<k).map { _ in random.uniform() })
            timings.append(("closed-form", k, medianSeconds(repeats: max(1, 20_000 / k)) { _ = game.closedFormShapleyValues() }))
        }
        for k in 2...exactMaximum {
            let game = MaxGame(scores: (0..<k).map { _ in random.uniform() })
            timings.append(("exact", k, medianSeconds(repeats: k <= 12 ? 20 : 3) { _ = try? ExactShapley().estimate(game, random: random) }))
        }
        let closed = timings.filter { $0.method == "closed-form" && $0.k >= 16 }
        let slope = leastSquaresSlope(x: closed.map { log(Double($0.k)) }, y: closed.map { log($0.seconds) })
        let exact = timings.filter { $0.method == "exact" && $0.k >= 10 }
        let doublings = leastSquaresSlope(x: exact.map { Double($0.k) }, y: exact.map { log2($0.seconds) })
        claim.exactChecks = [
            ExactCheck(name: "max |closed form - exact| over K = 1..16, \(16 * vectors) vectors", measured: maxError, tolerance: 1e-9),
            ExactCheck(name: "closed form: log-log slope of time against K (K = 16..4096)", measured: slope, tolerance: 2.5),
        ]
        claim.measurements = [
            Measurement("exact enumeration: doublings of time per added candidate (K = 10..\(exactMaximum))", doublings, note: "1 = exponential 2^K"),
        ] + timings.filter { [8, 16, exactMaximum].contains($0.k) }.map {
            Measurement("\($0.method) seconds at K = \($0.k)", $0.seconds)
        }
        return (claim, timings)
    }

    /// Median wall seconds over `repeats` timed calls of `body` (the median resists the
    /// occasional descheduled call on a shared machine).
    static func medianSeconds(repeats: Int, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let samples = (0..<max(repeats, 1)).map { _ -> Double in
            let start = clock.now
            body()
            let elapsed = clock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        return (try? Descriptive.median(samples)) ?? samples[0]
    }

    /// The ordinary least-squares slope of y on x.
    static func leastSquaresSlope(x: [Double], y: [Double]) -> Double {
        let mx = Descriptive.meanOrNaN(x), my = Descriptive.meanOrNaN(y)
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
        let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
        return sxy / sxx
    }
}

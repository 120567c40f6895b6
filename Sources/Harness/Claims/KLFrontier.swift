import Statistics

/// The reward-KL frontier of credit schemes from a beta sweep, and their comparison at matched KL.
///
/// Input: for each scheme s, each beta b of the sweep and each seed i (the same seeds in every
/// cell, so cells are paired by seed), one run's final held-out reward R_{s,b,i}
/// (`SCARLearningClaims.finalReward`) and final KL K_{s,b,i} (`CurveMetrics.finalKL`).
/// - **Frontier** of s: the points (mean_i K_{s,b,i}, mean_i R_{s,b,i}) over b, sorted by KL and
///   joined by straight lines; R_s(k) is that polyline at KL k, undefined outside its KL range
///   (no extrapolation).
/// - **Matched-KL difference** of A over B: R_A(k*) - R_B(k*) at k* = B's mean KL at the reference
///   beta (the task's default), so R_B(k*) is B's own point there: what A reaches at the KL budget
///   B spends at its default beta. Its 95% interval is a percentile bootstrap over seeds (4,999
///   resamples; each draws n seeds with replacement and recomputes every mean, both frontiers and
///   k*). Resamples where k* falls outside A's KL range are left out and counted (`coverage`); the
///   interval is given only when at least 95% of them are covered.
/// - **Regularised objective** J = R - b K per run (the quantity PPO's penalised reward trades
///   off), its mean per cell, and the difference J_A - J_B at each beta, paired by seed (BCa
///   bootstrap interval, `Bootstrap.pairedDifferenceOfMeans`).
public struct KLFrontier: Sendable {
    /// One (scheme, beta) cell over the seeds.
    public struct Cell: Sendable {
        public let scheme: String
        public let beta: Double
        /// Per seed (in `seeds` order): final reward and final KL.
        public let rewards: [Double]
        public let kl: [Double]
        public var objective: [Double] { zip(rewards, kl).map { $0 - beta * $1 } }
    }

    /// The matched-KL difference of `a` over `b` and its interval.
    public struct MatchedDifference: Sendable {
        public let a: String, b: String
        /// k*, b's mean KL at the reference beta.
        public let kl: Double
        /// R_a(k*) - R_b(k*); nil when k* is outside a's frontier.
        public let estimate: Double?
        public let interval: ConfidenceInterval?
        /// Fraction of bootstrap resamples in which k* lay within a's frontier.
        public let coverage: Double
    }

    public let schemes: [String]
    public let betas: [Double]
    public let seeds: [Int]
    /// `cells[s][b]` for scheme index s and beta index b.
    public let cells: [[Cell]]

    /// Arranges `runs` (tagged with the beta they were trained at) into cells. Throws unless every
    /// (scheme, beta) holds one run per seed of the same seed set (at least two) with its KL.
    public init(runs: [(beta: Double, run: CurveRun)], schemes: [String], betas: [Double]) throws {
        let seeds = Set(runs.map(\.run.seed)).sorted()
        guard seeds.count >= 2 else { throw HarnessError.invalidPlan("a KL frontier needs at least two seeds, got \(seeds.count)") }
        cells = try schemes.map { scheme in
            try betas.map { beta in
                let group = runs.filter { $0.beta == beta && $0.run.scheme == scheme }.map(\.run).sorted { $0.seed < $1.seed }
                guard group.map(\.seed) == seeds, group.allSatisfy({ !$0.kl.isEmpty }) else {
                    throw HarnessError.invalidPlan("the KL frontier cell \(scheme) at beta \(beta) needs one run with KL per seed \(seeds)")
                }
                return Cell(scheme: scheme, beta: beta, rewards: group.map(SCARLearningClaims.finalReward), kl: group.map(CurveMetrics.finalKL))
            }
        }
        self.schemes = schemes
        self.betas = betas
        self.seeds = seeds
    }

    static func mean(_ x: [Double], at seeds: [Int]) -> Double { seeds.reduce(0) { $0 + x[$1] } / Double(seeds.count) }

    /// Scheme `s`'s frontier over the seed indices `sample` (with repeats, for a resample): one
    /// (mean KL, mean reward) per beta, sorted by KL.
    func frontier(_ s: Int, sample: [Int]) -> [(kl: Double, reward: Double)] {
        cells[s].map { (Self.mean($0.kl, at: sample), Self.mean($0.rewards, at: sample)) }.sorted { $0.kl < $1.kl }
    }

    /// The polyline through `frontier` (sorted by KL) at KL `k`; nil outside its KL range.
    static func interpolate(_ frontier: [(kl: Double, reward: Double)], at k: Double) -> Double? {
        guard let first = frontier.first, let last = frontier.last, first.kl <= k, k <= last.kl else { return nil }
        for (left, right) in zip(frontier, frontier.dropFirst()) where k <= right.kl {
            return right.kl == left.kl ? (left.reward + right.reward) / 2
                : left.reward + (right.reward - left.reward) * (k - left.kl) / (right.kl - left.kl)
        }
        return last.reward
    }

    /// R_a(k*) - R_b(k*) over the seed indices `sample`, with k* = b's mean KL at beta index `reference`.
    func matched(_ a: Int, over b: Int, reference: Int, sample: [Int]) -> (kl: Double, difference: Double?) {
        let k = Self.mean(cells[b][reference].kl, at: sample)
        let ownPoint = Self.mean(cells[b][reference].rewards, at: sample)
        return (k, Self.interpolate(frontier(a, sample: sample), at: k).map { $0 - ownPoint })
    }

    /// The matched-KL difference of scheme `a` over `b` at `referenceBeta` with its seed-bootstrap interval.
    public func matchedDifference(_ a: String, over b: String, referenceBeta: Double, stream: RandomStream,
                                  resamples: Int = 4999) throws -> MatchedDifference {
        guard let ia = schemes.firstIndex(of: a), let ib = schemes.firstIndex(of: b), let reference = betas.firstIndex(of: referenceBeta) else {
            throw HarnessError.invalidPlan("the KL frontier has no \(a), \(b) or beta \(referenceBeta)")
        }
        let all = Array(seeds.indices)
        let point = matched(ia, over: ib, reference: reference, sample: all)
        var draws: [Double] = []
        for _ in 0..<resamples {
            let sample = all.map { _ in stream.integer(below: all.count) }
            if let difference = matched(ia, over: ib, reference: reference, sample: sample).difference { draws.append(difference) }
        }
        let coverage = Double(draws.count) / Double(resamples)
        let interval = coverage >= 0.95
            ? ConfidenceInterval(lower: try Descriptive.quantile(draws, 0.025), upper: try Descriptive.quantile(draws, 0.975), confidenceLevel: 0.95)
            : nil
        return MatchedDifference(a: a, b: b, kl: point.kl, estimate: point.difference, interval: interval, coverage: coverage)
    }

    /// The paired difference of the regularised objective J = R - beta K, `a` minus `b`, at each beta.
    public func objectiveDifferences(_ a: String, over b: String, stream: RandomStream) throws
        -> [(beta: Double, estimate: Double, interval: ConfidenceInterval)] {
        guard let ia = schemes.firstIndex(of: a), let ib = schemes.firstIndex(of: b) else {
            throw HarnessError.invalidPlan("the KL frontier has no \(a) or \(b)")
        }
        return try betas.indices.map { j in
            let (x, y) = (cells[ia][j].objective, cells[ib][j].objective)
            let interval = try Bootstrap.pairedDifferenceOfMeans(x, y, resamples: 4999, stream: stream.substream(UInt64(j)))
            return (betas[j], zip(x, y).reduce(0) { $0 + $1.0 - $1.1 } / Double(x.count), interval)
        }
    }

    /// One line per scheme through its frontier points (mean KL, mean reward), with a band of
    /// mean reward +- 1.96 standard errors over the seeds at each point; linear axes.
    public func chart(title: String) -> GnuplotChart {
        let series = cells.enumerated().map { s, row in
            let points = row.map { cell -> (kl: Double, reward: Double, half: Double) in
                var moments = RunningMoments()
                for r in cell.rewards { moments.add(r) }
                return (Self.mean(cell.kl, at: Array(seeds.indices)), moments.mean, 1.96 * (moments.standardError ?? 0))
            }.sorted { $0.kl < $1.kl }
            return GnuplotChart.Series(
                name: "\(schemes[s]) (beta \(betas.map { PaperCheckDocument.format($0) }.joined(separator: ", ")); \(seeds.count) seeds)",
                points: points.map { ($0.kl, $0.reward) }, band: points.map { ($0.reward - $0.half, $0.reward + $0.half) })
        }
        return GnuplotChart(title: title, xLabel: "final KL(pi || pi_ref), exact, nats per response", yLabel: "final held-out reward",
                            panels: [(title: "", series: series)], logScale: false)
    }
}

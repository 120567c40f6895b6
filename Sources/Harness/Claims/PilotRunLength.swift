import Statistics

/// The run length of one task, chosen on pilot runs that no claim analyses ("convergence without
/// peeking"): the shortest candidate length at which every primary scheme's pilots have stopped
/// improving by the plateau statistic.
///
/// Inputs, fixed before the pilots are trained: each primary scheme's pilot curves, trained to the
/// maximum length L_max (series of (step, held-out reward) from step 0 = pi_ref to L_max), and the
/// tolerance tau (the task's C3 reward margin, `ClaimMargins.reward`: 5% of the gap from the
/// untrained policy to the attainable maximum, which does not depend on the compared schemes).
///
/// Candidates: L_max f for f in `fractions` = 1/4, 3/8, ..., 1, each rounded to the pilots'
/// evaluation grid (multiples of the interval k between their first two evaluations). A candidate
/// L is read from the pilots truncated at L (their points at steps <= L): the learners have no schedule that depends on the run length, so the first L steps of
/// a run of L_max steps are the run of L steps, point for point. For each run the plateau statistic
/// is c(L) = b L, with b the least-squares slope of the reward over the last 20% of [0, L]
/// (`PlateauCheck.projectedChange`): the change a further run as long would bring at the final slope.
///
/// The rule: L passes when, for every primary scheme, the mean of c(L) over its pilots lies within
/// [-tau, tau]; the chosen length is the shortest candidate from which on every candidate passes,
/// itself and each longer one up to L_max ("plateau shown on the pilots"), and L_max when L_max
/// itself fails ("not shown at L_max"). The "every longer one" part was added after the first
/// pilot (learner version 2, results at commit a7b1a43): there c(L) crossed into the tolerance and
/// out again as L grew (sentiment passed at 150 and 225 steps, failed from 300 to 525 and passed at
/// 600), so the first passing candidate marked a crossing, not a plateau. A plateau is a length
/// after which the curve stays flat, and only the pilots, never the analysed runs, were looked at.
///
/// Why the mean and not `PlateauCheck`'s TOST: the pilots only choose a length, they are not the
/// evidence. With 5 pilot seeds TOST at alpha = 0.05 needs the 90% interval mean +- 2.132 s / sqrt(5)
/// inside +-tau, i.e. a between-seed standard deviation s of c below 1.05 (tau - |mean|), which the
/// noise of a 20%-window slope rarely allows, so TOST on the pilots would push every task to L_max
/// whether or not it had plateaued. The analysed runs (20 seeds, standard error half as large) are
/// then put through `PlateauCheck`'s TOST, and a task whose analysed runs fail it reads "not at
/// convergence".
///
/// Cost: no value calls; O(runs x candidates x points) arithmetic.
struct PilotRunLength: Sendable, Equatable {
    /// The candidate lengths as fractions of L_max, shortest first.
    static let fractions = [1.0 / 4, 3.0 / 8, 1.0 / 2, 5.0 / 8, 3.0 / 4, 7.0 / 8, 1]

    /// One candidate length and, per primary scheme, the mean over its pilots of c(L).
    struct Candidate: Codable, Sendable, Equatable {
        let steps: Int
        let meanProjectedChange: [String: Double]
    }

    /// L_max: the pilots' length.
    let maximumSteps: Int
    /// tau: the tolerance on the mean of c(L).
    let tolerance: Double
    /// Every candidate, shortest first, with its statistics.
    let candidates: [Candidate]
    /// The chosen length: the shortest candidate from which on every candidate is within
    /// tolerance, else L_max.
    let steps: Int
    /// Whether some candidate (the chosen one) was within tolerance for every scheme.
    let plateauShown: Bool

    /// The chosen candidate's statistics.
    var chosen: Candidate { candidates.first { $0.steps == steps }! }

    /// `pilots`: per primary scheme, its pilot runs' series (at least one run each, every run
    /// evaluated at the same steps 0, k, 2k, ..., up to `maximumSteps`). Throws when a scheme has
    /// no pilots, a series does not start at step 0, or a candidate's window holds fewer than two
    /// evaluations.
    init(pilots: [String: [[(step: Int, reward: Double)]]], maximumSteps: Int, tolerance: Double) throws {
        guard !pilots.isEmpty, pilots.values.allSatisfy({ !$0.isEmpty }) else {
            throw HarnessError.invalidPlan("choosing a run length needs pilot runs of every primary scheme")
        }
        let grid = pilots.values.first![0].map(\.step)
        guard grid.count >= 2, grid[0] == 0, grid[1] > 0 else {
            throw HarnessError.invalidPlan("pilot runs must be evaluated at step 0 and after it (got steps \(grid.prefix(2).map(String.init).joined(separator: ", ")))")
        }
        let lengths = Self.candidateSteps(maximumSteps: maximumSteps, interval: grid[1])
        let candidates = try lengths.map { length in
            Candidate(steps: length, meanProjectedChange: try pilots.mapValues { runs in
                Descriptive.meanOrNaN(try runs.map { try PlateauCheck.projectedChange($0.filter { $0.step <= length }) })
            })
        }
        let passes = candidates.map { $0.meanProjectedChange.values.allSatisfy { abs($0) <= tolerance } }
        let within = passes.indices.first { passes[$0...].allSatisfy { $0 } }.map { candidates[$0] }
        self.candidates = candidates
        self.maximumSteps = maximumSteps
        self.tolerance = tolerance
        steps = within?.steps ?? maximumSteps
        plateauShown = within != nil
    }

    /// L_max f for each of `fractions`, rounded to the nearest multiple of the evaluation interval
    /// k (halves up) and at most L_max, without repeats or 0, shortest first.
    static func candidateSteps(maximumSteps: Int, interval: Int) -> [Int] {
        var lengths: [Int] = []
        for fraction in fractions {
            let length = min(maximumSteps, interval * Int((fraction * Double(maximumSteps) / Double(interval)).rounded(.toNearestOrAwayFromZero)))
            if length > 0 && lengths.last != length { lengths.append(length) }
        }
        return lengths
    }
}

import Statistics

/// When and with which randomness a learner measures its policy on held-out instances.
///
/// **Schedule.** After s finished PPO steps for s in {0, k, 2k, ...} below the run length n, and
/// after the last step (s = n), so a run has ceil(n / k) + 1 evaluations (floor(n / k) + 1 when k
/// divides n). k is the learner's `evaluationInterval`, or by default `defaultInterval(steps:)` =
/// max(1, round(n / 20)): about 21 evaluations a run, so the plateau check's window (the last 20% of
/// the steps, `PlateauCheck`) holds about 5 of them.
///
/// **Randomness.** Every evaluation of a run seeded `seed` draws only from a fresh
/// `RandomStream(seed:).substream(3)`, a stream no training step touches, so the training points
/// do not depend on k, the evaluation after s steps depends on neither k nor n, and all
/// evaluations of one seed share their random numbers (common random numbers): across steps (an
/// unchanged policy scores exactly the same, so the series moves only with the policy) and across
/// schemes (pi_ref's evaluation at s = 0 is identical for every scheme).
public enum HeldOutEvaluation {
    /// max(1, round(steps / 20)) (halves round up).
    public static func defaultInterval(steps: Int) -> Int {
        max(1, Int((Double(steps) / 20).rounded(.toNearestOrAwayFromZero)))
    }

    /// The steps evaluated in a run of `runLength` steps at interval `interval` (nil: the default).
    public static func steps(runLength: Int, interval: Int?) -> [Int] {
        let k = interval ?? defaultInterval(steps: runLength)
        precondition(k >= 1 && runLength >= 0, "an evaluation interval must be positive")
        let regular = Array(stride(from: 0, to: runLength, by: k))
        return regular + [runLength]
    }

    /// A fresh copy of the evaluation stream of the run seeded `seed` (one per evaluation).
    public static func stream(seed: UInt64) -> RandomStream {
        RandomStream(seed: seed).substream(3)
    }

    /// The interval as stored-run keys spell it: the number, or `auto` for the default.
    static func storeKey(_ interval: Int?) -> String { interval.map(String.init) ?? "auto" }
}

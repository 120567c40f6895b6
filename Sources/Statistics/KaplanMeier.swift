/// The Kaplan-Meier estimate of the probability that a run has not reached the threshold by time t,
/// and the restricted mean time to threshold derived from it.
///
/// With distinct event times t_1 < ... < t_k, n_j runs at risk and d_j reaching the threshold at t_j
/// (`CensoredSample.eventTable`), S(t) = prod_{t_j <= t} (1 - d_j / n_j), a right-continuous step
/// function with S(t) = 1 before t_1. Matches lifelines KaplanMeierFitter.survival_function_.
public struct KaplanMeier: Sendable {
    /// The restricted mean time to threshold up to a horizon, with the variance of that estimate.
    public struct RestrictedMean: Sendable, Equatable {
        /// tau.
        public let horizon: Double
        /// integral_0^tau S(t) dt, the expected min(T, tau).
        public let estimate: Double
        /// Greenwood-type variance of `estimate` (formula at `restrictedMean(horizon:)`).
        public let variance: Double
    }

    /// Event times t_j with S(t_j), ascending.
    public let steps: [(time: Double, survival: Double)]
    private let table: [(time: Double, atRisk: Int, events: Int)]
    /// The largest observed time (event or censoring): S is not estimated beyond it, unless every
    /// run has reached the threshold by then (S = 0 from there on).
    public let lastObservedTime: Double

    public init(_ sample: CensoredSample) {
        table = sample.eventTable()
        var survival = 1.0
        steps = table.map { row in
            survival *= 1 - Double(row.events) / Double(row.atRisk)
            return (row.time, survival)
        }
        lastObservedTime = sample.times.max()!
    }

    /// S(t): the probability of not having reached the threshold by time t (inclusive).
    public func survival(at t: Double) -> Double {
        steps.last(where: { $0.time <= t })?.survival ?? 1
    }

    /// The restricted mean time to threshold up to horizon tau (0 < tau <= `lastObservedTime`, or
    /// any tau > 0 once S has dropped to 0):
    ///   RMST = integral_0^tau S(t) dt = sum over the steps of S on [u_i, u_{i+1}) times its length,
    /// u running over 0, the event times below tau, and tau (as lifelines
    /// restricted_mean_survival_time(kmf, t=tau)). Its variance is the Greenwood-type estimate
    /// (Klein and Moeschberger 2003, 4.5):
    ///   Var = sum_{t_j < tau, n_j > d_j} A_j^2 d_j / (n_j (n_j - d_j)),  A_j = integral_{t_j}^tau S(t) dt.
    /// (A step with n_j = d_j leaves S = 0 afterwards, so A_j = 0 and it adds nothing.)
    /// Throws for a horizon <= 0, or beyond `lastObservedTime` while S > 0 there.
    public func restrictedMean(horizon tau: Double) throws -> RestrictedMean {
        guard tau > 0, tau <= lastObservedTime || steps.last?.survival == 0 else {
            throw StatisticsError.outOfRange(parameter: "restricted mean horizon", value: tau,
                                             allowed: "(0, \(lastObservedTime)], the observed follow-up")
        }
        let before = steps.filter { $0.time < tau }
        // area[j] = integral from before[j].time to tau of S; S = before[j].survival on [t_j, t_{j+1}).
        var area = [Double](repeating: 0, count: before.count)
        var tail = 0.0
        for j in before.indices.reversed() {
            let end = j + 1 < before.count ? before[j + 1].time : tau
            tail += before[j].survival * (end - before[j].time)
            area[j] = tail
        }
        let estimate = (before.first?.time ?? tau) + tail
        var variance = 0.0
        for (j, row) in table.prefix(before.count).enumerated() where row.atRisk > row.events {
            variance += area[j] * area[j] * Double(row.events) / (Double(row.atRisk) * Double(row.atRisk - row.events))
        }
        return RestrictedMean(horizon: tau, estimate: estimate, variance: variance)
    }

    /// RMST(a) - RMST(b) at horizon tau, with standard error sqrt(Var_a + Var_b) (independent groups)
    /// and a normal reference distribution, ready for `DecisionRule`. For times to threshold, a
    /// positive difference means a's runs take longer. Throws when tau exceeds either group's
    /// follow-up or both variances are 0.
    public static func restrictedMeanDifference(
        _ a: CensoredSample, _ b: CensoredSample, horizon tau: Double
    ) throws -> EffectEstimate {
        let first = try KaplanMeier(a).restrictedMean(horizon: tau)
        let second = try KaplanMeier(b).restrictedMean(horizon: tau)
        return try EffectEstimate(estimate: first.estimate - second.estimate,
                                  standardError: (first.variance + second.variance).squareRoot(),
                                  degreesOfFreedom: nil)
    }
}

import CGSL

extension HypothesisTest {
    /// Two-sample log-rank test that runs of a and b reach the threshold at the same rate (equal
    /// hazards), with runs that never reach it right-censored.
    ///
    /// At every distinct time t at which some run reaches the threshold, with n_a, n_b at risk
    /// (n = n_a + n_b) and d_a, d_b reaching it (d = d_a + d_b):
    ///   E_a = d n_a / n,  V = d (n_a / n)(n_b / n)(n - d) / (n - 1)  (0 when n = 1);
    ///   chi^2 = (sum (d_a - E_a))^2 / sum V, referred to chi-square with 1 df: p = `gsl_cdf_chisq_Q`(chi^2, 1).
    /// Two-sided; the sign of sum (d_a - E_a) says which group reaches it sooner (positive: a).
    /// Returns statistic chi^2 and degreesOfFreedom 1. Matches lifelines.statistics.logrank_test.
    /// Throws when no run reaches the threshold before the last time at risk in both groups (V = 0).
    public static func logRank(_ a: CensoredSample, _ b: CensoredSample) throws -> TestResult {
        let pooled = try CensoredSample(times: a.times + b.times, reached: a.reached + b.reached)
        var observedMinusExpected = 0.0, variance = 0.0
        for row in pooled.eventTable() {
            let atRiskA = Double(a.atRisk(at: row.time)), eventsA = Double(a.reachedCount(at: row.time))
            let n = Double(row.atRisk), d = Double(row.events)
            observedMinusExpected += eventsA - d * atRiskA / n
            if n > 1 { variance += d * (atRiskA / n) * ((n - atRiskA) / n) * (n - d) / (n - 1) }
        }
        guard variance > 0 else { throw StatisticsError.undefined("the log-rank variance is 0: no comparable events") }
        let chiSquare = observedMinusExpected * observedMinusExpected / variance
        return TestResult(statistic: chiSquare, pValue: gsl_cdf_chisq_Q(chiSquare, 1), degreesOfFreedom: 1)
    }
}

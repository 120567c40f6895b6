/// Right-censored times to an event, one per run: `times[i]` is when run i reached the threshold
/// where `reached[i]`, and when it stopped without reaching it otherwise (known only to exceed that).
public struct CensoredSample: Sendable, Equatable {
    public let times: [Double]
    public let reached: [Bool]

    /// Throws unless there is at least one run, `times` and `reached` have equal lengths, and every
    /// time is finite and >= 0.
    public init(times: [Double], reached: [Bool]) throws {
        try StatisticsError.check(times, "times", atLeast: 1)
        guard times.count == reached.count else {
            throw StatisticsError.undefined("censored sample: \(times.count) times but \(reached.count) reached flags")
        }
        if let negative = times.first(where: { $0 < 0 }) {
            throw StatisticsError.outOfRange(parameter: "time", value: negative, allowed: "[0, infinity)")
        }
        self.times = times
        self.reached = reached
    }

    /// The number of runs at risk at time t: those with time >= t (a run censored at t counts, the
    /// usual convention that events precede censorings at tied times).
    func atRisk(at t: Double) -> Int { times.filter { $0 >= t }.count }

    /// The number of runs that reached the threshold exactly at time t.
    func reachedCount(at t: Double) -> Int { zip(times, reached).filter { $0.0 == t && $0.1 }.count }

    /// The distinct times at which at least one run reached the threshold, ascending, each with
    /// `atRisk(at:)` and `reachedCount(at:)` there.
    func eventTable() -> [(time: Double, atRisk: Int, events: Int)] {
        Set(zip(times, reached).filter(\.1).map(\.0)).sorted().map { t in (t, atRisk(at: t), reachedCount(at: t)) }
    }
}

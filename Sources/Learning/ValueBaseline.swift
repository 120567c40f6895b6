/// The PPO value head: a tabular linear baseline on the step's position and previous word,
///
///     V(s) = c[s.position] + d[s.previous]
///
/// parameters c (horizon entries) then d (symbolCount entries), trained on
/// L = (1 / 2N) sum over steps of (V(s) - return)^2.
struct ValueBaseline: Sendable {
    let horizon: Int
    let symbolCount: Int
    var parameters: [Double]

    init(horizon: Int, symbolCount: Int) {
        self.horizon = horizon
        self.symbolCount = symbolCount
        parameters = [Double](repeating: 0, count: horizon + symbolCount)
    }

    func value(_ state: PolicyState) -> Double {
        parameters[state.position] + parameters[horizon + state.previous]
    }

    /// L and dL/dparameters over the steps `indices` of (states, returns).
    func loss(states: [PolicyState], returns: [Double], indices: [Int]) -> (loss: Double, gradient: [Double]) {
        var gradient = [Double](repeating: 0, count: parameters.count)
        var loss = 0.0
        let scale = 1 / Double(indices.count)
        for i in indices {
            let error = value(states[i]) - returns[i]
            loss += 0.5 * error * error * scale
            gradient[states[i].position] += error * scale
            gradient[horizon + states[i].previous] += error * scale
        }
        return (loss, gradient)
    }
}

/// What the sentiment value head reads before one step: the policy's context window (position
/// and previous words) and the index of the episode's prompt.
struct CriticState: Hashable, Sendable {
    let window: PolicyState
    let prompt: Int
}

/// The PPO value head of sentiment control: a tabular linear baseline on the step's position
/// and previous word, and, for the prompt-aware critic, the prompt,
///
///     V(s) = c[s.position] + d[s.previous]                    (`promptCount` = 0)
///     V(s) = c[s.position] + d[s.previous] + e[s.prompt]      (prompt-aware)
///
/// parameters c (horizon entries), d (symbolCount entries), then e (`promptCount` entries), trained
/// on L = (1 / 2N) sum over steps of (V(s) - return)^2. The prompt term lets the critic learn a
/// per-prompt baseline (the expected return from the prompt), the control that separates SCAR's
/// v(empty) / T term from credit.
struct ValueBaseline: Sendable {
    let horizon: Int
    let symbolCount: Int
    /// Prompts with their own term e (0: the critic does not see the prompt).
    let promptCount: Int
    var parameters: [Double]

    init(horizon: Int, symbolCount: Int, promptCount: Int = 0) {
        self.horizon = horizon
        self.symbolCount = symbolCount
        self.promptCount = promptCount
        parameters = [Double](repeating: 0, count: horizon + symbolCount + promptCount)
    }

    func value(_ state: CriticState) -> Double {
        let window = state.window
        let base = parameters[window.position] + parameters[horizon + window.previous]
        return promptCount == 0 ? base : base + parameters[horizon + symbolCount + state.prompt]
    }

    /// L and dL/dparameters over the steps `indices` of (states, returns).
    func loss(states: [CriticState], returns: [Double], indices: [Int]) -> (loss: Double, gradient: [Double]) {
        var gradient = [Double](repeating: 0, count: parameters.count)
        var loss = 0.0
        let scale = 1 / Double(indices.count)
        for i in indices {
            let error = value(states[i]) - returns[i]
            loss += 0.5 * error * error * scale
            gradient[states[i].window.position] += error * scale
            gradient[horizon + states[i].window.previous] += error * scale
            if promptCount > 0 { gradient[horizon + symbolCount + states[i].prompt] += error * scale }
        }
        return (loss, gradient)
    }
}

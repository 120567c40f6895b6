import Statistics

/// One text as a word policy reads it: a prompt, then the response's steps.
///
/// Step t's symbol is `actions[t]`: a word id, or `<eos>` (only as the last step). A step that is
/// not `scored` holds an out-of-vocabulary word of a training text: it is read as context
/// `<unk>` (the same id as `<eos>`, `PolicyVocabulary.unknown`) but never scored as a target.
/// The words read before step t are the prompt and `actions[0..<t]`.
struct WordSequence: Sendable, Equatable {
    /// Context ids of the prompt (at least two words).
    let prompt: [Int]
    let actions: [Int]
    let scored: [Bool]

    init(prompt: [Int], actions: [Int], scored: [Bool]) {
        precondition(prompt.count >= 2 && actions.count == scored.count, "a sequence needs a two-word prompt and one flag per step")
        self.prompt = prompt
        self.actions = actions
        self.scored = scored
    }

    /// A generated response: every step is scored.
    init(prompt: [Int], actions: [Int]) {
        self.init(prompt: prompt, actions: actions, scored: actions.map { _ in true })
    }

    /// The context window before step t (`ContextWindowPolicy`, `ValueBaseline`): the two words
    /// read last and the position min(t, horizon - 1).
    func state(at t: Int, horizon: Int) -> PolicyState {
        func read(_ i: Int) -> Int { i < prompt.count ? prompt[i] : actions[i - prompt.count] }
        let count = prompt.count + t
        return PolicyState(previous2: read(count - 2), previous: read(count - 1), position: min(t, horizon - 1))
    }
}

/// An autoregressive policy over `PolicyVocabulary` symbols with one flat parameter vector, as
/// maximum-likelihood fitting and PPO need it.
///
/// Both uses reduce to one primitive: a forward pass over a batch of sequences giving
/// log pi(a_t | words read before t) for every step, then the gradient of
/// sum_i sum_t c_{i,t} log pi(a_{i,t} | ...) for coefficients c computed from those
/// log-probabilities (-1/N for the negative log-likelihood, -slope_t/N for PPO's clipped
/// surrogate), without a second forward pass.
protocol WordPolicy: PPOParameters, Sendable {
    /// A response to `prompt` (context ids, at least two): steps drawn from pi, each by one
    /// `random.uniform()`, until `endOfSequence` is drawn or `horizon` steps are taken; the
    /// actions with their log-probabilities.
    func sampleResponse(prompt: [Int], horizon: Int, endOfSequence: Int, random: RandomStream)
        -> (actions: [Int], logProbabilities: [Double])

    /// pi(. | words read before t) of every step t of `sequence`, over all symbols (what the
    /// exact per-step KL to pi_ref needs; `ExactKL`).
    func stepDistributions(_ sequence: WordSequence) -> [ActionDistribution]

    /// log pi(a_t | ...) of every step of every sequence.
    func logProbabilities(_ sequences: [WordSequence]) -> [[Double]]

    /// The log-probabilities, and sum_i sum_t c_{i,t} d log pi(a_{i,t} | ...) / d parameters
    /// with c = `coefficients(log-probabilities)` (one array per sequence, one entry per step).
    func gradient(_ sequences: [WordSequence], coefficients: ([[Double]]) -> [[Double]])
        -> (logProbabilities: [[Double]], gradient: [Double])
}

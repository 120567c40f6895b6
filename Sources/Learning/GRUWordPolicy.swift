import Foundation
import Statistics

/// A one-layer GRU language model over `PolicyVocabulary` symbols (the GRU of Cho et al. 2014,
/// reset gate applied before the recurrent product). With A symbols (words, then `<unk>` as
/// context / `<eos>` as action), embedding size d and hidden size H, reading context ids
/// w_1, w_2, ...:
///
///     x_s = E[w_s]                                     E in R^{A x d}
///     z_s = sigma(W_z x_s + U_z h_{s-1} + b_z)          update gate
///     r_s = sigma(W_r x_s + U_r h_{s-1} + b_r)          reset gate
///     n_s = tanh(W_n x_s + U_n (r_s * h_{s-1}) + b_n)   candidate
///     h_s = (1 - z_s) * n_s + z_s * h_{s-1},   h_0 = 0
///     pi(. | w_1..w_s) = softmax(V h_s + c)            V in R^{A x H}
///
/// (* is the elementwise product.) A response to a prompt is read as prompt words, then each
/// generated word; step t's distribution is the one after the prompt and the first t actions.
/// There is no position input: the GRU counts for itself.
///
/// Parameters, one flat row-major array: E (A x d), W = [W_z; W_r; W_n] (3H x d),
/// U = [U_z; U_r; U_n] (3H x H), b = [b_z; b_r; b_n] (3H), V (A x H), c (A). Cost per word read:
/// 3H(d + H) multiply-adds in the cell, A H for the output layer where a step is scored;
/// backpropagation through time (`GRUWordPolicy+Gradient`) costs about twice that. Products go
/// through `BLAS` (`GRUWordPolicy+BLAS`), bit-identical to GSL's reference CBLAS.
public struct GRUWordPolicy: Sendable {
    public let symbolCount: Int
    public let embeddingSize: Int
    public let hiddenSize: Int
    public var parameters: [Double]

    /// Offsets of the blocks in `parameters`.
    struct Layout {
        let symbols: Int, embedding: Int, hidden: Int
        var e: Int { 0 }
        var w: Int { symbols * embedding }
        var u: Int { w + 3 * hidden * embedding }
        var b: Int { u + 3 * hidden * hidden }
        var v: Int { b + 3 * hidden }
        var c: Int { v + symbols * hidden }
        var count: Int { c + symbols }
    }

    var layout: Layout { Layout(symbols: symbolCount, embedding: embeddingSize, hidden: hiddenSize) }

    /// Initial parameters from `random`, in block order: E ~ N(0, 1); W, U, V uniform on
    /// (-1/sqrt(H), 1/sqrt(H)) (PyTorch's GRU and linear defaults); b = 0, c = 0.
    public init(symbolCount: Int, embeddingSize: Int, hiddenSize: Int, random: RandomStream) {
        self.symbolCount = symbolCount
        self.embeddingSize = embeddingSize
        self.hiddenSize = hiddenSize
        let layout = Layout(symbols: symbolCount, embedding: embeddingSize, hidden: hiddenSize)
        var parameters = [Double](repeating: 0, count: layout.count)
        let bound = 1 / Double(hiddenSize).squareRoot()
        for i in layout.e..<layout.w { parameters[i] = random.normal() }
        for i in layout.w..<layout.b { parameters[i] = bound * (2 * random.uniform() - 1) }
        for i in layout.v..<layout.c { parameters[i] = bound * (2 * random.uniform() - 1) }
        self.parameters = parameters
    }

    /// The maximum-likelihood starting point: `init(random:)` with the output bias c at the
    /// add-one smoothed log unigram frequencies of the scored steps' actions,
    /// c_a = log((n(a) + 1) / (N + A)), so the untrained model already predicts word frequencies.
    static func maximumLikelihoodStart(
        sequences: [WordSequence], symbolCount: Int, embeddingSize: Int, hiddenSize: Int, random: RandomStream
    ) -> GRUWordPolicy {
        var policy = GRUWordPolicy(symbolCount: symbolCount, embeddingSize: embeddingSize, hiddenSize: hiddenSize, random: random)
        var counts = [Double](repeating: 1, count: symbolCount)
        for sequence in sequences {
            for (action, scored) in zip(sequence.actions, sequence.scored) where scored { counts[action] += 1 }
        }
        let total = counts.reduce(0, +)
        let c = policy.layout.c
        for a in 0..<symbolCount { policy.parameters[c + a] = log(counts[a] / total) }
        return policy
    }

    /// One cell step on raw pointers. On entry `gates` (3H) holds W x + b; on return it holds
    /// z, r, n. Writes r * h_{s-1} to `resetPrevious` and h_s to `hidden`.
    static func cell(
        _ theta: UnsafePointer<Double>, layout: Layout, previous: UnsafePointer<Double>,
        gates: UnsafeMutablePointer<Double>, resetPrevious: UnsafeMutablePointer<Double>,
        hidden: UnsafeMutablePointer<Double>
    ) {
        let h = layout.hidden
        BLAS.gemv(rows: 2 * h, columns: h, theta + layout.u, previous, beta: 1, gates)
        for j in 0..<2 * h { gates[j] = 1 / (1 + exp(-gates[j])) }
        for j in 0..<h { resetPrevious[j] = gates[h + j] * previous[j] }
        BLAS.gemv(rows: h, columns: h, theta + layout.u + 2 * h * h, UnsafePointer(resetPrevious), beta: 1, gates + 2 * h)
        for j in 0..<h {
            let z = gates[j], n = tanh(gates[2 * h + j])
            gates[2 * h + j] = n
            hidden[j] = (1 - z) * n + z * previous[j]
        }
    }
}

/// The GRU run forward one context id at a time (one cell step per `read`), giving the
/// distribution of the next step after the words read so far (one gemv of V h + c).
struct GRUForward {
    let policy: GRUWordPolicy
    private let state: Scratch, next: Scratch, gates: Scratch, resetPrevious: Scratch

    /// Starts at h_0 = 0, before any word.
    init(_ policy: GRUWordPolicy) {
        self.policy = policy
        let h = policy.hiddenSize
        (state, next, gates, resetPrevious) = (Scratch(h), Scratch(h), Scratch(3 * h), Scratch(h))
    }

    /// h_s from h_{s-1} and the context id `word`.
    func read(_ word: Int) {
        let layout = policy.layout
        let (d, h) = (layout.embedding, layout.hidden)
        policy.parameters.withUnsafeBufferPointer { buffer in
            let theta = buffer.baseAddress!
            for j in 0..<3 * h { gates[j] = theta[layout.b + j] }
            BLAS.gemv(rows: 3 * h, columns: d, theta + layout.w, theta + layout.e + word * d, beta: 1, gates.pointer)
            GRUWordPolicy.cell(theta, layout: layout, previous: state.pointer, gates: gates.pointer,
                               resetPrevious: resetPrevious.pointer, hidden: next.pointer)
        }
        state.pointer.update(from: next.pointer, count: h)
    }

    /// pi(. | words read) = softmax(V h + c).
    func distribution() -> ActionDistribution {
        let layout = policy.layout
        var logits = [Double](repeating: 0, count: layout.symbols)
        policy.parameters.withUnsafeBufferPointer { buffer in
            let theta = buffer.baseAddress!
            logits.withUnsafeMutableBufferPointer { out in
                for i in 0..<layout.symbols { out[i] = theta[layout.c + i] }
                BLAS.gemv(rows: layout.symbols, columns: layout.hidden, theta + layout.v, state.pointer, beta: 1, out.baseAddress!)
            }
        }
        return ActionDistribution(logits: logits)
    }
}

extension GRUWordPolicy: WordPolicy {
    /// Reads the prompt with one cell step per word, then per step: logits V h + c (one gemv),
    /// a draw from their softmax, and a cell step on the drawn word before the next step.
    func sampleResponse(prompt: [Int], horizon: Int, endOfSequence: Int, random: RandomStream)
        -> (actions: [Int], logProbabilities: [Double]) {
        let forward = GRUForward(self)
        var actions: [Int] = [], logProbabilities: [Double] = []
        for word in prompt { forward.read(word) }
        for t in 0..<horizon {
            if t > 0 { forward.read(actions[t - 1]) }
            let (action, logProbability) = forward.distribution().sample(random: random)
            actions.append(action)
            logProbabilities.append(logProbability)
            if action == endOfSequence { break }
        }
        return (actions, logProbabilities)
    }

    /// The prompt read, then per step the distribution and a cell step on that step's action.
    func stepDistributions(_ sequence: WordSequence) -> [ActionDistribution] {
        let forward = GRUForward(self)
        for word in sequence.prompt { forward.read(word) }
        return sequence.actions.indices.map { t in
            if t > 0 { forward.read(sequence.actions[t - 1]) }
            return forward.distribution()
        }
    }
}

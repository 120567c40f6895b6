import Foundation

/// The batched forward pass and backpropagation through time.
///
/// **Batching.** The words read by all sequences of a batch are stacked as the N rows of one set
/// of matrices (sequence by sequence, in reading order), and the M scored positions (one per
/// step) as the rows of another. The input projections X W^T + b (N x 3H), the logits
/// O V^T + c (M x A) and every weight gradient are single dgemm calls over the batch; only the
/// recurrence U h_{s-1} and its transpose in the backward pass are gemv calls per word.
///
/// **Backward pass.** With g_s = dL/dh_s (from the step scored at h_s, plus the carry from
/// s + 1), writing a_z, a_r, a_n for the gates' pre-activations:
///
///     da_n = g * (1 - z) * (1 - n^2)
///     da_z = g * (h_{s-1} - n) * z (1 - z)
///     q    = U_n^T da_n,   da_r = q * h_{s-1} * r (1 - r)
///     dL/dh_{s-1} = g * z + q * r + U_z^T da_z + U_r^T da_r
///
/// and the weight gradients dW = DA^T X, dU_{z,r} = DA_{z,r}^T H_prev, dU_n = DA_n^T (R * H_prev),
/// db = column sums of DA, dE[w_s] += (DA W)_s over the stacked rows; for the output layer with
/// dL/dlogit_t = c_t (onehot(a_t) - pi_t): dV = DLogit^T O, dc = column sums of DLogit,
/// dL/dO = DLogit V.
extension GRUWordPolicy {
    /// What the backward pass needs of a forward pass over a batch.
    final class Trace {
        /// Rows 0..<N: the word read, its embedding (N x d), h_{s-1}, the activated gates z, r, n
        /// (N x 3H), r * h_{s-1} and h_s (N x H each).
        let inputs: [Int]
        let embedded, previous, gates, resetPrevious, hidden: Scratch
        /// Rows 0..<M: the hidden state each step is drawn from (M x H) and pi at that step (M x A).
        let outputs, probabilities: Scratch
        /// Per sequence: its first row and its first step.
        let firstRow, firstStep: [Int]
        let logProbabilities: [[Double]]

        init(_ policy: GRUWordPolicy, sequences: [WordSequence], theta: UnsafePointer<Double>) {
            let layout = policy.layout
            let (d, h, a) = (layout.embedding, layout.hidden, layout.symbols)
            var inputs: [Int] = [], firstRow: [Int] = [], firstStep: [Int] = []
            var steps = 0
            for sequence in sequences {
                precondition(!sequence.actions.isEmpty, "a sequence needs at least one step")
                firstRow.append(inputs.count)
                firstStep.append(steps)
                inputs += sequence.prompt + sequence.actions.dropLast()
                steps += sequence.actions.count
            }
            let n = inputs.count
            (self.inputs, self.firstRow, self.firstStep) = (inputs, firstRow, firstStep)
            embedded = Scratch(n * d)
            previous = Scratch(n * h)
            gates = Scratch(n * 3 * h)
            resetPrevious = Scratch(n * h)
            hidden = Scratch(n * h)
            outputs = Scratch(steps * h)
            probabilities = Scratch(steps * a)

            for (s, word) in inputs.enumerated() {
                (embedded.pointer + s * d).update(from: theta + layout.e + word * d, count: d)
                for j in 0..<3 * h { gates[s * 3 * h + j] = theta[layout.b + j] }
            }
            BLAS.gemm(transposeB: true, m: n, n: 3 * h, k: d, embedded.pointer, lda: d, theta + layout.w, ldb: d,
                      beta: 1, gates.pointer, ldc: 3 * h)
            // h_0 = 0: each sequence's first `previous` row stays as allocated.
            for (i, sequence) in sequences.enumerated() {
                let rows = sequence.prompt.count + sequence.actions.count - 1
                for s in firstRow[i]..<firstRow[i] + rows {
                    GRUWordPolicy.cell(theta, layout: layout, previous: previous.pointer + s * h, gates: gates.pointer + s * 3 * h,
                                       resetPrevious: resetPrevious.pointer + s * h, hidden: hidden.pointer + s * h)
                    if s + 1 < firstRow[i] + rows { (previous.pointer + (s + 1) * h).update(from: hidden.pointer + s * h, count: h) }
                }
                let lastPromptRow = firstRow[i] + sequence.prompt.count - 1
                (outputs.pointer + firstStep[i] * h).update(from: hidden.pointer + lastPromptRow * h, count: sequence.actions.count * h)
            }
            for m in 0..<steps { (probabilities.pointer + m * a).update(from: theta + layout.c, count: a) }
            BLAS.gemm(transposeB: true, m: steps, n: a, k: h, outputs.pointer, lda: h, theta + layout.v, ldb: h,
                      beta: 1, probabilities.pointer, ldc: a)
            let rows = probabilities.pointer
            logProbabilities = sequences.enumerated().map { i, sequence in
                sequence.actions.enumerated().map { t, action in
                    Trace.softmax(rows + (firstStep[i] + t) * a, count: a, action: action)
                }
            }
        }

        /// Replaces `count` logits by their softmax (max-shifted) and returns the log-probability
        /// of `action`, logit - log-sum-exp.
        private static func softmax(_ row: UnsafeMutablePointer<Double>, count: Int, action: Int) -> Double {
            var top = row[0]
            for b in 1..<count { top = max(top, row[b]) }
            let logit = row[action]
            var total = 0.0
            for b in 0..<count {
                row[b] = exp(row[b] - top)
                total += row[b]
            }
            for b in 0..<count { row[b] /= total }
            return logit - top - log(total)
        }
    }

    func logProbabilities(_ sequences: [WordSequence]) -> [[Double]] {
        parameters.withUnsafeBufferPointer { Trace(self, sequences: sequences, theta: $0.baseAddress!).logProbabilities }
    }

    func gradient(_ sequences: [WordSequence], coefficients: ([[Double]]) -> [[Double]])
        -> (logProbabilities: [[Double]], gradient: [Double]) {
        var gradient = [Double](repeating: 0, count: parameters.count)
        let logProbabilities = parameters.withUnsafeBufferPointer { buffer in
            let theta = buffer.baseAddress!
            let trace = Trace(self, sequences: sequences, theta: theta)
            let c = coefficients(trace.logProbabilities)
            gradient.withUnsafeMutableBufferPointer { g in
                backward(trace, sequences: sequences, coefficients: c, theta: theta, gradient: g.baseAddress!)
            }
            return trace.logProbabilities
        }
        return (logProbabilities, gradient)
    }

    /// Adds sum c_t d log pi(a_t) / d theta to `gradient` (the equations above).
    private func backward(
        _ trace: Trace, sequences: [WordSequence], coefficients: [[Double]], theta: UnsafePointer<Double>,
        gradient: UnsafeMutablePointer<Double>
    ) {
        let layout = layout
        let (d, h, a) = (layout.embedding, layout.hidden, layout.symbols)
        let n = trace.inputs.count
        let steps = trace.outputs.count / h

        // Output layer: the probabilities become dL/dlogits in place.
        let dLogits = trace.probabilities.pointer
        for (i, sequence) in sequences.enumerated() {
            for (t, action) in sequence.actions.enumerated() {
                let row = dLogits + (trace.firstStep[i] + t) * a
                let coefficient = coefficients[i][t]
                for b in 0..<a { row[b] *= -coefficient }
                row[action] += coefficient
            }
        }
        BLAS.gemm(transposeA: true, m: a, n: h, k: steps, dLogits, lda: a, trace.outputs.pointer, ldb: h,
                  beta: 1, gradient + layout.v, ldc: h)
        for m in 0..<steps {
            for b in 0..<a { gradient[layout.c + b] += dLogits[m * a + b] }
        }
        let dOutputs = Scratch(steps * h)
        BLAS.gemm(m: steps, n: h, k: a, dLogits, lda: a, theta + layout.v, ldb: h, beta: 0, dOutputs.pointer, ldc: h)

        // Through time, one sequence at a time, collecting the gates' pre-activation gradients.
        let dGates = Scratch(n * 3 * h)
        let carry = Scratch(h), dPrevious = Scratch(h), q = Scratch(h)
        for (i, sequence) in sequences.enumerated() {
            let first = trace.firstRow[i]
            let lastPromptRow = first + sequence.prompt.count - 1
            for j in 0..<h { carry[j] = 0 }
            for s in stride(from: first + sequence.prompt.count + sequence.actions.count - 2, through: first, by: -1) {
                if s >= lastPromptRow {
                    let scored = dOutputs.pointer + (trace.firstStep[i] + s - lastPromptRow) * h
                    for j in 0..<h { carry[j] += scored[j] }
                }
                let gate = trace.gates.pointer + s * 3 * h, dGate = dGates.pointer + s * 3 * h
                let previous = trace.previous.pointer + s * h
                for j in 0..<h {
                    let z = gate[j], candidate = gate[2 * h + j]
                    dGate[2 * h + j] = carry[j] * (1 - z) * (1 - candidate * candidate)
                    dGate[j] = carry[j] * (previous[j] - candidate) * z * (1 - z)
                    dPrevious[j] = carry[j] * z
                }
                BLAS.gemv(transposed: true, rows: h, columns: h, theta + layout.u + 2 * h * h, dGate + 2 * h, beta: 0, q.pointer)
                for j in 0..<h {
                    let r = gate[h + j]
                    dGate[h + j] = q[j] * previous[j] * r * (1 - r)
                    dPrevious[j] += q[j] * r
                }
                BLAS.gemv(transposed: true, rows: 2 * h, columns: h, theta + layout.u, dGate, beta: 1, dPrevious.pointer)
                carry.pointer.update(from: dPrevious.pointer, count: h)
            }
        }

        // Weight gradients over all rows at once.
        BLAS.gemm(transposeA: true, m: 2 * h, n: h, k: n, dGates.pointer, lda: 3 * h, trace.previous.pointer, ldb: h,
                  beta: 1, gradient + layout.u, ldc: h)
        BLAS.gemm(transposeA: true, m: h, n: h, k: n, dGates.pointer + 2 * h, lda: 3 * h, trace.resetPrevious.pointer, ldb: h,
                  beta: 1, gradient + layout.u + 2 * h * h, ldc: h)
        BLAS.gemm(transposeA: true, m: 3 * h, n: d, k: n, dGates.pointer, lda: 3 * h, trace.embedded.pointer, ldb: d,
                  beta: 1, gradient + layout.w, ldc: d)
        for s in 0..<n {
            for j in 0..<3 * h { gradient[layout.b + j] += dGates[s * 3 * h + j] }
        }
        let dEmbedded = Scratch(n * d)
        BLAS.gemm(m: n, n: d, k: 3 * h, dGates.pointer, lda: 3 * h, theta + layout.w, ldb: d, beta: 0, dEmbedded.pointer, ldc: d)
        for (s, word) in trace.inputs.enumerated() {
            for k in 0..<d { gradient[layout.e + word * d + k] += dEmbedded[s * d + k] }
        }
    }
}

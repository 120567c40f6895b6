import Foundation

/// The forward pass, keeping what the backward pass needs.
extension TransformerSentimentModel {
    static let layerNormEpsilon = 1e-5

    /// One layer's intermediates. T = sequence length, R = query rows (T, or 1 in the last layer).
    struct LayerCache {
        let rows: Int
        /// LN1: normalized input (T x d), 1 / sqrt(var + eps) per row, and its output u (T x d).
        var xhat1: [Double]
        var inverse1: [Double]
        var u1: [Double]
        /// Q (R x d), K and V (T x d).
        var q: [Double]
        var k: [Double]
        var v: [Double]
        /// Attention weights, heads x R x T, [h][r][s] at (h R + r) T + s.
        var attention: [Double]
        /// Concatenated head outputs (R x d).
        var o: [Double]
        /// LN2 of the residual stream after attention (R x d) and its output u2.
        var xhat2: [Double]
        var inverse2: [Double]
        var u2: [Double]
        /// Feed-forward pre-activation (R x f).
        var hidden: [Double]
    }

    struct Forward {
        let sequence: [Int]
        var layers: [LayerCache]
        /// Final LN of the [CLS] row: normalized input, 1 / sqrt(var + eps), output z.
        var xhatFinal: [Double]
        var inverseFinal: Double
        var z: [Double]
        var output: Double
    }

    /// out[r][j] = bias[j] + sum_i input[r][i] w[i][j], input rows x n, w n x m (row-major).
    @inline(__always)
    static func affine(_ input: UnsafePointer<Double>, rows: Int, n: Int, _ w: UnsafePointer<Double>,
                       _ bias: UnsafePointer<Double>, m: Int, into out: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let o = out + r * m
            for j in 0..<m { o[j] = bias[j] }
            for i in 0..<n {
                let a = input[r * n + i]
                let row = w + i * m
                for j in 0..<m { o[j] += a * row[j] }
            }
        }
    }

    /// Row-wise layer norm: xhat = (x - mean) / sqrt(var + eps), u = gain * xhat + bias.
    @inline(__always)
    static func layerNorm(_ x: UnsafePointer<Double>, rows: Int, d: Int, gain: UnsafePointer<Double>,
                          bias: UnsafePointer<Double>, xhat: UnsafeMutablePointer<Double>,
                          inverse: UnsafeMutablePointer<Double>, u: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let row = x + r * d
            var mean = 0.0
            for j in 0..<d { mean += row[j] }
            mean /= Double(d)
            var variance = 0.0
            for j in 0..<d { variance += (row[j] - mean) * (row[j] - mean) }
            variance /= Double(d)
            let inv = 1 / (variance + layerNormEpsilon).squareRoot()
            inverse[r] = inv
            for j in 0..<d {
                let h = (row[j] - mean) * inv
                xhat[r * d + j] = h
                u[r * d + j] = gain[j] * h + bias[j]
            }
        }
    }

    /// The forward pass over `sequence` ([CLS] first, at most `maxLength` ids).
    func forward(_ sequence: [Int]) -> Forward {
        precondition(!sequence.isEmpty && sequence.count <= shape.maxLength, "sequence length out of range")
        let d = shape.dimension, f = shape.feedForward, heads = shape.heads, dh = d / heads
        let t = sequence.count
        let scale = 1 / Double(dh).squareRoot()
        return parameters.withUnsafeBufferPointer { buffer -> Forward in
            let p = buffer.baseAddress!
            // Residual stream, T x d (rows past the last layer's R are stale and unused).
            var x = [Double](repeating: 0, count: t * d)
            for (position, id) in sequence.enumerated() {
                let e = p + layout.tokenEmbeddings + id * d
                let pe = p + layout.positionEmbeddings + position * d
                for j in 0..<d { x[position * d + j] = e[j] + pe[j] }
            }
            var caches: [LayerCache] = []
            caches.reserveCapacity(shape.layers)
            for l in 0..<shape.layers {
                let o = layout.layer(l)
                let rows = l == shape.layers - 1 ? 1 : t
                var c = LayerCache(
                    rows: rows,
                    xhat1: .init(repeating: 0, count: t * d), inverse1: .init(repeating: 0, count: t),
                    u1: .init(repeating: 0, count: t * d),
                    q: .init(repeating: 0, count: rows * d), k: .init(repeating: 0, count: t * d),
                    v: .init(repeating: 0, count: t * d), attention: .init(repeating: 0, count: heads * rows * t),
                    o: .init(repeating: 0, count: rows * d),
                    xhat2: .init(repeating: 0, count: rows * d), inverse2: .init(repeating: 0, count: rows),
                    u2: .init(repeating: 0, count: rows * d), hidden: .init(repeating: 0, count: rows * f))
                Self.layerNorm(x, rows: t, d: d, gain: p + o.ln1Gain, bias: p + o.ln1Bias,
                               xhat: &c.xhat1, inverse: &c.inverse1, u: &c.u1)
                Self.affine(c.u1, rows: rows, n: d, p + o.wq, p + o.bq, m: d, into: &c.q)
                Self.affine(c.u1, rows: t, n: d, p + o.wk, p + o.bk, m: d, into: &c.k)
                Self.affine(c.u1, rows: t, n: d, p + o.wv, p + o.bv, m: d, into: &c.v)
                for h in 0..<heads {
                    let columns = h * dh
                    for r in 0..<rows {
                        let base = (h * rows + r) * t
                        var largest = -Double.infinity
                        for s in 0..<t {
                            var score = 0.0
                            for j in 0..<dh { score += c.q[r * d + columns + j] * c.k[s * d + columns + j] }
                            score *= scale
                            c.attention[base + s] = score
                            largest = max(largest, score)
                        }
                        var total = 0.0
                        for s in 0..<t {
                            let w = exp(c.attention[base + s] - largest)
                            c.attention[base + s] = w
                            total += w
                        }
                        for s in 0..<t {
                            let a = c.attention[base + s] / total
                            c.attention[base + s] = a
                            for j in 0..<dh { c.o[r * d + columns + j] += a * c.v[s * d + columns + j] }
                        }
                    }
                }
                // x <- x + O Wo + bo (rows 0..<R)
                var update = [Double](repeating: 0, count: rows * d)
                Self.affine(c.o, rows: rows, n: d, p + o.wo, p + o.bo, m: d, into: &update)
                for i in 0..<(rows * d) { x[i] += update[i] }
                Self.layerNorm(x, rows: rows, d: d, gain: p + o.ln2Gain, bias: p + o.ln2Bias,
                               xhat: &c.xhat2, inverse: &c.inverse2, u: &c.u2)
                Self.affine(c.u2, rows: rows, n: d, p + o.w1, p + o.b1, m: f, into: &c.hidden)
                var active = c.hidden
                for i in active.indices where active[i] < 0 { active[i] = 0 }
                Self.affine(active, rows: rows, n: f, p + o.w2, p + o.b2, m: d, into: &update)
                for i in 0..<(rows * d) { x[i] += update[i] }
                caches.append(c)
            }
            var xhatFinal = [Double](repeating: 0, count: d)
            var inverseFinal = 0.0
            var z = [Double](repeating: 0, count: d)
            Self.layerNorm(x, rows: 1, d: d, gain: p + layout.finalGain, bias: p + layout.finalBias,
                           xhat: &xhatFinal, inverse: &inverseFinal, u: &z)
            var s = p[layout.headBias]
            for j in 0..<d { s += p[layout.headWeights + j] * z[j] }
            return Forward(sequence: sequence, layers: caches, xhatFinal: xhatFinal, inverseFinal: inverseFinal,
                           z: z, output: tanh(s))
        }
    }
}

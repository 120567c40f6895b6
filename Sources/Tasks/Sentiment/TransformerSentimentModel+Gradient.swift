import Foundation

/// The hand-written backward pass of `TransformerSentimentModel.forward`, checked against
/// central finite differences for every parameter block in `TransformerModelTests`.
extension TransformerSentimentModel {
    /// gw[i][j] += sum_r input[r][i] dOut[r][j]; gb[j] += sum_r dOut[r][j] (input rows x n, dOut rows x m).
    @inline(__always)
    static func accumulateAffine(_ input: UnsafePointer<Double>, rows: Int, n: Int, _ dOut: UnsafePointer<Double>, m: Int,
                                 weights gw: UnsafeMutablePointer<Double>, bias gb: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let g = dOut + r * m
            for j in 0..<m { gb[j] += g[j] }
            for i in 0..<n {
                let a = input[r * n + i]
                if a == 0 { continue }
                let row = gw + i * m
                for j in 0..<m { row[j] += a * g[j] }
            }
        }
    }

    /// dIn[r][i] += sum_j w[i][j] dOut[r][j] (w n x m).
    @inline(__always)
    static func backProject(_ dOut: UnsafePointer<Double>, rows: Int, m: Int, _ w: UnsafePointer<Double>, n: Int,
                            into dIn: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            let g = dOut + r * m
            for i in 0..<n {
                let row = w + i * m
                var sum = 0.0
                for j in 0..<m { sum += row[j] * g[j] }
                dIn[r * n + i] += sum
            }
        }
    }

    /// Layer-norm backward for `rows` rows: from dU (gradient of u = gain * xhat + bias) adds to
    /// the gain and bias gradients and to dX:
    /// dx = inv (dxhat - mean(dxhat) - xhat mean(dxhat xhat)), dxhat = gain dU.
    @inline(__always)
    static func layerNormBackward(_ dU: UnsafePointer<Double>, rows: Int, d: Int, xhat: UnsafePointer<Double>,
                                  inverse: UnsafePointer<Double>, gain: UnsafePointer<Double>,
                                  gainGradient: UnsafeMutablePointer<Double>, biasGradient: UnsafeMutablePointer<Double>,
                                  dX: UnsafeMutablePointer<Double>) {
        for r in 0..<rows {
            var meanDxhat = 0.0
            var meanDxhatXhat = 0.0
            for j in 0..<d {
                let g = dU[r * d + j]
                let h = xhat[r * d + j]
                gainGradient[j] += g * h
                biasGradient[j] += g
                let dxhat = g * gain[j]
                meanDxhat += dxhat
                meanDxhatXhat += dxhat * h
            }
            meanDxhat /= Double(d)
            meanDxhatXhat /= Double(d)
            for j in 0..<d {
                let dxhat = dU[r * d + j] * gain[j]
                dX[r * d + j] += inverse[r] * (dxhat - meanDxhat - xhat[r * d + j] * meanDxhatXhat)
            }
        }
    }

    /// Adds `scale * d/dθ (y - target)^2` for one input sequence ([CLS] first) to `gradient` and
    /// returns `y - target`. Reverse of `forward`, layer by layer:
    ///
    ///     head:  ds = 2 scale (y - target)(1 - y^2);  dw += ds z, dc += ds, dz = ds w;  LNf back
    ///     per layer, from dX (gradient of the layer's output stream, rows < R):
    ///       FFN:  dW2 += relu(h)^T dX, db2 += dX, dh = (dX W2^T) [h > 0], dW1 += u2^T dh,
    ///             db1 += dh, dU2 = dh W1^T, LN2 back -> dXmid = dX + dx2
    ///       attention: dWo += O^T dXmid, dbo += dXmid, dO = dXmid Wo^T; per head and query r:
    ///             dA_rs = dO_r . V_s,  dV_s += A_rs dO_r,  dS_rs = A_rs (dA_rs - sum_s' A_rs' dA_rs'),
    ///             dQ_r += scale' dS_rs K_s,  dK_s += scale' dS_rs Q_r      (scale' = 1 / sqrt(d / heads))
    ///             dWq += u1^T dQ, dWk += u1^T dK, dWv += u1^T dV (and biases),
    ///             dU1 = dQ Wq^T + dK Wk^T + dV Wv^T, LN1 back -> dXin = dXmid + dx1
    ///     embeddings: dE[id_t] += dX_t, dP_t += dX_t
    func accumulateGradient(sequence: [Int], target: Double, scale: Double, into gradient: inout [Double]) -> Double {
        let pass = forward(sequence)
        let error = pass.output - target
        let d = shape.dimension, f = shape.feedForward, heads = shape.heads, dh = d / heads
        let t = sequence.count
        let attentionScale = 1 / Double(dh).squareRoot()
        parameters.withUnsafeBufferPointer { buffer in
            gradient.withUnsafeMutableBufferPointer { gradientBuffer in
                let p = buffer.baseAddress!
                let g = gradientBuffer.baseAddress!
                // Head and final layer norm.
                let y = pass.output
                let ds = 2 * scale * error * (1 - y * y)
                g[layout.headBias] += ds
                var dz = [Double](repeating: 0, count: d)
                for j in 0..<d {
                    g[layout.headWeights + j] += ds * pass.z[j]
                    dz[j] = ds * p[layout.headWeights + j]
                }
                var dX = [Double](repeating: 0, count: t * d)
                var inverseFinal = pass.inverseFinal
                Self.layerNormBackward(dz, rows: 1, d: d, xhat: pass.xhatFinal, inverse: &inverseFinal,
                                       gain: p + layout.finalGain, gainGradient: g + layout.finalGain,
                                       biasGradient: g + layout.finalBias, dX: &dX)
                for l in stride(from: shape.layers - 1, through: 0, by: -1) {
                    let o = layout.layer(l)
                    let c = pass.layers[l]
                    let rows = c.rows
                    // Feed-forward block.
                    var active = c.hidden
                    for i in active.indices where active[i] < 0 { active[i] = 0 }
                    Self.accumulateAffine(active, rows: rows, n: f, dX, m: d, weights: g + o.w2, bias: g + o.b2)
                    var dHidden = [Double](repeating: 0, count: rows * f)
                    Self.backProject(dX, rows: rows, m: d, p + o.w2, n: f, into: &dHidden)
                    for i in dHidden.indices where c.hidden[i] <= 0 { dHidden[i] = 0 }
                    Self.accumulateAffine(c.u2, rows: rows, n: d, dHidden, m: f, weights: g + o.w1, bias: g + o.b1)
                    var dU2 = [Double](repeating: 0, count: rows * d)
                    Self.backProject(dHidden, rows: rows, m: f, p + o.w1, n: d, into: &dU2)
                    Self.layerNormBackward(dU2, rows: rows, d: d, xhat: c.xhat2, inverse: c.inverse2,
                                           gain: p + o.ln2Gain, gainGradient: g + o.ln2Gain,
                                           biasGradient: g + o.ln2Bias, dX: &dX)
                    // Attention block; dX rows < R now hold dXmid.
                    Self.accumulateAffine(c.o, rows: rows, n: d, dX, m: d, weights: g + o.wo, bias: g + o.bo)
                    var dO = [Double](repeating: 0, count: rows * d)
                    Self.backProject(dX, rows: rows, m: d, p + o.wo, n: d, into: &dO)
                    var dQ = [Double](repeating: 0, count: rows * d)
                    var dK = [Double](repeating: 0, count: t * d)
                    var dV = [Double](repeating: 0, count: t * d)
                    var dA = [Double](repeating: 0, count: t)
                    for h in 0..<heads {
                        let columns = h * dh
                        for r in 0..<rows {
                            let base = (h * rows + r) * t
                            var weighted = 0.0
                            for s in 0..<t {
                                let a = c.attention[base + s]
                                var sum = 0.0
                                for j in 0..<dh {
                                    sum += dO[r * d + columns + j] * c.v[s * d + columns + j]
                                    dV[s * d + columns + j] += a * dO[r * d + columns + j]
                                }
                                dA[s] = sum
                                weighted += a * sum
                            }
                            for s in 0..<t {
                                let dS = c.attention[base + s] * (dA[s] - weighted) * attentionScale
                                for j in 0..<dh {
                                    dQ[r * d + columns + j] += dS * c.k[s * d + columns + j]
                                    dK[s * d + columns + j] += dS * c.q[r * d + columns + j]
                                }
                            }
                        }
                    }
                    Self.accumulateAffine(c.u1, rows: rows, n: d, dQ, m: d, weights: g + o.wq, bias: g + o.bq)
                    Self.accumulateAffine(c.u1, rows: t, n: d, dK, m: d, weights: g + o.wk, bias: g + o.bk)
                    Self.accumulateAffine(c.u1, rows: t, n: d, dV, m: d, weights: g + o.wv, bias: g + o.bv)
                    var dU1 = [Double](repeating: 0, count: t * d)
                    Self.backProject(dQ, rows: rows, m: d, p + o.wq, n: d, into: &dU1)
                    Self.backProject(dK, rows: t, m: d, p + o.wk, n: d, into: &dU1)
                    Self.backProject(dV, rows: t, m: d, p + o.wv, n: d, into: &dU1)
                    Self.layerNormBackward(dU1, rows: t, d: d, xhat: c.xhat1, inverse: c.inverse1,
                                           gain: p + o.ln1Gain, gainGradient: g + o.ln1Gain,
                                           biasGradient: g + o.ln1Bias, dX: &dX)
                }
                for (position, id) in sequence.enumerated() {
                    for j in 0..<d {
                        g[layout.tokenEmbeddings + id * d + j] += dX[position * d + j]
                        g[layout.positionEmbeddings + position * d + j] += dX[position * d + j]
                    }
                }
            }
        }
        return error
    }
}

/// Where each parameter block of the transformer sits in its flat parameter array.
extension TransformerSentimentModel {
    /// Offsets of the parameter blocks, in storage order: token embeddings (V x d, row-major),
    /// position embeddings (maxLength x d), then per layer LN1 gain and bias, Wq, bq, Wk, bk, Wv,
    /// bv, Wo, bo, LN2 gain and bias, W1 (d x f), b1, W2 (f x d), b2, then the final LN gain and
    /// bias, the head's w (d) and c (1). Matrices are stored [input][output], so a row vector u
    /// maps to u W.
    struct Layout: Sendable, Equatable {
        let vocabularySize: Int
        let shape: Shape

        /// Offsets of one layer's blocks.
        struct LayerOffsets: Sendable, Equatable {
            let ln1Gain, ln1Bias, wq, bq, wk, bk, wv, bv, wo, bo, ln2Gain, ln2Bias, w1, b1, w2, b2: Int
        }

        var tokenEmbeddings: Int { 0 }
        var positionEmbeddings: Int { vocabularySize * shape.dimension }
        var firstLayer: Int { positionEmbeddings + shape.maxLength * shape.dimension }
        var layerSize: Int {
            let d = shape.dimension, f = shape.feedForward
            return 4 * d + 4 * (d * d + d) + (d * f + f) + (f * d + d)
        }

        func layer(_ l: Int) -> LayerOffsets {
            let d = shape.dimension, f = shape.feedForward
            let start = firstLayer + l * layerSize
            let ln1Gain = start, ln1Bias = start + d
            let wq = ln1Bias + d, bq = wq + d * d
            let wk = bq + d, bk = wk + d * d
            let wv = bk + d, bv = wv + d * d
            let wo = bv + d, bo = wo + d * d
            let ln2Gain = bo + d, ln2Bias = ln2Gain + d
            let w1 = ln2Bias + d, b1 = w1 + d * f
            let w2 = b1 + f, b2 = w2 + f * d
            return LayerOffsets(ln1Gain: ln1Gain, ln1Bias: ln1Bias, wq: wq, bq: bq, wk: wk, bk: bk, wv: wv, bv: bv,
                                wo: wo, bo: bo, ln2Gain: ln2Gain, ln2Bias: ln2Bias, w1: w1, b1: b1, w2: w2, b2: b2)
        }

        var finalGain: Int { firstLayer + shape.layers * layerSize }
        var finalBias: Int { finalGain + shape.dimension }
        var headWeights: Int { finalBias + shape.dimension }
        var headBias: Int { headWeights + shape.dimension }
        var count: Int { headBias + 1 }

        /// Every block, named, in storage order; the ranges tile `0..<count`.
        var blocks: [(name: String, range: Range<Int>)] {
            let d = shape.dimension, f = shape.feedForward
            var result: [(name: String, range: Range<Int>)] = [
                ("tokenEmbeddings", tokenEmbeddings..<positionEmbeddings),
                ("positionEmbeddings", positionEmbeddings..<firstLayer),
            ]
            for l in 0..<shape.layers {
                let o = layer(l)
                result += [
                    ("layer\(l).ln1Gain", o.ln1Gain..<o.ln1Gain + d), ("layer\(l).ln1Bias", o.ln1Bias..<o.ln1Bias + d),
                    ("layer\(l).wq", o.wq..<o.wq + d * d), ("layer\(l).bq", o.bq..<o.bq + d),
                    ("layer\(l).wk", o.wk..<o.wk + d * d), ("layer\(l).bk", o.bk..<o.bk + d),
                    ("layer\(l).wv", o.wv..<o.wv + d * d), ("layer\(l).bv", o.bv..<o.bv + d),
                    ("layer\(l).wo", o.wo..<o.wo + d * d), ("layer\(l).bo", o.bo..<o.bo + d),
                    ("layer\(l).ln2Gain", o.ln2Gain..<o.ln2Gain + d), ("layer\(l).ln2Bias", o.ln2Bias..<o.ln2Bias + d),
                    ("layer\(l).w1", o.w1..<o.w1 + d * f), ("layer\(l).b1", o.b1..<o.b1 + f),
                    ("layer\(l).w2", o.w2..<o.w2 + f * d), ("layer\(l).b2", o.b2..<o.b2 + d),
                ]
            }
            result += [
                ("finalGain", finalGain..<finalBias), ("finalBias", finalBias..<headWeights),
                ("headWeights", headWeights..<headBias), ("headBias", headBias..<count),
            ]
            return result
        }
    }
}

import Foundation

/// Adam (Kingma & Ba 2015) with bias correction, over one flat parameter array:
///
///     m <- b1 m + (1 - b1) g,   v <- b2 v + (1 - b2) g^2,
///     theta <- theta - lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
///
/// with b1 = 0.9, b2 = 0.999, eps = 1e-8. Deterministic (a fixed loop order). Used to train the
/// learned reward model here and the policies in `Learning`.
public struct Adam: Sendable {
    public let learningRate: Double
    public let beta1 = 0.9
    public let beta2 = 0.999
    public let epsilon = 1e-8
    private var m: [Double]
    private var v: [Double]
    private var t = 0

    public init(parameterCount: Int, learningRate: Double) {
        self.learningRate = learningRate
        m = [Double](repeating: 0, count: parameterCount)
        v = [Double](repeating: 0, count: parameterCount)
    }

    /// One step of descent on `parameters` along `gradient` (of the loss to minimise).
    public mutating func step(_ parameters: inout [Double], gradient: [Double]) {
        precondition(parameters.count == m.count && gradient.count == m.count, "Adam: size mismatch")
        t += 1
        let c1 = 1 - pow(beta1, Double(t))
        let c2 = 1 - pow(beta2, Double(t))
        let (b1, b2, lr, eps) = (beta1, beta2, learningRate, epsilon)
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                parameters.withUnsafeMutableBufferPointer { theta in
                    for i in 0..<theta.count {
                        let g = gradient[i]
                        m[i] = b1 * m[i] + (1 - b1) * g
                        v[i] = b2 * v[i] + (1 - b2) * g * g
                        theta[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + eps)
                    }
                }
            }
        }
    }
}

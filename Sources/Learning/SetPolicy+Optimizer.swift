import Foundation

/// Adam (Kingma and Ba 2015) for `SetPolicy` weights, ascending the objective: with gradient g_t
/// at step t = 1, 2, ...,
///
///     m_t = beta1 m_{t-1} + (1 - beta1) g_t,   v_t = beta2 v_{t-1} + (1 - beta2) g_t^2,
///     W_t = W_{t-1} + lr * (m_t / (1 - beta1^t)) / (sqrt(v_t / (1 - beta2^t)) + epsilon),
///
/// element-wise, with beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 (the paper's defaults).
public struct SetPolicyOptimizer: Sendable {
    public let learningRate: Double
    let beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
    private var firstMoment: [Double]
    private var secondMoment: [Double]
    private var step = 0

    public init(parameterCount: Int, learningRate: Double) {
        self.learningRate = learningRate
        firstMoment = [Double](repeating: 0, count: parameterCount)
        secondMoment = [Double](repeating: 0, count: parameterCount)
    }

    /// One ascent step on `policy` along `gradient` (same layout as `policy.weights`).
    public mutating func ascend(_ policy: inout SetPolicy, gradient: [Double]) {
        precondition(gradient.count == firstMoment.count, "gradient size must match the parameters")
        step += 1
        let correction1 = 1 - pow(beta1, Double(step)), correction2 = 1 - pow(beta2, Double(step))
        for i in gradient.indices {
            firstMoment[i] = beta1 * firstMoment[i] + (1 - beta1) * gradient[i]
            secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * gradient[i] * gradient[i]
            policy.weights[i] += learningRate * (firstMoment[i] / correction1)
                / ((secondMoment[i] / correction2).squareRoot() + epsilon)
        }
    }
}

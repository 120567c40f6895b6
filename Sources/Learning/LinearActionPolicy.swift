import Foundation
import Statistics

/// A log-linear policy over feature-described actions:
///
///     pi(a | s) = exp(theta . phi(s, a)) / sum over legal b of exp(theta . phi(s, b))
///
/// with one weight per feature. d log pi(a | s) / d theta = phi(s, a) - sum_b pi(b | s) phi(s, b)
/// (`accumulateGradient`). theta = 0 is the uniform policy over the legal actions, the
/// reference every run starts from.
public struct LinearActionPolicy: Sendable {
    public var weights: [Double]

    public init(featureCount: Int) {
        weights = [Double](repeating: 0, count: featureCount)
    }

    /// pi(. | s) over the rows of `features` (one per legal action).
    public func distribution(_ features: [[Double]]) -> ActionDistribution {
        ActionDistribution(logits: features.map { row in zip(row, weights).reduce(0) { $0 + $1.0 * $1.1 } })
    }

    /// Adds `coefficient * d log pi(action | s) / d theta` to `gradient`, given the state's
    /// feature rows and `distribution` = pi(. | s).
    func accumulateGradient(features: [[Double]], action: Int, distribution: ActionDistribution,
                            coefficient: Double, into gradient: inout [Double]) {
        for (b, row) in features.enumerated() {
            let d = coefficient * ((b == action ? 1 : 0) - distribution.probabilities[b])
            guard d != 0 else { continue }
            for k in row.indices where row[k] != 0 { gradient[k] += d * row[k] }
        }
    }
}

/// The PPO value head of the action tasks: linear in the state features,
/// V(s) = w . psi(s), trained on L = (1 / 2N) sum over steps of (V(s) - return)^2.
struct LinearValueBaseline: Sendable {
    var parameters: [Double]

    init(featureCount: Int) {
        parameters = [Double](repeating: 0, count: featureCount)
    }

    func value(_ features: [Double]) -> Double {
        zip(features, parameters).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// L and dL/dw over the steps `indices`.
    func loss(states: [[Double]], returns: [Double], indices: [Int]) -> (loss: Double, gradient: [Double]) {
        var gradient = [Double](repeating: 0, count: parameters.count)
        var loss = 0.0
        let scale = 1 / Double(indices.count)
        for i in indices {
            let error = value(states[i]) - returns[i]
            loss += 0.5 * error * error * scale
            for k in states[i].indices where states[i][k] != 0 { gradient[k] += error * states[i][k] * scale }
        }
        return (loss, gradient)
    }
}

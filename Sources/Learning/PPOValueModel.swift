/// A model trained by Adam on a flat parameter vector (PPO's policies and value heads).
protocol PPOParameters {
    var parameters: [Double] { get set }
}

/// PPO's value head V(s), trained on L = (1 / 2N) sum over the N steps `indices` of
/// (V(s) - return)^2 (`ValueBaseline`, `LinearValueBaseline`).
protocol PPOValueModel: PPOParameters {
    associatedtype State
    func value(_ state: State) -> Double
    /// L and dL/dparameters over the steps `indices` of (states, returns).
    func loss(states: [State], returns: [Double], indices: [Int]) -> (loss: Double, gradient: [Double])
}

extension ValueBaseline: PPOValueModel {}
extension LinearValueBaseline: PPOValueModel {}

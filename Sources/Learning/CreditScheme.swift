import Shapley
import Statistics

/// How a sequence-level (or set-level) reward is turned into per-step rewards.
///
/// For an output of T steps with reward R = v(N):
/// - `sparse`: r_T = R, every other r_t = 0 (standard RLHF);
/// - `uniform`: r_t = R / T;
/// - `shapley`: r_t = phi_t + v(empty) / T, with phi the Shapley values of the output's game
///   (SCAR: the credit of a unit is placed on its last step; steps inside a unit get 0), so the
///   rewards sum to R exactly whenever the estimator is efficient;
/// - `leaveOneOut`: r_t = v(N) - v(N - t), not efficient;
/// - `attention(b)`: ABC, r_t = b R a_t + (1 - b) R [t = T] with attention weights a summing to 1.
public enum CreditSchemeName: String, CaseIterable, Sendable {
    case sparse, uniform, shapley, leaveOneOut = "loo", attention
}

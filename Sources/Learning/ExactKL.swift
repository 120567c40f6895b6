import Foundation

/// The KL divergence of a policy to pi_ref summed exactly over the actions at each visited state.
///
/// For one response with states s_1..s_T (T steps actually taken),
///
///     KL_exact = sum_t KL(pi(. | s_t) || pi_ref(. | s_t)),   KL(p || q) = sum_a p_a (log p_a - log q_a),
///
/// an unbiased estimate of the sequence-level KL(pi || pi_ref) (its chain rule over the steps,
/// the states sampled from pi) with lower variance than the sampled log-ratio
/// sum_t (log pi - log pi_ref)(a_t) that PPO's penalty uses, since each step's inner expectation
/// is summed instead of sampled. Cost: one pass over the A actions per step.
enum ExactKL {
    /// KL(p || q) over the same actions, from the logits (exact where a probability underflows;
    /// terms with p_a = 0 contribute 0).
    static func divergence(_ p: ActionDistribution, _ q: ActionDistribution) -> Double {
        precondition(p.logits.count == q.logits.count, "KL needs two distributions over the same actions")
        var total = 0.0
        for a in p.probabilities.indices where p.probabilities[a] > 0 {
            total += p.probabilities[a] * (p.logProbability(a) - q.logProbability(a))
        }
        return total
    }

    /// KL(p || uniform over p's actions) = log A + sum_a p_a log p_a.
    static func divergenceToUniform(_ p: ActionDistribution) -> Double {
        var total = log(Double(p.probabilities.count))
        for a in p.probabilities.indices where p.probabilities[a] > 0 { total += p.probabilities[a] * p.logProbability(a) }
        return total
    }

    /// KL_exact of one word sequence: `policy`'s and `reference`'s step distributions compared step by step.
    static func sequence(_ sequence: WordSequence, policy: some WordPolicy, reference: some WordPolicy) -> Double {
        zip(policy.stepDistributions(sequence), reference.stepDistributions(sequence)).reduce(0) { $0 + divergence($1.0, $1.1) }
    }
}

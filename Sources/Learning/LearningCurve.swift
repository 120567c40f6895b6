/// What one RL run did, step by step.
public struct LearningCurve: Sendable {
    /// One PPO step (one batch of episodes), measured on that batch before the update.
    public struct Point: Sendable, Equatable {
        /// 0-based step index.
        public let step: Int
        /// Mean true reward R (reward model on prompt + response; not the shaped reward).
        public let meanReward: Double
        /// Mean over episodes of sum_t [log pi_old(a_t|s_t) - log pi_ref(a_t|s_t)], the sampled
        /// estimate of KL(pi || pi_ref) per response.
        public let meanKL: Double
        /// Mean over episodes of `ExactKL`: sum_t KL(pi_old(. | s_t) || pi_ref(. | s_t)), exact
        /// over the vocabulary (sentiment) or the legal actions (action tasks) at each visited
        /// state; the same expectation as `meanKL` with less sampling noise.
        public let meanExactKL: Double
        /// Reward-model calls the credit scheme used for this batch (distinct texts per response).
        public let rewardCalls: Int
        /// Mean number of words per response.
        public let meanLength: Double
    }

    public let scheme: String
    public let seed: UInt64
    public let batchSize: Int
    /// One point per step; deterministic given the seed (compare with `==`).
    public let points: [Point]
    /// Mean R over the evaluation episodes (fixed prompts, the final policy sampling from the
    /// seed's evaluation stream); deterministic given the seed.
    public let finalEvaluation: Double
    /// Wall seconds from the start of the run to the end of each step (not deterministic).
    public let elapsedSeconds: [Double]

    /// Total reward-model calls over the run.
    public var totalRewardCalls: Int { points.reduce(0) { $0 + $1.rewardCalls } }

    /// Mean of `meanReward` over the last `count` steps (all steps when fewer).
    public func finalMeanReward(lastSteps count: Int) -> Double {
        let tail = points.suffix(count)
        return tail.reduce(0) { $0 + $1.meanReward } / Double(tail.count)
    }
}

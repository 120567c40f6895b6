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

    /// One held-out evaluation: the mean true reward R of the policy after `step` finished PPO
    /// steps (0: pi_ref itself) over the learner's evaluation episodes, which sample only
    /// evaluation instances (prompts, articles) that no training batch draws; deterministic given
    /// the seed (`HeldOutEvaluation`).
    public struct Evaluation: Sendable, Equatable {
        public let step: Int
        public let meanReward: Double

        public init(step: Int, meanReward: Double) {
            self.step = step
            self.meanReward = meanReward
        }
    }

    public let scheme: String
    public let seed: UInt64
    public let batchSize: Int
    /// One point per step; deterministic given the seed (compare with `==`).
    public let points: [Point]
    /// The held-out evaluations at steps 0, k, 2k, ... and at the run's last step
    /// (`HeldOutEvaluation.steps`), in step order; deterministic given the seed.
    public let evaluations: [Evaluation]
    /// Wall seconds from the start of the run to the end of each step, the held-out evaluations
    /// made by then included (not deterministic).
    public let elapsedSeconds: [Double]

    public init(scheme: String, seed: UInt64, batchSize: Int, points: [Point], evaluations: [Evaluation], elapsedSeconds: [Double]) {
        precondition(!evaluations.isEmpty, "a learning curve ends with the held-out evaluation of its final policy")
        self.scheme = scheme
        self.seed = seed
        self.batchSize = batchSize
        self.points = points
        self.evaluations = evaluations
        self.elapsedSeconds = elapsedSeconds
    }

    /// The held-out reward of the final policy: the last evaluation's mean reward.
    public var finalEvaluation: Double { evaluations.last!.meanReward }

    /// Total reward-model calls over the run.
    public var totalRewardCalls: Int { points.reduce(0) { $0 + $1.rewardCalls } }

    /// Mean of `meanReward` over the last `count` steps (all steps when fewer).
    public func finalMeanReward(lastSteps count: Int) -> Double {
        let tail = points.suffix(count)
        return tail.reduce(0) { $0 + $1.meanReward } / Double(tail.count)
    }
}

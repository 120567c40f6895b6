import Shapley

/// An episodic task whose actions a `LinearActionPolicy` scores by feature vectors, and whose
/// final reward can be recomputed for the response that any subset of the episode's actions
/// builds (the game SCAR plays over actions).
///
/// The summarization environment (append a sentence / stop) and the instruction-following
/// environment (write a sentence, a keyword, a section, ... / stop) conform in `ActionTasks.swift`.
public protocol ActionTask {
    associatedtype Action: Hashable

    /// The numbers per action that `actionFeatures` returns.
    var policyFeatureCount: Int { get }
    /// The numbers `stateFeatures` returns.
    var valueFeatureCount: Int { get }
    /// The action that ends an episode by choice (never a player of the action game).
    var stopAction: Action { get }
    /// Starts episode `episode` (an index into the task's data).
    mutating func reset(episode: Int) throws
    /// The actions legal now; empty once the episode has ended.
    var legalActions: [Action] { get }
    /// One feature row per action of `actions` (each legal now), computed together so that
    /// state-dependent parts are computed once.
    func actionFeatures(_ actions: [Action]) -> [[Double]]
    /// Features of the current state for the value baseline (no action).
    func stateFeatures() -> [Double]
    /// Takes `action`; `done` once the episode has ended.
    mutating func take(_ action: Action) throws -> Bool
    /// The reward of the response built so far.
    func currentReward() throws -> Double
}

/// The game of one finished episode's content actions (every action but `stop`, in the order
/// taken): v(S) = the reward of the response built by replaying, from the episode's start, the
/// actions of S in their original order, skipping any that is not legal when its turn comes
/// (a highlight whose sentence is missing, say). v(N) replays the whole episode, so it equals
/// the episode's reward; one value call costs one replay and one reward-model call.
public struct ActionSubsetGame<Task: ActionTask>: CooperativeGame {
    let task: Task
    let episode: Int
    let actions: [Task.Action]

    /// `task` as it was configured (its episode state does not matter), the episode index and
    /// the content actions taken, in order (at most 64).
    public init(task: Task, episode: Int, actions: [Task.Action]) {
        precondition(actions.count <= Coalition.maximumPlayers, "an action game holds at most \(Coalition.maximumPlayers) actions")
        self.task = task
        self.episode = episode
        self.actions = actions
    }

    public var playerCount: Int { actions.count }

    public func value(of coalition: Coalition) throws -> Double {
        var replay = task
        try replay.reset(episode: episode)
        for (i, action) in actions.enumerated() where coalition.contains(i) {
            if replay.legalActions.contains(action) { _ = try replay.take(action) }
        }
        return try replay.currentReward()
    }
}

import Tasks

/// Extractive summarization as an `ActionTask`. Action features: the environment's five
/// (`ExtractiveSummaryEnvironment.actionFeatures`: position, length, title overlap, chosen, stop)
/// and a sixth, the summary's progress chosen / maxSentences on `.stop` (0 otherwise), so that
/// the stop logit can grow with the summary. State features: 1 and the progress.
extension ExtractiveSummaryEnvironment: ActionTask {
    public var policyFeatureCount: Int { Self.actionFeatureCount + 1 }
    public var valueFeatureCount: Int { 2 }
    public var stopAction: Action { .stop }

    public mutating func reset(episode: Int) throws { try reset(articleIndex: episode) }

    public func actionFeatures(_ actions: [Action]) -> [[Double]] {
        actions.map { actionFeatures($0) + [$0 == .stop ? progress : 0] }
    }

    public func stateFeatures() -> [Double] { [1, progress] }

    public mutating func take(_ action: Action) throws -> Bool { try step(action).done }

    public func currentReward() throws -> Double { try reward.reward(summaryText) }

    private var progress: Double { Double(chosen.count) / Double(maxSentences) }
}

/// Instruction following as an `ActionTask`: action features as
/// `InstructionEnvironment.actionFeatures`; state features 1, the prompt's instruction ids
/// and the progress (the last 27 action features, which no action changes).
extension InstructionEnvironment: ActionTask {
    public var policyFeatureCount: Int { Self.actionFeatureCount }
    public var valueFeatureCount: Int { 1 + InstructionRegistry.supportedIDs.count + 2 }
    public var stopAction: Action { .stop }

    public mutating func reset(episode: Int) throws { try reset(promptIndex: episode) }

    public func stateFeatures() -> [Double] {
        [1] + actionFeatures([.stop])[0].suffix(valueFeatureCount - 1)
    }

    public mutating func take(_ action: Action) throws -> Bool { try step(action).done }

    public func currentReward() throws -> Double { try rewardModel.reward(responseText) }
}

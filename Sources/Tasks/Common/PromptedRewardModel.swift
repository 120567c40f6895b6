/// A reward model that scores `prompt + text`: the response game's reward, with the prompt
/// always present and never a player.
public struct PromptedRewardModel: TextRewardModel {
    public let prompt: String
    public let base: any TextRewardModel
    public init(prompt: String, base: any TextRewardModel) {
        self.prompt = prompt
        self.base = base
    }
    public var name: String { base.name }
    public func reward(_ text: String) throws -> Double { try base.reward(prompt + text) }
    public func rewards(_ texts: [String]) throws -> [Double] { try base.rewards(texts.map { prompt + $0 }) }
}

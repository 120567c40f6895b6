import Testing
import Shapley
@testable import Tasks

/// A reward model that returns the length of the text in characters and counts its calls.
final class CharacterCountModel: TextRewardModel {
    let name = "characters"
    private(set) var calls = 0
    func reward(_ text: String) throws -> Double {
        calls += 1
        return Double(text.count)
    }
}

struct ConstantModel: TextRewardModel {
    let name = "constant"
    let value: Double
    func reward(_ text: String) throws -> Double { value }
}

/// Expected values are hand-derived: "Not bad at all." has tokens Not|bad|at|all|. with
/// separators "", " ", " ", " ", "", "" (the "." is glued to "all").
@Suite struct TextGameTests {
    let text = "Not bad at all."

    @Test func removalValues() throws {
        let game = try TextGame(text: text, level: .tokens, model: CharacterCountModel())
        #expect(game.playerCount == 5)
        #expect(game.playerNames == ["Not", "bad", "at", "all", "."])
        #expect(try game.value(of: game.grandCoalition) == 15)         // the text itself
        #expect(try game.value(of: .empty) == 0)                       // ""
        #expect(game.text(of: Coalition([0, 4])) == "Not.")
        #expect(try game.value(of: Coalition([0, 4])) == 4)
        #expect(game.text(of: Coalition([1, 2])) == "bad at")
        #expect(try game.value(of: Coalition([1, 2])) == 6)
        #expect(game.text(of: Coalition([0, 3])) == "Not all")
    }

    @Test func maskValues() throws {
        let game = try TextGame(text: text, level: .tokens, model: CharacterCountModel(), completion: .mask("<m>"))
        #expect(game.text(of: .empty) == "<m>")
        #expect(try game.value(of: .empty) == 3)
        #expect(game.text(of: Coalition([0, 4])) == "Not <m>.")       // one mask for bad|at|all
        #expect(try game.value(of: Coalition([0, 4])) == 8)
        #expect(game.text(of: Coalition([1])) == "<m> bad <m>")
        #expect(try game.value(of: Coalition([1])) == 11)
        #expect(try game.value(of: game.grandCoalition) == 15)
    }

    @Test func spanLevelMaskIsScarsBlank() throws {
        let review = "The movie was not good, but the acting was great!"
        let game = try TextGame(text: review, level: .spans(maxTokens: 20), model: CharacterCountModel(), completion: .mask("___"))
        #expect(game.playerNames == ["The movie was not good,", "but the acting was great!"])
        #expect(game.text(of: Coalition([1])) == "___ but the acting was great!")
    }

    @Test func cachesCoalitionsAndCountsRewardCalls() throws {
        let model = CharacterCountModel()
        let game = try TextGame(text: text, level: .tokens, model: model)
        _ = try game.value(of: Coalition([0, 1]))
        _ = try game.value(of: Coalition([0, 1]))
        _ = try game.value(of: .empty)
        _ = try game.value(of: Coalition([0, 1]))
        #expect(game.rewardCalls == 2)
        #expect(model.calls == 2)
    }

    @Test func withoutCachingEveryCallRunsTheModel() throws {
        let model = CharacterCountModel()
        let game = try TextGame(text: text, level: .tokens, model: model, cachesValues: false)
        _ = try game.value(of: Coalition([0, 1]))
        _ = try game.value(of: Coalition([0, 1]))
        #expect(game.rewardCalls == 2)
        #expect(model.calls == 2)
    }

    @Test func rejectsBadInput() throws {
        #expect(throws: TextGame.BuildError.emptyText) { try TextGame(text: "", level: .tokens, model: CharacterCountModel()) }
        #expect(throws: TextGame.BuildError.noUnits(level: "sentences")) {
            try TextGame(text: " \n", level: .sentences, model: CharacterCountModel())
        }
        let long = Array(repeating: "word", count: 65).joined(separator: " ")
        #expect(throws: TextGame.BuildError.tooManyUnits(count: 65, level: "tokens")) {
            try TextGame(text: long, level: .tokens, model: CharacterCountModel())
        }
        #expect(try TextGame(text: long, level: .spans(maxTokens: 8), model: CharacterCountModel()).playerCount == 9)
    }

    @Test func nonFiniteRewardThrows() throws {
        let game = try TextGame(text: text, level: .tokens, model: ConstantModel(value: .nan))
        #expect(throws: GameError.self) { try game.value(of: .empty) }
        do {
            _ = try game.value(of: Coalition([2]))
        } catch GameError.nonFiniteValue(let coalition, _) {
            #expect(coalition == Coalition([2]))
        }
    }
}

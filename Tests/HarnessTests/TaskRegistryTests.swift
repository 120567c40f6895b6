import Foundation
import Learning
import Shapley
import Statistics
import Testing
@testable import Harness

/// Every registered task, through what the commands ask of it: `explain` (its example), the
/// comparison instances of `compare` and `check`, and, where it trains a policy, a two-step run
/// of every scheme the claims compare. A new task in `TaskRegistry` runs here unedited.
@Suite("TaskRegistry")
struct TaskRegistryTests {
    @Test("Task names are unique and every learning task is found by its name")
    func namesAreUnique() {
        #expect(Set(TaskRegistry.names).count == TaskRegistry.tasks.count)
        for task in SCARTask.allCases {
            #expect(SCARTask(rawValue: task.rawValue) == task)
            #expect(TaskRegistry.task(named: task.rawValue)?.learning == task)
        }
    }

    @Test("Each task's explain example is a game whose exact credits sum to v(N) - v(empty) (efficiency), one piece per unit",
          arguments: TaskRegistry.names)
    func explainsItsExample(name: String) throws {
        let task = try #require(TaskRegistry.task(named: name))
        let explained = try task.explain(task.explainExample)
        let game = explained.game
        #expect(game.playerCount >= 2 && explained.pieces.count == game.playerCount)
        let credits = try ExactShapley().estimate(game, random: RandomStream(seed: 0)).values
        let gap = try game.value(of: game.grandCoalition) - game.value(of: .empty)
        #expect(abs(credits.reduce(0, +) - gap) <= 1e-9 * max(1, abs(gap)))
    }

    @Test("Each task gives comparison instances with one exact value per player, summing to v(N) - v(empty) (efficiency), the same for the same seed",
          arguments: TaskRegistry.names)
    func givesComparisonInstances(name: String) throws {
        let task = try #require(TaskRegistry.task(named: name))
        let instances = try task.comparisonInstances(perTask: 1, random: RandomStream(seed: 3))
        #expect(!instances.isEmpty)
        for instance in instances {
            let game = instance.game
            #expect(instance.truth.count == game.playerCount && instance.truthSource == "exact")
            #expect(game.playerCount <= TaskInstances.maximumPlayers)
            let gap = try game.value(of: game.grandCoalition) - game.value(of: .empty)
            #expect(abs(instance.truth.reduce(0, +) - gap) <= 1e-9 * max(1, abs(gap)), "\(instance.task) \(instance.instance)")
        }
        let again = try task.comparisonInstances(perTask: 1, random: RandomStream(seed: 3))
        #expect(again.map(\.instance) == instances.map(\.instance) && again.map(\.truth) == instances.map(\.truth))
    }

    @Test("Each learning task trains every scheme it compares for two steps, with sparse and its SCAR among them",
          arguments: SCARTask.allCases.map(\.rawValue))
    func trainsEveryScheme(name: String) throws {
        let task = try #require(SCARTask(rawValue: name))
        #expect(task.schemes.contains(.sparse) && task.schemes.contains(task.scar))
        let learner = try LearnerFixture.runner(task)
        for scheme in task.schemes {
            let curve = try learner.train(scheme, seed: 0, steps: 2, batchSize: 2)
            #expect(curve.points.count == 2 && curve.points.allSatisfy { $0.meanReward.isFinite } && curve.finalEvaluation.isFinite,
                    "\(name) \(scheme)")
        }
        #expect(try learner.referenceEvaluation(seed: 0).isFinite)
    }
}

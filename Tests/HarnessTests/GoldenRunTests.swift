import Foundation
import Learning
import Shapley
import Testing
import Tasks
@testable import Harness

/// The golden run: every credit scheme on every SCAR task, 3 PPO steps of 4 episodes, seeds 0
/// and 1, each step's mean reward, mean KL, reward calls and mean length, the run's held-out
/// evaluations (after 0, 1, 2 and 3 steps), its final held-out evaluation and total reward calls, compared bit for bit (shortest round-trip decimal
/// of each double) with `golden/learner_golden.csv`, which was written by the code it guards.
///
/// A change that moves any number must bump `learnerVersion` (Sources/Learning/LearnerVersion.swift)
/// and regenerate the file on purpose:
///     CREDITBENCH_REGENERATE_GOLDEN=1 swift test -c release -Xswiftc -enable-testing --filter GoldenRun
/// Regeneration refuses to write changed numbers of an existing run under the version already
/// in the file; adding a scheme (new runs) only needs the regeneration.
@Suite("GoldenRun")
struct GoldenRunTests {
    static let steps = 3, batchSize = 4, seeds: [UInt64] = [0, 1]
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden/learner_golden.csv")

    /// The sentiment schemes: the claims' schemes plus uniform, leave-one-out, the mixes, SCAR's
    /// punctuation spans with the blank mask and SCAR's sampled fallbacks (Owen over spans, permutations).
    static let sentimentSchemes: [CreditScheme] = [
        "sparse", "sparse*2", "uniform", "loo(units=tokens)", "abc(b=0.8)", "abc(b=0.5)",
        "scar(units=tokens)", "scar(units=spans:12)", "scar(units=sentences)", "scar(units=spans:12;alpha=0.5)", "scar(units=punctuation;alpha=0.5;missing=mask)",
        "scar(units=tokens;exact<=2;estimator=owen;budget=40)", "scar(units=tokens;exact<=2;estimator=permutation;budget=40)",
    ].map { try! CreditScheme(parsing: $0) }

    /// The action-task schemes (units = the episode's actions): the claims' schemes plus uniform,
    /// leave-one-out and an alpha mix.
    static let actionSchemes: [CreditScheme] = [
        "sparse", "sparse*2", "uniform", "loo(units=actions)", "scar", "scar(alpha=0.5)",
    ].map { try! CreditScheme(parsing: $0, defaults: .actions) }

    /// The run's lines: one per step, one per held-out evaluation (`evaluation@s`, the policy after
    /// s steps) and one `final` line.
    static func lines(task: SCARTask, curve: LearningCurve) -> [String] {
        let run = "\(task.rawValue),\(curve.scheme),\(curve.seed)"
        return curve.points.map { "\(run),\($0.step),\($0.meanReward),\($0.meanKL),\($0.rewardCalls),\($0.meanLength)" }
            + curve.evaluations.map { "\(run),evaluation@\($0.step),\($0.meanReward),,," }
            + ["\(run),final,\(curve.finalEvaluation),,\(curve.totalRewardCalls),"]
    }

    /// The golden lines by run (task, scheme, seed), headers left out: runs may be added or
    /// removed under the same learner version, an existing run may not change.
    static func runs(_ lines: [String]) -> [String: [String]] {
        Dictionary(grouping: lines.dropFirst(2)) { $0.split(separator: ",", maxSplits: 3).prefix(3).joined(separator: ",") }
    }

    static func computed() throws -> [String] {
        var lines = ["# learnerVersion=\(learnerVersion)", "task,scheme,seed,step,mean_reward,mean_kl,reward_calls,mean_length"]
        let sentiment = try LearnerFixture.runner(.sentiment)
        for scheme in sentimentSchemes {
            for seed in seeds {
                lines += Self.lines(task: .sentiment, curve: try sentiment.train(scheme, seed: seed, steps: steps, batchSize: batchSize))
            }
        }
        for task in [SCARTask.summarization, .instructions] {
            let learner = try LearnerFixture.runner(task)
            for scheme in actionSchemes {
                for seed in seeds {
                    lines += Self.lines(task: task, curve: try learner.train(scheme, seed: seed, steps: steps, batchSize: batchSize))
                }
            }
        }
        return lines
    }

    @Test("Every scheme on every task trains exactly as when the golden file was written (else bump learnerVersion)")
    func goldenRun() throws {
        let lines = try Self.computed()
        let stored = (try? String(contentsOf: Self.file, encoding: .utf8)).map { $0.split(separator: "\n").map(String.init) }
        if ProcessInfo.processInfo.environment["CREDITBENCH_REGENERATE_GOLDEN"] == "1" {
            if let stored, stored.first == lines.first {
                let before = Self.runs(stored), after = Self.runs(lines)
                if let moved = before.keys.sorted().first(where: { after[$0] != nil && after[$0] != before[$0] }) {
                    Issue.record("the golden run \(moved) changed but learnerVersion is still \(learnerVersion): bump it (Sources/Learning/LearnerVersion.swift) before regenerating")
                    return
                }
            }
            try FileManager.default.createDirectory(at: Self.file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(to: Self.file, atomically: true, encoding: .utf8)
            return
        }
        let golden = try #require(stored, "no golden file at \(Self.file.path); write it with CREDITBENCH_REGENERATE_GOLDEN=1")
        let regenerate = "if the change is meant, bump learnerVersion (Sources/Learning/LearnerVersion.swift) and regenerate with CREDITBENCH_REGENERATE_GOLDEN=1 swift test -c release -Xswiftc -enable-testing --filter GoldenRun"
        #expect(golden.first == lines.first, "the golden file is for \(golden.first ?? "nothing"), the learner is version \(learnerVersion): \(regenerate)")
        let common = min(golden.count, lines.count)
        let firstDifference = (0..<common).first { golden[$0] != lines[$0] } ?? (golden.count == lines.count ? nil : common)
        #expect(firstDifference == nil,
                "training results moved (line \((firstDifference ?? 0) + 1): golden '\(firstDifference.flatMap { golden.indices.contains($0) ? golden[$0] : nil } ?? "")', now '\(firstDifference.flatMap { lines.indices.contains($0) ? lines[$0] : nil } ?? "")'); \(regenerate)")
    }
}

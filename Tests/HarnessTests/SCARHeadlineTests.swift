import Foundation
import Learning
import Statistics
import Testing
@testable import Harness

/// SCAR's headline rule (`SCARHeadline`) and the unit-level grid (`UnitLevelGrid`) on fake
/// learners whose best configuration is known by construction.
@Suite("SCARHeadline")
struct SCARHeadlineTests {
    typealias FakeRunner = ClaimsTests.FakeRunner

    @Test("The best mean final reward wins; a tie goes to fewer reward calls, then to the first")
    func chooseBreaksTiesByCalls() {
        let candidates = [("a", 0.5, 10.0), ("b", 0.7, 50), ("c", 0.7, 20), ("d", 0.7, 20)].map {
            SCARHeadline.Candidate(scheme: $0.0, meanFinalReward: $0.1, rewardCallsPerEpisode: $0.2)
        }
        #expect(SCARHeadline.choose(candidates)?.scheme == "c")
        #expect(SCARHeadline.choose(Array(candidates.prefix(2)))?.scheme == "b")
        #expect(SCARHeadline.choose([]) == nil)
    }

    @Test("The grid is every unit level at every alpha, punctuation spans blank-masked; none where unit levels are not compared")
    func gridSchemes() throws {
        let spellings = try #require(UnitLevelGrid.schemes(.sentiment)).map(\.description)
        let levels = ["tokens", "punctuation", "spans:12", "sentences"]
        #expect(spellings == levels.flatMap { level in
            ["0.25", "0.5", "1"].map { "scar(units=\(level);alpha=\($0);exact<=10;estimator=owen;budget=500" + (level == "punctuation" ? ";missing=mask)" : ")") }
        })
        #expect(UnitLevelGrid.schemes(.summarization) == nil && UnitLevelGrid.schemes(.sentimentTransformer) == nil)
    }

    static let best = try! CreditScheme(parsing: "scar(units=punctuation;alpha=0.5;missing=mask)")
    static let tokens = try! CreditScheme(parsing: "scar(units=tokens;alpha=1)")

    /// A learner on which `fast` learns at rate 1 (final reward about 1, 40 reward calls per run)
    /// and everything else at 0.05 (about 0.77 after 30 steps, 10 calls): the pilot must choose `fast`.
    static func experiments(fast: CreditScheme, steps: Int = 30) -> [SCARLearningClaims.Experiment] {
        [SCARTask.sentiment, .summarization].map { task in
            SCARLearningClaims.Experiment(task: task, runner: FakeRunner(rates: [fast: 1], calls: [fast: 40]), steps: steps, batchSize: 4, design: "")
        }
    }

    @Test("The pilot trains every candidate on seeds 2000-2004 into its own store, writes the choice, reads it back while current and chooses again when the size changes")
    func pilotChoosesWritesAndReuses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let choices = try SCARHeadline.choices(experiments: Self.experiments(fast: Self.best), folder: folder, jobs: 1, force: false, role: .all)
        let choice = try #require(choices[.sentiment])
        #expect(choices.count == 1 && choice.scheme == Self.best.description)
        #expect(choice.seeds == [2000, 2001, 2002, 2003, 2004] && choice.candidates.count == 12 && choice.steps == 30)
        #expect(abs(try #require(choice.candidates.first { $0.scheme == Self.best.description }).rewardCallsPerEpisode - 40.0 / 120) < 1e-12)
        let file = try String(contentsOf: folder.appendingPathComponent("headline.json"), encoding: .utf8)
        #expect(file.contains("\"mean_final_reward\"") && file.contains(Self.best.description))
        // The pilot runs are in the pilot store under the pilot seeds, not in an analysed store.
        let experiment = Self.experiments(fast: Self.best)[0]
        let pilots = try CurveStore(url: folder.appendingPathComponent("pilots/sentiment-headline.csv"))
        #expect(pilots.run(configuration: experiment.configuration(scheme: Self.best, seed: 2004, runner: experiment.runner!)) != nil)
        #expect(pilots.run(configuration: experiment.configuration(scheme: Self.best, seed: 0, runner: experiment.runner!)) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("curves").path))

        // Current: read back even though this learner would now prefer tokens.
        let again = try SCARHeadline.choices(experiments: Self.experiments(fast: Self.tokens), folder: folder, jobs: 1, force: false, role: .all)
        #expect(again[.sentiment] == choice)
        // Another run length makes it stale: chosen again from new pilot runs.
        let longer = try SCARHeadline.choices(experiments: Self.experiments(fast: Self.tokens, steps: 31), folder: folder, jobs: 1, force: false, role: .all)
        #expect(longer[.sentiment]?.scheme == Self.tokens.description && longer[.sentiment]?.steps == 31)
        // A shard cannot run the pilot.
        let empty = folder.appendingPathComponent("empty")
        #expect(throws: HarnessError.self) {
            try SCARHeadline.choices(experiments: Self.experiments(fast: Self.best), folder: empty, jobs: 1, force: false, role: .shard(index: 0, count: 2))
        }

        // The chosen SCAR becomes the claims' SCAR (and a trained scheme); C6 keeps the default spans.
        let settings = ClaimsSettings(quick: false)
        let headlined = try ClaimsRun.experiments(settings: settings, scarRunners: [:], headlines: choices)
        let sentiment = try #require(headlined.first { $0.task == .sentiment }).task
        #expect(sentiment.scar == Self.best && sentiment.schemes.last == Self.best)
        #expect(sentiment.defaultSCAR == SCARTask.sentiment.scar && SCARTask.sentiment.scar.description == "scar(units=spans:12;alpha=1;exact<=10;estimator=owen;budget=500)")
        #expect(try #require(headlined.first { $0.task == .summarization }).task.scar == SCARTask.summarization.scar)
    }

    @Test("The grid's report has sparse and every cell, with calls per episode, CPU seconds and paired effects")
    func gridReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grid-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try #require(try UnitLevelGrid.run(
            experiments: Self.experiments(fast: Self.best), store: { try CurveStore(url: folder.appendingPathComponent("\($0.task.rawValue).csv")) },
            seeds: 3, alphas: [0.5, 1], stream: RandomStream(seed: 3), jobs: 1, force: false, role: .all))
        let rows = report.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == 9 && rows[0].hasPrefix("| `sparse` |"))
        // The fast cell: 40 calls over 30 x 4 episodes, and a positive paired effect over sparse.
        let fast = try #require(rows.first { $0.hasPrefix("| `\(Self.best)` |") })
        #expect(fast.contains("| punctuation (mask) | 0.5 | 0.3333 |"))
        // The fake learners measure no KL, so only the last column, the final KL, reads "n/a".
        #expect(rows.allSatisfy { $0.hasSuffix("| n/a |") && !$0.dropLast(" n/a |".count).contains("n/a") })
    }
}

import Foundation
import Testing
import Harness
import Shapley
import Statistics

@Suite struct EstimateErrorsTests {
    @Test func metricsMatchAHandComputation() throws {
        // truth (3, -1, 0, 2), estimate (2, -1, 0.5, 3): differences (-1, 0, 0.5, 1), squared sum 2.25;
        // |truth|^2 = 14; top-2 by magnitude: truth {0, 3}, estimate {0, 3} (|3| = |2|, lower index
        // first); signs of non-zero truths all agree; sums 4 and 4.5.
        let errors = EstimateErrors(estimate: [2, -1, 0.5, 3], truth: [3, -1, 0, 2], topK: 2)
        #expect(errors.meanSquaredError == 2.25 / 4)
        #expect(errors.relativeSquaredError == 2.25 / 14)
        #expect(abs(errors.relativeL2 - (2.25 / 14).squareRoot()) < 1e-15)
        #expect(errors.maxAbsoluteError == 1)
        #expect(errors.topKPrecision == 1)
        #expect(errors.signAgreement == 1)
        #expect(errors.efficiencyGap == 0.5)
        // Ranks: truth (4, 1, 2, 3), estimate (3, 1, 2, 4): d = (1, 0, 0, -1), rho = 1 - 6*2/(4*15) = 0.8.
        #expect(abs(errors.spearman! - 0.8) < 1e-12)
        // shapiq's benchmark metrics: MAE 2.5 / 4, SSE 2.25, SAE 2.5; of the 6 pairs only (0, 3) is
        // discordant (truth 3 > 2, estimate 2 < 3), so Kendall's tau = (5 - 1) / 6; with 4 players
        // the top-10 metrics cover everyone and precision at 5 and 10 is 1.
        #expect(errors.meanAbsoluteError == 2.5 / 4)
        #expect(errors.sumSquaredError == 2.25)
        #expect(errors.sumAbsoluteError == 2.5)
        #expect(abs(errors.kendall! - 4.0 / 6) < 1e-12)
        #expect(errors.kendallTop10 == errors.kendall && errors.spearmanTop10 == errors.spearman)
        #expect(errors.precisionAt5 == 1 && errors.precisionAt10 == 1)
    }

    @Test func topTenMetricsLeaveOutTheSmallestPlayers() {
        // truth 12, 11, ..., 1; the estimate swaps the two smallest. Over all 66 pairs one is
        // discordant: tau = 64 / 66; the 10 largest |truth| are ranked exactly: tau@10 = rho@10 = 1.
        let truth = (1...12).reversed().map(Double.init)
        var estimate = truth
        estimate.swapAt(10, 11)
        let errors = EstimateErrors(estimate: estimate, truth: truth)
        #expect(abs(errors.kendall! - 64.0 / 66) < 1e-12)
        #expect(errors.kendallTop10 == 1 && errors.spearmanTop10 == 1)
        #expect(errors.precisionAt10 == 1 && errors.precisionAt5 == 1)
    }

    @Test func kendallTauBWithTies() {
        // x = (1, 1, 2, 3), y = (1, 2, 2, 3): one pair tied in x, one in y, the other 4 concordant:
        // tau-b = 4 / sqrt((6 - 1)(6 - 1)) = 0.8 (scipy.stats.kendalltau gives 0.8).
        #expect(abs(Correlation.kendall([1, 1, 2, 3], [1, 2, 2, 3])! - 0.8) < 1e-12)
        #expect(Correlation.kendall([1, 1], [1, 2]) == nil)
    }

    @Test func signDisagreementAndConstantEstimates() {
        let errors = EstimateErrors(estimate: [0, 0, 0], truth: [1, -1, 0], topK: 1)
        #expect(errors.signAgreement == 0, "an estimate of exactly 0 agrees with no non-zero sign")
        #expect(errors.spearman == nil, "rank correlation is undefined for a constant estimate")
    }

    @Test func comparisonRunsEveryPlannedEstimateAndWritesTidyRows() throws {
        let instances = try SyntheticInstances.make(players: 6, count: 1, seed: 3)
        let plan = ComparisonPlan(estimators: [EstimatorKind.exact, .permutation, .kernelshap, .closedForm].map(\.entry), budgetMultiples: [2, 5], repetitions: 3, seed: 1)
        let records = try EstimatorComparison.run(instances: instances, plan: plan)
        // closed-form applies to the max game only: 3 instances x (1 exact + 2x3 permutation + 2x3 kernelshap) + 1.
        #expect(records.count == 3 * 13 + 1)
        #expect(EstimatorComparison.runCount(instances: instances, plan: plan) == records.count)
        #expect(records.filter { $0.estimator == "exact" }.allSatisfy { $0.errors.maxAbsoluteError < 1e-12 })
        #expect(records.filter { $0.estimator == "closed-form" }.allSatisfy { $0.errors.maxAbsoluteError < 1e-12 })
        let again = try EstimatorComparison.run(instances: instances, plan: plan)
        #expect(zip(records, again).allSatisfy { $0.errors == $1.errors }, "the same seed repeats every run")

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("creditbench-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try ComparisonOutput(folder: folder, provenance: RunProvenance(configuration: ["test": "yes"]))
        for record in records { try output.append(record) }
        let rows = try output.finish(records, seed: 1)
        let csv = try String(contentsOf: folder.appendingPathComponent("records.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 1 + records.count * 16, "one row per run and metric")
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == ComparisonOutput.recordColumns.count })
        #expect(rows.count == 3 * 5 + 1)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.md").path))
    }

    /// With noise every call draws fresh noise: even exact enumeration misses the noiseless truth,
    /// every run stays within its budget although repeats are charged, the same seed repeats the
    /// run, a closed form (no calls) stays exact, and more noise gives a larger mean error.
    @Test func noisyComparisonChargesEveryCallAndStaysSeeded() throws {
        let instances = try SyntheticInstances.make(players: 6, count: 1, seed: 3)
        let kinds = [EstimatorKind.exact, .permutation, .kernelshapPaired, .closedForm].map(\.entry)
        let quiet = try EstimatorComparison.run(instances: instances, plan: ComparisonPlan(estimators: kinds, budgetMultiples: [5], repetitions: 3, seed: 1))
        let plan = ComparisonPlan(estimators: kinds, budgetMultiples: [5], repetitions: 3, seed: 1, noise: 0.2)
        let noisy = try EstimatorComparison.run(instances: instances, plan: plan)
        let again = try EstimatorComparison.run(instances: instances, plan: plan)
        #expect(zip(noisy, again).allSatisfy { $0.errors == $1.errors && $0.calls == $1.calls }, "the same seed draws the same noise")
        #expect(noisy.count == quiet.count)
        #expect(noisy.filter { $0.estimator == "exact" }.allSatisfy { $0.errors.maxAbsoluteError > 1e-6 })
        #expect(noisy.filter { $0.estimator == "closed-form" }.allSatisfy { $0.errors.maxAbsoluteError < 1e-12 })
        #expect(noisy.allSatisfy { record in record.budget.map { record.calls <= $0 } ?? true })
        let louder = try EstimatorComparison.run(instances: instances, plan: ComparisonPlan(estimators: kinds, budgetMultiples: [5], repetitions: 3, seed: 1, noise: 1))
        func meanError(_ records: [ComparisonRecord]) -> Double {
            let sampled = records.filter { $0.estimator != "closed-form" }
            return sampled.map(\.errors.relativeSquaredError).reduce(0, +) / Double(sampled.count)
        }
        #expect(meanError(quiet) < meanError(noisy) && meanError(noisy) < meanError(louder))
    }
}

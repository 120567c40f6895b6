import Foundation
import Learning
import Shapley
import Statistics
import Tasks

/// SCAR's efficiency premise: per-unit rewards phi_i + v(empty)/N sum to the sequence reward R
/// for every efficient estimator. Measured on movie-review snippets under VADER (removal game)
/// at token and span level: for each text and estimator, the rewards r_i of the trained scheme
/// (`CreditScheme.unitRewards` of SCAR with alpha = 1 and that estimator, one step per unit) and
/// gap = |sum_i r_i - R|.
/// Exact enumeration runs on texts of at most `exactLimit` units; Owen (tokens grouped by spans,
/// spans by sentences), KernelSHAP and permutation sampling (budget 10 n calls) on all. Leave-one-out,
/// which is not efficient, is measured alongside as a contrast that shows the check can fail.
enum EfficiencyClaim {
    static let exactLimit = 16
    static let tolerance = 1e-9
    static let estimators: [EstimatorKind] = [.exact, .owen, .kernelshap, .permutation]

    static func check(texts count: Int, seed: UInt64) throws -> ClaimCheck {
        var claim = ClaimCheck(
            id: "C1", title: "Efficient credit sums to the sequence reward", paper: "SCAR",
            statement: "Shapley credit (exact or Owen-approximated) distributes the whole sequence reward: per-unit rewards sum to r (up to the prompt-only v(empty), which a later version of the code adds back as v(empty)/N per unit).",
            evidence: [
                PaperEvidence("v(empty) depends only on the prompt, so the Shapley values sum to r - v(empty), a per-prompt constant shift (a later version of their code adds v(empty)/N to each unit so the sum is exactly r).", source: "papers.md, SCAR 'Game' (authors' public TRL fork)"),
                PaperEvidence("Owen values keep efficiency, so the return equivalence survives the approximation (SHAP Partition explainer, default budget 500 calls per response).", source: "papers.md, SCAR 'Owen approximation' (inferred from the code)"),
            ],
            design: "\(count) movie-review snippets (VADER ground-truth corpus, 2-64 tokens, seeded draw, seed \(seed)) under VADER's compound score with units removed, at token and span level; estimators exact (n <= \(exactLimit)), Owen (tokens grouped by spans, spans by sentences), KernelSHAP and permutation sampling at 10n calls. Exact check: the largest gap |sum (phi + v(empty)/N) - R| per estimator against \(tolerance) (floating-point rounding). Leave-one-out is measured as a non-efficient contrast.")
        let snippets = try SentimentSnippets.load("movieReviewSnippets")
        let vader = try VaderSentiment.standard()
        let random = RandomStream(seed: seed, stream: 0xC1)
        var gaps: [String: Double] = [:], counts: [String: Int] = [:]
        var chosen = 0
        for index in random.permutation(of: snippets.count) where chosen < count {
            let text = snippets[index].text
            let tokens = TextSegmenter(level: .tokens).segment(text).units.count
            guard (2...Coalition.maximumPlayers).contains(tokens) else { continue }
            chosen += 1
            for level in [UnitLevel.tokens, .spans(maxTokens: UnitLevel.defaultMaxSpanTokens)] {
                let game = try TextGame(text: text, level: level, model: vader)
                let n = game.playerCount
                let total = try game.value(of: game.grandCoalition)
                for kind in estimators + [.loo] where kind != .exact || n <= exactLimit {
                    let scar = CreditScheme.shapley(ShapleyCreditOptions(
                        units: .text(level), exactUpTo: kind == .exact ? n : 0, estimator: kind.rawValue, budget: 10 * n))
                    let rewards = try scar.unitRewards(game, stepOfPlayer: Array(0..<n), stepCount: n,
                                                       partition: game.partitionByCoarserUnits, random: random.substream(UInt64(index)))
                    let gap = abs(rewards.reduce(0, +) - total)
                    gaps[kind.rawValue] = max(gaps[kind.rawValue] ?? 0, gap)
                    counts[kind.rawValue, default: 0] += 1
                }
            }
        }
        claim.exactChecks = estimators.map { kind in
            ExactCheck(name: "max efficiency gap, \(kind.rawValue) (\(counts[kind.rawValue] ?? 0) games)", measured: gaps[kind.rawValue] ?? .nan, tolerance: tolerance)
        }
        claim.measurements = [
            Measurement("texts", Double(chosen), note: "each at token and span level"),
            Measurement("max gap, leave-one-out (not efficient, contrast)", gaps["loo"] ?? .nan, note: "\(counts["loo"] ?? 0) games"),
        ]
        return claim
    }
}

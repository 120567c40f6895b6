import Foundation
import Statistics
import Tasks

/// SCAR's theorem on a token MDP solved exactly (`TokenMDP`, V = 4 words, T = 3): with discount 1
/// and efficient credit, every complete sequence keeps its return, so the optimal policy (every
/// prefix's set of optimal next words) under SCAR rewards equals the one under sparse rewards.
///
/// Reward models: VADER's compound score over the words "good", "not", "very", "bad" (negation and
/// boosters make the game non-additive), and `tables` seeded random tables with one standard-normal
/// reward for every sequence of length 0...3 (85 entries, R(empty) != 0 included, so the v(empty)/T
/// correction is exercised).
///
/// Counterexamples, searched over the random tables: SCAR credit with discount gamma = 0.9 (the
/// return sum gamma^(t-1) r_t weighs early tokens' credit more, while the sparse optimum is unchanged
/// by discounting since all sequences end at T), and ABC-like credit with unnormalised attention
/// weights (b = 0.8, raw weights uniform in (0, 1) per position and word).
///
/// Two claims: C2a, the theorem (the optimal policy over complete sequences is unchanged: exact
/// checks), and C2b, whether the learner PPO approximates is unaffected: per-step backward
/// induction on the reward to go (what a critic of the future converges to) under SCAR rewards,
/// which are not Markov in the prefix, must pick a sparse-optimal sequence in every reward model.
/// A universal claim on an exact computation: one reward model where it does not refutes it.
enum PolicyInvarianceClaim {
    static let vocabulary = ["good", "not", "very", "bad"]
    static let horizon = 3
    static let discount = 0.9
    static let attentionShare = 0.8

    static func check(tables: Int, seed: UInt64) throws -> [ClaimCheck] {
        var claim = ClaimCheck(
            id: "C2a", title: "Policy invariance under Shapley credit", paper: "SCAR",
            statement: "Shapley-shaped rewards preserve the optimal policy (argued as potential-based shaping: with discount 1 and credits that sum to the sequence reward, every complete trajectory keeps its return).",
            evidence: [
                PaperEvidence("Theorem: the optimal policy is preserved; the argument needs discount 1 and credits summing to the sequence reward up to the prompt-only constant v(empty); the 'potential' depends on the completed response, not the prefix.",
                              source: "papers.md, SCAR 'Theorem' (arXiv 2505.20417 and the ICLR 2026 reviews)"),
                PaperEvidence("No empirical check of the theorem is reported.", source: "papers.md, SCAR 'Reported results'"),
            ],
            design: "Exact solution of a token MDP (V = 4 words, T = 3, all 64 sequences enumerated): VADER over {\(vocabulary.joined(separator: ", "))} and \(tables) seeded standard-normal reward tables over all sequences of length 0-3 (seed \(seed)). For each, the optimal next-word set at every prefix under sparse rewards vs SCAR rewards (exact Shapley values + v(empty)/T, discount 1); tolerance 1e-9. Counterexample search over the same tables: SCAR with discount \(discount), and ABC-like credit with unnormalised attention (b = \(attentionShare)).")
        let vader = try VaderSentiment.standard()
        var mdps: [(String, TokenMDP)] = [("vader", TokenMDP(vocabularySize: vocabulary.count, horizon: horizon) { words in
            vader.reward(words.map { vocabulary[$0] }.joined(separator: " "))
        })]
        for index in 0..<tables {
            let random = RandomStream(seed: seed, stream: 0xC2).substream(UInt64(index))
            var table: [[Int]: Double] = [:]
            let probe = TokenMDP(vocabularySize: vocabulary.count, horizon: horizon) { _ in 0 }
            for length in 0...horizon { for y in probe.sequences(length: length) { table[y] = random.normal() } }
            let frozen = table
            mdps.append(("table-\(index)", TokenMDP(vocabularySize: vocabulary.count, horizon: horizon) { frozen[$0]! }))
        }
        var maxReturnGap = 0.0, differingPrefixes = 0, rewardToGoSuboptimal = 0, vaderRewardToGoSuboptimal = false
        var discountChanges = 0, attentionChanges = 0
        var discountExample: String?, attentionExample: String?
        for (name, mdp) in mdps {
            let complete = mdp.sequences(length: horizon)
            var sparse: [[Int]: Double] = [:], scar: [[Int]: Double] = [:], discounted: [[Int]: Double] = [:], attention: [[Int]: Double] = [:]
            var scarRewards: [[Int]: [Double]] = [:]
            let random = RandomStream(seed: seed, stream: 0xA7).substream(UInt64(mdps.firstIndex { $0.0 == name }!))
            let weights = (0..<horizon).map { _ in (0..<vocabulary.count).map { _ in random.uniform() } }
            let attentionScheme = TokenRewardScheme.unnormalisedAttention(b: attentionShare, weights: weights)
            for y in complete {
                sparse[y] = try TokenRewardScheme.sparse.rewards(y, in: mdp).reduce(0, +)
                let r = try TokenRewardScheme.shapley.rewards(y, in: mdp)
                scarRewards[y] = r
                scar[y] = r.reduce(0, +)
                discounted[y] = r.enumerated().reduce(0) { $0 + pow(discount, Double($1.offset)) * $1.element }
                attention[y] = try attentionScheme.rewards(y, in: mdp).reduce(0, +)
                maxReturnGap = max(maxReturnGap, abs(scar[y]! - sparse[y]!))
            }
            let sparseActions = mdp.optimalActions(returns: sparse)
            differingPrefixes += sparseActions.filter { mdp.optimalActions(returns: scar)[$0.key] != $0.value }.count
            let best = sparse.values.max()!
            let chosen = mdp.rewardToGoSequence(rewards: scarRewards)
            if sparse[chosen]! < best - 1e-9 {
                rewardToGoSuboptimal += 1
                if name == "vader" { vaderRewardToGoSuboptimal = true }
            }
            guard name != "vader" else { continue }
            for (shaped, label) in [(discounted, "discount"), (attention, "attention")] {
                let shapedBest = complete.max { shaped[$0]! < shaped[$1]! }!
                guard sparse[shapedBest]! < best - 1e-9 else { continue }
                let sparseBest = complete.first { sparse[$0]! == best }!
                let words = { (y: [Int]) in "\"" + y.map { vocabulary[$0] }.joined(separator: " ") + "\"" }
                let example = "\(name): sparse optimum \(words(sparseBest)) with R = \(PaperCheckDocument.format(best)); the shaped return is maximised by \(words(shapedBest)) (R = \(PaperCheckDocument.format(sparse[shapedBest]!)), shaped return \(PaperCheckDocument.format(shaped[shapedBest]!)) vs \(PaperCheckDocument.format(shaped[sparseBest]!)) for the sparse optimum)"
                if label == "discount" { discountChanges += 1; discountExample = discountExample ?? example }
                else { attentionChanges += 1; attentionExample = attentionExample ?? example }
            }
        }
        claim.exactChecks = [
            ExactCheck(name: "max |SCAR return - R(y)| over all sequences and reward models", measured: maxReturnGap, tolerance: 1e-9),
            ExactCheck(name: "prefixes whose optimal next-word set differs (sparse vs SCAR, discount 1)", measured: Double(differingPrefixes), tolerance: 0),
        ]
        claim.measurements = [
            Measurement("reward models solved", Double(mdps.count), note: "VADER + \(tables) random tables"),
            Measurement("tables where SCAR with discount \(discount) changes the optimal sequence", Double(discountChanges), note: "of \(tables)"),
            Measurement("tables where unnormalised attention credit changes the optimal sequence", Double(attentionChanges), note: "of \(tables)"),
        ]
        claim.notes = [
            discountExample.map { "Counterexample, discount \(discount): \($0)." } ?? "No table in this run where a discount of \(discount) changes the optimal sequence.",
            attentionExample.map { "Counterexample, unnormalised attention (b = \(attentionShare)): \($0)." } ?? "No table in this run where unnormalised attention changes the optimal sequence.",
            "The theorem is about the optimum over complete sequences; C2b asks whether the per-step learner PPO approximates keeps it.",
        ]
        var learner = ClaimCheck(
            id: "C2b", title: "PPO's reward-to-go learner is unaffected by Shapley credit", paper: "SCAR",
            statement: "Implied by using the theorem for PPO: a learner that values each step by its reward to go reaches the same policy under Shapley rewards as under sparse rewards.",
            evidence: [PaperEvidence("The argument is potential-based shaping with a 'potential' that depends on the completed response, not on the prefix, so per-step values see rewards that depend on later tokens.",
                                     source: "papers.md, SCAR 'Theorem' (arXiv 2505.20417 and the ICLR 2026 reviews)")],
            design: "The same \(mdps.count) exactly solved reward models as C2a. Per-step backward induction on the reward to go under SCAR rewards (from the last position back, each prefix's next word maximises the sum of SCAR rewards from that step on, in the sequence the later choices complete), i.e. what a critic of the future converges to; the claim holds only if the chosen sequence is sparse-optimal in every reward model (exact check, tolerance 0: one counterexample refutes it). A learning comparison of PPO on this token MDP is not run.")
        learner.exactChecks = [
            ExactCheck(name: "reward models where reward-to-go backward induction under SCAR picks a suboptimal sequence", measured: Double(rewardToGoSuboptimal), tolerance: 0),
        ]
        learner.measurements = [
            Measurement("reward models solved", Double(mdps.count), note: "VADER + \(tables) random tables; 0 suboptimal under sparse rewards by construction"),
            Measurement("VADER's model is one of them (1 = yes)", vaderRewardToGoSuboptimal ? 1 : 0),
        ]
        return [claim, learner]
    }
}

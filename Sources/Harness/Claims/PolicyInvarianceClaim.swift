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
/// checks; a universal claim on an exact computation, so one reward model where it fails refutes
/// it), and C2b, whether PPO's learner is unaffected in practice: decided by the learning
/// comparison `TokenMDPLearning` (PPO under SCAR vs sparse credit on VADER and the first
/// `learning.tables` tables, equivalence of the final expected reward within 5% of the gap from
/// the untrained policy to the optimum, paired by reward model), with the count of reward models
/// where per-step backward induction on the reward to go under SCAR rewards (which are not Markov
/// in the prefix) picks a suboptimal sequence as a measurement beside it, and the runs'
/// `PlateauCheck` (tolerance the margin) deciding whether the test is at convergence.
enum PolicyInvarianceClaim {
    static let vocabulary = ["good", "not", "very", "bad"]
    static let horizon = 3
    static let discount = 0.9
    static let attentionShare = 0.8

    /// The reward models, named: "vader" (VADER's compound score of the words joined by spaces),
    /// then "table-i" for i < `tables`, R(y) ~ N(0, 1) independently for every sequence of length
    /// 0...T, drawn from `RandomStream(seed: seed, stream: 0xC2)`'s substream i.
    static func models(tables: Int, seed: UInt64) throws -> [(String, TokenMDP)] {
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
        return mdps
    }

    /// C2a and C2b over VADER and `tables` seeded tables; C2b's learning runs `jobs` at a time,
    /// its bootstrap interval from `stream`.
    static func check(tables: Int, seed: UInt64, learning: TokenMDPLearning, jobs: Int, stream: RandomStream) throws -> [ClaimCheck] {
        var claim = ClaimCheck(
            id: "C2a", title: "Policy invariance under Shapley credit", paper: "SCAR",
            statement: "Shapley-shaped rewards preserve the optimal policy (argued as potential-based shaping: with discount 1 and credits that sum to the sequence reward, every complete trajectory keeps its return).",
            evidence: [
                PaperEvidence("Theorem: the optimal policy is preserved; the argument needs discount 1 and credits summing to the sequence reward up to the prompt-only constant v(empty); the 'potential' depends on the completed response, not the prefix.",
                              source: "papers.md, SCAR 'Theorem' (arXiv 2505.20417 and the ICLR 2026 reviews)"),
                PaperEvidence("No empirical check of the theorem is reported.", source: "papers.md, SCAR 'Reported results'"),
            ],
            design: "Exact solution of a token MDP (V = 4 words, T = 3, all 64 sequences enumerated): VADER over {\(vocabulary.joined(separator: ", "))} and \(tables) seeded standard-normal reward tables over all sequences of length 0-3 (seed \(seed)). For each, the optimal next-word set at every prefix under sparse rewards vs SCAR rewards (exact Shapley values + v(empty)/T, discount 1); tolerance 1e-9. Counterexample search over the same tables: SCAR with discount \(discount), and ABC-like credit with unnormalised attention (b = \(attentionShare)).")
        let mdps = try models(tables: tables, seed: seed)
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
            design: "PPO on the token MDP of C2a (V = 4 words, T = 3), on VADER and the first \(learning.tables) of C2a's tables: the project's PPO loop over a tabular softmax policy per prefix (starting uniform, which is also pi_ref) with a value table over the 21 decision prefixes, under sparse credit and under SCAR credit (exact Shapley + v(empty)/T through `CreditScheme.unitRewards` over the MDP's game, as training computes it); \(learning.description), both schemes of a model and seed from the same run seed (paired). Measured exactly at the end by enumerating the 64 sequences: the expected reward, normalised per model as (E[R] - mean R) / (max R - mean R) (0 untrained, 1 optimal), the probability of an optimal sequence, whether the greedy sequence is optimal. Test, fixed before the run: equivalence (TOST, alpha 0.05) of SCAR's and sparse's normalised final expected reward within +-\(PaperCheckDocument.format(ClaimMargins.fraction)), one value per model (the mean over its seeds), paired by model; supported: equivalent (the learner is unaffected in practice); not supported: the 95% interval of the difference lies wholly outside +-the margin; decided only if both schemes' normalised training-batch rewards pass the plateau check with the margin as tolerance. Beside it, a measurement: per-step backward induction on the reward to go under SCAR rewards (from the last position back, each prefix's next word maximises the sum of SCAR rewards from that step on, in the sequence the later choices complete; what a critic of the future converges to) over all \(mdps.count) reward models of C2a.")
        let outcomes = try learning.run(mdps.prefix(1 + learning.tables).map { $0.1 }, seed: seed, jobs: jobs)
        var test = try TokenMDPLearning.test(scar: TokenMDPLearning.perModel(outcomes, scheme: .shapley) { $0.normalisedReward },
                                             sparse: TokenMDPLearning.perModel(outcomes, scheme: .sparse) { $0.normalisedReward }, stream: stream)
        let plateaus = try TokenMDPLearning.schemes.map { scheme in
            try PlateauCheck(outcomes.filter { $0.scheme == scheme }.map(\.curve), tolerance: test.margin)
        }
        let moving = plateaus.filter { !$0.passes }.map(\.scheme)
        if !moving.isEmpty { test.notAtConvergence = "token MDP: plateau of \(moving.joined(separator: " and ")) not shown" }
        learner.tests = [test]
        let runs = outcomes.count / TokenMDPLearning.schemes.count
        let mean = Descriptive.meanOrNaN
        learner.measurements = [
            Measurement("reward models solved for backward induction", Double(mdps.count), note: "VADER + \(tables) random tables; 0 suboptimal under sparse rewards by construction"),
            Measurement("reward models where reward-to-go backward induction under SCAR picks a suboptimal sequence", Double(rewardToGoSuboptimal), note: "of \(mdps.count); VADER's among them: \(vaderRewardToGoSuboptimal ? "yes" : "no")"),
        ]
        for scheme in TokenMDPLearning.schemes {
            let name = scheme.creditScheme!.description
            let own = outcomes.filter { $0.scheme == scheme }
            learner.measurements += [
                Measurement("\(name): final expected reward, normalised", mean(own.map(\.normalisedReward)), note: "mean over \(runs) runs (\(1 + learning.tables) models x \(learning.seedsPerModel) seeds)"),
                Measurement("\(name): final expected reward", mean(own.map(\.expectedReward)), note: "mean over the runs, in each model's own units"),
                Measurement("\(name): final probability of an optimal sequence", mean(own.map(\.optimalProbability)), note: "mean over the runs"),
                Measurement("\(name): runs whose greedy sequence is optimal", Double(own.filter(\.greedyIsOptimal).count), note: "of \(runs)"),
            ]
            let misled = own.filter { !$0.rewardToGoIsOptimal }
            learner.measurements.append(Measurement(
                "\(name): runs whose greedy sequence is the suboptimal one of reward-to-go backward induction under SCAR",
                Double(misled.filter(\.greedyIsRewardToGo).count), note: "of \(misled.count) runs on the models where that sequence is suboptimal"))
        }
        learner.measurements += plateaus.map(\.measurement)
        return [claim, learner]
    }
}

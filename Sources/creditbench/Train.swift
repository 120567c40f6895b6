import CSVFiles
import ArgumentParser
import Foundation
import Harness
import Learning
import Service
import Shapley
import Tasks

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train one policy by PPO under one credit scheme and write its learning curve.",
        discussion: """
        The learners of `reproduce`, one run at a time, with every credit setting open: sentiment \
        control (a GRU word model fitted to movie-review snippets continues a prompt; VADER scores \
        prompt + response; KL penalty to the fitted model), the same under the learned transformer \
        classifier (task sentiment-transformer; --task sentiment --model transformer is an alias of it, \
        the same run), extractive summarization (ROUGE-1 F of up \
        to 3 BBC sentences) and instruction following (IFEval checks of a response built from actions).

        Schemes, in the one spelling of the curve files, claims and plots: sparse (R on the last step), \
        sparse*F (F R there), sparse(baseline=prompt) (v(empty)/T per step plus R - v(empty) on the \
        last, v(empty) the reward of the prompt alone: SCAR's baseline term without credit), uniform (R/T per step), loo(units=U) (leave-one-out, not efficient), \
        abc(b=B) (attention credit, sentiment tasks only; b = 0.8 when left out; on sentiment-transformer \
        the reward model's own last-layer attention from its [CLS] token, as in Chan et al. 2024; \
        with VADER, which has no attention, a separately trained attention model's weights, a proxy), \
        and scar(units=U;alpha=A;exact<=N;estimator=E;budget=B;missing=M) (SCAR: alpha times the \
        Shapley credit of the units plus (1 - alpha) sparse; exact for at most N units, else \
        estimator E at B reward calls per response; missing=mask replaces each run of missing units \
        by one [MASK] instead of removing them, SCAR's blank-mask variant, sentiment tasks only). Keys left out take the task's defaults, which --units, --estimator, \
        --budget and --exact-up-to change: sentiment units=spans:12;alpha=1;exact<=10;estimator=owen;budget=500, \
        the other tasks units=actions;alpha=1;exact<=6;estimator=antithetic;budget=64. Units: tokens, \
        punctuation (SCAR's own spans, cut right after each of . , ; ? !; with missing=mask its blank-mask variant), spans:K or sentences for the sentiment tasks; actions (the episode's) for the other tasks.

        Shows progress per PPO step on standard error; at the end writes one CSV row per step (step, \
        mean_reward, mean_kl, reward_calls, mean_length, elapsed_seconds, exact_kl; mean_reward is the \
        training batch's true reward before that step's update; mean_kl the sampled estimate \
        sum_t log pi/pi_ref(a_t) PPO penalises; exact_kl the same KL(pi || pi_ref) summed exactly over \
        the vocabulary (sentiment) or the legal actions (other tasks) at each visited state) and prints \
        a JSON summary (held-out reward of the untrained and the trained policy, the held-out \
        evaluations, reward-model calls, both KLs averaged over the last 10 steps; on sentiment also \
        T and pi_ref's held-out loss over all held-out steps and over the first T).

        Held out: sentiment's prompts are split 75/25 (seed 2025) into training prompts, the only \
        ones the batches draw, and evaluation prompts; summarization evaluates on a seeded 20% of \
        the articles (seed 2025), instruction following on every fifth IFEval prompt. After 0, k, \
        2k, ... PPO steps and after the last, the policy is evaluated on its task's held-out \
        instances (128 sampled episodes, from the seed's own evaluation stream, so k never changes \
        the training curve); k is --evaluation-interval, by default max(1, round(steps / 20)). --kl-coefficient and --learning-rate change PPO's \
        settings (one cell of the reward-KL sweep that `reproduce` runs); --critic prompt-aware gives \
        sentiment's value head the prompt too (a control for SCAR's baseline term). Same arguments, \
        same curve (elapsed time aside).

        Equal reward-model calls (the comparison `reproduce` runs): a SCAR run's reward_calls over \
        steps x batch is its calls per episode c, where sparse and ABC make 1; --scheme sparse --batch \
        round(c x B) makes about SCAR's calls per step at batch B (and also draws c times the episodes). \
        The other way, scar(units=tokens;exact<=0;estimator=kernelshap-unbiased;budget=4) holds \
        token-level SCAR to at most 4 calls per response (v(empty), v(N), one coalition and its \
        complement; exact<=0 so the budget binds on every response); kernelshap, permutation and owen \
        need at least n + 1 calls for n tokens (9 at sentiment's 8-word horizon), and a smaller budget \
        stops the run at the first longer response with a one-line error.

        --reward-model URL (sentiment, summarization) puts a reward model served over HTTP (the \
        protocol of `serve-reward`; see the README) in place of VADER or ROUGE-1: it scores the \
        responses, the held-out evaluation and every coalition of the SCAR and leave-one-out games \
        (summarization: the article's reference summary sent along). reward_calls still counts \
        distinct coalitions per game; the summary adds texts_sent, the texts the server scored.

        Examples:
          creditbench train --task sentiment --scheme 'scar(units=spans:12)' --steps 100 --output scar.csv
          creditbench train --task sentiment --scheme 'abc(b=0.5)' --steps 100
          creditbench train --task sentiment --scheme 'sparse(baseline=prompt)' --critic prompt-aware --kl-coefficient 0.1
          creditbench train --task sentiment-transformer --scheme 'scar(units=tokens;missing=mask)'
          creditbench train --task sentiment --horizon 32 --scheme 'scar(units=tokens)' --steps 300
          creditbench train --task summarization --scheme sparse --seed 3
          creditbench train --task sentiment --scheme sparse --steps 300 --batch 91
          creditbench train --task sentiment --scheme 'scar(units=tokens;exact<=0;estimator=kernelshap-unbiased;budget=4)' --steps 300
          creditbench train --task instructions --scheme scar --estimator kernelshap-paired --budget 200
          creditbench train --task sentiment --scheme scar --steps 20 --reward-model http://127.0.0.1:8080/ --cache scores
        """
    )

    @Option(help: "\(RegisteredTask.list(SCARTask.allCases.map(\.rawValue))).")
    var task: SCARTask

    @Option(help: "Credit scheme (see above).")
    var scheme: String = "scar"

    @Option(help: "Default units of the SCAR and leave-one-out games (sentiment: tokens, punctuation, spans, spans:K or sentences; default spans:12).")
    var units: String?

    @Option(help: "SCAR's default estimator above the exact limit: \(EstimatorRegistry.samplingNames.joined(separator: ", ")) (owen on sentiment only).")
    var estimator: String?

    @Option(help: "SCAR's default reward-model calls per response (default: 500 sentiment, 64 the action tasks).")
    var budget: Int?

    @Option(help: "SCAR's default largest unit count enumerated exactly (default: 10 sentiment, 6 the action tasks).")
    var exactUpTo: Int?

    @Option(help: "Sentiment reward model: vader (task sentiment's; rule-based, ABC's attention is a separate model's, a proxy) or transformer (task sentiment-transformer's: the committed learned classifier gives the reward, SCAR's v(S) and ABC's attention; --task sentiment --model transformer is an alias of --task sentiment-transformer). Default: the task's.")
    var model: SentimentReward?

    @Option(help: "Sentiment policy: gru or contextWindow.")
    var policy: SentimentRLExperiment.Configuration.Policy = .gru

    @Option(help: "Sentiment value head: position-word (position and previous word) or prompt-aware (those and the prompt).")
    var critic: SentimentRLExperiment.Configuration.Critic = .positionAndWord

    @Option(help: "Sentiment: T, the most words in a response (default 8). pi_ref is fitted again for the run and the horizon is part of the stored runs' key, so runs at one horizon are never read back as another's; beta stays per token. Token-level SCAR enumerates exactly up to --exact-up-to words and estimates above it.")
    var horizon: Int?

    @Option(help: "beta of the per-step KL penalty to pi_ref (default: 0.05 sentiment, 0.01 the action tasks).")
    var klCoefficient: Double?

    @Option(help: "Adam's learning rate for the policy (default: 0.002 GRU, 0.02 context window, 0.05 the action tasks).")
    var learningRate: Double?

    @Option(help: "PPO steps.")
    var steps: Int = 100

    @Option(help: "Episodes per PPO step.")
    var batch: Int = 32

    @Option(help: "Seed of the run (sampling, estimators, shuffles, evaluation).")
    var seed: UInt64 = 0

    @Option(help: "k: evaluate the policy on the held-out instances after every k PPO steps, at step 0 and after the last (default: max(1, round(steps / 20))).")
    var evaluationInterval: Int?

    @Option(help: "Where the per-step CSV goes.")
    var output: String = "curve.csv"

    @OptionGroup(title: "Reward model over HTTP (sentiment, summarization)")
    var http: HTTPRewardOptions

    /// The task trained: `--task`, except that `--task sentiment --model transformer` is the
    /// `sentiment-transformer` task (the same learner it always trained).
    var learningTask: SCARTask { task == .sentiment && model == .transformer ? .sentimentTransformer : task }

    func validate() throws {
        let task = learningTask
        if http.url != nil, !(TaskRegistry.task(named: task.rawValue)?.acceptsRemoteRewardModel ?? false) {
            let accepting = TaskRegistry.namesAcceptingRemoteRewardModels
            throw ValidationError("--reward-model applies to the \(accepting.joined(separator: " and ")) tasks; \(task.rawValue) keeps its own reward model")
        }
        guard steps >= 1, batch >= 1 else { throw ValidationError("--steps and --batch must be at least 1") }
        if let evaluationInterval, evaluationInterval < 1 { throw ValidationError("--evaluation-interval must be at least 1, got \(evaluationInterval)") }
        if let budget, budget < 1 { throw ValidationError("--budget must be at least 1, got \(budget)") }
        if let klCoefficient, !(klCoefficient >= 0 && klCoefficient.isFinite) {
            throw ValidationError("--kl-coefficient must be a finite number >= 0, got \(klCoefficient)")
        }
        if let learningRate, !(learningRate > 0 && learningRate.isFinite) {
            throw ValidationError("--learning-rate must be a finite number > 0, got \(learningRate)")
        }
        if let exactUpTo, !(0...Coalition.maximumPlayers).contains(exactUpTo) {
            throw ValidationError("--exact-up-to must be in 0...\(Coalition.maximumPlayers), got \(exactUpTo)")
        }
        let credit = try credit()
        if let options = (credit.rule as? ShapleyCredit)?.options {
            if !EstimatorRegistry.samplingNames.contains(options.estimator) {
                throw ValidationError("SCAR's estimator must be a sampling estimator (\(EstimatorRegistry.samplingNames.joined(separator: ", "))); use exact<=N for exact")
            }
            if options.units == .actions, try EstimatorRegistry.entry(named: options.estimator).capabilities.needsPartition {
                throw ValidationError("\(options.estimator) needs coarser units to group by; the \(task.rawValue) task's units are actions")
            }
        }
        if let horizon {
            guard task.sentimentReward != nil else { throw ValidationError("--horizon sets the sentiment response length; the \(task.rawValue) task's episodes have their own") }
            guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1 word, got \(horizon)") }
        }
        if critic == .promptAware, task.sentimentReward == nil {
            throw ValidationError("--critic prompt-aware is a sentiment option; the \(task.rawValue) task's value head reads its state features")
        }
        if let model, let own = task.sentimentReward, model != own {
            throw ValidationError("the \(task.rawValue) task's reward is \(own.rawValue); for \(model.rawValue) use --task \(SCARTask.allCases.first { $0.sentimentReward == model }?.rawValue ?? "sentiment")")
        }
        if model != nil, task.sentimentReward == nil {
            throw ValidationError("--model chooses the sentiment reward; the \(task.rawValue) task has its own")
        }
        if http.url != nil, model != nil {
            throw ValidationError("--model and --reward-model both choose the reward; give one")
        }
        if let options = (credit.rule as? ShapleyCredit)?.options, options.masksMissingUnits, options.units == .actions {
            throw ValidationError("missing=mask blanks missing text units; the \(task.rawValue) task's units are actions")
        }
        if credit.needsAttention, task.sentimentReward == nil {
            throw ValidationError("abc needs an attention model over the text; only the sentiment tasks have one")
        }
    }

    /// `defaults` with --kl-coefficient and --learning-rate applied.
    func ppo(_ defaults: PPOSettings) -> PPOSettings {
        var settings = defaults
        if let klCoefficient { settings.klCoefficient = klCoefficient }
        if let learningRate { settings.policyLearningRate = learningRate }
        return settings
    }

    /// The scheme, its missing keys taken from the task's defaults as --units, --estimator,
    /// --budget and --exact-up-to change them.
    func credit() throws -> CreditScheme {
        var defaults = learningTask.creditDefaults
        if let units {
            guard let parsed = CreditUnits(parsing: units) else {
                throw ValidationError("unknown --units '\(units)'; expected tokens, punctuation, spans, spans:K, sentences or actions")
            }
            defaults.units = parsed
        }
        if let estimator { defaults.estimator = estimator }
        if let budget { defaults.budget = budget }
        if let exactUpTo { defaults.exactUpTo = exactUpTo }
        do {
            return try CreditScheme(parsing: scheme, defaults: defaults)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    struct Summary: Encodable {
        let task: String
        /// The built-in sentiment reward (--model; absent for the other tasks and over HTTP).
        let rewardModel: String?
        let scheme: String, units: String
        let seed: UInt64, steps: Int, batch: Int
        let output: String
        let referenceEvaluation: Double, finalEvaluation: Double
        /// The held-out evaluations in step order (the last is `finalEvaluation`).
        let evaluations: [Evaluation]
        let rewardCalls: Int, seconds: Double
        /// Mean per-episode KL estimate to pi_ref over the last 10 steps (the reward-KL trade-off),
        /// sampled and exact over the actions.
        let finalMeanKL: Double, finalExactKL: Double
        let critic: String
        /// T, the most words in a response, and pi_ref's held-out loss (nats per step) over all
        /// held-out steps and over the first T (sentiment only).
        let horizon: Int?
        let referenceHeldOutLoss: Double?, referenceHeldOutLossWithinHorizon: Double?
        /// Texts sent to the --reward-model server (absent for a built-in model).
        let textsSent: Int?

        struct Evaluation: Encodable {
            let step: Int
            let meanReward: Double
            enum CodingKeys: String, CodingKey {
                case step
                case meanReward = "mean_reward"
            }
        }

        enum CodingKeys: String, CodingKey {
            case task, scheme, units, seed, steps, batch, output, seconds, critic, horizon, evaluations
            case textsSent = "texts_sent"
            case finalExactKL = "final_exact_kl"
            case rewardModel = "reward_model"
            case referenceEvaluation = "reference_evaluation", finalEvaluation = "final_evaluation", rewardCalls = "reward_calls"
            case finalMeanKL = "final_mean_kl"
            case referenceHeldOutLoss = "reference_held_out_loss", referenceHeldOutLossWithinHorizon = "reference_held_out_loss_within_horizon"
        }
    }

    func run() throws {
        let task = learningTask
        let credit = try credit()
        let pool = try http.pool()
        let progress = ProgressBar(total: steps, label: "\(task.rawValue) \(credit) PPO steps")
        let curve: LearningCurve, reference: Double, sentiment: SentimentRLExperiment?
        do {
            let reward = pool.map { pool in (name: pool.name, make: { @Sendable (reference: String?) in try pool.model(reference: reference) as any TextRewardModel & Sendable }) }
            let learner = try task.learner(LearnerOptions(ppo: ppo, wordPolicy: policy, sentimentReward: task.sentimentReward ?? .vader, reward: reward,
                                                          critic: critic, horizon: horizon, evaluationInterval: evaluationInterval))
            curve = try learner.train(credit, seed: seed, steps: steps, batchSize: batch, progress: progress.update)
            reference = try learner.referenceEvaluation(seed: seed)
            sentiment = (learner as? SentimentRLAdapter)?.experiment
        } catch {
            throw CommandFailure("\(error)")
        }
        let url = URL(fileURLWithPath: output)
        let file = try CSVWriter(url: url, columns: ["step", "mean_reward", "mean_kl", "reward_calls", "mean_length", "elapsed_seconds", "exact_kl"])
        for (point, seconds) in zip(curve.points, curve.elapsedSeconds) {
            try file.write([String(point.step), CSVWriter.cell(point.meanReward), CSVWriter.cell(point.meanKL),
                            String(point.rewardCalls), CSVWriter.cell(point.meanLength), CSVWriter.cell(seconds),
                            CSVWriter.cell(point.meanExactKL)])
        }
        let tail = curve.points.suffix(10)
        print(try JSONOutput.string(Summary(
            task: task.rawValue, rewardModel: pool == nil ? task.sentimentReward?.rawValue : nil, scheme: credit.description, units: credit.units?.description ?? "none",
            seed: seed, steps: steps, batch: batch, output: url.path, referenceEvaluation: reference,
            finalEvaluation: curve.finalEvaluation,
            evaluations: curve.evaluations.map { Summary.Evaluation(step: $0.step, meanReward: $0.meanReward) },
            rewardCalls: curve.totalRewardCalls,
            seconds: curve.elapsedSeconds.last ?? 0,
            finalMeanKL: tail.reduce(0) { $0 + $1.meanKL } / Double(tail.count),
            finalExactKL: tail.reduce(0) { $0 + $1.meanExactKL } / Double(tail.count),
            critic: task.sentimentReward != nil ? critic.rawValue : "state-features",
            horizon: sentiment?.configuration.horizon, referenceHeldOutLoss: sentiment?.referenceHeldOutLoss,
            referenceHeldOutLossWithinHorizon: sentiment?.referenceHeldOutLossWithinHorizon,
            textsSent: pool?.textsSent)))
    }
}

extension SCARTask: ExpressibleByArgument {}
extension SentimentRLExperiment.Configuration.Policy: ExpressibleByArgument {}
extension SentimentRLExperiment.Configuration.Critic: ExpressibleByArgument {}
extension SentimentReward: ExpressibleByArgument {}

import Learning
import Statistics
import Tasks

/// Instruction following: IFEval prompts, scored by Google's verifiable-instruction checks.
/// - `explain`: IFEval prompt `--prompt-key` with `--text` or GPT-4's stored response, at the
///   instruction level (fraction followed) or the prompt level (all or nothing);
/// - comparison instances (`instructions-ifeval`): GPT-4's responses at sentence level,
///   instruction-level reward;
/// - learning: a log-linear policy builds a response from a 60-sentence bank
///   (`SentenceBank.load(size: 60, seed: 1)`) in at most 24 actions (`InstructionEnvironment`),
///   every fifth prompt (index mod 5 == 0) held out for evaluation, instruction-level reward;
///   SCAR (`ShapleyCreditOptions.actions`) is exact up to 6 actions, else antithetic permutation
///   sampling at 64 value calls (efficient by construction).
struct InstructionsBenchmark: BenchmarkTask {
    static let bankSize = 60
    static let bankSeed: UInt64 = 1
    let name = "instructions"
    let explainUsage = """
        --prompt-key K [--text RESPONSE] [--ifeval-level instruction|prompt]
                        (IFEval prompt K from tasks/instructions; the default response is GPT-4's)
        """

    func explain(_ request: ExplainRequest) throws -> ExplainedGame {
        let entry = try IFEvalDataset.load().entry(key: try request.required(request.promptKey, "--prompt-key", task: name))
        guard let response = request.text ?? entry.referenceResponse else {
            throw HarnessError.invalidPlan("IFEval prompt \(entry.key) has no stored response; give one with --text")
        }
        let level = try ExplainRequest.parse(request.ifevalLevel, as: IFEvalReward.Level.self, option: "--ifeval-level")
        return try request.textGame(response, reward: IFEvalReward(item: entry.item, level: level))
    }

    func comparisonInstances(perTask count: Int, random: RandomStream) throws -> [ComparisonInstance] {
        let ifeval = try IFEvalDataset.load().entries.filter { $0.referenceResponse != nil }
        let items = Dictionary(uniqueKeysWithValues: ifeval.map { (String($0.key), $0.item) })
        return try TaskInstances.textInstances(
            task: "instructions-ifeval", candidates: ifeval.map { (String($0.key), $0.referenceResponse!) },
            level: .sentences, model: { IFEvalReward(item: items[$0]!) }, count: count, random: random)
    }

    var explainExample: ExplainRequest {
        var request = ExplainRequest()
        request.promptKey = 1000
        request.units = "sentences"
        return request
    }

    var learning: SCARTask? { .instructions }
}

extension SCARTask {
    /// Instruction following. Schemes: sparse, sparse with the reward doubled and SCAR over the
    /// actions (no attention-bearing reward model exists for IFEval, so no ABC).
    public static let instructions = SCARTask(
        name: "instructions", title: "Instruction following (IFEval): fraction of instructions followed",
        creditDefaults: .actions, schemes: [.sparse, .scaledSparse(factor: 2), .shapley(.actions)], denseBaselines: [],
        attainable: (1, "at most every instruction is followed (fraction 1)"),
        quickSize: (30, 8), fullSize: (100, 16),
        makeLearner: { options in
            let (size, seed) = (InstructionsBenchmark.bankSize, InstructionsBenchmark.bankSeed)
            let environment = try InstructionEnvironment(dataset: try IFEvalDataset.load(), bank: try SentenceBank.load(size: size, seed: seed))
            let indices = Array(environment.prompts.indices)
            return try ActionTaskRLAdapter(
                environment: environment, trainingEpisodes: indices.filter { $0 % 5 != 0 }, evaluationEpisodes: indices.filter { $0 % 5 == 0 },
                episodeNoun: "prompts", dataKey: "prompts=\(environment.prompts.count);bank=\(size)x\(seed)", options: options)
        })
}

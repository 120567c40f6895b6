import Foundation
import Shapley
import Statistics

/// How a sentiment reward model scores partial texts: SCAR's v(S) for coalitions S of a text's
/// tokens, by removal and by blank mask, against the scores of full texts.
///
/// SCAR assumes a reward model scores partial texts sensibly. For each model this measures, on
/// held-out texts, the distribution of full-text scores v(N), the distribution of coalition
/// scores v(S), and how often a coalition scores outside the range [min v(N), max v(N)] of the
/// full texts (and outside their central 90%, [q05, q95]). The outside fractions do not depend on
/// the model's scale, so VADER (compound, [-1, 1]), the learned model ([-4, 4]) and the
/// transformer ((-1, 1)) compare directly.
///
/// Coalitions are drawn as a permutation-sampling Shapley estimator meets them: per text, a size
/// k uniform on 0..<n (proper coalitions, the empty one included), then k of the n tokens
/// uniformly. Every model and both completions see the same texts and the same coalitions
/// (`RandomStream(seed:)`). Texts go through `TextGame` at the token level, exactly as SCAR's
/// games build them; the blank is `TransformerSentimentModel.maskText`. With `prompts`, text i is
/// a response scored after its prompt i (`PromptedRewardModel`: the prompt always present, never a
/// player), as SCAR's response games on the RL task score it.
public enum SentimentPartialTextReport {
    public struct Configuration: Sendable, Equatable {
        public var seed: UInt64 = 12
        /// Texts used: the first this many (in the given order) with `minTokens...maxTokens` tokens.
        public var texts = 300
        public var minTokens = 4
        public var maxTokens = 24
        public var coalitionsPerText = 20

        public init() {}
    }

    /// A sample's summary.
    public struct Distribution: Sendable, Equatable, Codable {
        public var count: Int
        public var mean: Double
        public var standardDeviation: Double
        /// Quantiles 0, 0.05, 0.25, 0.5, 0.75, 0.95, 1 (type 7).
        public var quantiles: [Double]

        init(_ values: [Double]) throws {
            count = values.count
            mean = try Descriptive.mean(values)
            standardDeviation = values.count > 1 ? try Descriptive.standardDeviation(values) : 0
            quantiles = try Descriptive.quantiles(values, [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1])
        }
    }

    /// One model under one completion.
    public struct Row: Sendable, Equatable, Codable {
        public var model: String
        /// "removal" or "mask".
        public var completion: String
        public var full: Distribution
        public var coalitions: Distribution
        /// Mean v(empty) over the texts: the score of "" (removal) or of the blank alone (mask),
        /// after each text's prompt when there are prompts.
        public var empty: Double
        /// Fraction of coalition scores below min v(N) or above max v(N).
        public var outsideFullRange: Double
        /// Fraction below the 5% or above the 95% quantile of v(N) (about 0.10 if coalitions
        /// scored like full texts).
        public var outsideFullCentral90: Double
        /// Mean |v(S) - v(N)| over coalitions, divided by the standard deviation of v(N).
        public var meanGapToFullInFullSD: Double
    }

    /// `rows` as a markdown section headed `title`: per row the q05 / median / q95 of v(N) and of
    /// v(S), mean v(empty), the fractions outside [min, max] and [q05, q95] of v(N), and the mean
    /// gap in sd of v(N).
    public static func markdown(title: String, rows: [Row]) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return """
            ## \(title)

            | model | completion | v(N) q05 / median / q95 | v(S) q05 / median / q95 | mean v(empty) | v(S) outside [min, max] v(N) | outside [q05, q95] v(N) | mean abs(v(S) - v(N)) / sd v(N) |
            |---|---|---|---|---|---|---|---|

            """ + rows.map { row in
                let fq = row.full.quantiles, cq = row.coalitions.quantiles
                return "| \(row.model) | \(row.completion) | \(f(fq[1])) / \(f(fq[3])) / \(f(fq[5])) | \(f(cq[1])) / \(f(cq[3])) / \(f(cq[5])) | "
                    + "\(f(row.empty)) | \(f(row.outsideFullRange)) | \(f(row.outsideFullCentral90)) | \(f(row.meanGapToFullInFullSD)) |\n"
            }.joined()
    }

    /// The texts the report uses: `configuration.texts` of `snippets` (in order) whose token
    /// count lies in `minTokens...maxTokens`.
    public static func texts(from snippets: [SentimentSnippet], configuration: Configuration) -> [String] {
        let segmenter = TextSegmenter(level: .tokens)
        return Array(snippets.lazy.map(\.text).filter {
            (configuration.minTokens...configuration.maxTokens).contains(segmenter.units($0).count)
        }.prefix(configuration.texts))
    }

    /// The report's rows: for each model, removal then mask. `prompts`, when given, holds one
    /// prompt per text.
    public static func run(models: [any TextRewardModel], texts: [String], prompts: [String]? = nil,
                           configuration: Configuration) throws -> [Row] {
        precondition(prompts.map { $0.count == texts.count } ?? true, "one prompt per text")
        // The same coalitions for every model and completion.
        let random = RandomStream(seed: configuration.seed)
        let segmenter = TextSegmenter(level: .tokens)
        let coalitions: [[Coalition]] = texts.map { text in
            let n = segmenter.units(text).count
            return (0..<configuration.coalitionsPerText).map { _ in
                Coalition(random.sample(random.integer(below: n), from: n))
            }
        }
        var rows: [Row] = []
        for model in models {
            for completion in [TextGame.Completion.removal, .mask(TransformerSentimentModel.maskText)] {
                var full: [Double] = []
                var partial: [(value: Double, full: Double)] = []
                var empty = 0.0
                for (i, (text, draws)) in zip(texts, coalitions).enumerated() {
                    let scored: any TextRewardModel = prompts.map { PromptedRewardModel(prompt: $0[i], base: model) } ?? model
                    let game = try TextGame(text: text, level: .tokens, model: scored, completion: completion)
                    let whole = try game.value(of: .grand(game.playerCount))
                    full.append(whole)
                    empty += try game.value(of: .empty) / Double(texts.count)
                    for coalition in draws { partial.append((try game.value(of: coalition), whole)) }
                }
                let bounds = try Descriptive.quantiles(full, [0, 0.05, 0.95, 1])
                let sd = full.count > 1 ? try Descriptive.standardDeviation(full) : 0
                let count = Double(max(partial.count, 1))
                rows.append(Row(
                    model: model.name, completion: completion == .removal ? "removal" : "mask",
                    full: try Distribution(full), coalitions: try Distribution(partial.map(\.value)), empty: empty,
                    outsideFullRange: Double(partial.filter { $0.value < bounds[0] || $0.value > bounds[3] }.count) / count,
                    outsideFullCentral90: Double(partial.filter { $0.value < bounds[1] || $0.value > bounds[2] }.count) / count,
                    meanGapToFullInFullSD: sd == 0 ? 0 : partial.map { abs($0.value - $0.full) }.reduce(0, +) / count / sd))
            }
        }
        return rows
    }
}

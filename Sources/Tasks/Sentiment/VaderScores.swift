/// VADER's four outputs for one text, as `SentimentIntensityAnalyzer.score_valence` returns
/// them: `neg`, `neu`, `pos` rounded to 3 decimals and `compound` to 4 (Python `round`).
public struct VaderScores: Sendable, Equatable, CustomStringConvertible {
    public var neg: Double
    public var neu: Double
    public var pos: Double
    public var compound: Double

    public init(neg: Double, neu: Double, pos: Double, compound: Double) {
        self.neg = neg
        self.neu = neu
        self.pos = pos
        self.compound = compound
    }

    public var description: String {
        "{neg: \(neg), neu: \(neu), pos: \(pos), compound: \(compound)}"
    }

    /// `score_valence(sentiments, text)`, with `text` the emoji-expanded, stripped input, of
    /// which only the numbers of "!" and "?" matter.
    ///
    /// With no words every score is 0. Otherwise, with `s` the left-to-right sum of the word
    /// valences (Python 3.11's `sum`, starting at 0) and `p` the punctuation emphasis,
    /// `compound = normalize(s + sign(s) * p)`. For the proportions, each positive valence
    /// `v` adds `v + 1` to `P`, each negative adds `v - 1` to `N`, each zero counts one
    /// neutral; `p` is added to the larger of `P` and `|N|` (`N -= p` if `|N|` is larger,
    /// nothing on a tie); then `pos = |P / T|`, `neg = |N / T|`, `neu = |zeros / T|` with
    /// `T = P + |N| + zeros`.
    init(sentiments: [Double], exclamations: Int, questions: Int) {
        guard !sentiments.isEmpty else {
            self.init(neg: 0.0, neu: 0.0, pos: 0.0, compound: 0.0)
            return
        }
        var sum = sentiments.reduce(0.0, +)
        let emphasis = VaderScores.punctuationEmphasis(exclamations: exclamations, questions: questions)
        if sum > 0 {
            sum += emphasis
        } else if sum < 0 {
            sum -= emphasis
        }
        let compound = VaderScores.normalize(sum)

        var positive = 0.0
        var negative = 0.0
        var neutral = 0
        for sentiment in sentiments {
            if sentiment > 0 { positive += sentiment + 1 }
            if sentiment < 0 { negative += sentiment - 1 }
            if sentiment == 0 { neutral += 1 }
        }
        if positive > negative.magnitude {
            positive += emphasis
        } else if positive < negative.magnitude {
            negative -= emphasis
        }
        let total = positive + negative.magnitude + Double(neutral)
        self.init(
            neg: vaderPythonRound((negative / total).magnitude, digits: 3),
            neu: vaderPythonRound((Double(neutral) / total).magnitude, digits: 3),
            pos: vaderPythonRound((positive / total).magnitude, digits: 3),
            compound: vaderPythonRound(compound, digits: 4)
        )
    }

    /// `normalize(score, alpha=15)`: `score / sqrt(score^2 + 15)`, clamped to [-1, 1].
    static func normalize(_ score: Double) -> Double {
        let normalized = score / (score * score + 15).squareRoot()
        return min(1.0, max(-1.0, normalized))
    }

    /// `_punctuation_emphasis` of a text with `exclamations` "!" and `questions` "?": 0.292
    /// per "!" (at most 4 counted), plus, for 2 or 3 "?", 0.18 per "?" and, for 4 or more, 0.96.
    static func punctuationEmphasis(exclamations: Int, questions: Int) -> Double {
        let exclamations = min(exclamations, 4)
        var questionEmphasis = 0.0
        if questions > 1 {
            questionEmphasis = questions <= 3 ? Double(questions) * 0.18 : 0.96
        }
        return Double(exclamations) * 0.292 + questionEmphasis
    }
}

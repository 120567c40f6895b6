import ArgumentParser

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score texts with a task's reward model (one JSON object per input line).",
        subcommands: [ScoreRouge.self, ScoreSentiment.self, ScoreIFEval.self, ScoreLanguage.self]
    )
}

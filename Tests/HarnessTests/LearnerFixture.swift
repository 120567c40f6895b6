@testable import Harness

/// The real SCAR learners, loaded once for the tests that train (the sentiment one fits pi_ref:
/// about 30 s). Shared across threads: the learners are immutable and every run builds its own state.
enum LearnerFixture {
    nonisolated(unsafe) static let sentiment = Result { try SentimentRLAdapter() }
    nonisolated(unsafe) static let summarization = Result { try ActionTaskRLAdapter(task: .summarization) }
    nonisolated(unsafe) static let instructions = Result { try ActionTaskRLAdapter(task: .instructions) }

    static func runner(_ task: SCARTask) throws -> any SCARRunner {
        switch task {
        case .sentiment: return try sentiment.get()
        case .summarization: return try summarization.get()
        case .instructions: return try instructions.get()
        }
    }
}

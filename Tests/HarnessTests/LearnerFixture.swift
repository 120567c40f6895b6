@testable import Harness

/// Every registered task's SCAR learner, loaded once for the tests that train (the sentiment one
/// fits pi_ref: about 30 s). Shared across threads: the learners are immutable and every run
/// builds its own state.
enum LearnerFixture {
    nonisolated(unsafe) static let learners = Result {
        try Dictionary(uniqueKeysWithValues: SCARTask.allCases.map { ($0, try $0.learner()) })
    }

    static func runner(_ task: SCARTask) throws -> any SCARLearner {
        try learners.get()[task]!
    }
}

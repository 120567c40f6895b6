/// Why the recommendation task could not load its data or build a set game. Each case reads as
/// one line for the command line.
public enum RecommendationError: Error, Equatable, CustomStringConvertible {
    case malformedFile(file: String, line: Int, reason: String)
    case unknownUser(Int)
    case ineligibleUser(userID: Int, ratings: Int, minimum: Int)
    case unknownMovie(Int)
    case notInCatalog(movieID: Int, catalogSize: Int)
    case duplicateCandidate(Int)
    case wrongSetSize(got: Int, expected: Int)
    case invalidSetSize(k: Int, catalogSize: Int)
    case invalidParameter(String)
    case unknownUtility(String)

    public var description: String {
        switch self {
        case .malformedFile(let file, let line, let reason):
            return "\(file) line \(line): \(reason)"
        case .unknownUser(let id):
            return "user \(id) has no ratings in MovieLens (unknown user id)"
        case .ineligibleUser(let id, let ratings, let minimum):
            return "user \(id) has \(ratings) ratings, fewer than the \(minimum) the task needs"
        case .unknownMovie(let id):
            return "movie \(id) is not in movies.csv"
        case .notInCatalog(let id, let size):
            return "movie \(id) is not in the environment's catalog (its \(size) most-rated movies)"
        case .duplicateCandidate(let id):
            return "movie \(id) appears more than once in the candidate set; candidates must be distinct"
        case .wrongSetSize(let got, let expected):
            return "the candidate set has \(got) movies, the environment's K is \(expected)"
        case .invalidSetSize(let k, let catalogSize):
            return "set size K = \(k) is invalid: it must be in 1...\(min(catalogSize, SetUtility.maximumCandidates)) (the catalog has \(catalogSize) movies, a game at most \(SetUtility.maximumCandidates) players)"
        case .invalidParameter(let reason):
            return reason
        case .unknownUtility(let name):
            return "unknown set utility '\(name)'; choose one of \(SetUtility.names.joined(separator: ", "))"
        }
    }
}

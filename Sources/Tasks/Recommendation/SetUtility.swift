import Shapley

/// Which set utility scores a recommended set, with its parameters (see the game types for the
/// mathematics): `best` is `BestCandidateGame`, `mnl` is `ChoiceModelGame`, `coverage` is
/// `GenreCoverageGame`.
///
/// Defaults: beta = 1 per star and u0 = 3 stars for the logit, so a candidate the user rated
/// above 3 stars is more attractive than choosing nothing and an unrated one (relevance 0) is
/// e^-3 ~ 0.05 times as attractive; lambda = 1 star for covering all 19 genres.
public enum SetUtility: Equatable, Sendable {
    case best
    case multinomialLogit(beta: Double = 1, outsideUtility: Double = 3)
    case genreCoverage(lambda: Double = 1)

    /// Command-line names, in the order `best`, `mnl`, `coverage`.
    public static let names = ["best", "mnl", "coverage"]
    /// The most candidates a game can have (one bit per player in a `Coalition`).
    public static let maximumCandidates = Coalition.maximumPlayers

    /// The utility by its command-line name, with default parameters.
    public init(name: String) throws {
        switch name {
        case "best": self = .best
        case "mnl": self = .multinomialLogit()
        case "coverage": self = .genreCoverage()
        default: throw RecommendationError.unknownUtility(name)
        }
    }

    public var name: String {
        switch self {
        case .best: return "best"
        case .multinomialLogit: return "mnl"
        case .genreCoverage: return "coverage"
        }
    }

    /// The set game of candidates with these relevances and genres (one entry per candidate).
    /// Throws on non-finite parameters or a negative lambda (which would break monotonicity).
    public func game(relevances: [Double], genres: [[Int]], names: [String]? = nil) throws -> any CooperativeGame {
        switch self {
        case .best:
            return BestCandidateGame(relevances: relevances, names: names)
        case .multinomialLogit(let beta, let outsideUtility):
            guard beta.isFinite, outsideUtility.isFinite else {
                throw RecommendationError.invalidParameter("the logit's beta (\(beta)) and outside utility (\(outsideUtility)) must be finite")
            }
            return ChoiceModelGame(relevances: relevances, beta: beta, outsideUtility: outsideUtility, names: names)
        case .genreCoverage(let lambda):
            guard lambda.isFinite, lambda >= 0 else {
                throw RecommendationError.invalidParameter("the coverage bonus lambda must be a finite number >= 0, got \(lambda)")
            }
            return GenreCoverageGame(relevances: relevances, genres: genres, lambda: lambda, names: names)
        }
    }
}

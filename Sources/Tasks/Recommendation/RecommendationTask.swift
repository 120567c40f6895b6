import Shapley

/// The set-recommendation task (ShapE-GRPO's setting) on MovieLens latest-small: the data, the
/// eligible users (at least `minimumRatings` ratings) with their seeded profile / held-out
/// splits, and the set game of any candidate movies for any eligible user.
///
/// This is the entry point of `creditbench explain --task recommendation`:
///
///     let task = try RecommendationTask.load()
///     let game = try task.game(userID: 1, movieIDs: [1, 2, 3], utility: SetUtility(name: "best"))
///
/// Candidates may be any movies of `movies.csv` here; `RecommendationEnvironment` restricts them
/// to a catalog and a fixed K for training.
public struct RecommendationTask: Sendable {
    public static let defaultMinimumRatings = 20
    public static let defaultHeldOutFraction = 0.2

    public let data: MovieLensData
    public let seed: UInt64
    public let minimumRatings: Int
    /// Splits of the eligible users, by user id.
    public let splits: [Int: UserSplit]

    /// Splits every user with at least `minimumRatings` ratings (see `UserSplit`).
    public init(data: MovieLensData, seed: UInt64 = 0, minimumRatings: Int = defaultMinimumRatings,
                heldOutFraction: Double = defaultHeldOutFraction) throws {
        guard minimumRatings >= 1 else {
            throw RecommendationError.invalidParameter("the minimum number of ratings per user must be at least 1, got \(minimumRatings)")
        }
        guard heldOutFraction > 0, heldOutFraction < 1 else {
            throw RecommendationError.invalidParameter("the held-out fraction must be strictly between 0 and 1, got \(heldOutFraction)")
        }
        self.data = data
        self.seed = seed
        self.minimumRatings = minimumRatings
        var splits: [Int: UserSplit] = [:]
        for (userID, ratings) in data.ratingsByUser where ratings.count >= minimumRatings {
            splits[userID] = UserSplit(userID: userID, ratings: ratings, seed: seed, heldOutFraction: heldOutFraction)
        }
        self.splits = splits
    }

    /// The committed MovieLens copy with the default split.
    public static func load(seed: UInt64 = 0) throws -> RecommendationTask {
        try RecommendationTask(data: MovieLensData.load(), seed: seed)
    }

    /// Eligible user ids, ascending.
    public var eligibleUserIDs: [Int] { splits.keys.sorted() }

    /// The split of an eligible user; unknown and ineligible users are one-line errors.
    public func split(userID: Int) throws -> UserSplit {
        if let split = splits[userID] { return split }
        guard let ratings = data.ratingsByUser[userID] else { throw RecommendationError.unknownUser(userID) }
        throw RecommendationError.ineligibleUser(userID: userID, ratings: ratings.count, minimum: minimumRatings)
    }

    /// The user's genre tastes from their profile.
    public func genrePreference(userID: Int) throws -> GenrePreference {
        GenrePreference(profile: try split(userID: userID).profile, movies: data.movies)
    }

    /// The movies with these ids, in order; unknown ids, duplicates, an empty list and more than
    /// `SetUtility.maximumCandidates` movies are errors.
    public func candidates(_ movieIDs: [Int]) throws -> [Movie] {
        guard (1...SetUtility.maximumCandidates).contains(movieIDs.count) else {
            throw RecommendationError.invalidSetSize(k: movieIDs.count, catalogSize: data.movies.count)
        }
        var seen = Set<Int>()
        return try movieIDs.map { id in
            guard seen.insert(id).inserted else { throw RecommendationError.duplicateCandidate(id) }
            guard let movie = data.movies[id] else { throw RecommendationError.unknownMovie(id) }
            return movie
        }
    }

    /// The set game of `movieIDs` (player i = movieIDs[i], named "Title [id]") for the user under
    /// `utility`, relevances from the user's held-out ratings.
    public func game(userID: Int, movieIDs: [Int], utility: SetUtility) throws -> any CooperativeGame {
        let split = try split(userID: userID)
        let movies = try candidates(movieIDs)
        return try utility.game(
            relevances: movies.map { split.relevance(of: $0.id) },
            genres: movies.map(\.genres),
            names: movies.map { "\($0.title) [\($0.id)]" })
    }
}

import Foundation
import Shapley
import Statistics

/// What an RL set policy needs for MovieLens set recommendation: pick K distinct movies of a
/// fixed catalog for a user, observe one set reward, and (for Shapley credit) the set game.
///
/// - Catalog: the `catalogSize` most popular movies, popularity n_m = number of ratings of movie
///   m that are not held out (profiles of eligible users plus all ratings of other users), so no
///   held-out rating leaks into what the policy sees; ties broken by smaller movie id. Order:
///   most popular first.
/// - User features (`userFeatureCount` = 38): `GenrePreference.features` of the profile.
/// - Candidate features (`candidateFeatureCount` = 20): the movie's genre multi-hot over
///   `MovieGenre.names` (19 numbers), then popularity log(1 + n_m) / log(1 + max over the
///   catalog of n), in (0, 1].
/// - Set reward: v(N) of the set game under `utility` (relevances are held-out ratings, 0 when
///   not held out); `game` gives the whole game, players = candidate positions.
public struct RecommendationEnvironment: Sendable {
    public static let defaultCatalogSize = 100
    public static let userFeatureCount = 2 * MovieGenre.count
    public static let candidateFeatureCount = MovieGenre.count + 1

    public let task: RecommendationTask
    public let setSize: Int
    public let utility: SetUtility
    /// Catalog movies, most popular first.
    public let catalog: [Movie]
    /// Non-held-out rating counts of the catalog movies.
    public let popularity: [Int: Int]

    public init(task: RecommendationTask, setSize: Int, utility: SetUtility, catalogSize: Int = defaultCatalogSize) throws {
        guard catalogSize >= 1 else {
            throw RecommendationError.invalidParameter("the catalog size must be at least 1, got \(catalogSize)")
        }
        var counts: [Int: Int] = [:]
        for (userID, ratings) in task.data.ratingsByUser {
            let heldOut = task.splits[userID]?.heldOut ?? [:]
            for rating in ratings where heldOut[rating.movieID] == nil { counts[rating.movieID, default: 0] += 1 }
        }
        let ranked = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(catalogSize)
        guard setSize >= 1, setSize <= ranked.count, setSize <= SetUtility.maximumCandidates else {
            throw RecommendationError.invalidSetSize(k: setSize, catalogSize: ranked.count)
        }
        self.task = task
        self.setSize = setSize
        self.utility = utility
        self.catalog = ranked.map { task.data.movies[$0.key]! }
        self.popularity = Dictionary(uniqueKeysWithValues: ranked.map { ($0.key, $0.value) })
    }

    /// The user's genre preference features (profile only).
    public func userFeatures(user: Int) throws -> [Double] {
        try task.genrePreference(userID: user).features
    }

    /// A catalog movie's genre multi-hot followed by its normalized log popularity.
    public func candidateFeatures(movieID: Int) throws -> [Double] {
        guard let count = popularity[movieID], let movie = task.data.movies[movieID] else {
            throw RecommendationError.notInCatalog(movieID: movieID, catalogSize: catalog.count)
        }
        var features = [Double](repeating: 0, count: Self.candidateFeatureCount)
        for genre in movie.genres { features[genre] = 1 }
        let most = popularity[catalog[0].id]!
        features[MovieGenre.count] = log1p(Double(count)) / log1p(Double(most))
        return features
    }

    /// The set game of K distinct catalog movies for the user (player i = candidates[i]).
    public func game(user: Int, candidates: [Int]) throws -> any CooperativeGame {
        guard candidates.count == setSize else {
            throw RecommendationError.wrongSetSize(got: candidates.count, expected: setSize)
        }
        for id in candidates where popularity[id] == nil {
            throw RecommendationError.notInCatalog(movieID: id, catalogSize: catalog.count)
        }
        return try task.game(userID: user, movieIDs: candidates, utility: utility)
    }

    /// The reward of the whole set, v(N).
    public func setReward(user: Int, candidates: [Int]) throws -> Double {
        let game = try game(user: user, candidates: candidates)
        return try game.value(of: game.grandCoalition)
    }

    /// K distinct catalog movies drawn uniformly (a random policy's set), in draw order.
    public func randomSet(random: RandomStream) -> [Int] {
        random.sample(setSize, from: catalog.count).map { catalog[$0].id }
    }
}

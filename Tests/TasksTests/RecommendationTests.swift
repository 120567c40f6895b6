import Foundation
import Testing
import Shapley
import Statistics
@testable import Tasks

/// The MovieLens set-recommendation task. Expected values come from: the data set's own README
/// (counts), the file's text (titles, genres), hand derivations written next to each check, and
/// exact enumeration (`ExactShapley`) as the independent reference for closed forms.
@Suite struct RecommendationTests {
    /// Loaded once for the suite (about 0.1 s in release, a few seconds in debug).
    static let task = Result { try RecommendationTask.load() }

    static func loaded() throws -> RecommendationTask { try task.get() }

    /// Exact Shapley values by enumeration of all 2^K coalitions.
    static func enumerated(_ game: any CooperativeGame) throws -> [Double] {
        try ExactShapley().estimate(game, random: RandomStream(seed: 0)).values
    }

    static func largestGap(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    /// K candidates for a user with real relevances: up to K/2 of their held-out movies (so there
    /// are non-zero, often tied, ratings), the rest random movies they did not hold out (zeros,
    /// unless drawn among the held-out ones).
    static func candidates(for split: UserSplit, k: Int, task: RecommendationTask, random: RandomStream) -> [Int] {
        var ids = Array(split.heldOut.keys.sorted().prefix(k / 2))
        let all = task.data.movies.keys.sorted()
        while ids.count < k {
            let id = all[random.integer(below: all.count)]
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    // MARK: data

    @Test func loadsTheDataSetTheReadmeDescribes() throws {
        let task = try Self.loaded()
        // README.txt: "100836 ratings ... across 9742 movies ... created by 610 users", all of whom
        // rated at least 20 movies.
        #expect(task.data.movies.count == 9742)
        #expect(task.data.ratingsByUser.count == 610)
        #expect(task.data.ratingsByUser.values.map(\.count).reduce(0, +) == 100_836)
        #expect(task.eligibleUserIDs.count == 610)
        #expect(task.eligibleUserIDs.first == 1 && task.eligibleUserIDs.last == 610)
        // movies.csv: `11,"American President, The (1995)",Comedy|Drama|Romance` and
        // `7789,"11'09""01 - September 11 (2002)",Drama`.
        #expect(task.data.movies[11]?.title == "American President, The (1995)")
        #expect(task.data.movies[11]?.genres.map { MovieGenre.names[$0] } == ["Comedy", "Drama", "Romance"])
        #expect(task.data.movies[7789]?.title == "11'09\"01 - September 11 (2002)")
        #expect(task.data.movies[1]?.genres.map { MovieGenre.names[$0] } == ["Adventure", "Animation", "Children", "Comedy", "Fantasy"])
        // ratings.csv line 2: `1,1,4.0,964982703`.
        #expect(task.data.ratingsByUser[1]?.first == MovieRating(movieID: 1, rating: 4))
    }

    @Test func ratingsOfUnknownMoviesAreRejected() throws {
        // A rating of a movie that movies.csv does not list (as in a corrupted ratings.csv).
        #expect(throws: RecommendationError.unknownMovie(999_999)) {
            _ = try MovieLensData(movies: [Movie(id: 1, title: "A", genres: [])],
                                  ratings: [(999, MovieRating(movieID: 999_999, rating: 5))])
        }
    }

    // MARK: split and relevance

    @Test func splitIsSeededAndPartitionsEachUsersRatings() throws {
        let task = try Self.loaded()
        for userID in task.eligibleUserIDs {
            let split = try task.split(userID: userID)
            let ratings = task.data.ratingsByUser[userID]!
            // h = round(0.2 n), halves up.
            #expect(split.heldOut.count == Int((Double(ratings.count) / 5).rounded(.toNearestOrAwayFromZero)))
            #expect(split.profile.count + split.heldOut.count == ratings.count)
            for rating in split.profile { #expect(split.heldOut[rating.movieID] == nil) }
            let union = split.profile + split.heldOut.map { MovieRating(movieID: $0.key, rating: $0.value) }
            #expect(union.sorted { $0.movieID < $1.movieID } == ratings)
        }
        let again = try RecommendationTask(data: task.data, seed: 0)
        let other = try RecommendationTask(data: task.data, seed: 1)
        #expect(try again.split(userID: 414).heldOut == task.split(userID: 414).heldOut)
        #expect(try other.split(userID: 414).heldOut != task.split(userID: 414).heldOut)
    }

    @Test func relevanceIsTheHeldOutRatingElseZero() throws {
        let split = try Self.loaded().split(userID: 1)
        let (heldOutID, heldOutRating) = split.heldOut.first!
        #expect(split.relevance(of: heldOutID) == heldOutRating)
        #expect(split.relevance(of: split.profile[0].movieID) == 0, "profile movies count 0")
        #expect(split.relevance(of: 2) == 0, "user 1 did not rate Jumanji (movie 2)")
    }

    @Test func genrePreferenceHandDerived() {
        // Movies: 1 Drama, 2 Comedy|Drama, 3 Action; profile ratings 5, 3, 1; mean 3.
        // share: Drama 2/3, Comedy 1/3, Action 1/3. centred: Drama ((5-3) + (3-3)) / 2 = 1,
        // Comedy 0, Action -2; all other genres 0.
        let drama = MovieGenre.names.firstIndex(of: "Drama")!
        let comedy = MovieGenre.names.firstIndex(of: "Comedy")!
        let action = MovieGenre.names.firstIndex(of: "Action")!
        let movies = [
            1: Movie(id: 1, title: "A", genres: [drama]),
            2: Movie(id: 2, title: "B", genres: [comedy, drama].sorted()),
            3: Movie(id: 3, title: "C", genres: [action]),
        ]
        let preference = GenrePreference(
            profile: [MovieRating(movieID: 1, rating: 5), MovieRating(movieID: 2, rating: 3), MovieRating(movieID: 3, rating: 1)],
            movies: movies)
        var share = [Double](repeating: 0, count: MovieGenre.count)
        share[drama] = 2.0 / 3; share[comedy] = 1.0 / 3; share[action] = 1.0 / 3
        var centred = [Double](repeating: 0, count: MovieGenre.count)
        centred[drama] = 1; centred[action] = -2
        #expect(preference.share == share)
        #expect(preference.centredRating == centred)
        #expect(preference.features == share + centred)
    }

    // MARK: set games

    @Test func bestCandidateClosedFormEqualsEnumerationForKUpTo16() throws {
        let task = try Self.loaded()
        let random = RandomStream(seed: 7)
        var sawTies = false, sawZeros = false
        for k in 1...16 {
            for userID in [1, 68, 414, 599] {
                let ids = Self.candidates(for: try task.split(userID: userID), k: k, task: task, random: random)
                let game = try #require(try task.game(userID: userID, movieIDs: ids, utility: .best) as? BestCandidateGame)
                let relevances = game.maxGame.scores
                sawZeros = sawZeros || relevances.contains(0)
                sawTies = sawTies || Set(relevances.filter { $0 > 0 }).count < relevances.filter { $0 > 0 }.count
                let difference = Self.largestGap(game.closedFormShapleyValues(), try Self.enumerated(game))
                #expect(difference <= 1e-12, "K=\(k) user \(userID): closed form differs by \(difference)")
            }
        }
        #expect(sawTies && sawZeros, "the instances must exercise tied non-zero and zero relevances")
    }

    @Test func choiceModelHandDerived() throws {
        // beta = ln 2, so w = 2^rel. rel = (1, 2), u0 = 0: w = (2, 4), w0 = 1.
        // v({0}) = 2/3, v({1}) = 8/5, v(N) = (2 + 8)/7 = 10/7.
        // phi_0 = (2/3)/2 + (10/7 - 8/5)/2 = 26/105; phi_1 = (8/5)/2 + (10/7 - 2/3)/2 = 124/105.
        let game = ChoiceModelGame(relevances: [1, 2], beta: log(2), outsideUtility: 0)
        #expect(abs(try game.value(of: Coalition([0])) - 2.0 / 3) < 1e-15)
        #expect(abs(try game.value(of: Coalition([1])) - 8.0 / 5) < 1e-15)
        #expect(abs(try game.value(of: game.grandCoalition) - 10.0 / 7) < 1e-15)
        #expect(Self.largestGap(try Self.enumerated(game), [26.0 / 105, 124.0 / 105]) < 1e-15)
        // A distractor: rel = (2, 0), u0 = 0: w = (4, 1), w0 = 1. v({0}) = 8/5, v({1}) = 0,
        // v(N) = 8/6. phi_1 = (0 + 4/3 - 8/5)/2 = -2/15 < 0; phi_0 = 4/3 + 2/15 = 22/15.
        let distracted = ChoiceModelGame(relevances: [2, 0], beta: log(2), outsideUtility: 0)
        #expect(Self.largestGap(try Self.enumerated(distracted), [22.0 / 15, -2.0 / 15]) < 1e-15)
    }

    @Test func coverageHandDerived() throws {
        // rel = (4, 0, 2); genres {Drama}, {Comedy, Drama}, {Action}; lambda = 1.9, so 0.1 per genre.
        // Max part (sorted 0 < 2 < 4): phi = (0 + 2/2 + 2/1, 0/3, 0 + 2/2) = (3, 0, 1).
        // Coverage: Drama shared by 0 and 1 (1/2 each), Comedy by 1, Action by 2:
        // counts (1/2, 3/2, 1) times 0.1. phi = (3.05, 0.15, 1.1); v(N) = 4 + 0.3 = 4.3.
        let drama = MovieGenre.names.firstIndex(of: "Drama")!
        let comedy = MovieGenre.names.firstIndex(of: "Comedy")!
        let action = MovieGenre.names.firstIndex(of: "Action")!
        let game = GenreCoverageGame(relevances: [4, 0, 2], genres: [[drama], [comedy, drama], [action]], lambda: 1.9)
        #expect(abs(try game.value(of: game.grandCoalition) - 4.3) < 1e-14)
        #expect(abs(try game.value(of: Coalition([1, 2])) - 2.3) < 1e-14)   // max 2, three genres
        #expect(try game.value(of: .empty) == 0)
        #expect(Self.largestGap(game.closedFormShapleyValues(), [3.05, 0.15, 1.1]) < 1e-14)
        #expect(Self.largestGap(try Self.enumerated(game), [3.05, 0.15, 1.1]) < 1e-14)
    }

    @Test func choiceAndCoverageAreEfficientOnRealUsers() throws {
        let task = try Self.loaded()
        let random = RandomStream(seed: 11)
        for k in [2, 5, 8, 12, 16] {
            for userID in [1, 68, 414] {
                let ids = Self.candidates(for: try task.split(userID: userID), k: k, task: task, random: random)
                for utility in [SetUtility.multinomialLogit(), .genreCoverage()] {
                    let game = try task.game(userID: userID, movieIDs: ids, utility: utility)
                    let values = try Self.enumerated(game)
                    let total = try game.value(of: game.grandCoalition) - game.value(of: .empty)
                    // Each exact value sums 2^(K-1) weighted differences; their sum carries about
                    // K times that rounding, hence 1e-11 rather than 1e-12.
                    #expect(abs(values.reduce(0, +) - total) < 1e-11, "\(utility.name) K=\(k) user \(userID)")
                    if let coverage = game as? GenreCoverageGame {
                        #expect(Self.largestGap(coverage.closedFormShapleyValues(), values) < 1e-12)
                    }
                }
            }
        }
    }

    @Test func estimatorsReachTheGamesThroughTheTaskAPI() throws {
        let task = try Self.loaded()
        let random = RandomStream(seed: 3)
        let ids = Self.candidates(for: try task.split(userID: 1), k: 6, task: task, random: random)
        let best = try task.game(userID: 1, movieIDs: ids, utility: SetUtility(name: "best"))
        #expect(best.playerNames?.first == "\(task.data.movies[ids[0]]!.title) [\(ids[0])]")
        let closed = try EstimatorKind.closedForm.make().estimate(best, random: random)
        #expect(Self.largestGap(closed.values, try Self.enumerated(best)) < 1e-12)
        let mnl = try task.game(userID: 1, movieIDs: ids, utility: SetUtility(name: "mnl"))
        #expect(throws: GameError.self) { _ = try EstimatorKind.closedForm.make().estimate(mnl, random: random) }
        let sampled = try EstimatorKind.antithetic.make().estimate(mnl, budget: 600, random: random)
        #expect(abs(sampled.values.reduce(0, +) - (try mnl.value(of: mnl.grandCoalition))) < 1e-12)
    }

    // MARK: environment

    @Test func environmentExposesFeaturesAndRewards() throws {
        let task = try Self.loaded()
        let environment = try RecommendationEnvironment(task: task, setSize: 8, utility: .best)
        #expect(environment.catalog.count == RecommendationEnvironment.defaultCatalogSize)
        // Popularity = all ratings of a movie minus the users who hold it out; the catalog is the
        // top of that ranking (ties by smaller id).
        var expected: [Int: Int] = [:]
        for ratings in task.data.ratingsByUser.values { for rating in ratings { expected[rating.movieID, default: 0] += 1 } }
        for split in task.splits.values { for id in split.heldOut.keys { expected[id]! -= 1 } }
        let ranking = expected.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        #expect(environment.catalog.map(\.id) == ranking.prefix(environment.catalog.count).map(\.key))
        #expect(environment.catalog.allSatisfy { environment.popularity[$0.id] == expected[$0.id] })
        let first = environment.catalog[0].id
        let user = try environment.userFeatures(user: 1)
        #expect(user.count == RecommendationEnvironment.userFeatureCount)
        #expect(user == (try task.genrePreference(userID: 1)).features)
        let movie = environment.catalog[3]
        let features = try environment.candidateFeatures(movieID: movie.id)
        #expect(features.count == RecommendationEnvironment.candidateFeatureCount)
        #expect(features.prefix(MovieGenre.count).enumerated().allSatisfy { $1 == (movie.genres.contains($0) ? 1 : 0) })
        #expect(try environment.candidateFeatures(movieID: first).last == 1, "the most popular movie's popularity feature is 1")
        let set = environment.randomSet(random: RandomStream(seed: 5))
        #expect(Set(set).count == 8)
        let split = try task.split(userID: 1)
        #expect(try environment.setReward(user: 1, candidates: set) == set.map { split.relevance(of: $0) }.max())
    }

    @Test func badInputGivesOneLineErrors() throws {
        let task = try Self.loaded()
        let environment = try RecommendationEnvironment(task: task, setSize: 3, utility: .best)
        let catalog = environment.catalog.map(\.id)
        let outside = task.data.movies.keys.first { environment.popularity[$0] == nil }!
        let cases: [(String, () throws -> Void)] = [
            ("set size K = 0 is invalid", { _ = try RecommendationEnvironment(task: task, setSize: 0, utility: .best) }),
            ("set size K = 101 is invalid", { _ = try RecommendationEnvironment(task: task, setSize: 101, utility: .best) }),
            ("user 9999 has no ratings", { _ = try environment.setReward(user: 9999, candidates: Array(catalog.prefix(3))) }),
            ("movie \(catalog[0]) appears more than once", { _ = try environment.setReward(user: 1, candidates: [catalog[0], catalog[1], catalog[0]]) }),
            ("movie \(outside) is not in the environment's catalog", { _ = try environment.game(user: 1, candidates: [catalog[0], catalog[1], outside]) }),
            ("the candidate set has 2 movies", { _ = try environment.game(user: 1, candidates: Array(catalog.prefix(2))) }),
            ("movie 999999 is not in movies.csv", { _ = try task.game(userID: 1, movieIDs: [1, 999_999], utility: .best) }),
            ("set size K = 0 is invalid", { _ = try task.game(userID: 1, movieIDs: [], utility: .best) }),
            ("unknown set utility 'top'", { _ = try SetUtility(name: "top") }),
            ("lambda must be a finite number >= 0", { _ = try task.game(userID: 1, movieIDs: [1], utility: .genreCoverage(lambda: -1)) }),
            ("user 5 has 44 ratings, fewer than the 50", { _ = try RecommendationTask(data: task.data, minimumRatings: 50).split(userID: 5) }),
        ]
        for (expected, action) in cases {
            do {
                try action()
                Issue.record("no error for: \(expected)")
            } catch {
                let message = "\(error)"
                #expect(message.contains(expected), "got: \(message)")
                #expect(!message.contains("\n"))
            }
        }
    }
}

import CSVFiles
import Foundation

/// One movie of `movies.csv`.
public struct Movie: Hashable, Sendable {
    public let id: Int
    /// The title with its release year, e.g. "American President, The (1995)".
    public let title: String
    /// Indices into `MovieGenre.names`, sorted; empty for "(no genres listed)".
    public let genres: [Int]

    public init(id: Int, title: String, genres: [Int]) {
        self.id = id
        self.title = title
        self.genres = genres
    }
}

/// One user's rating of one movie, 0.5 to 5 stars in half stars.
public struct MovieRating: Hashable, Sendable {
    public let movieID: Int
    public let rating: Double

    public init(movieID: Int, rating: Double) {
        self.movieID = movieID
        self.rating = rating
    }
}

/// MovieLens latest-small (GroupLens, Harper & Konstan 2015), as committed under
/// `tasks/recommendation/`: `movies.csv` (movieId,title,genres) and `ratings.csv`
/// (userId,movieId,rating,timestamp; the timestamp is not used).
///
/// Checks on load, each a one-line error naming file and line: headers exactly as above, integer
/// ids, ratings in 0.5...5, genres in `MovieGenre.names`, every rated movie listed in
/// `movies.csv`, no movie listed twice, no user rating a movie twice.
public struct MovieLensData: Sendable {
    public let movies: [Int: Movie]
    /// Each user's ratings, sorted by movie id.
    public let ratingsByUser: [Int: [MovieRating]]

    /// Builds the data from already-parsed parts (tests, synthetic catalogs); same checks as a load.
    public init(movies: [Movie], ratings: [(userID: Int, rating: MovieRating)]) throws {
        var movieByID: [Int: Movie] = [:]
        for movie in movies {
            guard movieByID.updateValue(movie, forKey: movie.id) == nil else {
                throw RecommendationError.invalidParameter("movie \(movie.id) is listed twice")
            }
        }
        var byUser: [Int: [MovieRating]] = [:]
        for (userID, rating) in ratings {
            guard movieByID[rating.movieID] != nil else { throw RecommendationError.unknownMovie(rating.movieID) }
            guard (0.5...5).contains(rating.rating) else {
                throw RecommendationError.invalidParameter("user \(userID) rates movie \(rating.movieID) \(rating.rating) stars, outside 0.5...5")
            }
            byUser[userID, default: []].append(rating)
        }
        for (userID, list) in byUser {
            let sorted = list.sorted { $0.movieID < $1.movieID }
            for (a, b) in zip(sorted, sorted.dropFirst()) where a.movieID == b.movieID {
                throw RecommendationError.invalidParameter("user \(userID) rates movie \(a.movieID) twice")
            }
            byUser[userID] = sorted
        }
        self.movies = movieByID
        self.ratingsByUser = byUser
    }

    /// The committed copy, `tasks/recommendation/{movies,ratings}.csv`.
    public static func load() throws -> MovieLensData {
        try load(movies: ProjectPaths.taskFile("recommendation", "movies.csv"),
                 ratings: ProjectPaths.taskFile("recommendation", "ratings.csv"))
    }

    public static func load(movies moviesURL: URL, ratings ratingsURL: URL) throws -> MovieLensData {
        let movies = try CSVReader.records(contentsOf: moviesURL, expectedHeader: ["movieId", "title", "genres"]) { line, fields -> Movie in
            let id = try integer(fields[0], file: "movies.csv", line: line, column: "movieId")
            let genres = MovieGenre.indices(of: fields[2])
            if let unknown = genres.unknown {
                throw RecommendationError.malformedFile(file: "movies.csv", line: line, reason: "unknown genre '\(unknown)'")
            }
            return Movie(id: id, title: fields[1], genres: genres.indices)
        }
        let ratings = try CSVReader.records(contentsOf: ratingsURL, expectedHeader: ["userId", "movieId", "rating", "timestamp"]) { line, fields -> (userID: Int, rating: MovieRating) in
            let user = try integer(fields[0], file: "ratings.csv", line: line, column: "userId")
            let movie = try integer(fields[1], file: "ratings.csv", line: line, column: "movieId")
            guard let stars = Double(fields[2]), (0.5...5).contains(stars) else {
                throw RecommendationError.malformedFile(file: "ratings.csv", line: line, reason: "rating '\(fields[2])' is not a number in 0.5...5")
            }
            return (user, MovieRating(movieID: movie, rating: stars))
        }
        return try MovieLensData(movies: movies, ratings: ratings)
    }

    private static func integer(_ text: String, file: String, line: Int, column: String) throws -> Int {
        guard let value = Int(text) else {
            throw RecommendationError.malformedFile(file: file, line: line, reason: "\(column) '\(text)' is not an integer")
        }
        return value
    }
}

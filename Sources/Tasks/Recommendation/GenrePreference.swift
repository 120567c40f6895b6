/// A user's genre tastes, from the profile ratings only (never the held-out ones).
///
/// For each genre g of `MovieGenre.names`, with P the profile, P_g its movies of genre g and
/// r-bar the mean profile rating:
/// - `share[g]` = |P_g| / |P|: how much of what the user watched is of genre g (in [0, 1]; a
///   movie counts for each of its genres, so shares can sum above 1);
/// - `centredRating[g]` = mean over P_g of (r - r-bar), 0 when P_g is empty: whether the user
///   rates genre g above (> 0) or below (< 0) their own average, in [-4.5, 4.5].
///
/// `features` concatenates the two (2 x 19 numbers): shares say what the user watches, centred
/// ratings what they like among it; either alone confuses "never watched" with "indifferent".
public struct GenrePreference: Equatable, Sendable {
    public let share: [Double]
    public let centredRating: [Double]

    public init(profile: [MovieRating], movies: [Int: Movie]) {
        var counts = [Double](repeating: 0, count: MovieGenre.count)
        var ratingSums = [Double](repeating: 0, count: MovieGenre.count)
        let mean = profile.isEmpty ? 0 : profile.map(\.rating).reduce(0, +) / Double(profile.count)
        for entry in profile {
            for genre in movies[entry.movieID]?.genres ?? [] {
                counts[genre] += 1
                ratingSums[genre] += entry.rating - mean
            }
        }
        let total = Double(max(profile.count, 1))
        share = counts.map { $0 / total }
        centredRating = zip(ratingSums, counts).map { $1 > 0 ? $0 / $1 : 0 }
    }

    /// `share` followed by `centredRating`.
    public var features: [Double] { share + centredRating }
}

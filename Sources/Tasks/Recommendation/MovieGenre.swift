/// The genre vocabulary of MovieLens latest-small's `movies.csv`, in a fixed order that indexes
/// every genre vector of the task (user preferences, candidate one-hots, coverage).
///
/// These are the 19 genres that occur in the file (the README's list, whose "Children's" the
/// data spells "Children", plus IMAX, which occurs in the data). A movie listed as
/// "(no genres listed)" has no genre.
public enum MovieGenre {
    public static let names = [
        "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi",
        "Thriller", "War", "Western",
    ]
    public static var count: Int { names.count }
    /// The `genres` field of a movie without genres.
    static let noGenres = "(no genres listed)"

    private static let indexByName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

    /// The genre indices of a `genres` field ("Adventure|Animation|..."), sorted; `nil` names
    /// the first genre outside the vocabulary.
    static func indices(of field: String) -> (indices: [Int], unknown: String?) {
        guard field != noGenres else { return ([], nil) }
        var result: [Int] = []
        for name in field.split(separator: "|", omittingEmptySubsequences: false) {
            guard let index = indexByName[String(name)] else { return ([], String(name)) }
            if !result.contains(index) { result.append(index) }
        }
        return (result.sorted(), nil)
    }
}

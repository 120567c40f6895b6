import Statistics

/// One user's ratings split into a profile (what a policy may see) and held-out ratings (what
/// scores its recommendations).
///
/// The split: take the user's n ratings sorted by movie id, shuffle them with
/// `RandomStream(seed: seed, stream: userID)` (Fisher-Yates), hold out the first
/// h = round(heldOutFraction * n) of the shuffled ratings (halves round up; with the default
/// 0.2 and n >= 20, h >= 4), keep the rest as the profile. The same (seed, user) always gives the same split, and each user's split is
/// independent of every other user's.
///
/// Relevance of a movie to the user = its held-out rating (0.5...5 stars), or 0 when the movie
/// is not held out: unrated movies and profile-only movies both count 0 (a profile movie was
/// already consumed, so recommending it again earns nothing).
public struct UserSplit: Sendable {
    public let userID: Int
    /// Profile ratings, sorted by movie id.
    public let profile: [MovieRating]
    /// Held-out ratings by movie id.
    public let heldOut: [Int: Double]

    public init(userID: Int, ratings: [MovieRating], seed: UInt64, heldOutFraction: Double) {
        var shuffled = ratings.sorted { $0.movieID < $1.movieID }
        RandomStream(seed: seed, stream: UInt64(bitPattern: Int64(userID))).shuffle(&shuffled)
        let heldOutCount = Int((heldOutFraction * Double(shuffled.count)).rounded(.toNearestOrAwayFromZero))
        self.userID = userID
        self.heldOut = Dictionary(uniqueKeysWithValues: shuffled[..<heldOutCount].map { ($0.movieID, $0.rating) })
        self.profile = shuffled[heldOutCount...].sorted { $0.movieID < $1.movieID }
    }

    /// The held-out rating of `movieID`, or 0 (unrated or profile-only).
    public func relevance(of movieID: Int) -> Double { heldOut[movieID] ?? 0 }
}

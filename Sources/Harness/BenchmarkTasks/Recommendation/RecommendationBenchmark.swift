import Statistics
import Tasks

/// Set recommendation on MovieLens: a user's candidate movies, valued by a set utility of the
/// user's held-out ratings (best, mnl or coverage).
/// - `explain`: `--user` and `--candidates` under `--utility`;
/// - comparison instances (`recommendation-best|mnl|coverage`): 10 candidates for a user (5 of the
///   user's held-out movies and 5 random catalog movies) under each set utility, exact truth,
///   partition into pairs.
/// Its learning claims are ShapE-GRPO's (C7b-c, `ShapEConvergenceExperiment`), not SCAR's.
struct RecommendationBenchmark: BenchmarkTask {
    let name = "recommendation"
    let explainUsage = """
        --user ID --candidates ID,ID,... [--utility best|mnl|coverage]
                        (MovieLens users and movie ids; relevance = held-out rating)
        """

    func explain(_ request: ExplainRequest) throws -> ExplainedGame {
        let userID = try request.required(request.user, "--user", task: name)
        let movieIDs = try request.required(request.candidates, "--candidates", task: name)
        let game = try RecommendationTask.load().game(userID: userID, movieIDs: movieIDs, utility: try SetUtility(name: request.utility))
        let names = game.playerNames ?? movieIDs.map { "movie \($0)" }
        return ExplainedGame(game: game, partition: .singletons(game.playerCount),
                             pieces: names.enumerated().map { (before: $0.offset == 0 ? "" : "\n", text: $0.element) },
                             trailing: "", rewardName: "set utility \(request.utility) for user \(userID)", unitName: "candidates")
    }

    var explainExample: ExplainRequest {
        var request = ExplainRequest()
        request.user = 1
        request.candidates = [1, 50, 260, 296, 2571]
        return request
    }

    func comparisonInstances(perTask count: Int, random: RandomStream) throws -> [ComparisonInstance] {
        let task = try RecommendationTask.load()
        let catalog = task.data.movies.keys.sorted()
        var instances: [ComparisonInstance] = []
        let users = task.eligibleUserIDs
        for userIndex in random.sample(min(count, users.count), from: users.count) {
            let userID = users[userIndex]
            let heldOut = try task.split(userID: userID).heldOut.keys.sorted()
            var movieIDs = random.sample(min(5, heldOut.count), from: heldOut.count).map { heldOut[$0] }
            while movieIDs.count < 10 {
                let movie = catalog[random.integer(below: catalog.count)]
                if !movieIDs.contains(movie) { movieIDs.append(movie) }
            }
            for name in SetUtility.names {
                let game = try task.game(userID: userID, movieIDs: movieIDs, utility: try SetUtility(name: name))
                instances.append(try .withExactTruth(task: "recommendation-\(name)", instance: "user-\(userID)", unitLevel: "candidates",
                                                     game: game, partition: .contiguous(game.playerCount, size: 2)))
            }
        }
        return instances
    }
}

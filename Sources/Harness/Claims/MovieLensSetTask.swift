import Learning
import Shapley
import Tasks

/// MovieLens set recommendation as a `GRPOSetTask`: the catalog, user and candidate features and
/// set games of `RecommendationEnvironment` (see there: genre preferences of the profile per user,
/// genre multi-hot and log popularity per movie, relevance = held-out rating), items referred to
/// by catalog index.
struct MovieLensSetTask: GRPOSetTask {
    let environment: RecommendationEnvironment
    let itemFeatures: [[Double]]

    init(environment: RecommendationEnvironment) throws {
        self.environment = environment
        itemFeatures = try environment.catalog.map { try environment.candidateFeatures(movieID: $0.id) }
    }

    var setSize: Int { environment.setSize }
    var contextFeatureCount: Int { RecommendationEnvironment.userFeatureCount }

    func context(user: Int) throws -> [Double] { try environment.userFeatures(user: user) }

    func game(user: Int, items: [Int]) throws -> any CooperativeGame {
        try environment.game(user: user, candidates: items.map { environment.catalog[$0].id })
    }
}

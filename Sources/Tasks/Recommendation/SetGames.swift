import Foundation
import Shapley

/// Utility (a), ShapE-GRPO's best-candidate game over K candidates with relevances rel_i:
/// v(empty) = 0, v(S) = max over i in S of rel_i. It is `MaxGame` with the candidates' names;
/// its Shapley values are `MaxGame`'s sorted-utility closed form (O(K log K)).
public struct BestCandidateGame: ClosedFormShapleyGame, Sendable {
    public let maxGame: MaxGame
    public let playerNames: [String]?

    public init(relevances: [Double], names: [String]? = nil) {
        maxGame = MaxGame(scores: relevances)
        playerNames = names
    }

    public var playerCount: Int { maxGame.playerCount }
    public func value(of coalition: Coalition) throws -> Double { try maxGame.value(of: coalition) }
    public func closedFormShapleyValues() -> [Double] { maxGame.closedFormShapleyValues() }
}

/// Utility (b), expected relevance of the user's choice under a multinomial logit with an
/// outside option (not choosing any candidate). With attractiveness w_i = exp(beta * rel_i) and
/// w_0 = exp(beta * u0) for the outside option,
///
///     P(i | S) = w_i / (w_0 + sum over j in S of w_j),   v(S) = sum over i in S of P(i | S) rel_i,
///
/// so v(empty) = 0 and the outside option is worth 0. Not monotone: a candidate less relevant
/// than v(S) lowers v by diverting choice probability (it can earn negative Shapley credit), so
/// there is no closed form here; use exact enumeration or a sampling estimator. The weights are
/// computed as exp(beta * (x - m)) with m the largest of u0 and the rel_i, which leaves every
/// P(i | S) unchanged and cannot overflow.
public struct ChoiceModelGame: CooperativeGame, Sendable {
    public let relevances: [Double]
    public let beta: Double
    public let outsideUtility: Double
    public let playerNames: [String]?
    private let weights: [Double]
    private let outsideWeight: Double

    public init(relevances: [Double], beta: Double, outsideUtility: Double, names: [String]? = nil) {
        self.relevances = relevances
        self.beta = beta
        self.outsideUtility = outsideUtility
        self.playerNames = names
        let shift = max(outsideUtility, relevances.max() ?? outsideUtility)
        weights = relevances.map { exp(beta * ($0 - shift)) }
        outsideWeight = exp(beta * (outsideUtility - shift))
    }

    public var playerCount: Int { relevances.count }

    public func value(of coalition: Coalition) throws -> Double {
        var weightedRelevance = 0.0
        var totalWeight = outsideWeight
        for player in coalition.members {
            weightedRelevance += weights[player] * relevances[player]
            totalWeight += weights[player]
        }
        return weightedRelevance / totalWeight
    }
}

/// Utility (c), best relevance plus a genre-coverage bonus:
///
///     v(S) = max over i in S of rel_i + (lambda / G) * |union over i in S of genres(i)|,
///
/// v(empty) = 0, G = 19 genres (`MovieGenre.count`). Monotone and submodular for rel_i >= 0 and
/// lambda >= 0 (a max of non-negative numbers and a set cover count both are, and non-negative
/// sums keep both properties); covering every genre is worth lambda stars. The max keeps
/// ShapE-GRPO's free-riding structure (a plain sum of relevances would make each candidate's
/// credit its own relevance), the bonus rewards a diverse set.
///
/// Closed form by linearity: the coverage count is a sum over genres g of max over i in S of
/// [g in genres(i)], i.e. one `MaxGame` of 0/1 scores per genre, so
/// phi_i = phi_i(MaxGame(rel)) + (lambda / G) * sum over g of phi_i(MaxGame(1[g in genres])),
/// which gives each candidate 1/n_g per genre g it has, n_g = candidates of genre g. `value(of:)`
/// counts the union directly, so enumeration against the closed form is an independent check.
public struct GenreCoverageGame: ClosedFormShapleyGame, Sendable {
    public let relevances: [Double]
    /// Each candidate's genre indices (into `MovieGenre.names`).
    public let genres: [[Int]]
    public let lambda: Double
    public let playerNames: [String]?
    private let genreMasks: [UInt64]

    public init(relevances: [Double], genres: [[Int]], lambda: Double, names: [String]? = nil) {
        precondition(relevances.count == genres.count, "one genre list per candidate")
        self.relevances = relevances
        self.genres = genres
        self.lambda = lambda
        self.playerNames = names
        genreMasks = genres.map { $0.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) } }
    }

    public var playerCount: Int { relevances.count }
    private var bonusPerGenre: Double { lambda / Double(MovieGenre.count) }

    public func value(of coalition: Coalition) throws -> Double {
        guard !coalition.isEmpty else { return 0 }
        var best = -Double.infinity
        var covered: UInt64 = 0
        for player in coalition.members {
            best = max(best, relevances[player])
            covered |= genreMasks[player]
        }
        return best + bonusPerGenre * Double(covered.nonzeroBitCount)
    }

    public func closedFormShapleyValues() -> [Double] {
        var values = MaxGame(scores: relevances).closedFormShapleyValues()
        for genre in 0..<MovieGenre.count {
            let indicator = genres.map { $0.contains(genre) ? 1.0 : 0.0 }
            guard indicator.contains(1) else { continue }
            for (player, share) in MaxGame(scores: indicator).closedFormShapleyValues().enumerated() {
                values[player] += bonusPerGenre * share
            }
        }
        return values
    }
}

import Foundation

/// `creditbench estimate --estimator auto`: an estimator picked from the registry by the game's
/// capabilities, its number of players n and the budget B, with the reason in words.
///
/// Rules, in order (the budget multiples follow the recorded board, results/estimators/
/// best-estimators.md, whose lowest mean relative squared error over its 14 game families was
/// svarm's in 14 of 14 at 1n, antithetic's in 10 at 2n, msr-linear's in 12 to 13 at 5n, 10n, 20n
/// and 50n; among the estimators with standard errors, antithetic's at 2n and 5n,
/// kernelshap-unbiased's at 10n and above):
/// 1. standard errors wanted (`--target-se`): kernelshap-unbiased when B >= 10n, else antithetic
///    when B reaches its minimum 2 + 2(n - 1), else permutation;
/// 2. a game with a closed form: closed-form (exact, no value calls);
/// 3. B >= 2^n and n within exact enumeration's limit: exact;
/// 4. B >= 5n: msr-linear; B >= 2n (and antithetic's minimum): antithetic; otherwise svarm (its
///    minimum is 2 calls).
public enum EstimatorSelection {
    public struct Choice: Sendable {
        public var kind: EstimatorKind
        public var reason: String
    }

    public static func choose(for game: any CooperativeGame, budget: Int, standardErrors: Bool) throws -> Choice {
        let n = game.playerCount
        let multiple = "\(budget) calls = \(String(format: "%.3g", Double(budget) / Double(n)))n for \(n) players"
        func fits(_ kind: EstimatorKind) throws -> Bool { budget >= (try kind.make().cost(playerCount: n).minimumBudget) }
        if standardErrors {
            if budget >= 10 * n {
                return Choice(kind: .kernelshapUnbiased, reason: "standard errors wanted and \(multiple) >= 10n: the lowest error among estimators with standard errors from 10n on the board")
            }
            let kind: EstimatorKind = try fits(.antithetic) ? .antithetic : .permutation
            return Choice(kind: kind, reason: "standard errors wanted and \(multiple) < 10n: antithetic has the lowest error among estimators with standard errors below 10n on the board (permutation when the budget is below antithetic's minimum)")
        }
        if try EstimatorKind.closedForm.make().applies(to: game) {
            return Choice(kind: .closedForm, reason: "the game has a closed form: exact values with no value calls")
        }
        if n <= ExactShapley.defaultMaximumPlayers && budget >= ShapleyWeights.coalitionCount(n) {
            return Choice(kind: .exact, reason: "\(multiple) covers all 2^\(n) coalitions: exact enumeration")
        }
        if try budget >= 5 * n && fits(.msrLinear) {
            return Choice(kind: .msrLinear, reason: "\(multiple) >= 5n: msr-linear had the lowest error in most game families at 5n to 50n on the board")
        }
        if try budget >= 2 * n && fits(.antithetic) {
            return Choice(kind: .antithetic, reason: "\(multiple) in [2n, 5n): antithetic had the lowest error in most game families at 2n on the board")
        }
        return Choice(kind: .svarm, reason: "\(multiple) < 2n: svarm had the lowest error in every game family at 1n on the board")
    }
}

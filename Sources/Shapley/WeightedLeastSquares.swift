import CGSL

/// Weighted least squares through GSL: minimise sum_k w_k (y_k - x_k . beta)^2.
///
/// Uses `gsl_multifit_wlinear_tsvd`: a singular value decomposition that drops singular values
/// below `relativeTolerance` times the largest, so a rank-deficient or nearly rank-deficient
/// design (few sampled coalitions, or paired complements that repeat a direction) yields the
/// minimum-norm solution on the well-determined subspace instead of amplifying noise by 1/s_min.
enum WeightedLeastSquares {
    /// `design` is row-major with `columns` entries per row; returns beta (length `columns`).
    static let relativeTolerance = 1e-10

    static func solve(design: [Double], columns: Int, weights: [Double], targets: [Double]) throws -> [Double] {
        let rows = targets.count
        precondition(design.count == rows * columns && weights.count == rows, "inconsistent regression shapes")
        guard rows >= columns, columns > 0 else {
            throw GameError.invalidGame("weighted least squares needs at least \(columns) rows, got \(rows)")
        }
        cgsl_disable_abort_on_error()
        let x = gsl_matrix_alloc(rows, columns)!
        let w = gsl_vector_alloc(rows)!
        let y = gsl_vector_alloc(rows)!
        let beta = gsl_vector_alloc(columns)!
        let covariance = gsl_matrix_alloc(columns, columns)!
        let workspace = gsl_multifit_linear_alloc(rows, columns)!
        defer {
            gsl_matrix_free(x); gsl_vector_free(w); gsl_vector_free(y)
            gsl_vector_free(beta); gsl_matrix_free(covariance); gsl_multifit_linear_free(workspace)
        }
        for row in 0..<rows {
            gsl_vector_set(w, row, weights[row])
            gsl_vector_set(y, row, targets[row])
            for column in 0..<columns { gsl_matrix_set(x, row, column, design[row * columns + column]) }
        }
        var chiSquared = 0.0
        var rank = 0
        let status = gsl_multifit_wlinear_tsvd(x, w, y, relativeTolerance, beta, covariance, &chiSquared, &rank, workspace)
        guard status == GSL_SUCCESS else {
            throw GameError.invalidGame("GSL weighted least squares failed: \(String(cString: gsl_strerror(status)))")
        }
        return (0..<columns).map { gsl_vector_get(beta, $0) }
    }
}

import CGSL

/// Row-major products through GSL's CBLAS, with Swift `Int` sizes. Every matrix is row-major
/// with its leading dimension given or, by default, its column count.
enum BLAS {
    /// y <- op(A) x + beta y, A an m x n matrix (`rows` x `columns`), op(A) = A or A^T.
    static func gemv(
        transposed: Bool = false, rows: Int, columns: Int, _ a: UnsafePointer<Double>, leading: Int? = nil,
        _ x: UnsafePointer<Double>, beta: Double, _ y: UnsafeMutablePointer<Double>
    ) {
        cblas_dgemv(CblasRowMajor, transposed ? CblasTrans : CblasNoTrans, Int32(rows), Int32(columns), 1,
                    a, Int32(leading ?? columns), x, 1, beta, y, 1)
    }

    /// C <- op(A) op(B) + beta C with C m x n and inner dimension k; `lda`, `ldb`, `ldc` are the
    /// leading dimensions of A, B, C as stored.
    static func gemm(
        transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, ldb: Int,
        beta: Double, _ c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}

/// A zero-filled scratch array of doubles for the BLAS calls, freed with the object.
final class Scratch {
    let pointer: UnsafeMutablePointer<Double>
    let count: Int

    init(_ count: Int) {
        self.count = count
        pointer = .allocate(capacity: Swift.max(count, 1))
        pointer.initialize(repeating: 0, count: Swift.max(count, 1))
    }

    deinit { pointer.deallocate() }

    subscript(i: Int) -> Double {
        get { pointer[i] }
        set { pointer[i] = newValue }
    }
}

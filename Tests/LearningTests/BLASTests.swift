import CGSL
import Statistics
import Testing
@testable import Learning

/// `BLAS` against GSL's reference CBLAS, whose summation order it reproduces: every result must
/// be bit-identical (compared as bit patterns), on random shapes, leading dimensions, both
/// transpositions and beta 0, 1 and 0.5, with entries that are often exactly 0 or -0 (the
/// reference skips zero factors in some loops; a skipped -0 term leaves a -0 sum as it is).
@Suite("BLAS")
struct BLASTests {
    /// Entries: 10% +0, 5% -0, the rest uniform on (-1.5, 1.5).
    static func entries(_ count: Int, random: RandomStream) -> [Double] {
        (0..<Swift.max(count, 1)).map { _ in
            let u = random.uniform()
            return u < 0.1 ? 0 : u < 0.15 ? -0.0 : (u - 0.5) * 3
        }
    }

    @Test func gemmMatchesGSLBitForBit() {
        let random = RandomStream(seed: 11)
        for trial in 0..<600 {
            let m = 1 + Int(random.uniform() * 13), n = 1 + Int(random.uniform() * 40), k = 1 + Int(random.uniform() * 40)
            let (transposeA, transposeB) = (trial % 2 == 1, trial / 2 % 2 == 1)
            let beta = [0.0, 1.0, 0.5][trial % 3]
            let lda = (transposeA ? m : k) + trial % 3, ldb = (transposeB ? k : n) + trial % 2, ldc = n + trial % 4
            let a = Self.entries((transposeA ? k : m) * lda, random: random)
            let b = Self.entries((transposeB ? n : k) * ldb, random: random)
            let c = Self.entries(m * ldc, random: random)
            var expected = c, actual = c
            cblas_dgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                        Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, &expected, Int32(ldc))
            BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, a, lda: lda, b, ldb: ldb,
                      beta: beta, &actual, ldc: ldc)
            #expect(actual.map(\.bitPattern) == expected.map(\.bitPattern),
                    "m=\(m) n=\(n) k=\(k) transposeA=\(transposeA) transposeB=\(transposeB) beta=\(beta)")
        }
    }

    @Test func gemvMatchesGSLBitForBit() {
        let random = RandomStream(seed: 12)
        for trial in 0..<400 {
            let rows = 1 + Int(random.uniform() * 70), columns = 1 + Int(random.uniform() * 70)
            let transposed = trial % 2 == 1
            let beta = [0.0, 1.0, 0.5][trial % 3]
            let lda = columns + trial % 3
            let a = Self.entries(rows * lda, random: random)
            let x = Self.entries(transposed ? rows : columns, random: random)
            let y = Self.entries(transposed ? columns : rows, random: random)
            var expected = y, actual = y
            cblas_dgemv(CblasRowMajor, transposed ? CblasTrans : CblasNoTrans, Int32(rows), Int32(columns), 1,
                        a, Int32(lda), x, 1, beta, &expected, 1)
            BLAS.gemv(transposed: transposed, rows: rows, columns: columns, a, leading: lda, x, beta: beta, &actual)
            #expect(actual.map(\.bitPattern) == expected.map(\.bitPattern),
                    "rows=\(rows) columns=\(columns) transposed=\(transposed) beta=\(beta)")
        }
    }
}

/// Row-major products in the summation order of GSL's reference CBLAS (gsl 2.7
/// `cblas/source_gemm_r.h`, `source_gemv_r.h`, alpha = 1), so every result is bit-identical to
/// `cblas_dgemm` / `cblas_dgemv`, but computed several outputs at a time: the reference loops
/// run one output's sum as a chain of dependent additions, which waits on each addition's
/// latency; interleaving independent outputs' chains keeps the order within each chain.
///
/// With C (m x n) and inner dimension k, write F(i, l) for op(A)'s entry and G(l, j) for op(B)'s.
/// GSL computes, after C <- beta C (beta 0 writes 0, beta 1 leaves C):
/// - B transposed ("dot" form): C_ij <- C_ij + (((0 + F_i0 G_0j) + F_i1 G_1j) + ...);
/// - B not transposed ("axpy" form): C_ij <- (((C_ij + F_i0 G_0j) + F_i1 G_1j) + ...), where the
///   terms with F_il == 0 are skipped (not added as a signed zero).
/// No multiply-add is fused (Swift does not contract a * b + c, and GSL is built without FMA).
enum BLAS {
    /// y <- op(A) x + beta y, A an m x n matrix (`rows` x `columns`), op(A) = A or A^T.
    static func gemv(
        transposed: Bool = false, rows: Int, columns: Int, _ a: UnsafePointer<Double>, leading: Int? = nil,
        _ x: UnsafePointer<Double>, beta: Double, _ y: UnsafeMutablePointer<Double>
    ) {
        let lda = leading ?? columns
        let count = transposed ? columns : rows
        scale(y, rows: 1, columns: count, leading: count, beta: beta)
        if transposed {
            // y_i <- y_i + x_l A_li over l, skipping x_l == 0: the axpy form with one row.
            axpy(m: 1, n: columns, k: rows, f: x, fi: 0, fl: 1, g: a, gl: lda, c: y, ldc: count)
        } else {
            // y_i <- y_i + (0 + sum over j of x_j A_ij): the dot form with one column.
            dot(m: rows, n: 1, k: columns, f: a, fi: lda, fl: 1, g: x, gj: 0, gl: 1, c: y, ldc: 1)
        }
    }

    /// C <- op(A) op(B) + beta C with C m x n and inner dimension k; `lda`, `ldb`, `ldc` are the
    /// leading dimensions of A, B, C as stored.
    static func gemm(
        transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
        _ a: UnsafePointer<Double>, lda: Int, _ b: UnsafePointer<Double>, ldb: Int,
        beta: Double, _ c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        scale(c, rows: m, columns: n, leading: ldc, beta: beta)
        let (fi, fl) = transposeA ? (1, lda) : (lda, 1)
        if transposeB {
            dot(m: m, n: n, k: k, f: a, fi: fi, fl: fl, g: b, gj: ldb, gl: 1, c: c, ldc: ldc)
        } else {
            axpy(m: m, n: n, k: k, f: a, fi: fi, fl: fl, g: b, gl: ldb, c: c, ldc: ldc)
        }
    }

    /// C <- beta C as the reference does it (0 writes zeros, 1 leaves C as it is).
    private static func scale(_ c: UnsafeMutablePointer<Double>, rows: Int, columns: Int, leading: Int, beta: Double) {
        guard beta != 1 else { return }
        for i in 0..<rows {
            for j in 0..<columns { c[i * leading + j] = beta == 0 ? 0 : c[i * leading + j] * beta }
        }
    }

    /// The dot form: C_ij <- C_ij + (0 + sum over l of F(i, l) G(l, j)), F(i, l) = f[i fi + l fl],
    /// G(l, j) = g[j gj + l gl]. With 8 or more columns, G is first copied to a k x n block so
    /// that eight neighbouring outputs' chains run side by side in SIMD lanes, two rows at a
    /// time; with fewer (a matrix-vector product), four rows' chains run side by side.
    @inline(__always)
    private static func dot(
        m: Int, n: Int, k: Int, f: UnsafePointer<Double>, fi: Int, fl: Int,
        g: UnsafePointer<Double>, gj: Int, gl: Int, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        let blocks = n / 8 * 8
        if blocks > 0 {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: k * blocks) { packed in
                let p = packed.baseAddress!
                for l in 0..<k {
                    for j in 0..<blocks { p[l * blocks + j] = g[j * gj + l * gl] }
                }
                var i = 0
                while i < m {
                    let pair = i + 1 < m
                    let row0 = f + i * fi, row1 = pair ? row0 + fi : row0
                    for j in stride(from: 0, to: blocks, by: 8) {
                        var s0 = SIMD8<Double>(repeating: 0), s1 = SIMD8<Double>(repeating: 0)
                        for l in 0..<k {
                            let v = UnsafeRawPointer(p + l * blocks + j).loadUnaligned(as: SIMD8<Double>.self)
                            s0 += row0[l * fl] * v
                            s1 += row1[l * fl] * v
                        }
                        for lane in 0..<8 {
                            c[i * ldc + j + lane] += s0[lane]
                            if pair { c[(i + 1) * ldc + j + lane] += s1[lane] }
                        }
                    }
                    i += pair ? 2 : 1
                }
            }
        }
        if blocks == n { return }
        for j in blocks..<n {
            let column = g + j * gj
            var i = 0
            while i + 4 <= m {
                var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
                let f0 = f + i * fi, f1 = f0 + fi, f2 = f1 + fi, f3 = f2 + fi
                for l in 0..<k {
                    let y = column[l * gl], o = l * fl
                    s0 += f0[o] * y
                    s1 += f1[o] * y
                    s2 += f2[o] * y
                    s3 += f3[o] * y
                }
                c[i * ldc + j] += s0
                c[(i + 1) * ldc + j] += s1
                c[(i + 2) * ldc + j] += s2
                c[(i + 3) * ldc + j] += s3
                i += 4
            }
            for i in i..<m {
                var s = 0.0
                for l in 0..<k { s += f[i * fi + l * fl] * column[l * gl] }
                c[i * ldc + j] += s
            }
        }
    }

    /// The axpy form: C_ij <- C_ij + F(i, 0) G(0, j) + F(i, 1) G(1, j) + ... left to right,
    /// skipping l where F(i, l) == 0; F(i, l) = f[i fi + l fl], G(l, j) = g[l gl + j]. Sixteen
    /// neighbouring outputs of a row stay in SIMD registers over the whole sum.
    @inline(__always)
    private static func axpy(
        m: Int, n: Int, k: Int, f: UnsafePointer<Double>, fi: Int, fl: Int,
        g: UnsafePointer<Double>, gl: Int, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        let blocks = n / 16 * 16
        for i in 0..<m {
            let out = c + i * ldc
            let row = f + i * fi
            for j in stride(from: 0, to: blocks, by: 16) {
                var s0 = UnsafeRawPointer(out + j).loadUnaligned(as: SIMD8<Double>.self)
                var s1 = UnsafeRawPointer(out + j + 8).loadUnaligned(as: SIMD8<Double>.self)
                for l in 0..<k {
                    let x = row[l * fl]
                    if x != 0 {
                        let source = UnsafeRawPointer(g + l * gl + j)
                        s0 += x * source.loadUnaligned(as: SIMD8<Double>.self)
                        s1 += x * source.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self)
                    }
                }
                UnsafeMutableRawPointer(out + j).storeBytes(of: s0, as: SIMD8<Double>.self)
                UnsafeMutableRawPointer(out + j + 8).storeBytes(of: s1, as: SIMD8<Double>.self)
            }
            if blocks == n { continue }
            for l in 0..<k {
                let x = row[l * fl]
                if x != 0 {
                    let source = g + l * gl
                    for j in blocks..<n { out[j] += x * source[j] }
                }
            }
        }
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

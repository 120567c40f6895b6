/// Python's `round(x, n)` for a float, which vaderSentiment applies to its outputs.
///
/// CPython rounds the exact binary value of `x` to `n` decimals with ties to even (a
/// correctly rounded `dtoa` in mode 3) and reads the decimal back with a correctly rounded
/// `strtod`. Here `x = m * 2^e` exactly, so `x * 10^n = (m * 5^n) * 2^(e + n)`: the integer
/// `m * 5^n` is shifted right by `-(e + n)` bits with round-half-even on the bits shifted out,
/// giving the integer `q` nearest to `x * 10^n`; `q / 10^n` is then one correctly rounded IEEE
/// division of two exact doubles, which is the double nearest to the decimal `q * 10^-n`,
/// exactly what `strtod` returns. The sign is kept, so tiny negatives give `-0.0` as in Python.
///
/// Domain: `0 <= n <= 4` (so `m * 5^n < 2^64`) and `|x| * 10^n < 2^53` (so `q` is exact as a
/// double); VADER's outputs lie in [-1, 1] with `n` = 3 or 4.
func vaderPythonRound(_ x: Double, digits n: Int) -> Double {
    precondition((0...4).contains(n) && x.isFinite, "vaderPythonRound domain")
    guard x != 0 else { return x }
    let magnitude = x.magnitude
    let significand: UInt64
    let exponent: Int
    if magnitude.isNormal {
        significand = (1 << 52) | magnitude.significandBitPattern
        exponent = Int(magnitude.exponent) - 52
    } else {
        significand = magnitude.significandBitPattern
        exponent = -1074
    }
    var power5: UInt64 = 1
    var power10 = 1.0
    for _ in 0..<n {
        power5 *= 5
        power10 *= 10
    }
    let scaled = significand * power5
    let shift = -(exponent + n)
    let rounded: Double
    if shift <= 0 {
        rounded = magnitude
    } else {
        var quotient: UInt64 = 0
        if shift < 64 {
            quotient = scaled >> UInt64(shift)
            let remainder = scaled & ((1 << UInt64(shift)) - 1)
            let half: UInt64 = 1 << UInt64(shift - 1)
            if remainder > half || (remainder == half && quotient & 1 == 1) { quotient += 1 }
        }
        rounded = Double(quotient) / power10
    }
    return x.sign == .minus ? -rounded : rounded
}

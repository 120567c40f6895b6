import Foundation

/// CPython 3.11's `random.Random`, for the calls langdetect makes: seeding with a non-negative
/// int, `random()`, `getrandbits(k)`, `choice` (through `_randbelow`) and `gauss`.
///
/// - The generator is MT19937 (`_randommodule.c`). `Random(seed)` / `seed(seed)` for an int
///   calls `init_by_array` with the 32-bit words of `abs(seed)`, least significant first (one
///   zero word for 0), and clears the `gauss` cache.
/// - `random()`: `(a * 2**26 + b) / 2**53` with `a`, `b` the top 27 and 26 bits of two outputs.
/// - `getrandbits(k)`, 0 <= k <= 32: the top k bits of one output.
/// - `randbelow(n)` (`_randbelow_with_getrandbits`): draws `getrandbits(n.bit_length())` until
///   the value is below n; `seq[randbelow(len(seq))]` is `choice(seq)`.
/// - `gauss(mu, sigma)`: Box-Muller on two `random()` values, `cos` for this call and `sin`
///   cached for the next one (`gauss_next`), with the platform's libm as CPython uses it.
struct PythonRandom {
    private static let n = 624
    private static let m = 397

    private var state: [UInt32]
    private var index: Int
    private var gaussNext: Double?

    init(seed: UInt64) {
        let key: [UInt32] = seed >> 32 == 0 ? [UInt32(seed)] : [UInt32(truncatingIfNeeded: seed), UInt32(seed >> 32)]
        state = [UInt32](repeating: 0, count: Self.n)
        state[0] = 19_650_218
        for i in 1..<Self.n {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        var i = 1
        var j = 0
        for _ in 0..<max(Self.n, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(Self.n - 1) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n { state[0] = state[Self.n - 1]; i = 1 }
        }
        state[0] = 0x8000_0000
        index = Self.n
        gaussNext = nil
    }

    /// One tempered 32-bit output (`genrand_uint32`), regenerating the state every 624 outputs.
    mutating func nextUInt32() -> UInt32 {
        if index >= Self.n {
            func twist(_ k: Int, _ next: Int, _ far: Int) {
                let y = (state[k] & 0x8000_0000) | (state[next] & 0x7FFF_FFFF)
                state[k] = state[far] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
            }
            for k in 0..<(Self.n - Self.m) { twist(k, k + 1, k + Self.m) }
            for k in (Self.n - Self.m)..<(Self.n - 1) { twist(k, k + 1, k + Self.m - Self.n) }
            twist(Self.n - 1, 0, Self.m - 1)
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `random()`: a double in [0, 1) with 53 random bits.
    mutating func random() -> Double {
        let a = Double(nextUInt32() >> 5)
        let b = Double(nextUInt32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for 0 <= k <= 32.
    mutating func getrandbits(_ k: Int) -> UInt32 {
        precondition((0...32).contains(k), "getrandbits is ported for 0...32 bits, got \(k)")
        return k == 0 ? 0 : nextUInt32() >> UInt32(32 - k)
    }

    /// `_randbelow(n)` for n >= 1: uniform in 0..<n by rejection; `choice(seq)` picks `seq[randbelow(len(seq))]`.
    mutating func randbelow(_ n: Int) -> Int {
        precondition(n >= 1 && n <= Int(UInt32.max), "randbelow is ported for 1...2^32-1, got \(n)")
        let bits = Int.bitWidth - n.leadingZeroBitCount
        var r = Int(getrandbits(bits))
        while r >= n { r = Int(getrandbits(bits)) }
        return r
    }

    /// `gauss(mu, sigma)`.
    mutating func gauss(mu: Double, sigma: Double) -> Double {
        let z: Double
        if let cached = gaussNext {
            z = cached
            gaussNext = nil
        } else {
            let x2pi = random() * (2.0 * Double.pi)
            let g2rad = (-2.0 * log(1.0 - random())).squareRoot()
            z = cos(x2pi) * g2rad
            gaussNext = sin(x2pi) * g2rad
        }
        return mu + z * sigma
    }
}

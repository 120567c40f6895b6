import CGSL

/// A seeded stream of pseudo-random numbers from GSL's Mersenne Twister (`gsl_rng_mt19937`).
///
/// Every random choice in CreditBench draws from a `RandomStream` built from a pair
/// `(seed, stream)`: the user's seed and a sub-stream index (a replicate, an instance, a worker).
/// The pair is mixed by SplitMix64 into the generator's 32-bit state seed, so sub-streams of one
/// seed are decorrelated and the same pair always yields the same sequence, bit for bit, on
/// every machine GSL runs on.
///
/// Not thread-safe: give every concurrent task its own stream.
public final class RandomStream {
    private let generator: UnsafeMutablePointer<gsl_rng>

    /// The user-facing seed and sub-stream index this stream was built from.
    public let seed: UInt64
    public let stream: UInt64

    public init(seed: UInt64, stream: UInt64 = 0) {
        self.seed = seed
        self.stream = stream
        cgsl_disable_abort_on_error()
        guard let generator = gsl_rng_alloc(cgsl_rng_mt19937()) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        self.generator = generator
        // mt19937 uses the low 32 bits of its seed; 0 is replaced by GSL's default, so map it away.
        let mixed = RandomStream.splitMix64(seed &+ RandomStream.splitMix64(stream &+ 0x632B_E59B_D9B4_E019))
        let state = UInt(mixed & 0xFFFF_FFFF)
        gsl_rng_set(generator, state == 0 ? 4357 : state)
    }

    deinit { gsl_rng_free(generator) }

    /// An independent child stream, e.g. one per replicate: `(seed, stream)` -> `(seed, hash(stream, index))`.
    public func substream(_ index: UInt64) -> RandomStream {
        RandomStream(seed: seed, stream: RandomStream.splitMix64(stream ^ RandomStream.splitMix64(index &+ 1)))
    }

    /// Uniform on [0, 1).
    public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// Uniform integer in `0..<upperBound` (`upperBound` > 0, at most 2^32).
    public func integer(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "upper bound must be positive")
        return Int(gsl_rng_uniform_int(generator, UInt(upperBound)))
    }

    /// Standard normal draw (`gsl_ran_gaussian` with sigma = 1).
    public func normal() -> Double { gsl_ran_gaussian(generator, 1.0) }

    /// Shuffles `array` in place (Fisher-Yates with `integer(below:)`).
    public func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, integer(below: i + 1))
        }
    }

    /// A uniformly random permutation of `0..<count`.
    public func permutation(of count: Int) -> [Int] {
        var order = Array(0..<count)
        shuffle(&order)
        return order
    }

    /// `count` distinct indices drawn uniformly from `0..<population` (partial Fisher-Yates).
    public func sample(_ count: Int, from population: Int) -> [Int] {
        precondition(count <= population, "cannot draw \(count) of \(population) without replacement")
        var pool = Array(0..<population)
        for i in 0..<count { pool.swapAt(i, i + integer(below: population - i)) }
        return Array(pool[0..<count])
    }

    /// Index drawn with probability proportional to `weights` (non-negative, not all zero).
    public func categorical(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        precondition(total > 0, "categorical weights must not all be zero")
        var target = uniform() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.lastIndex(where: { $0 > 0 })!
    }

    static func splitMix64(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

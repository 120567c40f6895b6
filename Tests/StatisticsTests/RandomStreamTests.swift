import Testing
import Statistics

/// Reproducibility contract of `RandomStream`: the pair (seed, stream) fixes the sequence.
@Suite struct RandomStreamTests {
    private func draws(_ stream: RandomStream, _ count: Int = 64) -> [Double] { (0..<count).map { _ in stream.uniform() } }

    @Test func sameSeedSameSequence() {
        #expect(draws(RandomStream(seed: 42)) == draws(RandomStream(seed: 42)))
        #expect(draws(RandomStream(seed: 42, stream: 3)) == draws(RandomStream(seed: 42, stream: 3)))
        #expect(draws(RandomStream(seed: 42).substream(5)) == draws(RandomStream(seed: 42).substream(5)))
    }

    @Test func differentStreamsDiffer() {
        let parent = RandomStream(seed: 42)
        let sequences = [draws(parent.substream(0)), draws(parent.substream(1)), draws(parent.substream(2)),
                         draws(RandomStream(seed: 42)), draws(RandomStream(seed: 43)), draws(RandomStream(seed: 42, stream: 1))]
        for i in sequences.indices {
            for j in sequences.indices where j > i { #expect(sequences[i] != sequences[j], "sequences \(i) and \(j)") }
        }
    }
}

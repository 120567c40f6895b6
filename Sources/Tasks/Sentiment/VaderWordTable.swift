/// A fixed set of words (code point sequences), numbered 0..<count, that a word held in a
/// scratch buffer can be looked up in without building a string or an array for it.
///
/// Open addressing with linear probing over a power-of-two slot array at most half full; the
/// hash is 64-bit FNV-1a over the code point values. Equality is code point by code point, as
/// Python's `dict` compares `str` keys.
struct VaderWordTable: Sendable {
    /// All words' code points, concatenated; word k is `scalars[starts[k]..<starts[k + 1]]`.
    private let scalars: [Unicode.Scalar]
    private let starts: [Int]
    /// Word number per slot, -1 for an empty slot.
    private let slots: [Int32]

    /// The table of the distinct words of `words`; a word's number is the rank of its first
    /// occurrence among the distinct ones.
    init(_ words: [VaderString]) {
        var capacity = 16
        while capacity < 2 * words.count { capacity *= 2 }
        var scalars: [Unicode.Scalar] = []
        var starts = [0]
        var slots = [Int32](repeating: -1, count: capacity)
        for word in words {
            let values = word.scalars
            var slot = values.withUnsafeBufferPointer(VaderWordTable.hash) & (capacity - 1)
            var present = false
            while slots[slot] >= 0 {
                let k = Int(slots[slot])
                if scalars[starts[k]..<starts[k + 1]].elementsEqual(values) {
                    present = true
                    break
                }
                slot = (slot + 1) & (capacity - 1)
            }
            if present { continue }
            slots[slot] = Int32(starts.count - 1)
            scalars.append(contentsOf: values)
            starts.append(scalars.count)
        }
        self.scalars = scalars
        self.starts = starts
        self.slots = slots
    }

    /// Number of distinct words.
    var count: Int { starts.count - 1 }

    /// The number of the word whose code points are `word`, or -1 if it is not in the table.
    func number(of word: UnsafeBufferPointer<Unicode.Scalar>) -> Int32 {
        let mask = slots.count - 1
        var slot = VaderWordTable.hash(word) & mask
        while true {
            let k = Int(slots[slot])
            if k < 0 { return -1 }
            if starts[k + 1] - starts[k] == word.count && scalars[starts[k]..<starts[k + 1]].elementsEqual(word) {
                return Int32(k)
            }
            slot = (slot + 1) & mask
        }
    }

    /// The number of `word`, or -1.
    func number(of word: VaderString) -> Int32 {
        word.scalars.withUnsafeBufferPointer { number(of: $0) }
    }

    /// 64-bit FNV-1a over the values, folded to a non-negative `Int`.
    private static func hash(_ values: UnsafeBufferPointer<Unicode.Scalar>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values {
            hash = (hash ^ UInt64(value.value)) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}

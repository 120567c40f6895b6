import Foundation

/// langdetect 1.0.9's language profiles as `DetectorFactory.load_profile` turns them into
/// `word_lang_prob_map`: for each 1- to 3-gram of any profile and each language, the gram's
/// count in that language divided by the language's total count of grams of that length
/// (`n_words[len - 1]`), 0 where the language lacks the gram.
///
/// Languages are in the sorted order of the profile file names (langdetect uses `os.listdir`'s
/// order, which depends on the file system; the order only decides exact ties and the rounding
/// of the normalising sum). Grams longer than 3 code points, which langdetect stores but never
/// looks up, are left out. The table is sparse: per gram, the (language, probability) pairs
/// that are not 0.
///
/// Profiles are read by `LangDetectProfileReader`, which keys grams by their code points as
/// Python does; the test that counts the loaded grams against Python's count checks the table.
struct LangDetectProfiles: Sendable {
    /// Language codes (the profiles' `name`s), in table order.
    let languages: [String]
    /// Gram key (`key`) -> gram index.
    let gramIndex: [UInt64: Int32]
    /// Gram g's pairs are `entryLanguage[k]`, `entryProbability[k]` for k in `entryStart[g]..<entryStart[g + 1]`.
    let entryStart: [Int32]
    let entryLanguage: [Int32]
    let entryProbability: [Double]

    /// A key for a sequence of at most three code points: each code point + 1 in 21 bits, first
    /// code point most significant (distinct sequences get distinct keys).
    static func key(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        scalars.reduce(0, extendKey)
    }

    static func extendKey(_ key: UInt64, _ c: Unicode.Scalar) -> UInt64 {
        key << 21 | UInt64(c.value + 1)
    }

    /// Loads every file in `folder` whose name does not start with "." as a profile.
    init(folder: URL) throws(LangDetectError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw .unreadable(path: folder.path)
        }
        guard names.count >= 2 else { throw .missingData("fewer than 2 profiles in \(folder.path)") }
        var languages: [String] = []
        // Each gram gets its index when first met; its (language, probability) pairs are then
        // grouped by gram with a counting sort, which keeps them in language order.
        var gramIndex: [UInt64: Int32] = [:]
        gramIndex.reserveCapacity(100_000)
        var pairGram: [Int32] = [], pairLanguage: [Int32] = [], pairProbability: [Double] = []
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: url.path) }
            guard let profile = data.withUnsafeBytes({ LangDetectProfileReader.read($0.bindMemory(to: UInt8.self)) }) else {
                throw .malformed(path: url.path, reason: "not a langdetect profile (name, freq, n_words)")
            }
            guard profile.wordCounts.count == 3 else { throw .malformed(path: url.path, reason: "n_words must have 3 entries") }
            guard !languages.contains(profile.name) else { throw .malformed(path: url.path, reason: "duplicate language \(profile.name)") }
            let language = Int32(languages.count)
            languages.append(profile.name)
            for gram in profile.grams where (1...3).contains(gram.length) {
                let probability = Double(gram.count) / Double(profile.wordCounts[gram.length - 1])
                let next = Int32(gramIndex.count)
                let index = gramIndex[gram.key, default: next]
                if index == next { gramIndex[gram.key] = next }
                guard probability != 0 else { continue }
                pairGram.append(index)
                pairLanguage.append(language)
                pairProbability.append(probability)
            }
        }
        var entryStart = [Int32](repeating: 0, count: gramIndex.count + 1)
        for gram in pairGram { entryStart[Int(gram) + 1] += 1 }
        for g in 0..<gramIndex.count { entryStart[g + 1] += entryStart[g] }
        var next = entryStart
        var entryLanguage = [Int32](repeating: 0, count: pairGram.count)
        var entryProbability = [Double](repeating: 0, count: pairGram.count)
        for (k, gram) in pairGram.enumerated() {
            let slot = Int(next[Int(gram)])
            entryLanguage[slot] = pairLanguage[k]
            entryProbability[slot] = pairProbability[k]
            next[Int(gram)] += 1
        }
        self.languages = languages
        self.gramIndex = gramIndex
        self.entryStart = entryStart
        self.entryLanguage = entryLanguage
        self.entryProbability = entryProbability
    }
}

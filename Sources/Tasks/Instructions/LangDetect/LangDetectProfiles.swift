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
/// Profiles are read with `JSONDecoder`, whose `String` keys compare by canonical equivalence;
/// langdetect's profiles hold no two canonically equivalent grams, which the test that counts
/// the loaded grams against Python's count checks.
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

    private struct Profile: Decodable {
        let name: String
        let freq: [String: Int]
        let n_words: [Int]
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
        var pairs: [UInt64: [(language: Int32, probability: Double)]] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: url.path) }
            let profile: Profile
            do { profile = try JSONDecoder().decode(Profile.self, from: data) } catch {
                throw .malformed(path: url.path, reason: "not a langdetect profile (name, freq, n_words)")
            }
            guard profile.n_words.count == 3 else { throw .malformed(path: url.path, reason: "n_words must have 3 entries") }
            guard !languages.contains(profile.name) else { throw .malformed(path: url.path, reason: "duplicate language \(profile.name)") }
            let language = Int32(languages.count)
            languages.append(profile.name)
            for (gram, count) in profile.freq {
                let scalars = gram.unicodeScalars
                guard (1...3).contains(scalars.count) else { continue }
                let probability = Double(count) / Double(profile.n_words[scalars.count - 1])
                pairs[Self.key(scalars), default: []].append((language, probability))
            }
        }
        var gramIndex: [UInt64: Int32] = [:]
        var entryStart: [Int32] = [0]
        var entryLanguage: [Int32] = []
        var entryProbability: [Double] = []
        for (key, entries) in pairs {
            gramIndex[key] = Int32(gramIndex.count)
            for entry in entries where entry.probability != 0 {
                entryLanguage.append(entry.language)
                entryProbability.append(entry.probability)
            }
            entryStart.append(Int32(entryLanguage.count))
        }
        self.languages = languages
        self.gramIndex = gramIndex
        self.entryStart = entryStart
        self.entryLanguage = entryLanguage
        self.entryProbability = entryProbability
    }
}

import Foundation

/// langdetect 1.0.9's `detect(text)` with `DetectorFactory.seed = 0`, under CPython 3.11.
///
/// The text (`Detector.append`, then `cleaning_text`):
/// 1. every URL (`https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}`) and then every e-mail address
///    (`[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}`) becomes one space;
/// 2. Vietnamese letters + combining marks are composed (`LangDetectNormalizer`);
/// 3. the first 10,000 code points are kept, a space that follows a space dropped;
/// 4. when twice the count of code points in `A`...`z` (U+0041...U+007A) is below the count of
///    code points from U+0300 up, the `A`...`z` code points are removed. (langdetect means to
///    spare Latin Extended Additional there but compares its block number with a block name,
///    so every code point from U+0300 counts.)
///
/// The features (`_extract_ngrams`): each code point is normalised and added to the
/// `LangDetectNGram` buffer; unless the word is in capitals, the buffer's last 1, 2 and 3
/// code points (as many as it holds) are kept when they are a gram of the profiles, except a
/// lone space. No features: `LangDetectError.noFeatures` (langdetect raises).
///
/// The estimate (`_detect_block`): `random.seed(0)`, then 7 trials. A trial starts every
/// language at 1/55 and draws alpha = 0.5 + 0.05 `gauss(0, 1)`; then repeatedly a feature is
/// drawn (`random.choice`) and each language's probability is multiplied by alpha / 10000 +
/// the feature's probability in that language; after draws 1, 6, 11, ... the probabilities are
/// divided by their sum (in language order), and the trial ends once the largest exceeds
/// 0.99999 or 1001 features were drawn. Each trial adds its probabilities / 7. The result is the
/// language with the largest total above 0.1 (the first such in language order on a tie), or
/// "unknown" when none is above 0.1.
///
/// Python 3.12 made `sum()` of floats compensated; the normalising sum here is the plain
/// left-to-right one of CPython 3.11, whose `random` module this also follows (`PythonRandom`).
public struct LanguageDetector: Sendable {
    static let seed: UInt64 = 0
    static let trials = 7
    static let alphaDefault = 0.5
    static let alphaWidth = 0.05
    static let iterationLimit = 1000
    static let probabilityThreshold = 0.1
    static let convergenceThreshold = 0.99999
    static let baseFrequency = 10000.0
    static let maxTextLength = 10000

    let profiles: LangDetectProfiles
    let normalizer: LangDetectNormalizer

    /// The detector over the profiles and tables in `folder` (`profiles/`, `messages.properties`).
    init(folder: URL) throws(LangDetectError) {
        profiles = try LangDetectProfiles(folder: folder.appendingPathComponent("profiles"))
        normalizer = try LangDetectNormalizer(messagesURL: folder.appendingPathComponent("messages.properties"))
    }

    private static let loaded: Result<LanguageDetector, LangDetectError> = {
        do {
            return .success(try LanguageDetector(folder: ProjectPaths.taskFile("instructions", "langdetect")))
        } catch let error as LangDetectError {
            return .failure(error)
        } catch {
            return .failure(.missingData("\(error)"))
        }
    }()

    /// The detector over `tasks/instructions/langdetect/`, loaded once on first use (thread-safe).
    public static func shared() throws(LangDetectError) -> LanguageDetector {
        try loaded.get()
    }

    /// The languages, in the order that breaks ties.
    public var languages: [String] { profiles.languages }

    /// langdetect's `detect(text)` with seed 0: a language code of the profiles, or "unknown".
    public func detect(_ text: PythonText.Text) throws(LangDetectError) -> String {
        let features = self.features(cleanedText(text))
        guard !features.isEmpty else { throw .noFeatures }
        let count = profiles.languages.count
        var random = PythonRandom(seed: Self.seed)
        // One buffer for the three per-language rows (total, probability, factor): the trials'
        // inner loops run on raw pointers, with the same operations in the same order.
        let rows = UnsafeMutablePointer<Double>.allocate(capacity: 3 * count)
        defer { rows.deallocate() }
        rows.initialize(repeating: 0, count: 3 * count)
        let (total, probability, factor) = (rows, rows + count, rows + 2 * count)
        profiles.entryStart.withUnsafeBufferPointer { entryStart in
            profiles.entryLanguage.withUnsafeBufferPointer { entryLanguage in
                profiles.entryProbability.withUnsafeBufferPointer { entryProbability in
                    for _ in 0..<Self.trials {
                        for j in 0..<count { probability[j] = 1.0 / Double(count) }
                        let alpha = Self.alphaDefault + random.gauss(mu: 0.0, sigma: 1.0) * Self.alphaWidth
                        let weight = alpha / Self.baseFrequency
                        for j in 0..<count { factor[j] = weight }
                        var i = 0
                        while true {
                            let gram = Int(features[random.randbelow(features.count)])
                            let entries = Int(entryStart[gram])..<Int(entryStart[gram + 1])
                            for k in entries { factor[Int(entryLanguage[k])] = weight + entryProbability[k] }
                            for j in 0..<count { probability[j] *= factor[j] }
                            for k in entries { factor[Int(entryLanguage[k])] = weight }
                            if i % 5 == 0 {
                                if Self.normalize(probability, count: count) > Self.convergenceThreshold || i >= Self.iterationLimit { break }
                            }
                            i += 1
                        }
                        for j in 0..<count { total[j] += probability[j] / Double(Self.trials) }
                    }
                }
            }
        }
        var best: Int?
        for j in 0..<count where total[j] > Self.probabilityThreshold {
            if let leader = best, total[j] <= total[leader] { continue }
            best = j
        }
        return best.map { profiles.languages[$0] } ?? "unknown"
    }

    /// `_normalize_prob`: divides by the left-to-right sum and returns the largest result.
    private static func normalize(_ probability: UnsafeMutablePointer<Double>, count: Int) -> Double {
        var sum = 0.0
        for j in 0..<count { sum += probability[j] }
        var largest = 0.0
        for j in 0..<count {
            let p = probability[j] / sum
            if largest < p { largest = p }
            probability[j] = p
        }
        return largest
    }

    /// Steps 1-4 of the text preparation (`append` and `cleaning_text`).
    func cleanedText(_ text: PythonText.Text) -> [Unicode.Scalar] {
        let space: PythonText.Text = [" "]
        let withoutURLs = PythonPatterns.sub(text, Self.matchURL) { _, _, _ in space }
        let withoutMails = PythonPatterns.sub(withoutURLs, Self.matchMail) { _, _, _ in space }
        let composed = normalizer.normalizeVietnamese(withoutMails)
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(min(composed.count, Self.maxTextLength))
        var previous: Unicode.Scalar?
        var latin = 0
        var nonLatin = 0
        for c in composed.prefix(Self.maxTextLength) {
            if c != " " || previous != " " {
                kept.append(c)
                if (0x41...0x7A).contains(c.value) { latin += 1 } else if c.value >= 0x300 { nonLatin += 1 }
            }
            previous = c
        }
        if latin * 2 < nonLatin { kept.removeAll { (0x41...0x7A).contains($0.value) } }
        return kept
    }

    /// The gram indices of `_extract_ngrams`, in text order.
    func features(_ text: [Unicode.Scalar]) -> [Int32] {
        var features: [Int32] = []
        features.reserveCapacity(text.count * 3)
        var ngram = LangDetectNGram()
        for c in text {
            ngram.add(normalizer.normalize(c))
            if ngram.capitalWord { continue }
            for n in 1...min(3, ngram.count) where n > 1 || !ngram.endsWithSpace {
                if let gram = profiles.gramIndex[ngram.key(n)] { features.append(gram) }
            }
        }
        return features
    }

    private static func isURLCharacter(_ c: Unicode.Scalar) -> Bool {
        isAlphanumeric(c) || "-_.?&~;+=/#".unicodeScalars.contains(c)
    }

    private static func isAlphanumeric(_ c: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(c.value) || (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value)
    }

    /// `[-_0-9A-Za-z]`, the first part of the domain.
    private static func isHostCharacter(_ c: Unicode.Scalar) -> Bool { isAlphanumeric(c) || c == "-" || c == "_" }

    /// `[-_.0-9A-Za-z]`, the local part and the rest of the domain.
    private static func isMailCharacter(_ c: Unicode.Scalar) -> Bool { isHostCharacter(c) || c == "." }

    /// The length of the run of `accepted` code points from `start`, at most `limit`.
    private static func run(_ text: PythonText.Text, from start: Int, limit: Int, _ accepted: (Unicode.Scalar) -> Bool) -> Int {
        var end = start
        while end < text.count && end - start < limit && accepted(text[end]) { end += 1 }
        return end - start
    }

    /// `https?://[-_.?&~;+=/#0-9A-Za-z]{1,2076}` at `start` (greedy; `s?` cannot backtrack
    /// usefully, since "https" then needs "://" after the "s").
    static func matchURL(_ text: PythonText.Text, _ start: Int) -> Int? {
        guard PythonText.hasPrefix(text, ["h", "t", "t", "p"], at: start) else { return nil }
        var index = start + 4
        if index < text.count && text[index] == "s" { index += 1 }
        guard PythonText.hasPrefix(text, [":", "/", "/"], at: index) else { return nil }
        let length = run(text, from: index + 3, limit: 2076, isURLCharacter)
        return length > 0 ? index + 3 + length : nil
    }

    /// The e-mail pattern at `start`. The local part cannot hold "@", so it must run from
    /// `start` to an "@" within 64 code points. The domain's greedy first part takes the run of
    /// `[-_0-9A-Za-z]` (at most 255) and the second part the following `[-_.0-9A-Za-z]` run
    /// (at most 255); when that second run is empty the first part gives back its last code
    /// point to it, which needs a first run of at least 2.
    static func matchMail(_ text: PythonText.Text, _ start: Int) -> Int? {
        let local = run(text, from: start, limit: 64, isMailCharacter)
        let at = start + local
        guard local > 0, at < text.count, text[at] == "@" else { return nil }
        let host = run(text, from: at + 1, limit: 255, isHostCharacter)
        guard host > 0 else { return nil }
        let rest = run(text, from: at + 1 + host, limit: 255, isMailCharacter)
        if rest > 0 { return at + 1 + host + rest }
        return host >= 2 ? at + 1 + host : nil
    }
}

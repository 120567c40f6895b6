import Foundation
import Testing
@testable import Tasks

/// The langdetect port behind IFEval's language checks. Every expected value was produced by
/// CPython 3.11.7 (`random`) or by langdetect 1.0.9 with `DetectorFactory.seed = 0` and
/// if-verifiable 0.1.2 (Google's checker classes), with the Python line written next to it.
@Suite struct IFEvalLangDetectTests {
    // MARK: CPython's random.Random

    @Test func mersenneTwisterOutputs() {
        // python3 -c "import random; r=random.Random(0); print([r.getrandbits(32) for _ in range(5)])"
        var random = PythonRandom(seed: 0)
        #expect((0..<5).map { _ in random.getrandbits(32) } == [3626764237, 1654615998, 3255389356, 3823568514, 1806341205])
        // python3 -c "import random; r=random.Random(0); print([r.getrandbits(32) for _ in range(700)][-2:])"
        var long = PythonRandom(seed: 0)
        let outputs = (0..<700).map { _ in long.getrandbits(32) }
        #expect(Array(outputs.suffix(2)) == [1384956481, 3579999110])
        // python3 -c "import random; r=random.Random(2**40+12345); print([r.getrandbits(32) for _ in range(3)])"
        var wide = PythonRandom(seed: (1 << 40) + 12345)
        #expect((0..<3).map { _ in wide.getrandbits(32) } == [1332995613, 1500173691, 493462063])
    }

    @Test func randomGaussAndChoice() {
        // python3 -c "import random; r=random.Random(0); print([r.random() for _ in range(3)])"
        var uniform = PythonRandom(seed: 0)
        #expect((0..<3).map { _ in uniform.random() } == [0.8444218515250481, 0.7579544029403025, 0.420571580830845])
        // python3 -c "import random; r=random.Random(0); print([r.gauss(0.0, 1.0) for _ in range(3)])"
        var normal = PythonRandom(seed: 0)
        #expect((0..<3).map { _ in normal.gauss(mu: 0, sigma: 1) } == [0.9417154046806644, -1.3965781047011498, -0.6797144480784211])
        // python3 -c "import random; r=random.Random(0); print([r.choice(range(1000)) for _ in range(8)])"
        var choices = PythonRandom(seed: 0)
        #expect((0..<8).map { _ in choices.randbelow(1000) } == [864, 394, 776, 911, 430, 41, 265, 988])
        // The cached second gauss value survives choices in between:
        // python3 -c "import random; r=random.Random(0); print(r.gauss(0.0,1.0), r.choice(range(7)), r.gauss(0.0,1.0), r.choice(range(5)), r.gauss(0.0,1.0))"
        var mixed = PythonRandom(seed: 0)
        #expect(mixed.gauss(mu: 0, sigma: 1) == 0.9417154046806644)
        #expect(mixed.randbelow(7) == 3)
        #expect(mixed.gauss(mu: 0, sigma: 1) == -1.3965781047011498)
        #expect(mixed.randbelow(5) == 0)
        #expect(mixed.gauss(mu: 0, sigma: 1) == -0.06700651572905797)
    }

    @Test func caseAsCPython311() {
        // python3.11 -c "print([chr(c).islower() for c in (0x295, 0x10fc, 0xa7f2, 0xa7f3, 0xa7f4, 0xab69)], chr(0xa7cb).isupper(), chr(0x10d50).isupper())"
        // -> [True, False, False, False, False, False] False False
        let lower: [UInt32] = [0x295, 0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69]
        #expect(lower.map { PythonText.isLowercase(Unicode.Scalar($0)!) } == [true, false, false, false, false, false])
        #expect(!PythonText.isUppercase("\u{A7CB}") && !PythonText.isUppercase("\u{10D50}"))
        #expect(PythonText.isUppercase("\u{C9}") && PythonText.isLowercase("\u{E9}"))
    }

    // MARK: langdetect

    @Test func profilesLoadAsLangdetectDoes() throws {
        let detector = try LanguageDetector.shared()
        // init_factory(); f = _factory: len(f.langlist), len(f.word_lang_prob_map) -> 55 87598
        #expect(detector.languages.count == 55)
        #expect(detector.profiles.gramIndex.count == 87598)
        // sum(len(json.load(open(p))["freq"]) for p in the 55 profile files) -> 184129 (all of length 1-3, none 0)
        #expect(detector.profiles.entryProbability.count == 184129)
    }

    @Test func normalisation() throws {
        let normalizer = try LanguageDetector.shared().normalizer
        // [hex(ord(NGram.normalize(c))) for c in "a!\u00ab\u00e9\u0219\u021b\u2019\u06cc\u1e00\u1ea0\u3072\u30ab\u3105\u31a0\u4e80\u5263\uad6d\u0416"]
        let input = PythonText.text("a!\u{AB}\u{E9}\u{219}\u{21B}\u{2019}\u{6CC}\u{1E00}\u{1EA0}\u{3072}\u{30AB}\u{3105}\u{31A0}\u{4E80}\u{5263}\u{AD6D}\u{416}")
        let expected: [UInt32] = [0x61, 0x20, 0x20, 0xE9, 0x15F, 0x163, 0x20, 0x64A, 0x1E00, 0x1EC3, 0x3042, 0x30A2, 0x3105, 0x3105,
                                  0x4E80, 0x4E80, 0xAC00, 0x416]
        #expect(input.map { normalizer.normalize($0).value } == expected)
        // ascii(NGram.normalize_vi("Tie\u0302\u0301ng Vie\u0323\u0302t a\u0300 A\u0323 x\u0301"))
        let composed = normalizer.normalizeVietnamese(PythonText.text("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t a\u{300} A\u{323} x\u{301}"))
        #expect(composed == PythonText.text("Tie\u{302}\u{301}ng Vi\u{1EB9}\u{302}t \u{E0} \u{1EA0} x\u{301}"))
    }

    @Test func textCleaningAndFeatures() throws {
        let detector = try LanguageDetector.shared()
        // d = _factory.create(); d.append(t); d.cleaning_text(); print(ascii(d.text), len(d._extract_ngrams()))
        let cases: [(String, String, Int)] = [
            ("Visit https://example.com/a?b=c now", "Visit now", 24),
            ("mail a.b@c-d.org please", "mail please", 30),
            ("a@b@c.d", "a@ ", 4),
            ("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t", "Tie\u{302}\u{301}ng Vi\u{1EB9}\u{302}t", 23),
            ("ABC def GHI", "ABC def GHI", 16),
            ("\u{42D}\u{442}\u{43E} 123 test \u{442}\u{435}\u{43A}\u{441}\u{442} \u{441}\u{43B}\u{43E}\u{432}\u{430}",
             "\u{42D}\u{442}\u{43E} 123  \u{442}\u{435}\u{43A}\u{441}\u{442} \u{441}\u{43B}\u{43E}\u{432}\u{430}", 39),
        ]
        for (text, cleaned, featureCount) in cases {
            let got = detector.cleanedText(PythonText.text(text))
            #expect(got == PythonText.text(cleaned), "\(text)")
            #expect(detector.features(got).count == featureCount, "\(text)")
        }
    }

    @Test func detectSeeded() throws {
        let detector = try LanguageDetector.shared()
        // import langdetect as l; l.DetectorFactory.seed = 0; print([l.detect(t) for t in texts])
        let texts = ["This is an English sentence about the weather today.", "Ceci est une phrase en fran\u{E7}ais.",
                     "Dies ist ein deutscher Satz.", "\u{3053}\u{308C}\u{306F}\u{65E5}\u{672C}\u{8A9E}\u{306E}\u{6587}\u{3067}\u{3059}\u{3002}",
                     "T\u{F4}i l\u{E0} ng\u{1B0}\u{1EDD}i Vi\u{1EC7}t Nam.", "hello", "ok", "HELLO WORLD THIS IS ALL CAPS",
                     "\u{4F60}\u{597D}\u{FF0C}\u{4E16}\u{754C}", "\u{C548}\u{B155}\u{D558}\u{C138}\u{C694}"]
        let expected = ["en", "fr", "de", "ja", "vi", "fi", "sk", "en", "zh-cn", "ko"]
        #expect(try texts.map { try detector.detect(PythonText.text($0)) } == expected)
        // l.detect("") and l.detect("123 !!! ...") raise LangDetectException: No features in text.
        #expect(throws: LangDetectError.noFeatures) { try detector.detect(PythonText.text("")) }
        #expect(throws: LangDetectError.noFeatures) { try detector.detect(PythonText.text("123 !!! ...")) }
    }

    // MARK: the IFEval checks (reference: D[iid](iid).build_description(**kw); check_following(value), seed 0)

    func strict(_ id: String, _ kwargs: [String: IFEvalKwarg] = [:], _ response: String) throws -> Bool {
        let item = IFEvalItem(prompt: "p", instructionIDs: [id], kwargs: [kwargs.mapValues { Optional($0) }])
        return try IFEvalScorer().evaluate(item, response: response).strict[0]
    }

    @Test func englishCapitalAndLowercase() throws {
        let capital = "change_case:english_capital"
        // True, True, False, False, False; "\u216b \u216b!" is upper and langdetect raises: True.
        #expect(try strict(capital, [:], "HELLO WORLD THIS IS ALL CAPS"))
        #expect(try strict(capital, [:], "BONJOUR TOUT LE MONDE ET MERCI"))
        #expect(try !strict(capital, [:], "HELLO"))
        #expect(try !strict(capital, [:], "1234 !!!"))
        #expect(try !strict(capital, [:], "Hello World"))
        #expect(try strict(capital, [:], "\u{216B} \u{216B}!"))
        let lower = "change_case:english_lowercase"
        // True, False, False, False, False; "\u217b \u217b." is lower and langdetect raises: True.
        #expect(try strict(lower, [:], "all lower case here"))
        #expect(try !strict(lower, [:], "bonjour tout le monde et merci beaucoup"))
        #expect(try !strict(lower, [:], "ok"))
        #expect(try !strict(lower, [:], "hello"))
        #expect(try !strict(lower, [:], "Not lower"))
        #expect(try strict(lower, [:], "\u{217B} \u{217B}."))
    }

    /// The reward reads the strict verdicts without the loose variants; it must equal
    /// `evaluate`'s rewards on every real response.
    @Test func rewardsEqualTheFullEvaluation() throws {
        for entry in try IFEvalDataset.load().entries {
            guard let response = entry.referenceResponse else { continue }
            let result = try IFEvalScorer().evaluate(entry.item, response: response)
            #expect(try IFEvalReward(item: entry.item, level: .instruction).reward(response) == result.instructionLevelReward)
            #expect(try IFEvalReward(item: entry.item, level: .prompt).reward(response) == result.promptLevelReward)
        }
    }

    @Test func responseLanguage() throws {
        let id = "language:response_language"
        let hindi = "\u{92F}\u{939} \u{939}\u{93F}\u{902}\u{926}\u{940} \u{92E}\u{947}\u{902} \u{90F}\u{915} \u{935}\u{93E}\u{915}\u{94D}\u{92F} \u{939}\u{948}\u{964}"
        // fr: True, en: False; "!!! 123" raises: True; the Hindi sentence: hi True, mr False.
        #expect(try strict(id, ["language": .string("fr")], "Ceci est une phrase en fran\u{E7}ais."))
        #expect(try !strict(id, ["language": .string("en")], "Ceci est une phrase en fran\u{E7}ais."))
        #expect(try strict(id, ["language": .string("hi")], "!!! 123"))
        #expect(try strict(id, ["language": .string("hi")], hindi))
        #expect(try !strict(id, ["language": .string("mr")], hindi))
        // _LANGUAGES[...] raises KeyError for a code outside LANGUAGE_CODES; the port refuses it.
        #expect(throws: IFEvalError.self) { try strict(id, ["language": .string("zh-cn")], "x") }
    }
}

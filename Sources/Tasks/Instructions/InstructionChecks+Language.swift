/// `language:response_language` (ResponseLanguageChecker): `langdetect.detect(value) ==
/// language`, and followed when langdetect raises (no features), as the reference catches
/// `LangDetectException` and counts the instruction as followed. langdetect is seeded
/// (`LanguageDetector`: `DetectorFactory.seed = 0`); the reference calls it unseeded.
struct ResponseLanguageCheck: InstructionCheck {
    /// IFEval's `LANGUAGE_CODES` (instructions_util.py), the codes `build_description` accepts.
    static let languageCodes: Set<String> = [
        "en", "es", "pt", "ar", "hi", "fr", "ru", "de", "ja", "it", "bn", "uk", "th", "ur", "ta",
        "te", "bg", "ko", "pl", "he", "fa", "vi", "ne", "sw", "kn", "mr", "gu", "pa", "ml", "fi",
    ]

    let language: String
    let detector: LanguageDetector

    /// The reference's `try: ... langdetect.detect(value) == language except
    /// langdetect.LangDetectException: True`.
    static func isDetected(_ language: String, in text: PythonText.Text, by detector: LanguageDetector) -> Bool {
        do { return try detector.detect(text) == language } catch { return true }
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        Self.isDetected(language, in: response, by: detector)
    }
}

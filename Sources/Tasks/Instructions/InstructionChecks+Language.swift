/// `language:response_language` (ResponseLanguageChecker): `langdetect.detect(value) ==
/// language`, or followed when langdetect finds no features. NOT FAITHFUL: langdetect is a
/// randomized naive Bayes over character n-gram profiles; see `ScriptLanguageRule`.
struct ResponseLanguageCheck: InstructionCheck {
    let language: String

    func isFollowed(_ response: PythonText.Text) -> Bool {
        ScriptLanguageRule.matches(response, language: language)
    }
}

/// The stand-in for `langdetect.detect(text) == code`, decided by writing system: the letters
/// of the text (Unicode Alphabetic code points) are tallied by script block, and the text
/// passes when the most frequent script (ties: the first in `Script.allCases`) is the one the
/// language is written in; a text with no letters passes, as langdetect's "no features" error
/// counts as followed in the reference. Languages sharing a script (e.g. en, de, vi; ru, bg;
/// ar, fa, ur; hi, mr, ne) cannot be told apart by this rule, which therefore accepts more
/// texts than langdetect does.
enum ScriptLanguageRule {
    enum Script: CaseIterable {
        case latin, cyrillic, greek, arabic, hebrew, devanagari, bengali, gurmukhi, gujarati, tamil
        case telugu, kannada, malayalam, thai, hangul, kana, han, other

        init(_ c: Unicode.Scalar) {
            switch c.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
            case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
            case 0x400...0x52F: self = .cyrillic
            case 0x590...0x5FF: self = .hebrew
            case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
            case 0x900...0x97F: self = .devanagari
            case 0x980...0x9FF: self = .bengali
            case 0xA00...0xA7F: self = .gurmukhi
            case 0xA80...0xAFF: self = .gujarati
            case 0xB80...0xBFF: self = .tamil
            case 0xC00...0xC7F: self = .telugu
            case 0xC80...0xCFF: self = .kannada
            case 0xD00...0xD7F: self = .malayalam
            case 0xE00...0xE7F: self = .thai
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
            case 0x3040...0x30FF: self = .kana
            case 0x4E00...0x9FFF: self = .han
            default: self = .other
            }
        }
    }

    /// The script of each language code in IFEval's `LANGUAGE_CODES` table.
    static let scripts: [String: Set<Script>] = [
        "en": [.latin], "es": [.latin], "pt": [.latin], "fr": [.latin], "de": [.latin],
        "it": [.latin], "pl": [.latin], "vi": [.latin], "sw": [.latin], "fi": [.latin],
        "ru": [.cyrillic], "uk": [.cyrillic], "bg": [.cyrillic],
        "ar": [.arabic], "fa": [.arabic], "ur": [.arabic], "he": [.hebrew],
        "hi": [.devanagari], "mr": [.devanagari], "ne": [.devanagari],
        "bn": [.bengali], "pa": [.gurmukhi], "gu": [.gujarati], "ta": [.tamil], "te": [.telugu],
        "kn": [.kannada], "ml": [.malayalam], "th": [.thai], "ko": [.hangul], "ja": [.kana, .han],
    ]

    static func matches(_ text: PythonText.Text, language: String) -> Bool {
        var tally: [Script: Int] = [:]
        for c in text where c.properties.isAlphabetic { tally[Script(c), default: 0] += 1 }
        guard let best = tally.values.max() else { return true }
        let dominant = Script.allCases.first { tally[$0] == best }!
        return scripts[language]?.contains(dominant) ?? false
    }
}

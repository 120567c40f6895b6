import Foundation

/// langdetect 1.0.9's character normalisation: `NGram.normalize(ch)` and
/// `NGram.normalize_vi(text)`, with the tables `NGram` reads from `messages.properties`.
///
/// `normalize` maps by Unicode block (the ranges of langdetect's `unicode_block` table):
/// - Basic Latin (U+0000...U+007F): everything but `A-Z`, `a-z` becomes a space;
/// - Latin-1 Supplement (U+0080...U+00FF): `NGram.LATIN1_EXCLUDE` (NBSP, `«`, `°`, `»`) becomes a space;
/// - Latin Extended-B (U+0180...U+024F): Romanian s/t with comma below become s/t with cedilla;
/// - General Punctuation (U+2000...U+206F): a space;
/// - Arabic (U+0600...U+06FF): Farsi yeh U+06CC becomes Arabic yeh U+064A;
/// - Latin Extended Additional (U+1E00...U+1EFF): U+1EA0 and above become U+1EC3;
/// - Hiragana, Katakana, Bopomofo (+ Extended), Hangul Syllables: one representative each
///   (U+3042, U+30A2, U+3105, U+AC00);
/// - CJK Unified Ideographs (U+4E00...U+9FFF): the first ideograph of its `NGram.KANJI_*`
///   class (126 classes), or itself when in none;
/// - everything else is unchanged.
///
/// `normalizeVietnamese` is `re.sub('([TO_NORMALIZE_VI_CHARS])([DMARK_CLASS])', ...)`: a base
/// letter followed by one of the five combining marks U+0300, U+0301, U+0303, U+0309, U+0323
/// becomes the precomposed letter from `NORMALIZED_VI_CHARS_<mark>`, scanning left to right.
struct LangDetectNormalizer: Sendable {
    /// `NGram.LATIN1_EXCLUDE`.
    let latin1Excluded: Set<Unicode.Scalar>
    /// `NGram.CJK_MAP`: ideograph -> its class representative.
    let cjkRepresentative: [Unicode.Scalar: Unicode.Scalar]
    /// `TO_NORMALIZE_VI_CHARS`: base letter -> its position.
    let vietnameseBase: [Unicode.Scalar: Int]
    /// `DMARK_CLASS`: combining mark (all in U+0300...U+0323) -> its position.
    let vietnameseMark: [Unicode.Scalar: Int]
    /// `NORMALIZED_VI_CHARS_*`, indexed [mark position][base position].
    let vietnameseComposed: [[Unicode.Scalar]]

    /// Reads the tables from langdetect's `messages.properties` as `langdetect.utils.messages`
    /// does: each line is stripped and split at its first `=`, and the value's `\uXXXX` escapes
    /// are decoded. The CJK classes are the `NGram.KANJI_*` keys in file order (the order of
    /// `NGram.CJK_CLASS`); a later class would win for an ideograph listed twice.
    init(messagesURL url: URL) throws(LangDetectError) {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: url.path)
        }
        var values: [String: [Unicode.Scalar]] = [:]
        var kanjiClasses: [[Unicode.Scalar]] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = String(trimmed[..<equals])
            guard let value = Self.unescaped(trimmed[trimmed.index(after: equals)...]) else {
                throw .malformed(path: url.path, reason: "bad \\u escape in \(key)")
            }
            values[key] = value
            if key.hasPrefix("NGram.KANJI_") { kanjiClasses.append(value) }
        }
        func table(_ key: String, count: Int? = nil) throws(LangDetectError) -> [Unicode.Scalar] {
            guard let value = values[key], count == nil || value.count == count else {
                throw .malformed(path: url.path, reason: "missing or wrong-sized \(key)")
            }
            return value
        }
        latin1Excluded = Set(try table("NGram.LATIN1_EXCLUDE"))
        var cjk: [Unicode.Scalar: Unicode.Scalar] = [:]
        for members in kanjiClasses {
            guard let representative = members.first else { continue }
            for member in members { cjk[member] = representative }
        }
        cjkRepresentative = cjk
        let bases = try table("TO_NORMALIZE_VI_CHARS")
        let marks = try table("DMARK_CLASS")
        guard marks.allSatisfy({ (0x300...0x323).contains($0.value) }) else {
            throw .malformed(path: url.path, reason: "DMARK_CLASS outside U+0300...U+0323")
        }
        vietnameseBase = Dictionary(bases.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        vietnameseMark = Dictionary(marks.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var composed: [[Unicode.Scalar]] = []
        for mark in marks {
            composed.append(try table("NORMALIZED_VI_CHARS_" + String(format: "%04X", mark.value), count: bases.count))
        }
        vietnameseComposed = composed
    }

    /// The value with its `\uXXXX` escapes decoded (Python's `unicode_escape` on an ASCII file
    /// that has no other escapes); nil on any other backslash.
    private static func unescaped(_ value: Substring) -> [Unicode.Scalar]? {
        var out: [Unicode.Scalar] = []
        var scalars = value.unicodeScalars[...]
        while let c = scalars.popFirst() {
            guard c == "\\" else { out.append(c); continue }
            guard scalars.popFirst() == "u", scalars.count >= 4,
                  let code = UInt32(String(String.UnicodeScalarView(scalars.prefix(4))), radix: 16),
                  let decoded = Unicode.Scalar(code) else { return nil }
            out.append(decoded)
            scalars = scalars.dropFirst(4)
        }
        return out
    }

    /// `NGram.normalize(ch)`.
    func normalize(_ c: Unicode.Scalar) -> Unicode.Scalar {
        switch c.value {
        case 0...0x7F:
            return (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value) ? c : " "
        case 0x80...0xFF:
            return latin1Excluded.contains(c) ? " " : c
        case 0x180...0x24F:
            return c.value == 0x219 ? "\u{15F}" : c.value == 0x21B ? "\u{163}" : c
        case 0x2000...0x206F:
            return " "
        case 0x600...0x6FF:
            return c.value == 0x6CC ? "\u{64A}" : c
        case 0x1E00...0x1EFF:
            return c.value >= 0x1EA0 ? "\u{1EC3}" : c
        case 0x3040...0x309F:
            return "\u{3042}"
        case 0x30A0...0x30FF:
            return "\u{30A2}"
        case 0x3100...0x312F, 0x31A0...0x31BF:
            return "\u{3105}"
        case 0x4E00...0x9FFF:
            return cjkRepresentative[c] ?? c
        case 0xAC00...0xD7AF:
            return "\u{AC00}"
        default:
            return c
        }
    }

    /// `NGram.normalize_vi(text)`.
    func normalizeVietnamese(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if i + 1 < text.count, (0x300...0x323).contains(text[i + 1].value),
               let mark = vietnameseMark[text[i + 1]], let base = vietnameseBase[text[i]] {
                out.append(vietnameseComposed[mark][base])
                i += 2
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return out
    }
}

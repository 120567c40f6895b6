/// One word of a text as VADER's rules read it: a whitespace-separated token of the
/// emoji-expanded text with its surrounding punctuation stripped (`SentiText`), looked up once.
struct VaderWord {
    /// Number of the lowercased word in `VaderVocabulary`, -1 if it has none.
    let number: Int32
    /// What the lexicon and the rules list for the lowercased word (`nil` for number -1).
    let entry: VaderVocabulary.Entry?
    /// `str.isupper()` of the word as written.
    let isUpper: Bool
    /// `negated([lower])`: the lowercased word is in `NEGATE` or contains "n't".
    let isNegation: Bool

    /// Whether the lowercased word is in the valence lexicon.
    var isLexiconWord: Bool { entry?.valence != nil }
}

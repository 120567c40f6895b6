/// rouge-score 0.1.2's `DefaultTokenizer` (`rouge_score/tokenize.py`).
///
/// Python does: `text.lower()`; replace every run of characters outside `[a-z0-9]` by a space;
/// split on whitespace; stem the tokens longer than 3 characters with nltk's Porter stemmer
/// (when stemming is on); drop tokens that are empty or not `[a-z0-9]+`.
///
/// Here each Unicode scalar is replaced by its full lowercase mapping (the mapping Python's
/// `str.lower` uses; only `A`-`Z`, U+0130 `İ` -> `i` + U+0307 and U+212A KELVIN SIGN -> `k`
/// produce ASCII letters), and the tokens are the maximal runs of `[a-z0-9]` in that
/// lowercased text. Everything else, non-ASCII letters and digits included, separates tokens.
/// Python's final filter never fires on such runs: a Porter stem of a `[a-z0-9]` word of 4 or
/// more characters is again a non-empty `[a-z0-9]` word.
public struct RougeTokenizer: Sendable {
    /// nltk's `PorterStemmer()` when stemming is on.
    public let stemmer: PorterStemmer?

    public init(stemming: Bool) {
        stemmer = stemming ? PorterStemmer() : nil
    }

    /// The ROUGE tokens of a text.
    public func tokens(_ text: String) -> [String] {
        var projected = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                projected.append(Self.keptOrSpace(Self.asciiLowercase(scalar)))
            } else {
                for lowered in scalar.properties.lowercaseMapping.unicodeScalars {
                    projected.append(Self.keptOrSpace(lowered))
                }
            }
        }
        return String(projected).split(separator: " ").map { word in
            let token = String(word)
            guard let stemmer, token.utf8.count > 3 else { return token }
            return stemmer.stem(token)
        }
    }

    private static func asciiLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    /// The scalar itself when it is in `[a-z0-9]`, else a space (a token separator).
    private static func keptOrSpace(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? scalar : " "
    }
}

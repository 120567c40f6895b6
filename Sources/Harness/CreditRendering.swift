import Foundation

/// Credits shown on the text they belong to, as in SCAR's figure 1: colour gives the sign (green
/// positive, red negative), intensity the size relative to the largest |credit|.
public struct CreditRendering {
    public struct Piece {
        /// Text before the unit (whitespace, or context that is not a player).
        public var before: String
        public var text: String
        public var credit: Double
        public init(before: String, text: String, credit: Double) {
            self.before = before
            self.text = text
            self.credit = credit
        }
    }

    public var pieces: [Piece]
    public var trailing: String

    public init(pieces: [Piece], trailing: String = "") {
        self.pieces = pieces
        self.trailing = trailing
    }

    private var scale: Double { max(pieces.map { abs($0.credit) }.max() ?? 0, 1e-300) }

    /// Red-white-green background for a credit, as 0...255 RGB.
    func color(_ credit: Double) -> (red: Int, green: Int, blue: Int) {
        let strength = min(abs(credit) / scale, 1)
        let fade = Int((255 * (1 - 0.75 * strength)).rounded())
        return credit >= 0 ? (fade, 255, fade) : (255, fade, fade)
    }

    /// The text with 24-bit ANSI background colours (for a terminal).
    public var ansi: String {
        var output = ""
        for piece in pieces {
            let (red, green, blue) = color(piece.credit)
            output += piece.before + "\u{1B}[48;2;\(red);\(green);\(blue)m\u{1B}[38;2;0;0;0m\(piece.text)\u{1B}[0m"
        }
        return output + trailing
    }

    /// A self-contained HTML page: the coloured text, then a table of units and credits.
    public func html(title: String, caption: String) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var body = ""
        for piece in pieces {
            let (red, green, blue) = color(piece.credit)
            body += escape(piece.before)
            body += "<span style=\"background: rgb(\(red),\(green),\(blue))\" title=\"\(String(format: "%+.6g", piece.credit))\">\(escape(piece.text))</span>"
        }
        body += escape(trailing)
        let rows = pieces.enumerated().map { index, piece in
            "<tr><td>\(index)</td><td>\(escape(piece.text))</td><td style=\"text-align:right\">\(String(format: "%+.6g", piece.credit))</td></tr>"
        }.joined(separator: "\n")
        return """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;max-width:60em;margin:2em auto}p.text{font-size:1.3em;line-height:1.8;white-space:pre-wrap}span{padding:0.1em 0.15em;border-radius:0.2em}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:0.2em 0.6em}</style>
        </head><body>
        <h1>\(escape(title))</h1>
        <p>\(escape(caption))</p>
        <p class="text">\(body)</p>
        <table><tr><th>unit</th><th>text</th><th>credit</th></tr>
        \(rows)
        </table>
        </body></html>

        """
    }
}

/// `detectable_content:number_placeholders` (PlaceholderChecker): at least `num_placeholders`
/// matches of `re.findall(r"\[.*?\]")`: from a `[`, the nearest `]` on the same line.
struct PlaceholderCheck: InstructionCheck {
    let placeholders: Int

    static func placeholder(_ text: PythonText.Text, _ start: Int) -> Int? {
        guard text[start] == "[" else { return nil }
        var j = start + 1
        while j < text.count && text[j] != "\n" {
            if text[j] == "]" { return j + 1 }
            j += 1
        }
        return nil
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        PythonPatterns.findAll(response, Self.placeholder).count >= placeholders
    }
}

/// `detectable_content:postscript` (PostscriptChecker): searched in `value.lower()`. Marker
/// "P.P.S" (after `strip()`): `p\.\s?p\.\s?s` occurs; "P.S.": `p\.\s?s\.` occurs; any other
/// marker: `marker.lower()` occurs literally (markers are literal ASCII). The reference's
/// surrounding `\s*` and `.*$` never change whether a match exists.
struct PostscriptCheck: InstructionCheck {
    let marker: PythonText.Text

    /// Matches `p` `.` [space] `p` `.` [space] `s` ... as a list of steps, where `nil` is `\s?`.
    static func matchSteps(_ text: PythonText.Text, _ start: Int, _ steps: [Unicode.Scalar?], from step: Int = 0) -> Bool {
        guard step < steps.count else { return true }
        guard let literal = steps[step] else {
            if start < text.count && PythonText.isSpace(text[start]) && matchSteps(text, start + 1, steps, from: step + 1) {
                return true
            }
            return matchSteps(text, start, steps, from: step + 1)
        }
        return start < text.count && text[start] == literal && matchSteps(text, start + 1, steps, from: step + 1)
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        let value = PythonText.lowercased(response)
        let steps: [Unicode.Scalar?]
        switch String(String.UnicodeScalarView(marker)) {
        case "P.P.S": steps = ["p", ".", nil, "p", ".", nil, "s"]
        case "P.S.": steps = ["p", ".", nil, "s", "."]
        default: return PythonText.contains(value, PythonText.lowercased(marker))
        }
        return (0..<value.count).contains { Self.matchSteps(value, $0, steps) }
    }
}

/// `detectable_format:number_bullet_lists` (BulletListChecker): the number of
/// `re.findall(r"^\s*\*[^\*].*$", value, re.MULTILINE)` plus `r"^\s*-.*$"` matches equals
/// `num_bullets`. At a line start, `\s*` can only succeed with its longest run (any shorter run
/// is followed by a space, not `*` or `-`); `[^\*]` may be a newline; `.*$` then runs to the
/// end of that line.
struct BulletListCheck: InstructionCheck {
    let bullets: Int

    static func bulletMatcher(marker: Unicode.Scalar, needsNonStar: Bool) -> PythonPatterns.Matcher {
        { text, start in
            guard start == 0 || text[start - 1] == "\n" else { return nil }
            var q = start
            while q < text.count && PythonText.isSpace(text[q]) { q += 1 }
            guard q < text.count, text[q] == marker else { return nil }
            var end = q + 1
            if needsNonStar {
                guard end < text.count, text[end] != "*" else { return nil }
                end += 1
            }
            while end < text.count && text[end] != "\n" { end += 1 }
            return end
        }
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        let stars = PythonPatterns.findAll(response, Self.bulletMatcher(marker: "*", needsNonStar: true)).count
        let dashes = PythonPatterns.findAll(response, Self.bulletMatcher(marker: "-", needsNonStar: false)).count
        return stars + dashes == bullets
    }
}

/// `detectable_format:constrained_response` (ConstrainedResponseChecker): `value.strip()`
/// contains "My answer is yes.", "My answer is no." or "My answer is maybe.".
struct ConstrainedResponseCheck: InstructionCheck {
    static let options = ["My answer is yes.", "My answer is no.", "My answer is maybe."].map(PythonText.text)

    func isFollowed(_ response: PythonText.Text) -> Bool {
        let stripped = PythonText.strip(response)
        return Self.options.contains { PythonText.contains(stripped, $0) }
    }
}

/// `detectable_format:number_highlighted_sections` (HighlightSectionChecker): the count of
/// `re.findall(r"\*[^\n\*]*\*")` matches whose inside is not blank, plus the count of
/// `re.findall(r"\*\*[^\n\*]*\*\*")` matches whose inside is not blank, is at least
/// `num_highlights`. For example `**bold**` counts once: the single-star scan finds the two
/// blank matches `**` and `**`, the double-star scan finds `**bold**`.
struct HighlightedSectionsCheck: InstructionCheck {
    let highlights: Int

    /// Matches `\*{stars}[^\n\*]*\*{stars}` at `start`, returning the end and the inside range.
    static func highlight(_ text: PythonText.Text, _ start: Int, stars: Int) -> (end: Int, inside: Range<Int>)? {
        guard start + stars <= text.count, (start..<(start + stars)).allSatisfy({ text[$0] == "*" }) else { return nil }
        var j = start + stars
        while j < text.count && text[j] != "\n" && text[j] != "*" { j += 1 }
        guard j + stars <= text.count, (j..<(j + stars)).allSatisfy({ text[$0] == "*" }) else { return nil }
        return (j + stars, (start + stars)..<j)
    }

    static func countNonBlank(_ text: PythonText.Text, stars: Int) -> Int {
        PythonPatterns.findAll(text) { text, start in highlight(text, start, stars: stars)?.end }
            .filter { range in
                let inside = highlight(text, range.lowerBound, stars: stars)!.inside
                return !PythonText.strip(Array(text[inside])).isEmpty
            }.count
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        Self.countNonBlank(response, stars: 1) + Self.countNonBlank(response, stars: 2) >= highlights
    }
}

/// `detectable_format:multiple_sections` (SectionChecker): the number of matches of
/// `\s?` + section_spliter + `\s?\d+\s?` (`len(re.split(...)) - 1`) is at least `num_sections`.
struct MultipleSectionsCheck: InstructionCheck {
    let splitter: PythonText.Text
    let sections: Int

    /// Tries the optional spaces greedily first, backtracking as Python's engine would.
    func marker(_ text: PythonText.Text, _ start: Int) -> Int? {
        for leading in [1, 0] {
            if leading == 1 && !(start < text.count && PythonText.isSpace(text[start])) { continue }
            let wordStart = start + leading
            guard PythonText.hasPrefix(text, splitter, at: wordStart) else { continue }
            let afterWord = wordStart + splitter.count
            for middle in [1, 0] {
                if middle == 1 && !(afterWord < text.count && PythonText.isSpace(text[afterWord])) { continue }
                var end = afterWord + middle
                guard end < text.count, PythonText.isDecimal(text[end]) else { continue }
                while end < text.count && PythonText.isDecimal(text[end]) { end += 1 }
                if end < text.count && PythonText.isSpace(text[end]) { end += 1 }
                return end
            }
        }
        return nil
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        PythonPatterns.findAll(response, marker).count >= sections
    }
}

/// `detectable_format:json_format` (JsonFormat): `value.strip()` minus one leading "```json",
/// "```Json", "```JSON" (each tried in turn) and "```", minus one trailing "```", stripped
/// again, is accepted by Python's `json.loads` (see `PythonJSON`).
struct JSONFormatCheck: InstructionCheck {
    func isFollowed(_ response: PythonText.Text) -> Bool {
        var value = PythonText.strip(response)
        for prefix in ["```json", "```Json", "```JSON", "```"].map(PythonText.text)
        where PythonText.hasPrefix(value, prefix) {
            value.removeFirst(prefix.count)
        }
        let fence = PythonText.text("```")
        if PythonText.hasSuffix(value, fence) { value.removeLast(fence.count) }
        return PythonJSON.isValid(PythonText.strip(value))
    }
}

/// `detectable_format:title` (TitleChecker): some `re.findall(r"<<[^\n]+>>")` match is still
/// non-blank after `lstrip("<")`, `rstrip(">")`, `strip()`. A match runs from `<<` to the last
/// `>>` on the same line that leaves at least one code point between them (greedy backtracking).
struct TitleCheck: InstructionCheck {
    static func title(_ text: PythonText.Text, _ start: Int) -> Int? {
        guard start + 1 < text.count, text[start] == "<", text[start + 1] == "<" else { return nil }
        var lineEnd = start + 2
        while lineEnd < text.count && text[lineEnd] != "\n" { lineEnd += 1 }
        var closing = lineEnd - 2
        while closing >= start + 3 {
            if text[closing] == ">" && text[closing + 1] == ">" { return closing + 2 }
            closing -= 1
        }
        return nil
    }

    func isFollowed(_ response: PythonText.Text) -> Bool {
        PythonPatterns.findAll(response, Self.title).contains { range in
            var title = Array(response[range])
            title = PythonText.strip(title, trailing: false) { $0 == "<" }
            title = PythonText.strip(title, leading: false) { $0 == ">" }
            return !PythonText.strip(title).isEmpty
        }
    }
}

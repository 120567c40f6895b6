/// `startend:end_checker` (EndChecker): `value.strip().strip('"').lower()` ends with
/// `end_phrase.strip().lower()`.
struct EndPhraseCheck: InstructionCheck {
    let endPhrase: PythonText.Text

    func isFollowed(_ response: PythonText.Text) -> Bool {
        let value = PythonText.lowercased(PythonText.strip(PythonText.strip(response)) { $0 == "\"" })
        return PythonText.hasSuffix(value, PythonText.lowercased(PythonText.strip(endPhrase)))
    }
}

/// `startend:quotation` (QuotationChecker): `value.strip()` has more than one code point and
/// starts and ends with `"`.
struct QuotationCheck: InstructionCheck {
    func isFollowed(_ response: PythonText.Text) -> Bool {
        let value = PythonText.strip(response)
        return value.count > 1 && value.first == "\"" && value.last == "\""
    }
}

/// `combination:repeat_prompt` (RepeatPromptThenAnswer): `value.strip().lower()` starts with
/// `prompt_to_repeat.strip().lower()`.
struct RepeatPromptCheck: InstructionCheck {
    let prompt: PythonText.Text

    func isFollowed(_ response: PythonText.Text) -> Bool {
        PythonText.hasPrefix(PythonText.lowercased(PythonText.strip(response)),
                             PythonText.lowercased(PythonText.strip(prompt)))
    }
}

/// `combination:two_responses` (TwoResponsesChecker): split on "******"; a blank piece is
/// allowed only first or last (otherwise the check fails); exactly two non-blank pieces must
/// remain and differ after `strip()`.
struct TwoResponsesCheck: InstructionCheck {
    func isFollowed(_ response: PythonText.Text) -> Bool {
        let pieces = PythonText.split(response, separator: PythonText.text("******"))
        var valid: [PythonText.Text] = []
        for (index, piece) in pieces.enumerated() {
            if PythonText.strip(piece).isEmpty {
                if index != 0 && index != pieces.count - 1 { return false }
            } else {
                valid.append(piece)
            }
        }
        return valid.count == 2 && PythonText.strip(valid[0]) != PythonText.strip(valid[1])
    }
}

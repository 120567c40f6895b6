/// `punctuation:no_comma` (CommaChecker): no `,` (U+002C) anywhere.
struct NoCommaCheck: InstructionCheck {
    func isFollowed(_ response: PythonText.Text) -> Bool {
        !response.contains(",")
    }
}

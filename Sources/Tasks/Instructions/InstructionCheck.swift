/// One verifiable IFEval instruction, built from its kwargs: `isFollowed` is the port of the
/// reference class's `check_following(value)` on the code points of `value`.
public protocol InstructionCheck: Sendable {
    func isFollowed(_ response: PythonText.Text) -> Bool
}

/// A failure the command reports as one line ("Error: ...") with a non-zero exit and no usage text.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

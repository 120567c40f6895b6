/// Why `creditbench check` cannot record or check a baseline, in one line (a configuration that
/// cannot be reproduced, an unreadable file, a bad option): the check never compares silently.
public struct CheckRefusal: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

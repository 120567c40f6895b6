import Foundation

/// What makes a result file repeatable: the command line, the commit, the tool versions and the
/// time, written as `run.json` beside the results.
public struct RunProvenance: Encodable {
    public var command: [String]
    public var commit: String
    public var swiftVersion: String
    public var gslVersion: String
    public var startedAt: String
    public var configuration: [String: String]

    public init(configuration: [String: String]) {
        command = CommandLine.arguments
        commit = RunProvenance.commit
        swiftVersion = RunProvenance.output(of: ["swift", "--version"])?.split(separator: "\n").first.map(String.init) ?? "unknown"
        gslVersion = RunProvenance.output(of: ["pkg-config", "--modversion", "gsl"]) ?? "unknown"
        startedAt = ISO8601DateFormatter().string(from: Date())
        self.configuration = configuration
    }

    enum CodingKeys: String, CodingKey {
        case command, commit, configuration
        case swiftVersion = "swift_version"
        case gslVersion = "gsl_version"
        case startedAt = "started_at"
    }

    /// `git rev-parse HEAD` in the working directory, or "unknown" outside a repository.
    public static var commit: String { output(of: ["git", "rev-parse", "HEAD"]) ?? "unknown" }

    /// The `configuration` of the `run.json` at `url` (`nil` if there is none or it cannot be read).
    public static func configuration(at url: URL) -> [String: String]? {
        struct Stored: Decodable { var configuration: [String: String] }
        return FileManager.default.contents(atPath: url.path).flatMap { try? JSONDecoder().decode(Stored.self, from: $0).configuration }
    }

    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: url)
    }

    private static func output(of command: [String]) -> String? {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

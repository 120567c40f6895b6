import Foundation

/// Where the project's data lives at run time.
///
/// Task data is committed under `tasks/<task>/` and read from there (never downloaded). The
/// root is, in order: the `CREDITBENCH_ROOT` environment variable; the nearest folder at or
/// above the working directory that holds both `Package.swift` and `tasks/`; the same search
/// upward from the running executable (so `.build/release/creditbench` finds its checkout).
public enum ProjectPaths {
    public enum LocateError: Error, CustomStringConvertible {
        case notFound
        case missingFile(String)
        public var description: String {
            switch self {
            case .notFound:
                return "cannot find the CreditBench checkout (a folder with Package.swift and tasks/); run from inside it or set CREDITBENCH_ROOT"
            case .missingFile(let path):
                return "missing data file \(path); is the checkout complete?"
            }
        }
    }

    /// The checkout's root folder.
    public static func root() throws -> URL {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["CREDITBENCH_ROOT"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let starts = [
            URL(fileURLWithPath: fileManager.currentDirectoryPath),
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
        ]
        for start in starts {
            var folder = start.standardizedFileURL
            while true {
                let hasPackage = fileManager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
                let hasTasks = fileManager.fileExists(atPath: folder.appendingPathComponent("tasks").path)
                if hasPackage && hasTasks { return folder }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        throw LocateError.notFound
    }

    /// A file under `tasks/`, e.g. `taskFile("sentiment", "vader_lexicon.txt")`; throws if absent.
    public static func taskFile(_ components: String...) throws -> URL {
        var url = try root().appendingPathComponent("tasks")
        for component in components { url.appendPathComponent(component) }
        guard FileManager.default.fileExists(atPath: url.path) else { throw LocateError.missingFile(url.path) }
        return url
    }
}

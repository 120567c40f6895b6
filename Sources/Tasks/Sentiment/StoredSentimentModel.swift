import Foundation

/// A sentiment model stored as one JSON file under `tasks/sentiment/` (a format tag, its weights
/// and its training record), and the loading both stored models share.
///
/// A conforming model names its committed file, its format tag and itself (for errors), and says
/// how a decoded file becomes the model (`init(validating:)`, which checks shapes and values) and
/// back (`storedForm`). Here, once: `loadCommitted()`, `load(from:)`, `init(jsonData:)` (decode,
/// wrapping a decoding failure as "not a model file", then the format check, then
/// `init(validating:)`) and `jsonData()` (sorted keys, so the same model always gives the same
/// bytes). Every failure after the file was read is a `SentimentModelLoadError` naming the model.
public protocol StoredSentimentModel {
    /// The decoded file.
    associatedtype StoredForm: StoredModelFile
    /// The committed file's name under `tasks/sentiment/`.
    static var committedFileName: String { get }
    /// The `format` tag a file of this model carries.
    static var fileFormat: String { get }
    /// What load errors call the model, e.g. "the learned sentiment model".
    static var storedModelName: String { get }
    /// The model of `stored`, whose format is already checked; throws `loadError(_:)` for a file
    /// whose shapes or values are invalid.
    init(validating stored: StoredForm) throws
    /// The file of this model.
    var storedForm: StoredForm { get }
}

/// The decoded JSON of a stored model: it carries its format tag.
public protocol StoredModelFile: Codable {
    var format: String { get }
}

extension StoredSentimentModel {
    public typealias LoadError = SentimentModelLoadError

    /// The load error of this model for `reason`.
    static func loadError(_ reason: String) -> SentimentModelLoadError {
        SentimentModelLoadError(model: storedModelName, reason: reason)
    }

    /// The committed model, `tasks/sentiment/<committedFileName>`.
    public static func loadCommitted() throws -> Self {
        try load(from: ProjectPaths.taskFile("sentiment", committedFileName))
    }

    /// The model in the file at `url` (a read failure is thrown as it is).
    public static func load(from url: URL) throws -> Self {
        try Self(jsonData: Data(contentsOf: url))
    }

    public init(jsonData: Data) throws {
        let stored: StoredForm
        do {
            stored = try JSONDecoder().decode(StoredForm.self, from: jsonData)
        } catch {
            throw Self.loadError("not a model file (\(error.localizedDescription))")
        }
        guard stored.format == Self.fileFormat else {
            throw Self.loadError("format '\(stored.format)' is not \(Self.fileFormat)")
        }
        try self.init(validating: stored)
    }

    /// The file's bytes: sorted keys, so the same model always gives the same file.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(storedForm)
    }
}

import Foundation
import Testing
@testable import Tasks

/// `StoredSentimentModel`, once for both stored models (the learned attention model and the
/// transformer): the committed file loads and writes back byte for byte, and every load failure
/// after the bytes were read is a `SentimentModelLoadError` naming the model and the reason.
@Suite struct StoredSentimentModelTests {
    /// The committed file's bytes, `Model.init(jsonData:)` and `jsonData()` of the decoded model.
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let modelName: String
        let fileFormat: String
        let committedBytes: @Sendable () throws -> Data
        let roundTrip: @Sendable (Data) throws -> Data

        static func of<Model: StoredSentimentModel>(_ type: Model.Type) -> Case {
            Case(description: "\(type)", modelName: Model.storedModelName, fileFormat: Model.fileFormat,
                 committedBytes: { try Data(contentsOf: ProjectPaths.taskFile("sentiment", Model.committedFileName)) },
                 roundTrip: { try Model(jsonData: $0).jsonData() })
        }
    }

    static let cases = [Case.of(AttentionSentimentModel.self), Case.of(TransformerSentimentModel.self)]

    /// The bytes as a JSON object with `key` set to `value`.
    static func editing(_ bytes: Data, _ key: String, _ value: Any) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
        object[key] = value
        return try JSONSerialization.data(withJSONObject: object)
    }

    /// The load error `body` throws, `nil` if it throws none (or another error).
    static func loadError(_ body: () throws -> Data) -> SentimentModelLoadError? {
        do { _ = try body() } catch let error as SentimentModelLoadError { return error } catch { return nil }
        return nil
    }

    @Test(arguments: cases)
    func committedFileWritesBackByteForByte(_ model: Case) throws {
        let bytes = try model.committedBytes()
        let written = try model.roundTrip(bytes)
        #expect(try model.roundTrip(written) == written)
        // Sorted keys and the same numbers: the committed file's content, whitespace aside.
        let committed = try JSONSerialization.jsonObject(with: bytes) as? NSDictionary
        #expect(committed == (try JSONSerialization.jsonObject(with: written) as? NSDictionary))
    }

    @Test(arguments: cases)
    func loadFailuresAreWrappedWithTheModelsName(_ model: Case) throws {
        let notJSON = try #require(Self.loadError { try model.roundTrip(Data("{}".utf8)) })
        #expect(notJSON.model == model.modelName && notJSON.reason.hasPrefix("not a model file ("))
        #expect(notJSON.description == "cannot load the \(model.modelName): \(notJSON.reason)")

        let bytes = try model.committedBytes()
        let wrongFormat = try #require(Self.loadError { try model.roundTrip(try Self.editing(bytes, "format", "other-1")) })
        #expect(wrongFormat == SentimentModelLoadError(model: model.modelName, reason: "format 'other-1' is not \(model.fileFormat)"))

        // Past the format check: the model's own validation, wrapped the same way.
        let badVocabulary = try #require(Self.loadError { try model.roundTrip(try Self.editing(bytes, "vocabulary", ["a", "a"])) })
        #expect(badVocabulary.model == model.modelName && badVocabulary.reason.contains("vocabulary must start with <unk>"))
    }
}

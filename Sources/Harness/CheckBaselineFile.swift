import Foundation

/// A baseline file of `creditbench check` (`CheckBaseline` for estimators, `SchemeCheckBaseline`
/// for credit schemes): JSON naming its format, the commit it was recorded at, the configuration's
/// board (what the options of `--record` set) and the configuration's fingerprint when recorded.
public protocol CheckBaselineFile: Codable {
    associatedtype Board: Codable & Equatable
    /// The `format` this code reads and writes.
    static var formatName: String { get }
    var format: String { get }
    /// `git rev-parse HEAD` where the baseline was recorded.
    var commit: String { get }
    /// `CheckEncoding.fingerprint` of the configuration when recorded.
    var configurationHash: String { get }
    /// `CheckEncoding.fingerprint` of the configuration as read now.
    var currentConfigurationHash: String { get }
    /// The runs the baseline was recorded with.
    var board: Board { get }
}

extension CheckBaselineFile {
    /// The baseline in `url`, or a `CheckRefusal` saying in one line why it cannot be used.
    public static func read(from url: URL) throws -> Self {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CheckRefusal("cannot read baseline \(url.path)")
        }
        let baseline: Self
        do { baseline = try JSONDecoder().decode(Self.self, from: data) } catch {
            throw CheckRefusal("\(url.path) is not a \(formatName) file")
        }
        guard baseline.format == formatName else {
            throw CheckRefusal("\(url.path) has format \(baseline.format); this creditbench reads \(formatName)")
        }
        guard baseline.currentConfigurationHash == baseline.configurationHash else {
            throw CheckRefusal("\(url.path): the configuration does not match its hash \(baseline.configurationHash) (edited by hand?); re-record it")
        }
        return baseline
    }

    /// Writes the baseline as indented JSON with sorted keys (stable diffs).
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(self).write(to: url)
    }

    /// Throws a `CheckRefusal` naming the first difference when `requested` (the baseline's board
    /// with the options a user gave applied) is not the board the baseline was recorded with: a
    /// check reruns the recorded configuration and never compares another one silently.
    public func requireBoard(_ requested: Board) throws {
        if let difference = CheckEncoding.firstDifference(requested: requested, recorded: board) {
            throw CheckRefusal("the options ask for \(difference); a check reruns the baseline's own configuration (drop the option, or re-record the baseline)")
        }
    }
}

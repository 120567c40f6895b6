/// Why a statistics routine refused its input. `description` is a single line fit for a CLI error.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A sample has fewer observations than the routine needs.
    case tooFewObservations(sample: String, needed: Int, got: Int)
    /// A sample contains NaN or an infinity.
    case nonFinite(sample: String)
    /// A parameter lies outside its allowed range, e.g. alpha outside (0, 1).
    case outOfRange(parameter: String, value: Double, allowed: String)
    /// The input is well formed but the quantity is undefined for it, e.g. two constant samples.
    case undefined(String)

    public var description: String {
        switch self {
        case let .tooFewObservations(sample, needed, got):
            "sample '\(sample)' needs at least \(needed) observation\(needed == 1 ? "" : "s"), got \(got)"
        case let .nonFinite(sample):
            "sample '\(sample)' contains NaN or infinite values"
        case let .outOfRange(parameter, value, allowed):
            "\(parameter) = \(value) is outside \(allowed)"
        case let .undefined(reason):
            reason
        }
    }
}

extension StatisticsError {
    /// Throws unless `sample` has at least `needed` observations, all finite.
    static func check(_ sample: [Double], _ name: String, atLeast needed: Int) throws {
        guard sample.count >= needed else {
            throw StatisticsError.tooFewObservations(sample: name, needed: needed, got: sample.count)
        }
        guard sample.allSatisfy(\.isFinite) else { throw StatisticsError.nonFinite(sample: name) }
    }

    /// Throws unless 0 < `value` < 1 (an alpha or a confidence level).
    static func checkOpenUnitInterval(_ value: Double, _ parameter: String) throws {
        guard value > 0, value < 1 else {
            throw StatisticsError.outOfRange(parameter: parameter, value: value, allowed: "(0, 1)")
        }
    }
}

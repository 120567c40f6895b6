import Foundation
import Statistics
import Testing

/// Expected values produced by scipy 1.17.1, statsmodels 0.15.0 and lifelines 0.30.3 on fixed inputs, written to
/// `reference/scipy_expected.json` by `reference/scipy_reference.py` (regenerate with
/// `python3 Tests/StatisticsTests/reference/scipy_reference.py`). Nothing in the file comes from this package.
struct ScipyReference: Decodable {
    struct Descriptive: Decodable {
        let mean, variance, standardDeviation, median: Double
        let quantiles: [[Double]]
    }
    struct Test: Decodable {
        let a, b, alternative: String
        let statistic, pValue: Double
        let df: Double?
        let nullDifference: Double?
        let method: String?
        let intervals: [Interval]?
    }
    struct OneSided: Decodable { let statistic, pValue, df: Double }
    struct Tost: Decodable {
        let a, b: String
        let lower, upper, pValue: Double
        let lowerTest, upperTest: OneSided
    }
    struct Holm: Decodable { let pValues, adjusted: [Double] }
    struct Interval: Decodable {
        let confidenceLevel, lower, upper: Double
        let method: String?
    }
    struct EffectSizes: Decodable {
        let a, b: String
        let hedgesG, meanDifference: Double
        let welchIntervals: [Interval]
    }
    struct BootstrapCase: Decodable {
        let samples: [String]
        let statistic: String
        let indices: [[[Int]]]
        let estimate, biasCorrection, acceleration: Double
        let intervals: [Interval]
    }
    struct MonteCarlo: Decodable {
        let samples: [String]
        let statistic, method: String
        let confidenceLevel, lower, upper, standardError: Double
        let resamples: Int
    }

    struct PairedBootstrap: Decodable {
        let samples: [String]
        let indices: [[Int]]
        let estimate: Double
        let intervals: [Interval]
    }
    struct Censored: Decodable { let times: [Double]; let reached: [Int] }
    struct KaplanMeierCase: Decodable {
        let sample: String
        let survival, restrictedMeans: [[Double]]
    }
    struct LogRank: Decodable {
        let a, b: String
        let statistic, pValue: Double
    }

    let samples: [String: [Double]]
    let descriptive: [String: Descriptive]
    let welch: [Test]
    let mannWhitney: [Test]
    let tost: [Tost]
    let holm: [Holm]
    let effectSizes: [EffectSizes]
    let bootstrap: [BootstrapCase]
    let bootstrapMonteCarlo: [MonteCarlo]
    let censored: [String: Censored]
    let pairedT: [Test]
    let tostPaired: [Tost]
    let wilcoxon: [Test]
    let pairedBootstrap: PairedBootstrap
    let kaplanMeier: [KaplanMeierCase]
    let logRank: [LogRank]

    /// Decodes the JSON file, located relative to this source file.
    static func load() throws -> ScipyReference {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("reference/scipy_expected.json")
        return try JSONDecoder().decode(ScipyReference.self, from: Data(contentsOf: url))
    }

    func sample(_ name: String) throws -> [Double] {
        try #require(samples[name], "no sample '\(name)' in scipy_expected.json")
    }

    func censoredSample(_ name: String) throws -> CensoredSample {
        let entry = try #require(censored[name], "no censored sample '\(name)' in scipy_expected.json")
        return try CensoredSample(times: entry.times, reached: entry.reached.map { $0 == 1 })
    }
}

/// |actual - expected| <= tolerance * max(1, |expected|): absolute near zero, relative for large values.
func expectClose(
    _ actual: Double, _ expected: Double, tolerance: Double = 1e-9, _ what: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let ok = abs(actual - expected) <= tolerance * max(1, abs(expected))
    #expect(ok, "\(what()): got \(actual), expected \(expected)", sourceLocation: sourceLocation)
}

import Testing
@testable import Harness
import Statistics

/// The shared table cells: values by hand, and "n/a" wherever a number cannot be computed.
@Suite struct ReportCellTests {
    @Test func meanByHandAndNotAvailable() {
        #expect(ReportCell.mean([1, 2, 6]) == "3")
        #expect(ReportCell.mean([0.25, 0.5]) == "0.375")
        #expect(ReportCell.mean([]) == "n/a")
        #expect(ReportCell.mean([1, .nan]) == "n/a")
    }

    @Test func intervalAndEffect() {
        #expect(ReportCell.interval(nil) == "n/a")
        #expect(ReportCell.interval(ConfidenceInterval(lower: -0.5, upper: 0.125, confidenceLevel: 0.95)) == "[-0.5, 0.125]")
    }

    /// A constant sample's percentile interval is the constant itself (every resample has that
    /// mean); one value has no interval but still a mean.
    @Test func meanWithIntervalEdgeCases() {
        let stream = RandomStream(seed: 7)
        #expect(ReportCell.meanWithInterval([2, 2, 2, 2], stream: stream) == "2 [2, 2]")
        #expect(ReportCell.meanWithInterval([2], stream: stream) == "2 n/a")
        #expect(ReportCell.meanWithInterval([], stream: stream) == "n/a n/a")
    }

    /// The interval lies around the mean of a spread sample and inside its range.
    @Test func meanWithIntervalBracketsTheMean() throws {
        let x: [Double] = [0.1, 0.4, 0.35, 0.8, 0.55, 0.2, 0.6, 0.45]
        let cell = ReportCell.meanWithInterval(x, stream: RandomStream(seed: 11))
        let numbers = cell.split(whereSeparator: { " [],".contains($0) }).compactMap { Double($0) }
        try #require(numbers.count == 3)
        #expect(abs(numbers[0] - 0.43125) < 1e-4)  // (0.1 + 0.4 + 0.35 + 0.8 + 0.55 + 0.2 + 0.6 + 0.45) / 8
        #expect(numbers[1] < numbers[0] && numbers[0] < numbers[2])
        #expect(numbers[1] >= 0.1 && numbers[2] <= 0.8)
    }
}

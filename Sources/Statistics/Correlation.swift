/// Correlation coefficients.
public enum Correlation {
    /// Pearson's r = sum (x - mean x)(y - mean y) / sqrt(sum (x - mean x)^2 sum (y - mean y)^2);
    /// `nil` when either sample is constant or the lengths differ or are below 2.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        let meanX = x.reduce(0, +) / Double(x.count)
        let meanY = y.reduce(0, +) / Double(y.count)
        var cross = 0.0, squaresX = 0.0, squaresY = 0.0
        for (a, b) in zip(x, y) {
            cross += (a - meanX) * (b - meanY)
            squaresX += (a - meanX) * (a - meanX)
            squaresY += (b - meanY) * (b - meanY)
        }
        guard squaresX > 0, squaresY > 0 else { return nil }
        return cross / (squaresX * squaresY).squareRoot()
    }

    /// Spearman's rho: Pearson's r of the average ranks (ties share their mean rank, as
    /// scipy.stats.spearmanr); `nil` when either sample is constant.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        pearson(averageRanks(x).ranks, averageRanks(y).ranks)
    }
}

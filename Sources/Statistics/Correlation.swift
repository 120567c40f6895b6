/// Correlation coefficients.
public enum Correlation {
    /// Pearson's r = sum (x - mean x)(y - mean y) / sqrt(sum (x - mean x)^2 sum (y - mean y)^2);
    /// `nil` when either sample is constant or the lengths differ or are below 2.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        let meanX = Descriptive.meanOrNaN(x)
        let meanY = Descriptive.meanOrNaN(y)
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

    /// Kendall's tau-b (scipy.stats.kendalltau's default): (C - D) / sqrt((P - T_x)(P - T_y)) over
    /// the P = n(n-1)/2 pairs, with C concordant and D discordant pairs and T_x, T_y the pairs tied
    /// in x and in y; `nil` when either sample is constant or the lengths differ or are below 2.
    public static func kendall(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        var concordant = 0.0, discordant = 0.0, tiedX = 0.0, tiedY = 0.0
        for i in 0..<x.count {
            for j in (i + 1)..<x.count {
                let dx = x[i] - x[j], dy = y[i] - y[j]
                if dx == 0 { tiedX += 1 }
                if dy == 0 { tiedY += 1 }
                if dx * dy > 0 { concordant += 1 } else if dx * dy < 0 { discordant += 1 }
            }
        }
        let pairs = Double(x.count * (x.count - 1) / 2)
        guard pairs > tiedX, pairs > tiedY else { return nil }
        return (concordant - discordant) / ((pairs - tiedX) * (pairs - tiedY)).squareRoot()
    }
}

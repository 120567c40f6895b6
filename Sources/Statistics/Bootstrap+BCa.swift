import CGSL

extension Bootstrap {
    /// Bias correction z0 = Phi^-1(F), where F is the fraction of the bootstrap distribution below the
    /// estimate theta-hat, ties counting one half: F = (#{theta*_b < theta-hat} + #{theta*_b <= theta-hat}) / (2B)
    /// (scipy's `_percentile_of_score`). Phi^-1 is `gsl_cdf_ugaussian_Pinv`; F = 0 or 1 gives -+infinity.
    static func biasCorrection(distribution: [Double], estimate: Double) -> Double {
        let below = distribution.reduce(0) { $0 + ($1 < estimate ? 1 : 0) + ($1 <= estimate ? 1 : 0) }
        return gsl_cdf_ugaussian_Pinv(Double(below) / Double(2 * distribution.count))
    }

    /// Jackknife acceleration a = (1/6) sum_j sum_i U_ji^3 / n_j^3 / (sum_j sum_i U_ji^2 / n_j^2)^(3/2),
    /// where sample j (size n_j) is left out one observation i at a time with the other samples whole,
    /// theta_ji is the statistic then, and U_ji = (n_j - 1)(mean_i theta_ji - theta_ji).
    /// For one sample and the mean, U_i = x_i - mean, so a = sum (x_i - m)^3 / (6 (sum (x_i - m)^2)^(3/2)).
    /// NaN when every U_ji is 0.
    static func acceleration(_ samples: [[Double]], statistic: ([[Double]]) -> Double) -> Double {
        var numerator = 0.0, denominator = 0.0
        for j in samples.indices {
            let n = Double(samples[j].count)
            let jackknife = samples[j].indices.map { i in
                var leftOut = samples
                leftOut[j].remove(at: i)
                return statistic(leftOut)
            }
            let average = Descriptive.meanOrNaN(jackknife)
            let u = jackknife.map { (n - 1) * (average - $0) }
            numerator += u.reduce(0) { $0 + $1 * $1 * $1 } / (n * n * n)
            denominator += u.reduce(0) { $0 + $1 * $1 } / (n * n)
        }
        return numerator / (6 * pow(denominator, 1.5))
    }

    /// The BCa quantile levels alpha_1, alpha_2 (formula in `Bootstrap`), Phi = `gsl_cdf_ugaussian_P`.
    static func bcaLevels(alpha: Double, biasCorrection z0: Double, acceleration a: Double) -> (Double, Double) {
        func level(_ z: Double) -> Double {
            gsl_cdf_ugaussian_P(z0 + (z0 + z) / (1 - a * (z0 + z)))
        }
        let z = gsl_cdf_ugaussian_Pinv(alpha)
        return (level(z), level(-z))
    }
}

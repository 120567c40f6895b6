/// shapiq's "border trick" (Fumagalli et al. 2023, in its `CoalitionSampler`): coalition sizes
/// that a sampling budget would cover anyway are enumerated instead of sampled, used by SVARM and
/// unbiased KernelSHAP.
enum BorderTrick {
    /// While some size's expected number of draws under `mass` (the budget times its share of the
    /// mass) reaches its number of coalitions, enumerate it: its mass is set to 0 and its coalitions
    /// are charged to `budget`. Returns the enumerated sizes.
    static func enumeratedSizes(mass: inout [Double], budget: inout Int, playerCount n: Int) -> [Int] {
        var enumerated: [Int] = []
        while true {
            let left = mass.reduce(0, +)
            guard left > 0 else { return enumerated }
            // (a relative 1e-12 slack, so a size whose expectation equals its count up to rounding qualifies)
            let qualifying = (1..<n).filter {
                mass[$0] > 0 && Double(budget) * mass[$0] / left >= ShapleyWeights.binomial(n, $0) * (1 - 1e-12)
            }
            guard !qualifying.isEmpty else { return enumerated }
            for size in qualifying {
                mass[size] = 0
                budget -= Int(ShapleyWeights.binomial(n, size))
            }
            enumerated += qualifying
        }
    }
}

/// Average ranks (1-based; tied values share the mean of the ranks they span, scipy's
/// rankdata(method='average')) and the sizes of the groups of tied values (every group, size 1 included).
func averageRanks(_ x: [Double]) -> (ranks: [Double], tieGroupSizes: [Int]) {
    let order = x.indices.sorted { x[$0] < x[$1] }
    var ranks = [Double](repeating: 0, count: x.count)
    var groupSizes: [Int] = []
    var start = 0
    while start < order.count {
        var end = start + 1
        while end < order.count && x[order[end]] == x[order[start]] { end += 1 }
        // Positions start..<end hold ranks start+1 ... end; their mean is (start + 1 + end) / 2.
        let rank = Double(start + 1 + end) / 2
        for position in start..<end { ranks[order[position]] = rank }
        groupSizes.append(end - start)
        start = end
    }
    return (ranks, groupSizes)
}

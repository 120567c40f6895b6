import Shapley

extension TextSegmentation {
    /// Groups this segmentation's units by the coarser units that contain them (tokens by spans,
    /// spans by sentences): the coalition structure for Owen values over a text. A fine unit
    /// belongs to the coarse unit whose character range contains its start; fine units outside
    /// every coarse unit (impossible when both cut the same text) get a group of their own.
    public func partition(groupedBy coarse: TextSegmentation) throws -> PlayerPartition {
        var groups: [[Int]] = Array(repeating: [], count: coarse.units.count)
        var strays: [[Int]] = []
        var coarseIndex = 0
        for (index, unit) in units.enumerated() {
            while coarseIndex < coarse.units.count && coarse.units[coarseIndex].range.upperBound <= unit.range.lowerBound {
                coarseIndex += 1
            }
            if coarseIndex < coarse.units.count && coarse.units[coarseIndex].range.contains(unit.range.lowerBound) {
                groups[coarseIndex].append(index)
            } else {
                strays.append([index])
            }
        }
        return try PlayerPartition(groups: groups.filter { !$0.isEmpty } + strays, playerCount: units.count)
    }
}

extension UnitLevel {
    /// The next coarser level (tokens -> spans, spans and punctuation spans -> sentences), `nil`
    /// for sentences.
    public var coarser: UnitLevel? {
        switch self {
        case .tokens: return .spans(maxTokens: UnitLevel.defaultMaxSpanTokens)
        case .spans, .punctuation: return .sentences
        case .sentences: return nil
        }
    }
}

extension TextGame {
    /// The Owen coalition structure of this game: its units grouped by the next coarser level
    /// (tokens by spans, spans and punctuation spans by sentences); singletons for sentences.
    public func partitionByCoarserUnits() throws -> PlayerPartition {
        guard let coarser = level.coarser else { return .singletons(playerCount) }
        return try segmentation.partition(groupedBy: TextSegmenter(level: coarser).segment(segmentation.text))
    }
}

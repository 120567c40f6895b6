/// The records of one task at one unit level (e.g. sentiment under VADER by tokens), the unit over
/// which the board recommends an estimator: its instances share a reward model and a kind of
/// player, so their errors are comparable.
public struct GameFamily: Sendable {
    /// "task (unit level)", as the plot panels name it; the task alone for an empty level.
    public var name: String
    public var records: [ComparisonRecord]

    /// `records` split by task and unit level, families in order of first appearance.
    public static func group(_ records: [ComparisonRecord]) -> [GameFamily] {
        var order: [String] = []
        var byName: [String: [ComparisonRecord]] = [:]
        for record in records {
            let name = Self.name(task: record.task, unitLevel: record.unitLevel)
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(record)
        }
        return order.map { GameFamily(name: $0, records: byName[$0]!) }
    }

    /// "task (unit level)", or the task alone for an empty level.
    public static func name(task: String, unitLevel: String) -> String {
        unitLevel.isEmpty ? task : "\(task) (\(unitLevel))"
    }
}

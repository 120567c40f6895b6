import Foundation

/// How check configurations are identified and compared: through their JSON with sorted keys, the
/// form the baseline files store them in.
public enum CheckEncoding {
    /// FNV-1a (64-bit) of `value`'s JSON with sorted keys, in hex: a fingerprint that changes with
    /// any parameter or recorded value, not a security hash.
    public static func fingerprint(_ value: some Encodable) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in json(value) {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// The first top-level key (in sorted order) whose value differs between `requested` and
    /// `recorded`, as "key A where the baseline has B", or `nil` when they encode the same.
    public static func firstDifference<Value: Encodable>(requested: Value, recorded: Value) -> String? {
        let (now, then) = (fields(requested), fields(recorded))
        guard let key = Set(now.keys).union(then.keys).sorted().first(where: { now[$0] != then[$0] }) else { return nil }
        return "\(key) \(now[key] ?? "absent") where the baseline has \(then[key] ?? "absent")"
    }

    private static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try! encoder.encode(value)
    }

    /// Each top-level key's value as compact JSON text.
    private static func fields(_ value: some Encodable) -> [String: String] {
        let object = (try? JSONSerialization.jsonObject(with: json(value))) as? [String: Any] ?? [:]
        return object.mapValues { field in
            let data = (try? JSONSerialization.data(withJSONObject: field, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }
}

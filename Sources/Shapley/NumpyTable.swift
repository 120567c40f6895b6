import Foundation

/// Value tables in NumPy's `.npy` format, read by `GameFile.load` beside JSON and written by
/// `creditbench game --output FILE.npy`.
///
/// A file is the magic string `\x93NUMPY`, the format version (1.0, 2.0 or 3.0), the header length
/// (2 bytes little endian in version 1, 4 bytes in 2 and 3), a Python dict literal such as
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (65536,), }` padded to a multiple of 64
/// bytes, then the data. A value table is float64 little endian (`'<f8'`), one dimension of 2^n
/// entries (C or Fortran order are the same for one dimension), entry c = v(c) with bit i of c for
/// player i, as in the JSON tables. Player names are not stored. The file is memory-mapped and its
/// data copied once into the table (one `memcpy`, no parsing), which assumes a little-endian host.
public enum NumpyTable {
    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Whether the bytes start with the `.npy` magic string.
    public static func isNumpy(_ data: Data) -> Bool { data.starts(with: magic) }

    /// Reads a `.npy` value table; a wrong dtype, shape, version or length is one readable line.
    public static func decode(_ data: Data, source: String) throws -> TableGame {
        func problem(_ reason: String) -> GameError { .invalidGame("\(source) is not a .npy value table: \(reason)") }
        let bytes = [UInt8](data.prefix(12))
        guard bytes.count >= 10, isNumpy(data) else { throw problem("too short or no \\x93NUMPY magic string") }
        let lengthBytes: Int
        switch bytes[6] {
        case 1: lengthBytes = 2
        case 2, 3: lengthBytes = 4
        default: throw problem("unsupported format version \(bytes[6]).\(bytes[7])")
        }
        guard bytes.count >= 8 + lengthBytes else { throw problem("truncated header") }
        let headerLength = (0..<lengthBytes).reduce(0) { total, k in total | Int(bytes[8 + k]) << (8 * k) }
        let dataStart = 8 + lengthBytes + headerLength
        guard data.count >= dataStart,
              let header = String(data: data.dropFirst(8 + lengthBytes).prefix(headerLength), encoding: .utf8)
        else { throw problem("truncated header") }
        guard let descr = header.firstMatch(of: #/'descr'\s*:\s*'([^']*)'/#)?.1 else { throw problem("the header has no 'descr'") }
        guard descr == "<f8" else { throw problem("dtype '\(descr)', expected float64 little endian ('<f8')") }
        guard let shapeText = header.firstMatch(of: #/'shape'\s*:\s*\(([^)]*)\)/#)?.1 else { throw problem("the header has no 'shape'") }
        let shape = shapeText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard shape.count == 1, let count = Int(shape[0]) else { throw problem("shape (\(shapeText)), expected one dimension (2^n,)") }
        guard count > 0, count.nonzeroBitCount == 1 else { throw problem("shape (\(count),) is not a power of two 2^n") }
        let expected = dataStart + 8 * count
        guard data.count == expected else {
            throw problem(data.count < expected
                ? "truncated: shape (\(count),) needs \(8 * count) bytes of data, the file has \(data.count - dataStart)"
                : "\(data.count - expected) bytes after the \(count) values of shape (\(count),)")
        }
        let values = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: raw.baseAddress! + dataStart, byteCount: 8 * count)
            }
            initialized = count
        }
        return try TableGame(playerCount: count.trailingZeroBitCount, values: values)
    }

    /// The `.npy` bytes (version 1.0) of a value table.
    public static func encode(_ table: TableGame) -> Data {
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (\(table.values.count),), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data(magic + [1, 0])
        withUnsafeBytes(of: UInt16(header.utf8.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header.utf8)
        table.values.withUnsafeBytes { data.append(contentsOf: $0) }
        return data
    }
}

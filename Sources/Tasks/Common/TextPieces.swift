/// A segmentation's units and separators as UTF-8 byte ranges of one copy of its text, so that
/// the text of any subset of units (`TextSegmentation.rendered(keeping:mask:)`) is built with
/// one allocation and a few copies, and no intermediate strings.
///
/// The rendering rule lives here and only here: the leading and trailing separators are always
/// kept; a kept unit other than the first piece is preceded by its own separator; with a mask,
/// each maximal run of dropped units becomes one mask piece, placed as a unit would be. The
/// result has exactly the bytes the concatenation of those strings has, so it is the same
/// `String`.
struct TextPieces: Sendable {
    /// The text's UTF-8 bytes.
    private let bytes: [UInt8]
    /// Unit i is `bytes[unitStarts[i]..<unitEnds[i]]`; separator i (0...count) runs from the end
    /// of unit i-1 (0 for i = 0) to the start of unit i (the text's end for i = count).
    private let unitStarts: [Int]
    private let unitEnds: [Int]

    init(_ segmentation: TextSegmentation) {
        bytes = Array(segmentation.text.utf8)
        // UTF-8 offset of every scalar offset, to convert the units' scalar ranges.
        var offsets: [Int] = []
        offsets.reserveCapacity(bytes.count + 1)
        var offset = 0
        for scalar in segmentation.text.unicodeScalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        unitStarts = segmentation.units.map { offsets[$0.range.lowerBound] }
        unitEnds = segmentation.units.map { offsets[$0.range.upperBound] }
    }

    var unitCount: Int { unitStarts.count }

    private func separator(_ i: Int) -> Range<Int> {
        (i == 0 ? 0 : unitEnds[i - 1])..<(i == unitCount ? bytes.count : unitStarts[i])
    }

    /// The text keeping the units `i` with `isKept(i)` (see the type's rule), each maximal run of
    /// dropped units replaced by the UTF-8 bytes `mask` when they are given.
    func rendered(mask: [UInt8]?, isKept: (Int) -> Bool) -> String {
        var length = 0
        forEachPiece(masking: mask != nil, isKept: isKept) { length += $0?.count ?? mask!.count }
        return bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: length) { target in
                var cursor = 0
                forEachPiece(masking: mask != nil, isKept: isKept) { piece in
                    if let piece {
                        _ = UnsafeMutableBufferPointer(rebasing: target[cursor..<(cursor + piece.count)])
                            .initialize(from: UnsafeBufferPointer(rebasing: source[piece]))
                        cursor += piece.count
                    } else {
                        _ = UnsafeMutableBufferPointer(rebasing: target[cursor..<(cursor + mask!.count)]).initialize(from: mask!)
                        cursor += mask!.count
                    }
                }
                return cursor
            }
        }
    }

    /// Calls `visit` with each piece of the rendered text in order: a byte range of the text, or
    /// `nil` for a mask (only when `masking`).
    private func forEachPiece(masking: Bool, isKept: (Int) -> Bool, _ visit: (Range<Int>?) -> Void) {
        visit(separator(0))
        var placed = 0
        var inDroppedRun = false
        for index in 0..<unitCount {
            if isKept(index) {
                if placed > 0 { visit(separator(index)) }
                visit(unitStarts[index]..<unitEnds[index])
                placed += 1
                inDroppedRun = false
            } else if masking, !inDroppedRun {
                if placed > 0 { visit(separator(index)) }
                visit(nil)
                placed += 1
                inDroppedRun = true
            }
        }
        visit(separator(unitCount))
    }
}

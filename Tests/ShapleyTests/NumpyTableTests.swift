import Foundation
import Testing
import Shapley

/// `.npy` value tables: files built byte by byte here, as NumPy's format description lays them out.
@Suite struct NumpyTableTests {
    /// A `.npy` file: magic, version, header length (2 or 4 bytes little endian), the header padded
    /// with spaces and a newline to a multiple of 64 bytes, then the raw bytes of `values`.
    static func file(header: String, values: [Double], major: UInt8 = 1, dropLast: Int = 0) -> Data {
        let lengthBytes = major == 1 ? 2 : 4
        var padded = header
        while (8 + lengthBytes + padded.utf8.count + 1) % 64 != 0 { padded += " " }
        padded += "\n"
        var bytes: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, major, 0]
        bytes += (0..<lengthBytes).map { UInt8((padded.utf8.count >> (8 * $0)) & 0xFF) }
        bytes += Array(padded.utf8)
        for value in values { bytes += (0..<8).map { UInt8((value.bitPattern >> (8 * UInt64($0))) & 0xFF) } }
        return Data(bytes.dropLast(dropLast))
    }

    static let twoPlayers: [Double] = [0, 1, 2, 5]

    @Test(arguments: [UInt8(1), 2])
    func readsAHandBuiltTable(major: UInt8) throws {
        let data = Self.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", values: Self.twoPlayers, major: major)
        let table = try NumpyTable.decode(data, source: "hand-built")
        #expect(table.playerCount == 2 && table.values == Self.twoPlayers)
        // Hand-derived: phi_0 = (1 - 0)/2 + (5 - 2)/2 = 2, phi_1 = (2 - 0)/2 + (5 - 1)/2 = 3.
        #expect(ExactShapley.values(fromTable: table.values, playerCount: 2) == [2, 3])
    }

    @Test func writesWhatItReadsWithAnAlignedHeader() throws {
        let table = try RandomGames.noise(players: 7, seed: 2)
        let data = NumpyTable.encode(table)
        #expect((data.count - 8 * 128) % 64 == 0, "the data should start 64-byte aligned, after \(data.count - 8 * 128) bytes")
        #expect(try NumpyTable.decode(data, source: "round trip").values == table.values)
    }

    @Test func gameFilesAreRecognisedByTheirMagicString() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("creditbench-npy-\(UUID().uuidString).npy")
        defer { try? FileManager.default.removeItem(at: url) }
        try NumpyTable.encode(try TableGame(playerCount: 2, values: Self.twoPlayers)).write(to: url)
        let game = try GameFile.load(url)
        #expect(try game.playerCount == 2 && game.value(of: .grand(2)) == 5)
    }

    @Test func badFilesGetOneLineErrors() {
        let cases: [(Data, String)] = [
            (Self.file(header: "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), }", values: Self.twoPlayers), "dtype '<f4'"),
            (Self.file(header: "{'descr': '>f8', 'fortran_order': False, 'shape': (4,), }", values: Self.twoPlayers), "dtype '>f8'"),
            (Self.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", values: Self.twoPlayers), "one dimension"),
            (Self.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", values: [0, 1, 2]), "power of two"),
            (Self.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", values: Self.twoPlayers, dropLast: 3), "truncated"),
            (Self.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", values: Self.twoPlayers, major: 9), "version 9"),
            (Self.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", values: [0, 1, .nan, 5]), "finite"),
            (Data([0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1]), "too short"),
        ]
        for (data, expected) in cases {
            do {
                _ = try NumpyTable.decode(data, source: "bad.npy")
                Issue.record("accepted a file that should fail with \(expected)")
            } catch let error as GameError {
                #expect(error.description.contains(expected) && !error.description.contains("\n"), "\(error.description)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}

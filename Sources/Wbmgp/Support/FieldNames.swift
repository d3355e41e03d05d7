#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The member names an object may have, kept also as bytes, so a name read in place from a tape
/// is matched without a `String` being made for it.
///
/// A name is found by a small hash of its length and first and last bytes into a table of 64
/// places, which the names of one object fill without two sharing a place (checked when the
/// set is made; a set where two would share one is searched name by name), and confirmed by
/// comparing its bytes.
///
/// A set is made once for each kind of object (``ApplicationFields``) and looked into for every
/// member of every document, so its tables are plain memory it owns: reading them takes no
/// reference counting.
final class FieldNames: Sendable {
    /// The most names one set holds: the readers keep a fixed slot for each.
    static let maximum = 16
    /// A handle for each name (``JSONNode/match(_:into:)``), -1 for a name not found.
    typealias Slots = InlineArray<16, Int32>

    let names: [String]
    /// All names' bytes one after another, and where each starts; `starts` ends with the total.
    private nonisolated(unsafe) let bytes: UnsafeMutablePointer<UInt8>
    private nonisolated(unsafe) let starts: UnsafeMutablePointer<Int>
    /// For each hash, the position of the name with that hash plus one; 0 for none.
    private nonisolated(unsafe) let table: UnsafeMutablePointer<UInt8>
    /// Whether no two names share a hash (else names are searched one by one).
    private let hashed: Bool

    /// - Precondition: at most ``maximum`` names (the shapes have a dozen at most).
    init(_ names: [String]) {
        self.names = Array(names.prefix(FieldNames.maximum))
        let utf8 = self.names.map { Array($0.utf8) }
        bytes = .allocate(capacity: max(utf8.reduce(0) { $0 + $1.count }, 1))
        starts = .allocate(capacity: utf8.count + 1)
        table = .allocate(capacity: 64)
        table.initialize(repeating: 0, count: 64)
        var offset = 0
        var hashed = true
        for (k, name) in utf8.enumerated() {
            (starts + k).initialize(to: offset)
            (bytes + offset).initialize(from: name, count: name.count)
            offset += name.count
            let place = name.withUnsafeBufferPointer { FieldNames.hash($0) }
            if table[place] != 0 { hashed = false }
            table[place] = UInt8(k + 1)
        }
        (starts + utf8.count).initialize(to: offset)
        self.hashed = hashed
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        table.deallocate()
    }

    @inline(__always)
    private static func hash(_ name: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = name.first, let last = name.last else { return 0 }
        return (name.count &* 7 &+ Int(first) &* 3 &+ Int(last)) & 63
    }

    /// The position of the name whose bytes are `name`, or nil.
    @inline(__always)
    func position(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        if hashed {
            let k = Int(table[FieldNames.hash(name)]) - 1
            return k >= 0 && matches(k, name) ? k : nil
        }
        for k in names.indices where matches(k, name) { return k }
        return nil
    }

    /// The key of `name` with its slot found once; a name not in the set has slot -1 and is
    /// found by none of the set's readers.
    func key(_ name: StaticString) -> FieldKey {
        FieldKey(name, slot: name.withUTF8Buffer { self.position(of: $0) } ?? -1, in: self)
    }

    /// Whether no two names share a place in the table (for the tests: then every lookup is one probe).
    var isHashed: Bool { hashed }

    @inline(__always)
    private func matches(_ k: Int, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[k]
        guard starts[k + 1] - start == name.count else { return false }
        guard let other = name.baseAddress else { return true }
        return memcmp(bytes + start, other, name.count) == 0
    }
}

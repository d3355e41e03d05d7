/// The member names an object may have, kept also as bytes, so a name read in place from a tape
/// is matched without a `String` being made for it.
///
/// A name is found by a small hash of its length and first and last bytes into a table of 64
/// places, and confirmed by comparing its bytes. The hash's multiplier is chosen when the set
/// is made, the first of a few hundred under which no two of its names share a place; a set
/// for which none does (two names of one length with the same first and last bytes) is
/// searched name by name.
///
/// A closed list of codes (``codes(_:)``) is kept the same way, so a code read in place is found
/// without a `String` being made for it either.
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
    /// Each name alone in a list, made once: a list of one code read from a closed list
    /// (``MemberReader/codes(_:allIn:)``) is this list, shared, and allocates nothing.
    let singletons: [[String]]
    /// All names' bytes one after another, and where each starts; `starts` ends with the total.
    private nonisolated(unsafe) let bytes: UnsafeMutablePointer<UInt8>
    private nonisolated(unsafe) let starts: UnsafeMutablePointer<Int>
    /// Each name's length and its bytes as two words (``ByteWords``), for a compare without a loop.
    private nonisolated(unsafe) let keys: UnsafeMutablePointer<(length: Int, words: ByteWords)>
    /// For each hash, the position of the name with that hash plus one; 0 for none.
    private nonisolated(unsafe) let table: UnsafeMutablePointer<UInt8>
    /// Whether no two names share a hash (else names are searched one by one).
    private let hashed: Bool
    /// The multiplier of ``hash(_:_:)`` under which they do not.
    private let multiplier: UInt64

    /// The member names of one kind of object: at most ``maximum`` (the shapes have a dozen at
    /// most; the readers keep a slot for each).
    convenience init(_ names: [String]) {
        self.init(names, keepingAtMost: FieldNames.maximum)
    }

    /// A closed list of codes (``codes(_:)``), which may be longer: it is only looked into, and
    /// a list of more than 64 is searched code by code.
    static func codes(_ codes: [String]) -> FieldNames {
        FieldNames(codes, keepingAtMost: codes.count)
    }

    private init(_ names: [String], keepingAtMost maximum: Int) {
        self.names = Array(names.prefix(maximum))
        singletons = self.names.map { [$0] }
        let utf8 = self.names.map { Array($0.utf8) }
        bytes = .allocate(capacity: max(utf8.reduce(0) { $0 + $1.count }, 1))
        starts = .allocate(capacity: utf8.count + 1)
        keys = .allocate(capacity: max(utf8.count, 1))
        table = .allocate(capacity: 64)
        table.initialize(repeating: 0, count: 64)
        var offset = 0
        for (k, name) in utf8.enumerated() {
            (starts + k).initialize(to: offset)
            (bytes + offset).initialize(from: name, count: name.count)
            offset += name.count
            (keys + k).initialize(to: (name.count, name.withUnsafeBufferPointer { ByteWords($0) }))
        }
        (starts + utf8.count).initialize(to: offset)
        // The first multiplier under which each place holds one name at most (up to 255 names).
        var chosen: UInt64?
        if utf8.count < 256 {
            for trial in 0..<512 where chosen == nil {
                let multiplier = FieldNames.multiplier(trial)
                table.update(repeating: 0, count: 64)
                var clash = false
                for (k, name) in utf8.enumerated() where !clash {
                    let place = name.withUnsafeBufferPointer { FieldNames.hash($0, multiplier) }
                    if table[place] != 0 { clash = true } else { table[place] = UInt8(k + 1) }
                }
                if !clash { chosen = multiplier }
            }
        }
        hashed = chosen != nil
        multiplier = chosen ?? FieldNames.multiplier(0)
    }

    /// The multiplier of trial `n`: odd, its bits spread (a golden-ratio constant stepped).
    private static func multiplier(_ n: Int) -> UInt64 {
        (0x9E37_79B9_7F4A_7C15 &+ UInt64(n) &* 0x6A09_E667_F3BC_C908) | 1
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        keys.deallocate()
        table.deallocate()
    }

    /// A place of the table for `name`: its length, first and last bytes, multiplied and taken
    /// from the top six bits.
    @inline(__always)
    private static func hash(_ name: UnsafeBufferPointer<UInt8>, _ multiplier: UInt64) -> Int {
        guard let first = name.first, let last = name.last else { return 0 }
        let key = UInt64(truncatingIfNeeded: name.count) << 16 | UInt64(first) << 8 | UInt64(last)
        return Int(truncatingIfNeeded: (key &* multiplier) >> 58)
    }

    /// The position of the name whose bytes are `name`, or nil.
    @inline(__always)
    func position(of name: UnsafeBufferPointer<UInt8>) -> Int? {
        if hashed {
            let k = Int(table[FieldNames.hash(name, multiplier)]) - 1
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
        let key = keys[k]
        guard key.length == name.count else { return false }
        return ByteWords(name) == key.words
            && (key.length <= 16 || ByteWords.sameBytes(UnsafeBufferPointer(start: bytes + starts[k], count: key.length), name))
    }
}

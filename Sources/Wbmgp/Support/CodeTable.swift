/// A table from codes to values whose lookups hash the code's UTF-8 with FNV-1a and compare bytes.
///
/// Reason texts look up the label of each code they show, tens of times per decision;
/// `Dictionary<String, _>` hashes with seeded SipHash and costs about 400 instructions a lookup,
/// this about a quarter of that. Keys live in one byte array, so a lookup touches no reference
/// count. Entries are never removed: tables are filled once, when rules and designations load.
public struct CodeTable<Value: Sendable>: Sendable {
    /// Every key's bytes, one after another; key `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = [0]
    private var values: [Value] = []
    /// Open addressing: each slot holds a key's index plus one, or zero when empty. Its count is
    /// a power of two at least twice the number of keys, so probes stay short.
    private var slots: [Int32] = []

    public init() {}

    /// The entries of `dictionary`, inserted in key order (so equal dictionaries give equal tables).
    public init(_ dictionary: [String: Value]) {
        for key in dictionary.keys.sorted() {
            if let value = dictionary[key] { set(value, for: key) }
        }
    }

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// The values, in the order they were set (for checks over all of them).
    var allValues: [Value] { values }

    /// The codes in the order they were first set.
    public var keys: [String] {
        (0..<values.count).map { i in String(decoding: keyBytes[keyStarts[i]..<keyStarts[i + 1]], as: UTF8.self) }
    }

    public subscript(code: String) -> Value? {
        guard !values.isEmpty else { return nil }
        return TextBytes.withUTF8(of: code) { index(of: $0) }.map { values[$0] }
    }

    /// Sets the value of `code`, replacing any it had.
    public mutating func set(_ value: Value, for code: String) {
        if let existing = TextBytes.withUTF8(of: code, { index(of: $0) }) {
            values[existing] = value
            return
        }
        keyBytes.append(contentsOf: code.utf8)
        keyStarts.append(keyBytes.count)
        values.append(value)
        if slots.count < 2 * values.count { rehash(capacity: max(8, 4 * values.count)) } else { place(values.count - 1) }
    }

    /// Calls `body` with the value at `index` (from ``index(of:)``) where the table keeps it.
    func withValue<Result>(at index: Int, _ body: (Value) -> Result) -> Result {
        values.withUnsafeBufferPointer { body($0[index]) }
    }

    /// The index of `code`'s value, nil when it has none.
    func index(of code: UnsafeBufferPointer<UInt8>) -> Int? {
        index(of: code, hash: Self.hash(code))
    }

    /// The same, with the code's ``hash(_:)`` already computed: a code looked up in several
    /// tables (a label: the designation's, then the rules') is hashed once.
    func index(of code: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            keyStarts.withUnsafeBufferPointer { starts in
                slots.withUnsafeBufferPointer { slots in
                    while true {
                        let entry = Int(slots[slot])
                        if entry == 0 { return nil }
                        let start = starts[entry - 1], end = starts[entry]
                        if end - start == code.count {
                            var same = true
                            for i in 0..<code.count where stored[start + i] != code[i] {
                                same = false
                                break
                            }
                            if same { return entry - 1 }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    private mutating func rehash(capacity: Int) {
        var size = 8
        while size < capacity { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        for i in values.indices { place(i) }
    }

    /// Puts key `i` in the first free slot of its probe sequence.
    private mutating func place(_ i: Int) {
        let mask = slots.count - 1
        var slot = keyBytes.withUnsafeBufferPointer { Int(truncatingIfNeeded: Self.hash(UnsafeBufferPointer(rebasing: $0[keyStarts[i]..<keyStarts[i + 1]]))) } & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(i + 1)
    }

    /// FNV-1a, 64 bits: not seeded, which is safe here, as the keys are the rules' own codes and
    /// no input can add any.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

extension CodeTable: Equatable where Value: Equatable {
    /// Equal when they map the same codes to the same values, whatever the order of setting.
    public static func == (a: CodeTable, b: CodeTable) -> Bool {
        a.count == b.count && a.keys.allSatisfy { a[$0] == b[$0] }
    }
}

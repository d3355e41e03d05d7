#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A checked JSON text as a flat list of its values in written order (a "tape"): each entry says
/// what the value is and where it lies in the text, so a reader can walk the document without a
/// tree of strings and arrays being built first.
///
/// An object's entry is followed by its members, each a string entry for the name and then the
/// value's entries; an array's by its elements. `next` skips a value with everything inside it.
/// Strings are decoded only when asked for, and a plain one (ASCII, no escape) is its bytes.
///
/// ``JSONReader`` writes the tape and is the only place JSON syntax is checked; ``tree()`` turns
/// a tape into a ``JSONValue``.
public struct JSONTape {
    enum Kind: UInt8 { case null, `false`, `true`, integer, number, string, array, object }

    /// One value: 20 bytes, so the tape of a document stays small in the cache. Places are
    /// 32-bit: a text over 4 GiB is refused before it is read (``JSONTape/maximumBytes``).
    struct Entry {
        var kind: Kind
        /// A string whose bytes are its text (ASCII, no escape).
        var plain: Bool
        private var storedStart: UInt32
        private var storedEnd: UInt32
        private var storedNext: UInt32
        private var storedCount: UInt32

        @inline(__always)
        init(kind: Kind, plain: Bool, start: Int, end: Int, next: Int, count: Int) {
            self.kind = kind
            self.plain = plain
            storedStart = UInt32(truncatingIfNeeded: start)
            storedEnd = UInt32(truncatingIfNeeded: end)
            storedNext = UInt32(truncatingIfNeeded: next)
            storedCount = UInt32(truncatingIfNeeded: count)
        }

        /// A string's first byte after the opening quote; any other value's first byte.
        var start: Int { Int(storedStart) }
        /// A string's closing quote; any other value's end.
        var end: Int {
            get { Int(storedEnd) }
            set { storedEnd = UInt32(truncatingIfNeeded: newValue) }
        }
        /// The entry after this value and everything inside it.
        var next: Int {
            get { Int(storedNext) }
            set { storedNext = UInt32(truncatingIfNeeded: newValue) }
        }
        /// An object's members or an array's elements.
        var count: Int {
            get { Int(storedCount) }
            set { storedCount = UInt32(truncatingIfNeeded: newValue) }
        }
    }

    /// The longest text a tape is written for: its places are 32-bit.
    static let maximumBytes = Int(UInt32.max)

    /// An integer entry's value (the reader has checked it is one).
    static func integer(of entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]), as: UTF8.self)) ?? 0
    }

    /// A number entry's value (the reader has checked it is one).
    static func number(of entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> Double {
        Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]), as: UTF8.self)) ?? 0
    }

    /// The entries, in memory of their own: a document's tape is written once and freed once,
    /// with no copy into an array between (entries are plain values, so growing is `realloc`).
    final class Storage {
        /// Room for ``capacity`` entries (none when no memory could be had).
        private(set) var entries: UnsafeMutablePointer<Entry>
        private(set) var capacity: Int
        /// The entries written (set when the document is read whole).
        var count = 0
        /// Whether ``entries`` is memory of this storage's own, else the empty stand-in.
        private var owned: Bool
        private nonisolated(unsafe) static let none = UnsafeMutablePointer<Entry>.allocate(capacity: 1)

        init(capacity: Int) {
            if let memory = Storage.allocate(nil, capacity) {
                entries = memory
                self.capacity = capacity
                owned = true
            } else {
                entries = Storage.none
                self.capacity = 0
                owned = false
            }
        }

        /// Twice the room, the entries kept; false when there is no memory for it.
        func grow() -> Bool {
            let larger = max(capacity * 2, 8)
            guard let moved = Storage.allocate(owned ? entries : nil, larger) else { return false }
            entries = moved
            capacity = larger
            owned = true
            return true
        }

        private static func allocate(_ old: UnsafeMutablePointer<Entry>?, _ capacity: Int) -> UnsafeMutablePointer<Entry>? {
            realloc(old, capacity * MemoryLayout<Entry>.stride)?.bindMemory(to: Entry.self, capacity: capacity)
        }

        deinit { if owned { free(entries) } }

        /// Whether a reader holds it (``take()``).
        private var inUse = false
        /// Each thread's storage, reused for every document the thread reads through ``take()``.
        private static let threadStorage = ThreadSlot<Storage>()
        /// Room a thread keeps between documents; a larger document's room is given back after it.
        static let keptCapacity = 4096

        /// This thread's storage, empty and marked in use, or one of its own when that one is in
        /// use; ``finish()`` hands it back. A line's entries are then written where the last
        /// line's were, without memory being asked for and freed for each.
        static func take() -> Storage {
            guard let storage = threadStorage.value(making: { Storage(capacity: 256) }), !storage.inUse else { return Storage(capacity: 256) }
            storage.inUse = true
            storage.count = 0
            return storage
        }

        /// Ends a use of ``take()``: the entries are forgotten, and room beyond ``keptCapacity``
        /// given back.
        func finish() {
            count = 0
            inUse = false
            if capacity > Storage.keptCapacity, owned, let smaller = Storage.allocate(entries, Storage.keptCapacity) {
                entries = smaller
                capacity = Storage.keptCapacity
            }
        }
    }

    let bytes: [UInt8]
    let storage: Storage
    /// The entries, valid while ``storage`` is.
    var entries: UnsafeBufferPointer<Entry> { UnsafeBufferPointer(start: storage.entries, count: storage.count) }

    /// Checks `bytes` as one JSON document and writes it down; the errors are ``JSONReader``'s.
    /// (A batch line is written into a thread's reused storage by ``InputDocument/root(lent:in:)``.)
    init(_ bytes: [UInt8]) throws(JSONSyntaxError) {
        guard bytes.count <= JSONTape.maximumBytes else {
            throw JSONSyntaxError(message: "a JSON text is read up to 4 GiB; this one is longer", line: 1, column: 1)
        }
        self.bytes = bytes
        let capacity = JSONTape.initialCapacity(bytes.count)
        let read: Result<Storage, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) { return .success(try JSONReader.entries(of: buffer, capacity: capacity)) } catch { return .failure(error) }
        }
        storage = try read.get()
    }

    /// The entries to make room for at first, for a text of `byteCount` bytes. A batch line has a
    /// value (an entry) in every 8 to 9 bytes, a pretty document fewer: room for one in 8 at once,
    /// so a line is read without the entries being moved.
    static func initialCapacity(_ byteCount: Int) -> Int {
        min(byteCount / 8 + 8, 4096)
    }

    init(bytes: [UInt8], storage: Storage) {
        self.bytes = bytes
        self.storage = storage
    }

    /// The text of a string entry, its escapes decoded.
    static func text(of entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        if entry.plain { return plainText(UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end])) }
        if !containsEscape(entry, in: bytes) {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]), as: UTF8.self)
        }
        return JSONReader.decodeChecked(bytes, from: entry.start)
    }

    /// The text of a plain string's bytes (ASCII, as the reader found them), copied into the
    /// string as they are. `String(decoding:as:)` checks and repairs UTF-8 on a general path,
    /// about 170 instructions for a short code or id; given ASCII, a string of up to 15 bytes
    /// is made in place with no such check, and a longer one is copied and checked at once.
    static func plainText(_ ascii: UnsafeBufferPointer<UInt8>) -> String {
        guard let source = ascii.baseAddress, !ascii.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: ascii.count) { buffer in
            guard let target = buffer.baseAddress else { return 0 }
            target.initialize(from: source, count: ascii.count)
            return ascii.count
        }
    }

    private static func containsEscape(_ entry: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in entry.start..<entry.end where bytes[i] == UInt8(ascii: "\\") { return true }
        return false
    }

    /// Whether two string entries hold the same text, as `String` compares them: byte for byte
    /// when both are plain, else by their decoded texts.
    static func sameText(_ a: Entry, _ b: Entry, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.plain, b.plain {
            let length = a.end - a.start
            guard length == b.end - b.start else { return false }
            guard length > 0, let base = bytes.baseAddress else { return true }
            return memcmp(base + a.start, base + b.start, length) == 0
        }
        return text(of: a, in: bytes) == text(of: b, in: bytes)
    }

    /// The document as a tree.
    public func tree() -> JSONValue {
        withExtendedLifetime(storage) {
            bytes.withUnsafeBufferPointer { buffer in
                let entries = self.entries
                guard !entries.isEmpty else { return JSONValue.null }
                return JSONTape.value(at: 0, entries, buffer)
            }
        }
    }

    private static func value(at i: Int, _ entries: UnsafeBufferPointer<Entry>, _ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue {
        let entry = entries[i]
        switch entry.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .integer: return .integer(integer(of: entry, in: bytes))
        case .number: return .number(number(of: entry, in: bytes))
        case .string: return .string(text(of: entry, in: bytes))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(entry.count)
            var element = i + 1
            for _ in 0..<entry.count {
                elements.append(value(at: element, entries, bytes))
                element = entries[element].next
            }
            return .array(elements)
        case .object:
            var members: [JSONMember] = []
            members.reserveCapacity(entry.count)
            var name = i + 1
            for _ in 0..<entry.count {
                members.append(JSONMember(text(of: entries[name], in: bytes), value(at: name + 1, entries, bytes)))
                name = entries[name + 1].next
            }
            return .object(members)
        }
    }
}

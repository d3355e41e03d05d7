#if canImport(Glibc)
    import Glibc
#endif

/// Writes ``JSONValue`` as UTF-8 text: compact (one line) or pretty (two-space indent).
///
/// Members are written in the order given; callers that need sorted keys build objects sorted
/// (see ``JSONValue/sortedObject(_:)``), so the bytes are deterministic.
public enum JSONWriter {
    public static func compact(_ value: JSONValue) -> String {
        String(decoding: compactBytes(value), as: UTF8.self)
    }

    public static func compactBytes(_ value: JSONValue) -> [UInt8] {
        var out = JSONBytes()
        out.append(value)
        return out.bytes
    }

    /// Two-space indents, `": "`, `[]` and `{}` for empty containers; no final newline.
    public static func pretty(_ value: JSONValue) -> String {
        var line = prettyLine(value)
        line.removeLast()
        return String(decoding: line, as: UTF8.self)
    }

    /// ``pretty(_:)`` as UTF-8 bytes with its final newline, as a service answers it (no String
    /// in between).
    public static func prettyLine(_ value: JSONValue) -> [UInt8] {
        var out = JSONBytes(capacity: 8 * 1024)
        out.append(value)
        return out.buffer.withUnsafeBytes { prettyLine(compact: $0) }
    }

    /// Compact JSON laid out pretty, with a final newline: the one pretty layout, of trees
    /// (``pretty(_:)``) and of decisions as ``DecisionWriter`` writes them alike. The bytes of
    /// strings are copied as they are, so no escaping is done twice.
    public static func prettyLine(compact bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [0x0A] }
        // Measured first, then written once into storage of exactly that size: no growth, no
        // capacity check per byte.
        let size = layOut(base, count: bytes.count, into: nil)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = buffer.baseAddress.map { layOut(base, count: bytes.count, into: $0) } ?? 0
        }
    }

    /// The pretty layout of `count` compact bytes, written to `out` when given; the number of
    /// bytes it takes either way, final newline included. Most of a decision's bytes are inside
    /// strings (reason texts): they are found by a tight scan and copied as one piece, so only
    /// the punctuation goes through the state machine.
    private static func layOut(_ base: UnsafePointer<UInt8>, count end: Int, into out: UnsafeMutablePointer<UInt8>?) -> Int {
        var written = 0
        var level = 0
        var index = 0
        while index < end {
            let byte = base[index]
            switch byte {
            case UInt8(ascii: "\""):
                // The string up to its closing quote, escapes included, in one piece.
                let stop = endOfString(base, from: index + 1, end: end)
                out?.advanced(by: written).update(from: base + index, count: stop - index)
                written += stop - index
                index = stop
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let closing = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                out?[written] = byte
                written += 1
                if index + 1 < end, base[index + 1] == closing {
                    out?[written] = closing
                    written += 1
                    index += 1
                } else {
                    level += 1
                    written += newline(level, at: out?.advanced(by: written))
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                level -= 1
                written += newline(level, at: out?.advanced(by: written))
                out?[written] = byte
                written += 1
            case UInt8(ascii: ","):
                out?[written] = byte
                written += 1
                written += newline(level, at: out?.advanced(by: written))
            case UInt8(ascii: ":"):
                out?[written] = byte
                out?[written + 1] = 0x20
                written += 2
            default:
                out?[written] = byte
                written += 1
            }
            index += 1
        }
        out?[written] = 0x0A
        return written + 1
    }

    /// Just past the quote that closes the string whose content starts at `start` (or `end`):
    /// `memchr` finds each quote, and one preceded by an odd run of backslashes is escaped.
    @inline(__always)
    private static func endOfString(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        var from = start
        while from < end {
            guard let found = memchr(base + from, Int32(UInt8(ascii: "\"")), end - from) else { return end }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 >= start, base[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote + 1 }
            from = quote + 1
        }
        return end
    }

    /// A newline and the indent of `level`, written at `out` when given; its length.
    @inline(__always)
    private static func newline(_ level: Int, at out: UnsafeMutablePointer<UInt8>?) -> Int {
        let length = 1 + 2 * max(level, 0)
        if let out {
            out.pointee = 0x0A
            (out + 1).initialize(repeating: 0x20, count: length - 1)
        }
        return length
    }

}

/// A growing UTF-8 buffer with the appends JSON output needs; the writer and the decision
/// encoder share it, so both escape strings the same way.
public struct JSONBytes: ~Copyable, Sendable {
    public var buffer: ByteBuffer

    public init(capacity: Int = 0) { buffer = ByteBuffer(capacity: capacity) }

    /// Writes after what `buffer` holds.
    public init(buffer: consuming ByteBuffer) { self.buffer = buffer }

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { buffer.array }

    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        buffer.append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    @inline(__always)
    public mutating func byte(_ value: UInt8) { buffer.append(value) }

    /// Bytes already in JSON form (a pre-encoded fragment).
    public mutating func fragment(_ bytes: [UInt8]) { buffer.append(bytes) }

    public mutating func integer(_ value: Int) {
        TextBytes.appendInteger(value, to: &buffer)
    }

    /// A date as `"YYYY-MM-DD"`, quotes included.
    public mutating func date(_ date: CalendarDate) {
        byte(0x22)
        date.appendText(to: &buffer)
        byte(0x22)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; every other
    /// character, non-ASCII included, written as UTF-8.
    public mutating func appendString(_ text: String) {
        TextBytes.withUTF8(of: text) { appendString(utf8: $0) }
    }

    /// ``appendString(_:)`` for text given as UTF-8 bytes.
    public mutating func appendString(utf8: UnsafeBufferPointer<UInt8>) {
        // The usual string, a code, an id, a name or a path of up to 32 bytes with nothing to
        // escape, tested in overlapping words and copied whole: the scan below, made for long
        // texts, cost such a string about a hundred instructions.
        if let base = utf8.baseAddress, utf8.count > 0, utf8.count <= 32, Self.escapesNone(short: base, count: utf8.count) {
            byte(0x22)
            buffer.append(base, count: utf8.count)
            byte(0x22)
            return
        }
        byte(0x22)
        guard let base = utf8.baseAddress else { return byte(0x22) }
        let count = utf8.count
        var start = 0
        var i = 0
        while i < count {
            // Skip eight bytes at a time while none needs escaping (a control byte, '"' or '\'),
            // again after each escape: a text with one quote is not scanned byte by byte from
            // there on. (SIMD16 vectors were tried: on this toolchain they compile to
            // element-wise code, five times slower than this word-at-a-time test.)
            // Sixteen at a time first: two words tested with one branch.
            while i + 16 <= count,
                JSONBytes.escapeMask(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    | JSONBytes.escapeMask(UnsafeRawPointer(base + i + 8).loadUnaligned(as: UInt64.self)) == 0
            {
                i += 16
            }
            while i + 8 <= count, JSONBytes.escapeMask(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) == 0 { i += 8 }
            // The word that matched (or the last bytes), byte by byte; the test can match a word
            // that holds no such byte, and then the words resume after it.
            let stop = Swift.min(i + 8, count)
            while i < stop, !Self.escaped(base[i]) { i += 1 }
            guard i < stop else { continue }
            buffer.append(base + start, count: i - start)
            escape(base[i])
            i += 1
            start = i
        }
        buffer.append(base + start, count: count - start)
        byte(0x22)
    }

    @inline(__always)
    static func escaped(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    /// Whether none of the `count` (1…32) bytes at `base` is one this writer escapes: the first
    /// and the last sixteen, eight or four bytes, read as words that overlap when shorter
    /// (four-byte halves are padded with a byte that needs no escape), each tested at once;
    /// up to three bytes one by one.
    @inline(__always)
    static func escapesNone(short base: UnsafePointer<UInt8>, count: Int) -> Bool {
        let raw = UnsafeRawPointer(base)
        let head: UInt64, tail: UInt64
        if count < 4 {
            // The first, the middle and the last byte: all of one to three.
            return !escaped(base[0]) && !escaped(base[count >> 1]) && !escaped(base[count - 1])
        } else if count > 16 {
            let words = (
                raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                raw.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self), raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            )
            return escapeMask(words.0) | escapeMask(words.1) | escapeMask(words.2) | escapeMask(words.3) == 0
        } else if count >= 8 {
            head = raw.loadUnaligned(as: UInt64.self)
            tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else {
            let padding: UInt64 = 0x4141_4141_0000_0000
            head = UInt64(raw.loadUnaligned(as: UInt32.self)) | padding
            tail = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) | padding
        }
        return escapeMask(head) | escapeMask(tail) == 0
    }

    /// Whether `text` holds a byte this writer escapes.
    static func needsEscaping(_ text: String) -> Bool { TextBytes.withUTF8(of: text) { needsEscaping(utf8: $0) } }

    /// Whether `utf8` holds a byte this writer escapes: eight bytes at a time, as it scans.
    static func needsEscaping(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        var i = 0
        while i + 8 <= utf8.count, escapeMask(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) == 0 { i += 8 }
        // From the flagged word (the test can flag one that holds none) or the last bytes, one by one.
        for j in i..<utf8.count where escaped(base[j]) { return true }
        return false
    }

    /// ``appendString(_:)`` for a text known to hold no byte that needs escaping
    /// (``TextEscaping``): copied between its quotes as it is.
    mutating func appendUnescapedString(utf8: UnsafeBufferPointer<UInt8>) {
        byte(0x22)
        buffer.append(utf8)
        byte(0x22)
    }

    /// The escape of a byte ``escaped(_:)`` names.
    private mutating func escape(_ byte: UInt8) {
        buffer.append(0x5C)
        switch byte {
        case 0x22: buffer.append(0x22)
        case 0x5C: buffer.append(0x5C)
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            raw("u00")
            buffer.append(hex.utf8Start[Int(byte >> 4)])
            buffer.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }

    /// Non-zero exactly when any of the eight bytes in `word` is below 0x20, a quote or a
    /// backslash (SWAR: a byte is zero after the XOR exactly when it matched); the three tests
    /// combined without a branch.
    @inline(__always)
    static func escapeMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ 0x2222_2222_2222_2222, backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
        let below = (word &- 0x2020_2020_2020_2020) & ~word
        return (below | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs
    }

    /// Appends `value` as compact JSON, members in the order given.
    public mutating func append(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .integer(let number): integer(number)
        case .number(let number):
            buffer.append(Array((number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)).utf8))
        case .string(let text): appendString(text)
        case .array(let elements):
            byte(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { byte(UInt8(ascii: ",")) }
                append(element)
            }
            byte(UInt8(ascii: "]"))
        case .object(let members):
            byte(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { byte(UInt8(ascii: ",")) }
                appendString(member.key)
                byte(UInt8(ascii: ":"))
                append(member.value)
            }
            byte(UInt8(ascii: "}"))
        }
    }
}

extension JSONValue {
    /// An object whose members are sorted by key (byte order), for deterministic output.
    public static func sortedObject(_ members: [(String, JSONValue)]) -> JSONValue {
        // Keys compare by their UTF-8 bytes (for the ASCII keys of our formats, String order).
        .object(members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }.map { JSONMember($0.0, $0.1) })
    }
}

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
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 2)
        var level = 0
        var inString = false
        var index = 0
        func newline(_ level: Int) {
            out.append(0x0A)
            for _ in 0..<level { out.append(0x20); out.append(0x20) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inString {
                out.append(byte)
                if byte == UInt8(ascii: "\\"), index < bytes.count {
                    out.append(bytes[index])
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                out.append(byte)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if index < bytes.count, bytes[index] == close {
                    out.append(byte)
                    out.append(close)
                    index += 1
                } else {
                    out.append(byte)
                    level += 1
                    newline(level)
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                level -= 1
                newline(level)
                out.append(byte)
            case UInt8(ascii: ","):
                out.append(byte)
                newline(level)
            case UInt8(ascii: ":"):
                out.append(byte)
                out.append(0x20)
            default:
                out.append(byte)
            }
        }
        out.append(0x0A)
        return out
    }

}

/// A growing UTF-8 buffer with the appends JSON output needs; the writer and the decision
/// encoder share it, so both escape strings the same way.
public struct JSONBytes: Sendable {
    public var buffer: ByteBuffer

    public init(capacity: Int = 0) { buffer = ByteBuffer(capacity: capacity) }

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
            while i + 8 <= count, !JSONBytes.needsEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
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

    /// Whether any of the eight bytes in `word` is below 0x20, a quote or a backslash (SWAR:
    /// a byte is zero after the XOR exactly when it matched).
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below = (word &- 0x2020_2020_2020_2020) & ~word & highs != 0
        return below || hasZero(word ^ 0x2222_2222_2222_2222) || hasZero(word ^ 0x5C5C_5C5C_5C5C_5C5C)
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

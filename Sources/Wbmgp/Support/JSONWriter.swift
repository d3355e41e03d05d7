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
        out.append(value, indent: false, level: 0)
        return out.bytes
    }

    public static func pretty(_ value: JSONValue) -> String {
        var out = JSONBytes()
        out.append(value, indent: true, level: 0)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// A growing UTF-8 buffer with the appends JSON output needs; the writer and the decision
/// encoder share it, so both escape strings the same way.
public struct JSONBytes: Sendable {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @inline(__always)
    public mutating func byte(_ value: UInt8) { bytes.append(value) }

    public mutating func integer(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            if value == Int.min {
                bytes.append(contentsOf: String(value).utf8.dropFirst())
                return
            }
            integer(-value)
            return
        }
        if value < 10 {
            bytes.append(UInt8(48 + value))
            return
        }
        var digits: [UInt8] = []
        var rest = value
        while rest > 0 {
            digits.append(UInt8(48 + rest % 10))
            rest /= 10
        }
        bytes.append(contentsOf: digits.reversed())
    }

    /// A date as `"YYYY-MM-DD"`, quotes included.
    public mutating func date(_ date: CalendarDate) {
        bytes.append(0x22)
        bytes.append(UInt8(48 + date.year / 1000 % 10))
        bytes.append(UInt8(48 + date.year / 100 % 10))
        bytes.append(UInt8(48 + date.year / 10 % 10))
        bytes.append(UInt8(48 + date.year % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(48 + date.month / 10))
        bytes.append(UInt8(48 + date.month % 10))
        bytes.append(UInt8(ascii: "-"))
        bytes.append(UInt8(48 + date.day / 10))
        bytes.append(UInt8(48 + date.day % 10))
        bytes.append(0x22)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; every other
    /// character, non-ASCII included, written as UTF-8.
    public mutating func appendString(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            var i = 0
            let count = utf8.count
            // Skip eight bytes at a time while none needs escaping (a control byte, '"' or '\').
            if let base = utf8.baseAddress {
                while i + 8 <= count {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if JSONBytes.needsEscape(word) { break }
                    i += 8
                }
            }
            while i < count {
                let byte = utf8[i]
                i += 1
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<(i - 1)]))
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                }
                start = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(0x22)
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

    mutating func newline(_ indent: Bool, _ level: Int) {
        guard indent else { return }
        bytes.append(0x0A)
        for _ in 0..<level { bytes.append(contentsOf: [0x20, 0x20]) }
    }

    public mutating func append(_ value: JSONValue, indent: Bool, level: Int) {
        switch value {
        case .null: raw("null")
        case .bool(let flag): flag ? raw("true") : raw("false")
        case .integer(let number): integer(number)
        case .number(let number):
            bytes.append(contentsOf: (number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)).utf8)
        case .string(let text): appendString(text)
        case .array(let elements):
            if elements.isEmpty { return raw("[]") }
            bytes.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent, level + 1)
                append(element, indent: indent, level: level + 1)
            }
            newline(indent, level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { return raw("{}") }
            bytes.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent, level + 1)
                appendString(member.key)
                indent ? raw(": ") : raw(":")
                append(member.value, indent: indent, level: level + 1)
            }
            newline(indent, level)
            bytes.append(UInt8(ascii: "}"))
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

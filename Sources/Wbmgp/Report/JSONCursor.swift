/// A forward-only cursor over JSON bytes for ``SkeletonReader``, which counts a log entry's
/// skeleton without a tree: each method consumes one value of the kind it names, or returns
/// nil/false (and the entry is read whole instead). It never recurses by itself; only the
/// reader's functions for the expected values nest.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var atEnd: Bool { index >= bytes.count }

    mutating func whitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        whitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// `{ "key": value, … }`: `member` consumes each value; false stops. Keys are handed over as
    /// their bytes, matched against literals without making a `String`.
    mutating func object(_ member: (inout JSONCursor, JSONKey) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        while true {
            guard let key = rawString(), take(UInt8(ascii: ":")), member(&self, JSONKey(bytes: key)) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// `[ value, … ]`: `element` consumes each value; false stops.
    mutating func array(_ element: (inout JSONCursor) -> Bool) -> Bool {
        guard take(UInt8(ascii: "[")) else { return false }
        if take(UInt8(ascii: "]")) { return true }
        while true {
            guard element(&self) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }

    /// The bytes of a string without escapes or control characters, still undecoded; with
    /// `asciiOnly`, also without a byte beyond ASCII (bytes no UTF-8 check need look at).
    mutating func rawString(asciiOnly: Bool = false) -> UnsafeBufferPointer<UInt8>? {
        guard take(0x22) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
            }
            if byte == 0x5C || byte < 0x20 || (asciiOnly && byte >= 0x80) { return nil }
            index += 1
        }
        return nil
    }

    /// A string holding a date `YYYY-MM-DD`, parsed from the bytes in place.
    mutating func date() -> CalendarDate? {
        guard let text = rawString() else { return nil }
        return CalendarDate(ascii: text)
    }

    mutating func null() -> Bool {
        whitespace()
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    mutating func bool() -> Bool? {
        whitespace()
        if index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "t"), bytes[index + 1] == UInt8(ascii: "r"),
            bytes[index + 2] == UInt8(ascii: "u"), bytes[index + 3] == UInt8(ascii: "e")
        {
            index += 4
            return true
        }
        if index + 5 <= bytes.count, bytes[index] == UInt8(ascii: "f"), bytes[index + 1] == UInt8(ascii: "a"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "s"), bytes[index + 4] == UInt8(ascii: "e")
        {
            index += 5
            return false
        }
        return nil
    }

    /// A JSON integer: optional minus, no leading zero, no fraction or exponent, in range.
    mutating func integer() -> Int? {
        whitespace()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int(bytes[index] - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, !(digits > 1 && bytes[start] == 0x30) else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") { return nil }
        return negative ? -value : value
    }
}

/// An object key as its raw bytes, matched in a `switch` against string literals:
/// `case "municipality":` compares bytes, with no `String` made for the key.
struct JSONKey {
    let bytes: UnsafeBufferPointer<UInt8>

    // Inlined, so that each `case` compares the key's length with a constant first.
    @inline(__always)
    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard count == key.bytes.count else { return false }
        let literal = pattern.utf8Start
        for i in 0..<count where literal[i] != key.bytes[i] { return false }
        return true
    }
}

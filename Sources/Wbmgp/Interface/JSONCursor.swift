/// A forward-only cursor over JSON bytes for ``FastApplicationReader``: each method consumes one
/// value of the kind it names, or returns nil/false (and the fast path gives up).
///
/// It holds to ``InputLimits`` by giving up: a string longer than ``InputLimits/stringBytes`` or
/// a list longer than its limit returns nil, and the full reader reports the `E-LIMIT`. It never
/// recurses by itself; only the reader's functions for the expected values nest.
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

    /// A string without escapes (an escape sends the input to the full reader), of at most
    /// ``InputLimits/stringBytes`` bytes.
    mutating func string() -> String? {
        guard take(0x22) else { return nil }
        let start = index
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                guard index - start <= InputLimits.stringBytes else { return nil }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                return ascii ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
            }
            if byte == 0x5C || byte < 0x20 { return nil }
            if byte >= 0x80 { ascii = false }
            index += 1
        }
        return nil
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

    /// `[ value, … ]` read into an array, each element by `read` (nil stops), at most `maximum`
    /// elements: one more stops the reading there. Room for a few elements is reserved at the
    /// first one: one allocation instead of growing 1, 2, 4.
    @inline(__always)
    mutating func list<Element>(atMost maximum: Int = InputLimits.listElements.maximum, _ read: (inout JSONCursor) -> Element?) -> [Element]? {
        var elements: [Element] = []
        let ok = array { c in
            guard elements.count < maximum, let element = read(&c) else { return false }
            if elements.isEmpty { elements.reserveCapacity(4) }
            elements.append(element)
            return true
        }
        return ok ? elements : nil
    }

    mutating func strings() -> [String]? {
        list { $0.string() }
    }

    /// Marks field `bit` as seen; false when it was seen before (a duplicate key).
    func once(_ seen: inout Int, _ bit: Int) -> Bool {
        guard seen & (1 << bit) == 0 else { return false }
        seen |= 1 << bit
        return true
    }

    mutating func requiredDate(_ target: inout CalendarDate?) -> Bool {
        guard let date = date() else { return false }
        target = date
        return true
    }

    mutating func optionalDate(_ target: inout CalendarDate?) -> Bool {
        null() || requiredDate(&target)
    }

    mutating func optionalString(_ target: inout String?) -> Bool {
        optional(&target) { $0.string() }
    }

    /// An optional field: `null` leaves `target` absent, anything else must read with `read`.
    mutating func optional<T>(_ target: inout T?, _ read: (inout JSONCursor) -> T?) -> Bool {
        if null() { return true }
        target = read(&self)
        return target != nil
    }

    /// A required string that is not only spaces, as ``ObjectReader/requiredString(_:)`` demands.
    mutating func nonBlank(_ target: inout String?) -> Bool {
        whitespace()
        let quote = index
        guard let text = string() else { return false }
        // Blank is spaces only; looked at in the bytes between the quotes (most texts start with
        // a letter), not in the string.
        guard bytes[(quote + 1)..<(index - 1)].contains(where: { $0 != 0x20 }) else { return false }
        target = text
        return true
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

/// A malformed JSON text: what was expected, and where (1-based line and column, in bytes).
public struct JSONSyntaxError: Error, Hashable, Sendable {
    public var message: String
    public var line: Int
    public var column: Int
    /// For nesting beyond ``InputLimits/nestingDepth``: the JSON path of the value that goes too
    /// deep (`$[0][0]…`), so a reader can report it as `E-LIMIT` with a path (interface §2);
    /// nil for malformed text.
    public var limitPath: String? = nil

    /// The error seen from one level up: `component` (`[3]`, `.key`, `$`) goes before the
    /// limit path, built while the error unwinds so that reading pays nothing for it.
    func within(_ component: String) -> JSONSyntaxError {
        guard let limitPath else { return self }
        var outer = self
        outer.limitPath = component + limitPath
        return outer
    }
}

/// A strict recursive-descent JSON reader over UTF-8 bytes (RFC 8259): it checks the text and
/// writes it down as a ``JSONTape``, a flat list of the values with their places in the text.
/// The tree (``JSONValue``) is built from the tape; the application reader reads the tape itself.
///
/// - Complexity: O(n) in the length of the text: duplicate member names are found by hashing once
///   an object is larger than a few members. Nesting deeper than ``maximumDepth`` is an error
///   with ``JSONSyntaxError/limitPath`` set, rather than a stack overflow.
public struct JSONReader {
    public static let maximumDepth = InputLimits.nestingDepth
    /// Objects up to this many members are checked for a repeated name by scanning, which costs
    /// less than hashing for the handful of members real objects have; larger ones use a set.
    static let scannedMembers = 32
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The first byte, for reading eight at a time; nil for an empty text.
    private let base: UnsafePointer<UInt8>?
    private var index = 0
    private var depth = 0
    /// The tape written so far, in storage this reader grows and frees itself: an append to an
    /// `Array` checks its uniqueness and capacity each time, and a document has many values.
    private let storage: JSONTape.Storage
    private var entries: UnsafeMutablePointer<JSONTape.Entry>
    private var capacity: Int
    private var count = 0
    /// Member names compared or hashed in the duplicate checks: a count of the work, for the
    /// tests that show it grows linearly with the number of members.
    private(set) var work = 0
    /// The names of each object being read that outgrew the scan (``NamesSeen/largeObject``),
    /// innermost last: objects nest, so the one being read is always the last that grew. Kept
    /// by the reader, not by each object: an object's own optional set was released at the end
    /// of every object read, though almost none ever holds one.
    private var largeObjectNames: [Set<String>] = []

    /// Parses one JSON document; anything but whitespace after it is an error.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let tape = try JSONTape(bytes)
        return tape.tree()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses like ``parse(_:)``, and says how much duplicate-check work it did (for tests).
    static func parseCountingWork(_ bytes: [UInt8]) -> (value: JSONValue?, work: Int) {
        var work = 0
        let storage = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer, capacity: 0)
            defer { work = reader.work }
            return try? reader.readDocument()
        }
        return (storage.map { JSONTape(bytes: bytes, storage: $0).tree() }, work)
    }

    /// The entries of the document in `bytes` (``JSONTape``), with room for `capacity` at first,
    /// written into `storage` when given (from its start).
    static func entries(of bytes: UnsafeBufferPointer<UInt8>, capacity: Int, into storage: JSONTape.Storage? = nil) throws(JSONSyntaxError) -> JSONTape.Storage {
        var reader = JSONReader(bytes: bytes, capacity: capacity, into: storage)
        return try reader.readDocument()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, capacity: Int, into given: JSONTape.Storage? = nil) {
        self.bytes = bytes
        base = bytes.baseAddress
        storage = given ?? JSONTape.Storage(capacity: max(capacity, 8))
        entries = storage.entries
        self.capacity = storage.capacity
    }

    @inline(__always)
    private mutating func append(_ entry: JSONTape.Entry) throws(JSONSyntaxError) {
        if count == capacity { try grow() }
        entries[count] = entry
        count += 1
    }

    /// Room for more entries: the rare case of ``append(_:)``, kept out of its way.
    @inline(never)
    private mutating func grow() throws(JSONSyntaxError) {
        guard storage.grow() else { throw error("no memory left to read a document this large") }
        entries = storage.entries
        capacity = storage.capacity
    }

    private mutating func readDocument() throws(JSONSyntaxError) -> JSONTape.Storage {
        skipWhitespace()
        do { try readValue() } catch { throw error.within("$") }
        skipWhitespace()
        if index < bytes.count { throw error("unexpected text after the JSON value") }
        storage.count = count
        return storage
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        let end = min(offset ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return JSONSyntaxError(message: message, line: line, column: end - lineStart + 1)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        // Compact text, the usual case, has none: one look at the next byte settles it.
        guard index < bytes.count, bytes[index] <= 0x20 else { return }
        skipWhitespaceSlowly()
    }

    /// Whether the next byte is `byte`, after any whitespace. Compact text has none between its
    /// tokens: the byte expected is looked for first, and whitespace only when it is not there
    /// (where each look for whitespace and then for the byte cost two tests).
    @inline(__always)
    private mutating func nextIs(_ byte: UInt8) -> Bool {
        if index < bytes.count, bytes[index] == byte { return true }
        skipWhitespace()
        return index < bytes.count && bytes[index] == byte
    }

    @inline(never)
    private mutating func skipWhitespaceSlowly() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Appends a value that holds nothing further, ending at `index`.
    private mutating func appendScalar(_ kind: JSONTape.Kind, from start: Int) throws(JSONSyntaxError) {
        try append(JSONTape.Entry(kind: kind, plain: true, start: start, end: index, next: count + 1, count: 0))
    }

    private mutating func readValue() throws(JSONSyntaxError) {
        guard index < bytes.count else { throw error("unexpected end of input; expected a value") }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): try readObject()
        case UInt8(ascii: "["): try readArray()
        case UInt8(ascii: "\""): try readString()
        case UInt8(ascii: "t"): try literal("true"); try appendScalar(.true, from: start)
        case UInt8(ascii: "f"): try literal("false"); try appendScalar(.false, from: start)
        case UInt8(ascii: "n"): try literal("null"); try appendScalar(.null, from: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try readNumber()
        default: throw error("unexpected character; expected a value")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected character; expected a value") }
        for i in 0..<count where bytes[index + i] != word.utf8Start[i] { throw error("unexpected character; expected a value") }
        index += count
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONReader.maximumDepth {
            // Thrown before the recursion goes deeper; each level adds its step to the path.
            var failure = error(InputLimits.nestingMessage(level: depth))
            failure.limitPath = ""
            throw failure
        }
    }

    /// The text of the string entry `i` (for member names in messages and the duplicate check).
    private func text(_ i: Int) -> String {
        JSONTape.text(of: entries[i], in: bytes)
    }

    /// What an object's member names seen so far say about the next one: a bit for each plain
    /// name's ``nameHash(_:)`` (a name whose bit is not set repeats none of them), and whether
    /// any was not plain (then every name is compared).
    private struct NamesSeen {
        var bits: UInt64 = 0
        var anyNotPlain = false
        /// Whether the object outgrew the scan: its earlier names are then the last set of
        /// ``JSONReader/largeObjectNames``.
        var largeObject = false
    }

    /// Whether the member name at entry `key` repeats an earlier name of the object whose
    /// member names are at `firstName` (its first) and linked by `next` of their values: by
    /// comparing it with each while the object is small (unless ``NamesSeen`` rules a repeat
    /// out), then by a set of its names (the last of ``largeObjectNames``), filled with the
    /// earlier names when the object outgrows the scan.
    @inline(__always)
    private mutating func isRepeated(_ key: Int, firstName: Int, count: Int, seen: inout NamesSeen) -> Bool {
        // The usual answer, a plain name whose bit no earlier name has set, given here.
        if count < JSONReader.scannedMembers, !seen.anyNotPlain {
            let hash = nameHash(entries[key])
            if hash != 0 {
                let bit: UInt64 = 1 << ((hash &* 0x9E37_79B9_7F4A_7C15) >> 58)
                if seen.bits & bit == 0 {
                    seen.bits |= bit
                    return false
                }
            }
        }
        return isRepeatedSlowly(key, firstName: firstName, count: count, seen: &seen)
    }

    @inline(never)
    private mutating func isRepeatedSlowly(_ key: Int, firstName: Int, count: Int, seen: inout NamesSeen) -> Bool {
        if count < JSONReader.scannedMembers {
            let hash = nameHash(entries[key])
            if hash == 0 {
                seen.anyNotPlain = true
            } else {
                let bit: UInt64 = 1 << ((hash &* 0x9E37_79B9_7F4A_7C15) >> 58)
                let before = seen.bits
                seen.bits |= bit
                if before & bit == 0, !seen.anyNotPlain { return false }
            }
            var name = firstName
            for _ in 0..<count {
                work += 1
                if JSONTape.sameText(entries[name], entries[key], in: bytes) { return true }
                name = entries[name + 1].next
            }
            return false
        }
        if !seen.largeObject {
            var keys = Set<String>(minimumCapacity: count * 2)
            var name = firstName
            for _ in 0..<count {
                keys.insert(text(name))
                name = entries[name + 1].next
            }
            work += count
            largeObjectNames.append(keys)
            seen.largeObject = true
        }
        work += 1
        let last = largeObjectNames.count - 1
        return !largeObjectNames[last].insert(text(key)).inserted
    }

    /// A plain name's length and first and last bytes; 0 for a name with an escape or other
    /// than ASCII, which is compared with every name by its decoded text.
    private func nameHash(_ entry: JSONTape.Entry) -> UInt64 {
        let length = entry.end - entry.start
        guard entry.plain, length > 0 else { return 0 }
        return UInt64(length) << 16 | UInt64(bytes[entry.start]) << 8 | UInt64(bytes[entry.end - 1]) | 1 << 63
    }

    private mutating func readObject() throws(JSONSyntaxError) {
        try enter()
        let object = count
        try append(JSONTape.Entry(kind: .object, plain: true, start: index, end: index, next: 0, count: 0))
        index += 1
        var members = 0
        var seen = NamesSeen()
        if nextIs(UInt8(ascii: "}")) {
            index += 1
        } else {
            while true {
                guard nextIs(UInt8(ascii: "\"")) else {
                    throw error("expected a quoted member name")
                }
                let keyOffset = index
                let key = count
                try readString()
                if isRepeated(key, firstName: object + 1, count: members, seen: &seen) {
                    throw error("duplicate member name '\(InputLimits.echo(text(key)))'", at: keyOffset)
                }
                guard nextIs(UInt8(ascii: ":")) else { throw error("expected ':' after member name") }
                index += 1
                do {
                    // A string value, the most common, read here; any other through `readValue`.
                    if nextIs(UInt8(ascii: "\"")) { try readString() } else { try readValue() }
                } catch { throw error.within(".\(InputLimits.echo(text(key)))") }
                members += 1
                if nextIs(UInt8(ascii: ",")) { index += 1; continue }
                guard index < bytes.count else { throw error("unexpected end of input; expected ',' or '}'") }
                if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                throw error("expected ',' or '}' in object")
            }
        }
        if seen.largeObject { largeObjectNames.removeLast() }
        depth -= 1
        entries[object].end = index
        entries[object].next = count
        entries[object].count = members
    }

    private mutating func readArray() throws(JSONSyntaxError) {
        try enter()
        let array = count
        try append(JSONTape.Entry(kind: .array, plain: true, start: index, end: index, next: 0, count: 0))
        index += 1
        var elements = 0
        if nextIs(UInt8(ascii: "]")) {
            index += 1
        } else {
            while true {
                skipWhitespace()
                do { try readValue() } catch { throw error.within("[\(elements)]") }
                elements += 1
                if nextIs(UInt8(ascii: ",")) { index += 1; continue }
                guard index < bytes.count else { throw error("unexpected end of input; expected ',' or ']'") }
                if bytes[index] == UInt8(ascii: "]") { index += 1; break }
                throw error("expected ',' or ']' in array")
            }
        }
        depth -= 1
        entries[array].end = index
        entries[array].next = count
        entries[array].count = elements
    }

    /// Checks a string and writes its entry: `start` just after the opening quote, `end` at the
    /// closing one; `plain` when the bytes between are the text itself (ASCII, no escape).
    @inline(__always)
    private mutating func readString() throws(JSONSyntaxError) {
        index += 1
        let start = index
        // The usual string, ASCII without escapes, is read here in the caller: eight bytes at a
        // time up to the first quote, backslash or control character. If that is the closing
        // quote, the string is plain.
        var highBits: UInt64 = 0
        let at = plainRun(from: start, bits: &highBits)
        if at < bytes.count, bytes[at] == UInt8(ascii: "\""), highBits & 0x8080_8080_8080_8080 == 0 {
            index = at + 1
            try append(JSONTape.Entry(kind: .string, plain: true, start: start, end: at, next: count + 1, count: 0))
            return
        }
        try readStringSlowly(from: start)
    }

    /// Where, from `start`, the first byte that is a quote, a backslash or a control character
    /// stands, found eight bytes at a time; or where fewer than eight bytes are left. The bytes
    /// passed over are or-ed into `bits` (their high bits say whether all were ASCII).
    @inline(__always)
    private func plainRun(from start: Int, bits: inout UInt64) -> Int {
        guard let base else { return start }
        let length = bytes.count
        var at = start
        while at + 8 <= length {
            let word = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)
            let mask = JSONBytes.escapeMask(word)
            guard mask != 0 else {
                bits |= word
                at += 8
                continue
            }
            // The lowest flagged byte is a real match (a false one only follows a real one); the
            // bytes before it join the others (a shift by 64 gives none of the word).
            let before = mask.trailingZeroBitCount >> 3
            bits |= word & (UInt64.max >> (64 - 8 * before))
            return at + before
        }
        return at
    }

    /// ``readString()`` for any other string: near the end of the text, with bytes other than
    /// ASCII, with escapes, or broken. `start` is just after the opening quote.
    @inline(never)
    private mutating func readStringSlowly(from start: Int) throws(JSONSyntaxError) {
        index = start
        // ASCII without escapes needs neither decoding nor validation: passed over eight bytes
        // at a time, then byte by byte near the end.
        var highBits: UInt64 = 0
        let length = bytes.count
        while index < length {
            index = plainRun(from: index, bits: &highBits)
            guard index < length else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let ascii = highBits & 0x8080_8080_8080_8080 == 0
                if !ascii, String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) == nil {
                    throw error("invalid UTF-8 in string", at: start)
                }
                try append(JSONTape.Entry(kind: .string, plain: ascii, start: start, end: index, next: count + 1, count: 0))
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            highBits |= UInt64(byte)
            index += 1
        }
        // Escapes (or a control character, or the end): checked by decoding, as the reader of
        // the text will decode it.
        index = start
        _ = try decodeString()
        try append(JSONTape.Entry(kind: .string, plain: false, start: start, end: index - 1, next: count + 1, count: 0))
    }

    /// The text of the string starting at `index` (just after its opening quote), with its
    /// escapes decoded; `index` ends just after the closing quote.
    private mutating func decodeString() throws(JSONSyntaxError) -> String {
        let start = index
        var scalars: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: scalars, as: UTF8.self) else {
                    throw error("invalid UTF-8 in string", at: start)
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("unterminated string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(0x22)
                case UInt8(ascii: "\\"): scalars.append(0x5C)
                case UInt8(ascii: "/"): scalars.append(0x2F)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"): try appendUnicodeEscape(to: &scalars)
                default: throw error("invalid escape in string", at: index - 2)
                }
            default:
                if byte < 0x20 { throw error("control character in string; write it as an escape") }
                scalars.append(byte)
                index += 1
            }
        }
        throw error("unterminated string", at: start - 1)
    }

    /// The decoded text of a string the reader has checked: `start` is just after its opening quote.
    static func decodeChecked(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        var reader = JSONReader(bytes: bytes, capacity: 0)
        reader.index = start
        return (try? reader.decodeString()) ?? ""
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - 55)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func appendUnicodeEscape(to scalars: inout [UInt8]) throws(JSONSyntaxError) {
        var code = try hex4()
        if (0xD800...0xDBFF).contains(code) {
            guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate in \\u escape")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(code) {
            throw error("unpaired surrogate in \\u escape")
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape") }
        scalars.append(contentsOf: String(Character(scalar)).utf8)
    }

    private mutating func readNumber() throws(JSONSyntaxError) {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits() -> Int {
            let from = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - from
        }
        let intStart = index
        let intDigits = digits()
        guard intDigits > 0 else { throw error("expected digits in number") }
        if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") { throw error("leading zero in number", at: intStart) }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            isInteger = false
            guard digits() > 0 else { throw error("expected digits after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            isInteger = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("expected digits in exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, Int(text) != nil {
            try appendScalar(.integer, from: start)
            return
        }
        guard Double(text) != nil else { throw error("number out of range", at: start) }
        try appendScalar(.number, from: start)
    }
}

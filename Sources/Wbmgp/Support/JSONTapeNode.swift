/// One value on a ``JSONTape``, read in place: strings are made only for the values asked for,
/// and member names are compared as bytes.
///
/// It points into the tape's storage and the text, so it is valid only while both are
/// (``InputDocument/root(lent:in:)``).
struct JSONTapeNode: JSONNode {
    let entries: UnsafeBufferPointer<JSONTape.Entry>
    let bytes: UnsafeBufferPointer<UInt8>
    let index: Int

    private var entry: JSONTape.Entry { entries[index] }
    private var kind: JSONTape.Kind { entries[index].kind }

    var typeName: String {
        switch kind {
        case .null: return "null"
        case .false, .true: return "a boolean"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    var isNull: Bool { kind == .null }

    var stringValue: String? { kind == .string ? JSONTape.text(of: entry, in: bytes) : nil }

    var integerValue: Int? { kind == .integer ? JSONTape.integer(of: entry, in: bytes) : nil }

    var boolValue: Bool? {
        switch kind {
        case .true: return true
        case .false: return false
        default: return nil
        }
    }

    var dateValue: CalendarDate?? {
        let entry = self.entry
        guard entry.kind == .string else { return nil }
        // A date is ten ASCII bytes; an escaped or longer string is decoded and parsed as text.
        if entry.plain { return .some(CalendarDate(ascii: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]))) }
        return .some(CalendarDate(parsing: JSONTape.text(of: entry, in: bytes)))
    }

    private func node(_ index: Int) -> JSONTapeNode { JSONTapeNode(entries: entries, bytes: bytes, index: index) }

    var elements: JSONTapeElements? {
        kind == .array ? JSONTapeElements(array: self) : nil
    }

    var elementCount: Int? { kind == .array ? entry.count : nil }

    var memberCount: Int? { kind == .object ? entry.count : nil }

    /// Whether the name at entry `name` is `key`: byte for byte when the name is plain.
    private func name(_ name: Int, is key: String) -> Bool {
        let entry = entries[name]
        guard entry.plain else { return JSONTape.text(of: entry, in: bytes) == key }
        var key = key
        return key.withUTF8 { utf8 in
            guard utf8.count == entry.end - entry.start else { return false }
            for i in 0..<utf8.count where utf8[i] != bytes[entry.start + i] { return false }
            return true
        }
    }

    /// Calls `body` with the entry of each member name in written order until it returns false.
    private func forEachName(_ body: (Int) -> Bool) {
        let entry = self.entry
        guard entry.kind == .object else { return }
        var name = index + 1
        for _ in 0..<entry.count {
            if !body(name) { return }
            name = entries[name + 1].next
        }
    }

    func member(_ key: String) -> JSONTapeNode? {
        var found: Int?
        forEachName { name in
            guard self.name(name, is: key) else { return true }
            found = name + 1
            return false
        }
        return found.map(node)
    }

    func firstMemberName(notIn names: [String]) -> String? {
        var found: String?
        forEachName { name in
            guard !names.contains(where: { self.name(name, is: $0) }) else { return true }
            found = JSONTape.text(of: entries[name], in: bytes)
            return false
        }
        return found
    }

    var memberNames: [String] {
        var names: [String] = []
        forEachName { name in
            names.append(JSONTape.text(of: entries[name], in: bytes))
            return true
        }
        return names
    }

    func member(at position: Int) -> JSONTapeNode {
        var value = index
        var seen = 0
        forEachName { name in
            guard seen == position else {
                seen += 1
                return true
            }
            value = name + 1
            return false
        }
        return node(value)
    }
}

extension JSONTapeNode {
    func match(_ fields: FieldNames, into slots: inout FieldNames.Slots) -> String? {
        let object = entries[index]
        guard object.kind == .object else { return nil }
        var name = index + 1
        for _ in 0..<object.count {
            let entry = entries[name]
            let k: Int?
            if entry.plain {
                k = fields.position(of: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end]))
            } else {
                k = fields.names.firstIndex(of: JSONTape.text(of: entry, in: bytes))
            }
            guard let k else { return JSONTape.text(of: entry, in: bytes) }
            if slots[k] < 0 { slots[k] = Int32(truncatingIfNeeded: name + 1) }
            name = entries[name + 1].next
        }
        return nil
    }

    func member(handle: Int32) -> JSONTapeNode { JSONTapeNode(entries: entries, bytes: bytes, index: Int(handle)) }

    func stringPosition(in codes: FieldNames) -> Int? {
        let entry = entries[index]
        guard entry.kind == .string else { return nil }
        // Plain text is ASCII, which equals a code as `String`s compare exactly when its bytes do.
        if entry.plain { return codes.position(of: UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.end])) }
        return codes.names.firstIndex(of: JSONTape.text(of: entry, in: bytes))
    }
}

/// The elements of an array on a tape, each found from the one before by its `next`.
struct JSONTapeElements: Collection {
    let array: JSONTapeNode

    var startIndex: Int { array.index + 1 }
    /// The entry after the array's last element is the entry after the array.
    var endIndex: Int { array.entries[array.index].next }
    var count: Int { array.entries[array.index].count }

    func index(after i: Int) -> Int { array.entries[i].next }

    subscript(position: Int) -> JSONTapeNode {
        JSONTapeNode(entries: array.entries, bytes: array.bytes, index: position)
    }
}

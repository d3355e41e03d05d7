/// Reads one JSON object field by field, with the JSON path of each for error messages, and
/// rejects fields it was not told about (typos never pass silently).
///
/// Two readers share the typed reads (``string(_:atMost:)``, ``date(_:)``, ``code(_:in:_:)``…):
/// ``FieldReader`` for the members of an application, found once by their slots among the names
/// its object may have, and ``ObjectReader`` for the other documents, given their path written
/// out. Both read a value of a tree or of a tape alike (``JSONNode``), so a document gives the
/// same result and the same error whichever way it was parsed.
///
/// Strings and lists are checked against ``InputLimits`` as they are read, so every reader built
/// on these refuses oversized input with `E-LIMIT` and the path.
protocol MemberReader {
    associatedtype Node: JSONNode
    /// The member's value; `null` counts as absent.
    func value<Key: MemberName>(_ key: Key) -> Node?
    /// The path of the object, written out.
    var path: String { get }
}

/// The reader of an application's objects: each may have only the members its ``FieldNames``
/// name, and each member is found by its name once, in the pass that checks that.
///
/// Plain values only (the path as steps, the slots inline, the names unowned), so a reader of a
/// tape's object is made and dropped without reference counting.
struct FieldReader<Node: JSONNode>: MemberReader {
    let object: Node
    /// The path of the object, kept as steps (``JSONPath``) and written only for a message.
    let location: JSONPath
    var path: String { location.description }
    /// The names the object may have, and for each the member of that name (a handle of
    /// ``JSONNode/member(handle:)``, -1 for none).
    // Unowned: the sets are constants that live as long as the program (``ApplicationFields``),
    // and a reference count taken on every lookup would cost more than the lookup.
    private unowned(unsafe) let fields: FieldNames
    /// `fields` by identity: a key whose slot was found in it is looked up without the reference
    /// being touched.
    private let fieldsIdentity: ObjectIdentifier
    private let slots: FieldNames.Slots

    /// Throws `E-TYPE` for a value that is not an object and `E-FIELD`, with a did-you-mean hint,
    /// for its first member (in written order) not in `allowed`.
    // `allowed` borrowed: an initialiser takes its arguments owned by default, so every object
    // read counted the set for the call and released it here, though it is kept unowned. Spelled
    // `__shared`: `borrowing` here crashes the Swift 6.3 compiler (signal 11) in release builds.
    init(_ value: Node, at location: JSONPath, allowing allowed: __shared FieldNames) throws(InputError) {
        guard value.memberCount != nil else {
            throw InputError(code: "E-TYPE", path: location.description, message: "expected an object, found \(value.typeName)")
        }
        // Matched into a local before any field is set: with the last throw after them, the
        // reader was made in a temporary and copied out whole (200 bytes) on every object read.
        var matched = FieldNames.Slots(repeating: -1)
        if let unknown = value.match(allowed, into: &matched) { throw unknownField(unknown, allowed.names, at: location.description) }
        object = value
        self.location = location
        fields = allowed
        fieldsIdentity = ObjectIdentifier(allowed)
        slots = matched
    }

    @inline(__always)
    func value<Key: MemberName>(_ key: Key) -> Node? {
        guard let slot = key.knownSlot(in: fieldsIdentity) ?? key.position(in: fields), slot >= 0 else { return nil }
        let handle = slots[slot]
        guard handle >= 0 else { return nil }
        let found = object.member(handle: handle)
        return found.isNull ? nil : found
    }

    /// Whether the object has member `key` at all, `null` included: for a key whose mere
    /// presence is refused (police records in a role that may not read them).
    func isPresent<Key: MemberName>(_ key: Key) -> Bool {
        guard let slot = key.knownSlot(in: fieldsIdentity) ?? key.position(in: fields), slot >= 0 else { return false }
        return slots[slot] >= 0
    }
}

/// The reader of the objects of the other documents (designations, requests, the service's
/// bodies), whose readers give the path written out and check the members with ``allowOnly(_:)``.
struct ObjectReader<Node: JSONNode>: MemberReader {
    let object: Node
    let path: String
    /// Member positions by key, only for objects too large to scan: real objects have a dozen
    /// members at most, and `allowOnly` usually runs first and stops at the first unknown one,
    /// but a lookup must not cost a scan of an object the input made huge.
    private let positions: [String: Int]?
    /// Objects up to this many members are searched by scanning.
    static var scannedMembers: Int { 16 }

    init(_ value: Node, path: String) throws(InputError) {
        guard let count = value.memberCount else {
            throw InputError(code: "E-TYPE", path: path, message: "expected an object, found \(value.typeName)")
        }
        object = value
        self.path = path
        if count > ObjectReader.scannedMembers {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(count)
            // The first member of a name wins, as the scan would find it (a tree built in code may repeat one).
            for (i, key) in value.memberNames.enumerated() where positions[key] == nil { positions[key] = i }
            self.positions = positions
        } else {
            self.positions = nil
        }
    }

    /// Throws `E-FIELD` for the first member not in `allowed`, with a did-you-mean hint.
    ///
    /// - Complexity: O(members × allowed), and it stops at the first unknown member; `allowed`
    ///   is a fixed list of field names, so this is linear in the object.
    func allowOnly(_ allowed: [String]) throws(InputError) {
        if let key = object.firstMemberName(notIn: allowed) { throw unknownField(key, allowed, at: path) }
    }

    func value<Key: MemberName>(_ key: Key) -> Node? {
        let found: Node?
        if let positions {
            found = positions[key.text].map { object.member(at: $0) }
        } else {
            found = object.member(key.text)
        }
        guard let value = found, !value.isNull else { return nil }
        return value
    }
}

private func unknownField(_ key: String, _ allowed: [String], at path: String) -> InputError {
    InputError(
        code: "E-FIELD", path: "\(path).\(InputLimits.echo(key))",
        message: "unknown field '\(InputLimits.echo(key))'\(InputLimits.hint(for: key, in: allowed)); expected one of \(allowed.joined(separator: ", "))")
}

extension MemberReader {
    /// The path of member `key`; a key from the input is cut as a message would quote it.
    func pathOf(_ key: String) -> String { "\(path).\(InputLimits.echo(key))" }

    func missing(_ key: String, _ what: String) -> InputError {
        InputError(code: "E-MISSING", path: pathOf(key), message: "required field '\(key)' is missing; expected \(what)")
    }

    /// A required list that is there but empty: a value the format forbids, not a missing field.
    func empty(_ key: String, _ what: String) -> InputError {
        InputError(code: "E-VALUE", path: pathOf(key), message: "'\(key)' is empty; expected \(what)")
    }

    func wrongType(_ key: String, _ what: String, _ found: Node) -> InputError {
        InputError(code: "E-TYPE", path: pathOf(key), message: "expected \(what), found \(found.typeName)")
    }

    /// A string of at most `maximum` bytes (``InputLimits/stringBytes`` unless prose allows more).
    @inline(__always)
    func string<Key: MemberName>(_ key: Key, atMost maximum: Int = InputLimits.stringBytes) throws(InputError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw wrongType(key.text, "a string", value) }
        try InputLimits.checkString(text, atMost: maximum, at: pathOf(key.text))
        return text
    }

    @inline(__always)
    func requiredString<Key: MemberName>(_ key: Key) throws(InputError) -> String {
        guard let text = try string(key) else { throw missing(key.text, "a string") }
        // Blank is spaces only (what `trimmingSpaces` takes away), looked for in the bytes; the
        // first byte settles almost every string.
        let utf8 = text.utf8
        guard let first = utf8.first, first != 0x20 || utf8.contains(where: { $0 != 0x20 }) else {
            throw InputError(code: "E-VALUE", path: pathOf(key.text), message: "'\(key.text)' is empty; expected a non-empty string")
        }
        return text
    }

    @inline(__always)
    func date<Key: MemberName>(_ key: Key) throws(InputError) -> CalendarDate? {
        guard let value = value(key) else { return nil }
        guard let parsed = value.dateValue else { throw wrongType(key.text, "a date string YYYY-MM-DD", value) }
        guard let date = parsed else {
            let text = value.stringValue ?? ""
            throw InputError(code: "E-DATE", path: pathOf(key.text), message: "'\(InputLimits.echo(text))' is not a calendar date; expected YYYY-MM-DD naming a day that exists")
        }
        return date
    }

    @inline(__always)
    func requiredDate<Key: MemberName>(_ key: Key) throws(InputError) -> CalendarDate {
        guard let date = try date(key) else { throw missing(key.text, "a date YYYY-MM-DD") }
        return date
    }

    @inline(__always)
    func integer<Key: MemberName>(_ key: Key) throws(InputError) -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value.integerValue else { throw wrongType(key.text, "a whole number", value) }
        return number
    }

    /// A house number: a whole number of 1 or more (a dwelling's, a designated address's).
    @inline(__always)
    func houseNumber<Key: MemberName>(_ key: Key) throws(InputError) -> Int? {
        guard let number = try integer(key) else { return nil }
        guard number >= 1 else {
            throw InputError(code: "E-VALUE", path: pathOf(key.text), message: "expected a house number of 1 or more, found \(number)")
        }
        return number
    }

    /// A dwelling's postcode: four digits and two letters ("3074 AB"; spaces and case ignored),
    /// its four digits alone ("3074", which decide a designated postcode area and leave a full
    /// postcode or range open: ``AreaMatcher/undecidedFacts(_:_:)``), or blank, which says
    /// nothing. Anything else would be matched against no area at all and pass as outside.
    @inline(__always)
    func postcode<Key: MemberName>(_ key: Key) throws(InputError) -> String? {
        guard let text = try string(key) else { return nil }
        guard AreaMatcher.isPostcodeOrBlank(text) else {
            throw InputError(
                code: "E-VALUE", path: pathOf(key.text),
                message: "expected a postcode of four digits and two letters such as 3074 AB, or its four digits alone, found '\(InputLimits.echo(text))'")
        }
        return text
    }

    @inline(__always)
    func bool<Key: MemberName>(_ key: Key) throws(InputError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value.boolValue else { throw wrongType(key.text, "true or false", value) }
        return flag
    }

    /// An array of at most `limit.maximum` elements, checked before any element is read.
    @inline(__always)
    func array<Key: MemberName>(_ key: Key, limit: InputLimits.ListLimit = InputLimits.listElements) throws(InputError) -> Node.Elements? {
        guard let value = value(key) else { return nil }
        guard let count = value.elementCount else { throw wrongType(key.text, "an array", value) }
        try limit.check(count, at: pathOf(key.text))
        return value.elements
    }

    @inline(__always)
    func strings<Key: MemberName>(_ key: Key) throws(InputError) -> [String]? {
        guard let elements = try array(key) else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(elements.count)
        try append(elements, of: key, to: &texts)
        return texts
    }

    /// ``strings(_:)`` read into an array `spares` keeps, when the list is there.
    @inline(__always)
    func strings<Key: MemberName>(_ key: Key, reusing spares: inout LineSpares) throws(InputError) -> [String]? {
        guard let elements = try array(key) else { return nil }
        var texts = spares.takeTexts(capacity: elements.count)
        try append(elements, of: key, to: &texts)
        return texts
    }

    /// Appends the strings of the list at `key`, each checked.
    @inline(__always)
    private func append<Key: MemberName>(_ elements: Node.Elements, of key: Key, to texts: inout [String]) throws(InputError) {
        for (i, element) in elements.enumerated() {
            guard let text = element.stringValue else {
                throw InputError(code: "E-TYPE", path: "\(pathOf(key.text))[\(i)]", message: "expected a string, found \(element.typeName)")
            }
            try InputLimits.checkString(text, at: "\(pathOf(key.text))[\(i)]")
            texts.append(text)
        }
    }

    /// A code from a closed list, as its position there; `E-CODE` names the list when it is not
    /// on it. A code on the list is found from the input's bytes, without a `String` made for it.
    @inline(__always)
    func code<Key: MemberName>(_ key: Key, in codes: FieldNames, _ listName: String) throws(InputError) -> Int? {
        guard let value = value(key) else { return nil }
        if let k = value.stringPosition(in: codes) { return k }
        // Not on it: the errors of reading a string and checking it against the list.
        guard let text = try string(key) else { return nil }
        try CodeCheck.check(text, in: codes.names, listName, at: pathOf(key.text))
        return codes.names.firstIndex(of: text)
    }

    /// The list at `key` when it has one to ``InputLimits/listElements`` elements and each is one of
    /// `codes`: the list's own strings, none made for it. Nil otherwise, for the caller to read
    /// the list with ``strings(_:)`` and its checks, which give the error. A list of one code
    /// is the list the codes keep for it (``FieldNames/singletons``).
    func codes<Key: MemberName>(_ key: Key, allIn codes: FieldNames) -> [String]? {
        guard let value = value(key), let count = value.elementCount, count > 0, count <= InputLimits.listElements.maximum, let elements = value.elements else { return nil }
        if count == 1 {
            guard let only = elements.first, let k = only.stringPosition(in: codes) else { return nil }
            return codes.singletons[k]
        }
        var found: [String] = []
        found.reserveCapacity(count)
        for element in elements {
            guard let k = element.stringPosition(in: codes) else { return nil }
            found.append(codes.names[k])
        }
        return found
    }

    /// A code from a closed list; `E-CODE` names the list when it is not on it.
    @inline(__always)
    func code<Key: MemberName>(_ key: Key, in allowed: [String], _ listName: String) throws(InputError) -> String? {
        guard let text = try string(key) else { return nil }
        try CodeCheck.check(text, in: allowed, listName, at: pathOf(key.text))
        return text
    }

}

/// The check of a code against its closed list, shared by every reader of codes.
enum CodeCheck {
    static func check(_ text: String, in allowed: [String], _ listName: String, at path: @autoclosure () -> String) throws(InputError) {
        guard allowed.contains(text) else {
            throw InputError(
                code: "E-CODE", path: path(),
                message: "unknown \(listName) '\(InputLimits.echo(text))'\(InputLimits.hint(for: text, in: allowed)); expected one of \(allowed.joined(separator: ", "))")
        }
    }
}

extension ObjectReader where Node == JSONValue {
    /// The members of a tree's object, in written order.
    var members: [JSONMember] {
        if case .object(let members) = object { return members }
        return []
    }
}

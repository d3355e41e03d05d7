/// Reads one JSON object field by field, with the JSON path of each for error messages, and
/// rejects fields it was not told about (typos never pass silently).
///
/// Strings and lists are checked against ``InputLimits`` as they are read, so every reader built
/// on this one refuses oversized input with `E-LIMIT` and the path.
struct ObjectReader {
    let members: [JSONMember]
    let path: String
    /// Member positions by key, only for objects too large to scan: real objects have a dozen
    /// members at most, and `allowOnly` usually runs first and stops at the first unknown one,
    /// but a lookup must not cost a scan of an object the input made huge.
    private let positions: [String: Int]?
    /// Objects up to this many members are searched by scanning.
    static let scannedMembers = 16

    init(_ value: JSONValue, path: String) throws(InputError) {
        guard case .object(let members) = value else {
            throw InputError(code: "E-TYPE", path: path, message: "expected an object, found \(value.typeName)")
        }
        self.members = members
        self.path = path
        if members.count > ObjectReader.scannedMembers {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(members.count)
            // The first member of a name wins, as the scan would find it (a tree built in code may repeat one).
            for (i, member) in members.enumerated() where positions[member.key] == nil { positions[member.key] = i }
            self.positions = positions
        } else {
            self.positions = nil
        }
    }

    /// The path of member `key`; a key from the input is cut as a message would quote it.
    func pathOf(_ key: String) -> String { "\(path).\(InputLimits.echo(key))" }

    /// Throws `E-FIELD` for the first member not in `allowed`, with a did-you-mean hint.
    ///
    /// - Complexity: O(members × allowed), and it stops at the first unknown member; `allowed`
    ///   is a fixed list of field names, so this is linear in the object.
    func allowOnly(_ allowed: [String]) throws(InputError) {
        for member in members where !allowed.contains(member.key) {
            throw InputError(
                code: "E-FIELD", path: pathOf(member.key),
                message: "unknown field '\(InputLimits.echo(member.key))'\(InputLimits.hint(for: member.key, in: allowed)); expected one of \(allowed.joined(separator: ", "))")
        }
    }

    /// The member's value; `null` counts as absent.
    func value(_ key: String) -> JSONValue? {
        let found: JSONValue?
        if let positions {
            found = positions[key].map { members[$0].value }
        } else {
            found = members.first(where: { $0.key == key })?.value
        }
        guard let value = found, value != .null else { return nil }
        return value
    }

    func missing(_ key: String, _ what: String) -> InputError {
        InputError(code: "E-MISSING", path: pathOf(key), message: "required field '\(key)' is missing; expected \(what)")
    }

    func wrongType(_ key: String, _ what: String, _ found: JSONValue) -> InputError {
        InputError(code: "E-TYPE", path: pathOf(key), message: "expected \(what), found \(found.typeName)")
    }

    /// A string of at most `maximum` bytes (``InputLimits/stringBytes`` unless prose allows more).
    func string(_ key: String, atMost maximum: Int = InputLimits.stringBytes) throws(InputError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw wrongType(key, "a string", value) }
        try InputLimits.checkString(text, atMost: maximum, at: pathOf(key))
        return text
    }

    func requiredString(_ key: String) throws(InputError) -> String {
        guard let text = try string(key) else { throw missing(key, "a string") }
        guard !text.trimmingSpaces.isEmpty else {
            throw InputError(code: "E-VALUE", path: pathOf(key), message: "'\(key)' is empty; expected a non-empty string")
        }
        return text
    }

    func date(_ key: String) throws(InputError) -> CalendarDate? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw wrongType(key, "a date string YYYY-MM-DD", value) }
        guard let date = CalendarDate(parsing: text) else {
            throw InputError(code: "E-DATE", path: pathOf(key), message: "'\(InputLimits.echo(text))' is not a calendar date; expected YYYY-MM-DD naming a day that exists")
        }
        return date
    }

    func requiredDate(_ key: String) throws(InputError) -> CalendarDate {
        guard let date = try date(key) else { throw missing(key, "a date YYYY-MM-DD") }
        return date
    }

    func integer(_ key: String) throws(InputError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .integer(let number) = value else { throw wrongType(key, "a whole number", value) }
        return number
    }

    func bool(_ key: String) throws(InputError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw wrongType(key, "true or false", value) }
        return flag
    }

    /// An array of at most `limit.maximum` elements, checked before any element is read.
    func array(_ key: String, limit: InputLimits.ListLimit = InputLimits.listElements) throws(InputError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value else { throw wrongType(key, "an array", value) }
        try limit.check(elements.count, at: pathOf(key))
        return elements
    }

    func strings(_ key: String) throws(InputError) -> [String]? {
        guard let elements = try array(key) else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                throw InputError(code: "E-TYPE", path: "\(pathOf(key))[\(i)]", message: "expected a string, found \(element.typeName)")
            }
            try InputLimits.checkString(text, at: "\(pathOf(key))[\(i)]")
            texts.append(text)
        }
        return texts
    }

    /// A code from a closed list; `E-CODE` names the list when it is not on it.
    func code(_ key: String, in allowed: [String], _ listName: String) throws(InputError) -> String? {
        guard let text = try string(key) else { return nil }
        try ObjectReader.check(text, in: allowed, listName, at: pathOf(key))
        return text
    }

    static func check(_ text: String, in allowed: [String], _ listName: String, at path: String) throws(InputError) {
        guard allowed.contains(text) else {
            throw InputError(
                code: "E-CODE", path: path,
                message: "unknown \(listName) '\(InputLimits.echo(text))'\(InputLimits.hint(for: text, in: allowed)); expected one of \(allowed.joined(separator: ", "))")
        }
    }
}

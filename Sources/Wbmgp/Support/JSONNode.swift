/// One JSON value as the document readers (``ObjectReader``) see it: a value of a tree
/// (``JSONValue``) or an entry of a tape (``JSONTapeNode``). The readers are written once over
/// this, so a document read from its bytes and one read from a tree give the same result and
/// the same errors.
protocol JSONNode {
    /// An array's elements in order.
    associatedtype Elements: Collection where Elements.Element == Self
    /// The name of the value's JSON type, for messages ("expected a string, found an array").
    var typeName: String { get }
    var isNull: Bool { get }
    var stringValue: String? { get }
    var integerValue: Int? { get }
    var boolValue: Bool? { get }
    /// A string value that is a date `YYYY-MM-DD`: `.some(nil)` for a string that is not one,
    /// nil for a value that is not a string.
    var dateValue: CalendarDate?? { get }
    /// An array's elements, nil for any other value.
    var elements: Elements? { get }
    /// An array's length, nil for any other value.
    var elementCount: Int? { get }
    /// An object's number of members, nil for any other value.
    var memberCount: Int? { get }
    /// The value of the first member named `key` (`null` included), or nil.
    func member(_ key: String) -> Self?
    /// The name of the first member, in written order, whose name is not in `names`.
    func firstMemberName(notIn names: [String]) -> String?
    /// The member names in written order (for objects too large to search by scanning).
    var memberNames: [String] { get }
    /// The value of the member at `position` in written order.
    func member(at position: Int) -> Self
    /// Finds each member's name among `fields`: `slots[k]` becomes the handle of the first member
    /// named `fields.names[k]`. The result is the name of the first member, in written order,
    /// that is not among them (the members after it are not looked at), or nil.
    func match(_ fields: FieldNames, into slots: inout FieldNames.Slots) -> String?
    /// The value of the member that ``match(_:into:)`` gave `handle`.
    func member(handle: Int32) -> Self
    /// For a string equal to one of `codes` (as `String`s compare), its position there; nil for
    /// any other string or value. A code is found without a `String` being made for it.
    func stringPosition(in codes: FieldNames) -> Int?
}

extension JSONValue: JSONNode {
    var isNull: Bool { self == .null }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var integerValue: Int? {
        if case .integer(let number) = self { return number }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    var dateValue: CalendarDate?? {
        guard case .string(let text) = self else { return nil }
        return .some(CalendarDate(parsing: text))
    }

    var elements: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    var elementCount: Int? { elements?.count }

    var memberCount: Int? {
        if case .object(let members) = self { return members.count }
        return nil
    }

    func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    func firstMemberName(notIn names: [String]) -> String? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { !names.contains($0.key) })?.key
    }

    var memberNames: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.key)
    }

    func member(at position: Int) -> JSONValue {
        guard case .object(let members) = self, members.indices.contains(position) else { return .null }
        return members[position].value
    }

    func match(_ fields: FieldNames, into slots: inout FieldNames.Slots) -> String? {
        guard case .object(let members) = self else { return nil }
        for (i, member) in members.enumerated() {
            guard let k = fields.names.firstIndex(of: member.key) else { return member.key }
            if slots[k] < 0 { slots[k] = Int32(i) }
        }
        return nil
    }

    func member(handle: Int32) -> JSONValue { member(at: Int(handle)) }

    func stringPosition(in codes: FieldNames) -> Int? {
        guard case .string(let text) = self else { return nil }
        return codes.names.firstIndex(of: text)
    }
}

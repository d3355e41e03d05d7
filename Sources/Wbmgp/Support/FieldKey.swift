/// A member name a reader can ask ``ObjectReader`` for: a `String`, or a ``FieldKey``, whose slot
/// among its object's ``FieldNames`` was found once, so a reader of such objects finds the member
/// by index.
protocol MemberName {
    /// The name as a message writes it.
    var text: String { get }
    /// The name's position in `fields`, or nil when it is not one of them.
    func position(in fields: FieldNames) -> Int?
}

extension String: MemberName {
    var text: String { self }

    func position(in fields: FieldNames) -> Int? {
        var name = self
        return name.withUTF8 { fields.position(of: $0) }
    }
}

/// A member name of one set of ``FieldNames``, with its slot there (``FieldNames/key(_:)``).
/// Plain values only (no reference counted parts), as the readers pass one for every field.
struct FieldKey: MemberName, Sendable {
    private let name: StaticString
    /// The set whose slot ``slot`` is; unowned, as the sets live as long as the program.
    nonisolated(unsafe) unowned(unsafe) let names: FieldNames
    let slot: Int

    init(_ name: StaticString, slot: Int, in names: FieldNames) {
        self.name = name
        self.names = names
        self.slot = slot
    }

    var text: String { name.description }

    @inline(__always)
    func position(in fields: FieldNames) -> Int? {
        if fields === names { return slot }
        return name.withUTF8Buffer { fields.position(of: $0) }
    }
}

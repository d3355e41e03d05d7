/// A member name a reader can ask ``ObjectReader`` for: a `String`, or a ``FieldKey``, whose slot
/// among its object's ``FieldNames`` was found once, so a reader of such objects finds the member
/// by index.
protocol MemberName {
    /// The name as a message writes it.
    var text: String { get }
    /// The name's position in `fields`, or nil when it is not one of them.
    func position(in fields: FieldNames) -> Int?
    /// The slot found once for the set of names identified by `names`, or nil when the name was
    /// not found in that set beforehand (then ``position(in:)`` finds it).
    func knownSlot(in names: ObjectIdentifier) -> Int?
}

extension String: MemberName {
    var text: String { self }

    func knownSlot(in names: ObjectIdentifier) -> Int? { nil }

    func position(in fields: FieldNames) -> Int? {
        var name = self
        return name.withUTF8 { fields.position(of: $0) }
    }
}

/// A member name of one set of ``FieldNames``, with its slot there (``FieldNames/key(_:)``).
/// Plain values only (no reference counted parts), as the readers pass one for every field.
struct FieldKey: MemberName, Sendable {
    private let name: StaticString
    /// The set whose slot ``slot`` is, by identity only: a reference, even `unowned(unsafe)`,
    /// was retained and released at every comparison (several times per object read).
    let names: ObjectIdentifier
    let slot: Int

    init(_ name: StaticString, slot: Int, in names: FieldNames) {
        self.name = name
        self.names = ObjectIdentifier(names)
        self.slot = slot
    }

    var text: String { name.description }

    @inline(__always)
    func knownSlot(in names: ObjectIdentifier) -> Int? { names == self.names ? slot : nil }

    @inline(__always)
    func position(in fields: FieldNames) -> Int? {
        knownSlot(in: ObjectIdentifier(fields)) ?? name.withUTF8Buffer { fields.position(of: $0) }
    }
}

/// The name of a member a reader asks for: a literal (`"birthDate"`), whose bytes are at hand
/// without a `String` being looked into; a name made at run time; or a name whose slot among a
/// set of ``FieldNames`` was found once (``FieldNames/key(_:)``), so that a reader of objects of
/// that set finds the member by index.
struct FieldKey: ExpressibleByStringLiteral, CustomStringConvertible, Sendable {
    private let literal: StaticString
    private let name: String?
    /// The set whose slot ``slot`` is; unowned, as the sets live as long as the program.
    nonisolated(unsafe) unowned(unsafe) let names: FieldNames?
    /// The name's position in ``names``; -1 when not looked up.
    let slot: Int

    init(stringLiteral literal: StaticString) {
        self.literal = literal
        name = nil
        names = nil
        slot = -1
    }

    init(_ name: String) {
        literal = ""
        self.name = name
        names = nil
        slot = -1
    }

    init(_ literal: StaticString, slot: Int, in names: FieldNames) {
        self.literal = literal
        name = nil
        self.names = names
        self.slot = slot
    }

    var description: String { name ?? literal.description }

    /// Calls `body` with the name's UTF-8 bytes.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if name == nil, literal.hasPointerRepresentation {
            return body(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }
        var text = description
        return text.withUTF8(body)
    }
}

/// The shape of the JSON objects the readers accept and the writers produce, declared once: the
/// readers take their lists of allowed members from here (so a message's "expected one of …"
/// and the schema list the same names), and ``JSONSchemaDocument`` turns the shapes, with the
/// codes of the compiled rules, into the JSON Schemas of `GET /v1/schemas/…`.
public struct ObjectShape: Sendable {
    /// The name under `$defs` in a schema ("Person", "Dwelling").
    public var title: String
    public var members: [MemberShape]
    /// Members other than the listed ones: nil refuses them (`E-FIELD`); a shape takes any name.
    public var otherMembers: ValueShape? = nil
    /// Members required unless another member holds a value (`hearingOffered` unless the
    /// woonverklaring is positive): the reader's check, said in the schema too.
    public var requiredUnless: [(member: String, other: String, value: String)] = []

    /// The names in the order messages list them.
    public var names: [String] { members.map(\.name) }
}

/// One member of an object.
public struct MemberShape: Sendable {
    public var name: String
    public var value: ValueShape
    /// Required members are never absent; the others may be absent or `null` (absent is unknown).
    public var required: Bool
    /// What the member holds, for the schema's `description`.
    public var about: String

    public static func required(_ name: String, _ value: ValueShape, _ about: String) -> MemberShape {
        MemberShape(name: name, value: value, required: true, about: about)
    }

    public static func optional(_ name: String, _ value: ValueShape, _ about: String) -> MemberShape {
        MemberShape(name: name, value: value, required: false, about: about)
    }
}

/// What a member's value may be.
public indirect enum ValueShape: Sendable {
    case string
    /// A dwelling's postcode: four digits and two letters, or the four digits alone; spaces and
    /// case ignored; blank is absent.
    case postcode
    /// `YYYY-MM-DD`, a day that exists.
    case date
    case integer(minimum: Int?, maximum: Int?)
    case boolean
    /// One code of a list.
    case code(CodeList)
    /// An array; `nonEmpty` when `[]` is refused.
    case array(ValueShape, nonEmpty: Bool)
    case object(ObjectShape)
    /// Either of two shapes (a house number as `49` or `"49B"`).
    case either(ValueShape, ValueShape)
    /// A designation's `measures`: each measure type the rules declare, with its by-law fields.
    case measures
    /// A designation inside a request: read for its structure only, its measures' codes as plain
    /// strings (the request's requirements judge them, interface §7).
    case lenient(ValueShape)
    /// Any JSON value (a reason's `facts`, a record's `input` as the application shape covers it).
    case any
}

/// Where a code list comes from: the reader's own list, or a vocabulary of the compiled rules
/// (`codes income …`), so no statutory list is repeated here.
public enum CodeList: Sendable {
    case fixed([String])
    case vocabulary(String)
}

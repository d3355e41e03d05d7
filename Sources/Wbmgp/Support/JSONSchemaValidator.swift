
/// Validates JSON values against a JSON Schema (2020-12), the subset wbmgp's own schemas use.
///
/// The schema is compiled once, in ``init(schema:)``: every keyword is either understood there or
/// refused with a ``SchemaError``, so a schema never silently ignores a keyword it was written with
/// (a misspelt `requried` would otherwise let every document through). ``validate(_:)`` then
/// collects every violation rather than stopping at the first.
///
/// Supported: `type`, `enum`, `const`; `properties`, `required`, `additionalProperties`,
/// `minProperties`; `items`, `minItems`, `maxItems`, `uniqueItems`; `minLength`, `maxLength`,
/// `pattern`, `format` (`date` is checked, other formats are annotations, as 2020-12 has it);
/// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`; `allOf`, `anyOf`, `oneOf`, `not`,
/// `if`/`then`/`else`; `$defs` at the root with `$ref`s of the form `#/$defs/Name`; and the
/// boolean schemas. The annotations `$schema`, `$id` (at the root), `title`, `description`,
/// `examples`, `default`, `$comment`, `deprecated`, `readOnly` and `writeOnly` are skipped.
///
/// ```swift
/// let validator = try JSONSchemaValidator(schema: schema)
/// let violations = validator.validate(document)   // "$.household[0].birthDate: missing required member 'birthDate'"
/// ```
public struct JSONSchemaValidator: Sendable {
    /// One way an instance fails its schema: where in the instance, which keyword, and what was wrong.
    public struct Violation: Hashable, Sendable, CustomStringConvertible {
        /// The JSON path of the value in the instance, written as the engine writes its input
        /// errors: `$`, `$.household[0].birthDate`, or `$["a-b"]` for a member name that is not an
        /// identifier. A missing required member is reported at the path it would have.
        public var path: String
        /// The JSON pointer of the keyword that failed, as a URI fragment
        /// (`#/properties/household/items/required`). Through a `$ref` it is the keyword's place
        /// under `$defs`, where a reader of the schema finds it.
        public var schemaPath: String
        /// What was expected and what was found, in plain English.
        public var message: String

        public init(path: String, schemaPath: String, message: String) {
            self.path = path
            self.schemaPath = schemaPath
            self.message = message
        }

        /// `path: message`, as the engine writes its input errors.
        public var description: String { "\(path): \(message)" }
    }

    /// A schema this validator cannot apply faithfully: an unsupported keyword, a keyword with a
    /// malformed value, a `pattern` that does not compile, or a `$ref` it cannot resolve.
    public struct SchemaError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The JSON pointer of the offending place in the schema, as a URI fragment (`#/properties/a/pattern`).
        public var schemaPath: String
        /// What is wrong, in plain English.
        public var message: String

        public init(schemaPath: String, message: String) {
            self.schemaPath = schemaPath
            self.message = message
        }

        /// `schemaPath: message`.
        public var description: String { "\(schemaPath): \(message)" }
    }

    let root: Node
    /// The root's `$defs`, compiled, by name: the targets of `$ref`.
    let definitions: [String: Node]

    /// Compiles `schema`, checking that it uses only keywords this validator supports.
    ///
    /// - Parameter schema: a JSON Schema: `true`, `false`, or an object of keywords.
    /// - Throws: ``SchemaError`` for an unsupported keyword, a keyword whose value is malformed, a
    ///   `pattern` that does not compile, a `$ref` that is not `#/$defs/Name` or names no
    ///   definition, or a cycle of `$ref`s that returns to a definition without descending into
    ///   the instance (validating with it would never end). Nothing is thrown about instances:
    ///   they are judged by ``validate(_:)``.
    public init(schema: JSONValue) throws(SchemaError) {
        let compiler = Compiler(definitionNames: try Compiler.namesOfDefinitions(in: schema))
        root = try compiler.node(schema, at: "#", isRoot: true)
        definitions = try compiler.definitions(in: schema)
        try ReferenceCycles.check(definitions, names: compiler.definitionNames)
    }

    /// Every way `instance` fails the schema.
    ///
    /// - Parameter instance: the JSON value to check.
    /// - Returns: the violations in the instance's document order: a value's own before those of
    ///   its members and elements, members and elements in their written order, and at one value
    ///   in the order of the schema's keywords. Empty when the instance is valid. The same
    ///   instance always gives the same list.
    /// - Complexity: O(size of the instance × size of the schema) for schemas without `anyOf`,
    ///   `oneOf`, `not` or `if`; each of those tries its subschemas on the value in full.
    public func validate(_ instance: JSONValue) -> [Violation] {
        var evaluation = Evaluation(definitions: definitions)
        evaluation.apply(root, to: instance, at: InstanceLocation())
        return evaluation.violationsInDocumentOrder()
    }
}

// MARK: - The compiled schema

extension JSONSchemaValidator {
    /// A schema compiled for checking, with its place in the schema document.
    struct Node: Sendable {
        /// The JSON pointer of this schema, as a URI fragment (`#/properties/a`).
        var location: String
        var rule: Rule
    }

    enum Rule: Sendable {
        /// `true`: every value passes.
        case acceptsAll
        /// `false`: no value passes.
        case rejectsAll
        /// An object's keywords, in their written order (`{}` has none and accepts all).
        case keywords([Keyword])
    }

    struct Keyword: Sendable {
        /// The JSON pointer of the keyword, as a URI fragment (`#/properties/a/minLength`).
        var location: String
        var check: Check
    }

    /// What one keyword requires of a value; each applies only to values of the type it is about
    /// (`minLength` passes a number), as JSON Schema has it.
    enum Check: Sendable {
        case type([SchemaType])
        /// `enum`, its values in canonical form (see ``canonical(_:)``).
        case enumeration([JSONValue])
        /// `const`, in canonical form.
        case constant(JSONValue)
        case properties([String: Node])
        case required([String])
        /// `additionalProperties`: the schema for the members the sibling `properties` does not name.
        case additionalProperties(Node, declared: Set<String>)
        case count(CountLimit, Int)
        case items(Node)
        case uniqueItems
        case pattern(CompiledPattern)
        /// `format: "date"`.
        case date
        /// `minimum` and its kin, with the limit (an integer or a number).
        case bound(Bound, JSONValue)
        case allOf([Node])
        case anyOf([Node])
        case oneOf([Node])
        case not(Node)
        case conditional(condition: Node, then: Node?, otherwise: Node?)
        /// `$ref`, by the name of its definition in the root's `$defs`.
        case reference(String)
    }

    /// The names `type` takes.
    enum SchemaType: String, Sendable, CaseIterable {
        case null, boolean, integer, number, string, array, object

        var phrase: String {
            switch self {
            case .null: return "null"
            case .boolean: return "a boolean"
            case .integer: return "an integer"
            case .number: return "a number"
            case .string: return "a string"
            case .array: return "an array"
            case .object: return "an object"
            }
        }

        func admits(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (.null, .null), (.boolean, .bool), (.string, .string), (.array, .array), (.object, .object): return true
            case (.integer, .integer), (.number, .integer), (.number, .number): return true
            // 2020-12 counts a number with a zero fraction (1.0) as an integer.
            case (.integer, .number(let number)): return JSONSchemaValidator.isIntegral(number)
            default: return false
            }
        }
    }

    /// The keywords that limit how many members, elements or characters a value has.
    enum CountLimit: String, Sendable {
        case minProperties, minItems, maxItems, minLength, maxLength

        var isMinimum: Bool { self == .minProperties || self == .minItems || self == .minLength }

        /// The count this keyword limits, or nil for a value of another type.
        func count(of value: JSONValue) -> Int? {
            switch (self, value) {
            case (.minProperties, .object(let members)): return members.count
            case (.minItems, .array(let elements)), (.maxItems, .array(let elements)): return elements.count
            // JSON Schema counts a string's length in code points, not in grapheme clusters or bytes.
            case (.minLength, .string(let text)), (.maxLength, .string(let text)): return text.unicodeScalars.count
            default: return nil
            }
        }

        /// "1 item", "3 characters".
        func amount(_ count: Int) -> String {
            let noun: String
            switch self {
            case .minProperties: noun = count == 1 ? "member" : "members"
            case .minItems, .maxItems: noun = count == 1 ? "item" : "items"
            case .minLength, .maxLength: noun = count == 1 ? "character" : "characters"
            }
            return "\(count) \(noun)"
        }
    }

    /// The keywords that bound a number.
    enum Bound: String, Sendable {
        case minimum, maximum, exclusiveMinimum, exclusiveMaximum

        /// Whether a value that compares to the limit as `order` (negative, zero, positive) is within the bound.
        func admits(_ order: Int) -> Bool {
            switch self {
            case .minimum: return order >= 0
            case .maximum: return order <= 0
            case .exclusiveMinimum: return order > 0
            case .exclusiveMaximum: return order < 0
            }
        }

        var phrase: String {
            switch self {
            case .minimum: return "at least"
            case .maximum: return "at most"
            case .exclusiveMinimum: return "greater than"
            case .exclusiveMaximum: return "less than"
            }
        }
    }

    /// A `pattern`, compiled once, as the standard library's `Regex` reads it (its syntax is
    /// the Perl and ICU family's, which ECMA-262's patterns as JSON Schema uses them belong to),
    /// matched over Unicode scalars as ECMA-262 does, not over grapheme clusters.
    ///
    /// `@unchecked Sendable` because `Regex<AnyRegexOutput>` is not marked Sendable, though it is
    /// immutable once made and matching shares no state between callers; this class adds none.
    final class CompiledPattern: @unchecked Sendable {
        /// The pattern as the schema writes it, for messages.
        let source: String
        private let expression: Regex<AnyRegexOutput>

        /// The pattern compiled, or nil when it is not a regular expression.
        init?(_ source: String) {
            guard let expression = try? Regex(source) else { return nil }
            self.source = source
            self.expression = expression.matchingSemantics(.unicodeScalar)
        }

        /// Whether the pattern matches anywhere in `text`: as in ECMA-262, a pattern is not
        /// anchored unless it says `^` or `$`. (The standard library's `Regex` differs from
        /// ECMA-262 in corners such as `\d` matching non-ASCII digits.)
        func matches(_ text: String) -> Bool {
            text.contains(expression)
        }
    }
}

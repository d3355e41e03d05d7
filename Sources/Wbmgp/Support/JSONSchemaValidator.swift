import Foundation

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

    private let root: Node
    /// The root's `$defs`, compiled, by name: the targets of `$ref`.
    private let definitions: [String: Node]

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
    fileprivate struct Node: Sendable {
        /// The JSON pointer of this schema, as a URI fragment (`#/properties/a`).
        var location: String
        var rule: Rule
    }

    fileprivate enum Rule: Sendable {
        /// `true`: every value passes.
        case acceptsAll
        /// `false`: no value passes.
        case rejectsAll
        /// An object's keywords, in their written order (`{}` has none and accepts all).
        case keywords([Keyword])
    }

    fileprivate struct Keyword: Sendable {
        /// The JSON pointer of the keyword, as a URI fragment (`#/properties/a/minLength`).
        var location: String
        var check: Check
    }

    /// What one keyword requires of a value; each applies only to values of the type it is about
    /// (`minLength` passes a number), as JSON Schema has it.
    fileprivate enum Check: Sendable {
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
    fileprivate enum SchemaType: String, Sendable, CaseIterable {
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
    fileprivate enum CountLimit: String, Sendable {
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
    fileprivate enum Bound: String, Sendable {
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

    /// A `pattern`, compiled once.
    ///
    /// `@unchecked Sendable` because corelibs Foundation does not mark `NSRegularExpression`
    /// Sendable, though it is immutable once made and documented as safe to match with from
    /// several threads at once; this class adds no state of its own.
    fileprivate final class CompiledPattern: @unchecked Sendable {
        /// The pattern as the schema writes it, for messages.
        let source: String
        private let expression: NSRegularExpression

        /// The pattern compiled, or nil when it is not a regular expression.
        init?(_ source: String) {
            guard let expression = try? NSRegularExpression(pattern: source) else { return nil }
            self.source = source
            self.expression = expression
        }

        /// Whether the pattern matches anywhere in `text`: as in ECMA-262, a pattern is not
        /// anchored unless it says `^` or `$`. (ICU, under NSRegularExpression, differs from
        /// ECMA-262 in corners such as `\d` matching non-ASCII digits.)
        func matches(_ text: String) -> Bool {
            expression.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
    }
}

// MARK: - Compiling

extension JSONSchemaValidator {
    /// Turns schema JSON into ``Node``s, refusing any keyword it cannot check.
    fileprivate struct Compiler {
        /// The names in the root's `$defs`, read before anything is compiled, so that a `$ref`
        /// may name a definition written after it.
        let definitionNames: [String]

        /// Keywords that only annotate: they change no verdict and are skipped.
        static let annotations: Set<String> = [
            "$schema", "title", "description", "examples", "default", "$comment", "deprecated", "readOnly", "writeOnly",
        ]

        /// Every keyword this validator knows, for did-you-mean hints on an unsupported one.
        static let knownKeywords: [String] = [
            "type", "enum", "const", "properties", "required", "additionalProperties", "minProperties", "items",
            "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref",
            "$defs", "$id",
        ] + annotations.sorted()

        static func namesOfDefinitions(in schema: JSONValue) throws(SchemaError) -> [String] {
            guard let definitions = schema["$defs"] else { return [] }
            guard case .object(let entries) = definitions else {
                throw SchemaError(schemaPath: "#/$defs", message: "'$defs' takes an object of schemas, found \(definitions.typeName)")
            }
            return entries.map(\.key)
        }

        func definitions(in schema: JSONValue) throws(SchemaError) -> [String: Node] {
            guard case .object(let entries) = schema["$defs"] ?? .null else { return [:] }
            var definitions: [String: Node] = [:]
            for entry in entries {
                definitions[entry.key] = try node(entry.value, at: "#/$defs/" + Compiler.pointerEscaped(entry.key))
            }
            return definitions
        }

        func node(_ schema: JSONValue, at location: String, isRoot: Bool = false) throws(SchemaError) -> Node {
            switch schema {
            case .bool(let acceptsAll):
                return Node(location: location, rule: acceptsAll ? .acceptsAll : .rejectsAll)
            case .object(let members):
                var keywords: [Keyword] = []
                for member in members {
                    let keywordLocation = location + "/" + Compiler.pointerEscaped(member.key)
                    if let check = try check(member, of: schema, at: keywordLocation, parent: location, isRoot: isRoot) {
                        keywords.append(Keyword(location: keywordLocation, check: check))
                    }
                }
                return Node(location: location, rule: .keywords(keywords))
            default:
                throw SchemaError(schemaPath: location, message: "expected a schema (an object or a boolean), found \(schema.typeName)")
            }
        }

        /// The check for one keyword of `schema`; nil for an annotation, and for `then` and
        /// `else`, which the check of `if` reads.
        private func check(_ member: JSONMember, of schema: JSONValue, at location: String, parent: String, isRoot: Bool) throws(SchemaError) -> Check? {
            let key = member.key
            let value = member.value
            if let limit = CountLimit(rawValue: key) { return .count(limit, try count(value, of: key, at: location)) }
            if let bound = Bound(rawValue: key) { return .bound(bound, try number(value, of: key, at: location)) }
            if Compiler.annotations.contains(key) { return nil }
            switch key {
            case "type": return .type(try types(value, at: location))
            case "enum": return .enumeration(try enumeration(value, at: location))
            case "const": return .constant(JSONSchemaValidator.canonical(value))
            case "properties": return .properties(try properties(value, at: location))
            case "required": return .required(try names(value, at: location))
            case "additionalProperties":
                var declared = Set<String>()
                if case .object(let entries) = schema["properties"] ?? .null { declared = Set(entries.map(\.key)) }
                return .additionalProperties(try node(value, at: location), declared: declared)
            case "items":
                if case .array = value {
                    throw SchemaError(schemaPath: location, message: "'items' takes one schema for every element; a list of schemas is 'prefixItems' in 2020-12, which is not supported")
                }
                return .items(try node(value, at: location))
            case "uniqueItems":
                guard case .bool(let isUnique) = value else { throw malformed(key, "a boolean", value, at: location) }
                return isUnique ? .uniqueItems : nil
            case "pattern":
                guard case .string(let source) = value else { throw malformed(key, "a regular expression", value, at: location) }
                guard let pattern = CompiledPattern(source) else {
                    throw SchemaError(schemaPath: location, message: "'pattern' '\(source)' is not a regular expression that compiles")
                }
                return .pattern(pattern)
            case "format":
                guard case .string(let format) = value else { throw malformed(key, "a format name", value, at: location) }
                // Only "date" is asserted; 2020-12 makes every format an annotation by default.
                return format == "date" ? .date : nil
            case "allOf": return .allOf(try alternatives(value, of: key, at: location))
            case "anyOf": return .anyOf(try alternatives(value, of: key, at: location))
            case "oneOf": return .oneOf(try alternatives(value, of: key, at: location))
            case "not": return .not(try node(value, at: location))
            case "if":
                let then = try optionalNode(schema["then"], at: parent + "/then")
                let otherwise = try optionalNode(schema["else"], at: parent + "/else")
                return .conditional(condition: try node(value, at: location), then: then, otherwise: otherwise)
            case "then", "else":
                if schema["if"] == nil { throw SchemaError(schemaPath: location, message: "'\(key)' has no effect without 'if'") }
                return nil
            case "$ref": return .reference(try reference(value, at: location))
            case "$defs":
                // The root's definitions are compiled by `definitions(in:)`; deeper ones no `#/$defs/Name` reaches.
                if isRoot { return nil }
                throw SchemaError(schemaPath: location, message: "'$defs' is supported only at the schema's root, where '#/$defs/Name' finds it")
            case "$id":
                // A nested $id would change what '#/$defs/Name' below it refers to.
                if isRoot { return nil }
                throw SchemaError(schemaPath: location, message: "'$id' is supported only at the schema's root")
            default:
                throw SchemaError(schemaPath: location, message: "unsupported keyword '\(key)'" + Suggestions.hint(for: key, in: Compiler.knownKeywords))
            }
        }

        private func malformed(_ keyword: String, _ expected: String, _ value: JSONValue, at location: String) -> SchemaError {
            SchemaError(schemaPath: location, message: "'\(keyword)' takes \(expected), found \(JSONSchemaValidator.describe(value))")
        }

        private func optionalNode(_ schema: JSONValue?, at location: String) throws(SchemaError) -> Node? {
            guard let schema else { return nil }
            return try node(schema, at: location)
        }

        private func count(_ value: JSONValue, of keyword: String, at location: String) throws(SchemaError) -> Int {
            switch value {
            case .integer(let count) where count >= 0: return count
            case .number(let number) where number >= 0: if let count = Int(exactly: number) { return count }
            default: break
            }
            throw malformed(keyword, "a non-negative integer", value, at: location)
        }

        private func number(_ value: JSONValue, of keyword: String, at location: String) throws(SchemaError) -> JSONValue {
            switch value {
            case .integer, .number: return value
            default: throw malformed(keyword, "a number", value, at: location)
            }
        }

        private func types(_ value: JSONValue, at location: String) throws(SchemaError) -> [SchemaType] {
            let names: [JSONValue]
            switch value {
            case .string: names = [value]
            case .array(let list) where !list.isEmpty: names = list
            default: throw malformed("type", "a type name or a non-empty list of them", value, at: location)
            }
            var types: [SchemaType] = []
            for name in names {
                guard case .string(let text) = name, let type = SchemaType(rawValue: text) else {
                    let known = SchemaType.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                    throw SchemaError(schemaPath: location, message: "unknown type \(JSONSchemaValidator.describe(name)); the types are \(known)")
                }
                if types.contains(type) { throw SchemaError(schemaPath: location, message: "'type' lists '\(text)' twice") }
                types.append(type)
            }
            return types
        }

        private func enumeration(_ value: JSONValue, at location: String) throws(SchemaError) -> [JSONValue] {
            guard case .array(let values) = value, !values.isEmpty else { throw malformed("enum", "a non-empty list of values", value, at: location) }
            var canonicalValues: [JSONValue] = []
            for value in values { canonicalValues.append(JSONSchemaValidator.canonical(value)) }
            return canonicalValues
        }

        private func properties(_ value: JSONValue, at location: String) throws(SchemaError) -> [String: Node] {
            guard case .object(let entries) = value else { throw malformed("properties", "an object of schemas", value, at: location) }
            var properties: [String: Node] = [:]
            for entry in entries {
                properties[entry.key] = try node(entry.value, at: location + "/" + Compiler.pointerEscaped(entry.key))
            }
            return properties
        }

        private func names(_ value: JSONValue, at location: String) throws(SchemaError) -> [String] {
            guard case .array(let elements) = value else { throw malformed("required", "a list of member names", value, at: location) }
            var names: [String] = []
            for element in elements {
                guard case .string(let name) = element else { throw malformed("required", "a list of member names", value, at: location) }
                if names.contains(name) { throw SchemaError(schemaPath: location, message: "'required' lists '\(name)' twice") }
                names.append(name)
            }
            return names
        }

        private func alternatives(_ value: JSONValue, of keyword: String, at location: String) throws(SchemaError) -> [Node] {
            guard case .array(let schemas) = value, !schemas.isEmpty else {
                throw malformed(keyword, "a non-empty list of schemas", value, at: location)
            }
            var nodes: [Node] = []
            for (index, schema) in schemas.enumerated() { nodes.append(try node(schema, at: "\(location)/\(index)")) }
            return nodes
        }

        /// The definition a `$ref` names; only `#/$defs/Name` is supported (name escaped as in a JSON pointer).
        private func reference(_ value: JSONValue, at location: String) throws(SchemaError) -> String {
            guard case .string(let target) = value else { throw malformed("$ref", "a reference such as '#/$defs/Name'", value, at: location) }
            let prefix = Array("#/$defs/".utf8)
            let bytes = Array(target.utf8)
            guard bytes.count > prefix.count, bytes.starts(with: prefix), !bytes[prefix.count...].contains(UInt8(ascii: "/")) else {
                throw SchemaError(schemaPath: location, message: "only references of the form '#/$defs/Name' are supported, found '\(target)'")
            }
            let name = Compiler.pointerUnescaped(String(decoding: bytes[prefix.count...], as: UTF8.self))
            guard definitionNames.contains(name) else {
                throw SchemaError(
                    schemaPath: location,
                    message: "'$ref' '\(target)' names no definition in '$defs'" + Suggestions.hint(for: name, in: definitionNames))
            }
            return name
        }

        /// `key` as one step of a JSON pointer (RFC 6901): `~` as `~0`, `/` as `~1`.
        static func pointerEscaped(_ key: String) -> String {
            var escaped = ""
            for scalar in key.unicodeScalars {
                switch scalar {
                case "~": escaped += "~0"
                case "/": escaped += "~1"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped
        }

        /// One step of a JSON pointer as the key it names; `~1` first, so `~01` is `~1`.
        static func pointerUnescaped(_ step: String) -> String {
            step.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// The check that no `$ref` leads from a definition back to itself while staying at one value
    /// of the instance, which would make validation recurse without end. A cycle through
    /// `properties`, `additionalProperties` or `items` is fine: each turn descends into the
    /// instance, which is finite (a tree schema).
    fileprivate enum ReferenceCycles {
        static func check(_ definitions: [String: Node], names: [String]) throws(SchemaError) {
            var finished = Set<String>()
            for name in names { try visit(name, trail: [], definitions, &finished) }
        }

        private static func visit(_ name: String, trail: [String], _ definitions: [String: Node], _ finished: inout Set<String>) throws(SchemaError) {
            if finished.contains(name) { return }
            if let start = trail.firstIndex(of: name) {
                let cycle = (trail[start...] + [name]).map { "#/$defs/" + Compiler.pointerEscaped($0) }.joined(separator: " → ")
                throw SchemaError(
                    schemaPath: "#/$defs/" + Compiler.pointerEscaped(name),
                    message: "'$ref' cycle that never descends into the instance, so validating would not end: \(cycle)")
            }
            guard let node = definitions[name] else { return }
            for next in references(atSameValue: node) { try visit(next, trail: trail + [name], definitions, &finished) }
            finished.insert(name)
        }

        /// The definitions `node` applies to the same value it is applied to: through `$ref` and
        /// the combinators, not through the keywords that move to a member or element.
        private static func references(atSameValue node: Node) -> [String] {
            guard case .keywords(let keywords) = node.rule else { return [] }
            var names: [String] = []
            for keyword in keywords {
                switch keyword.check {
                case .reference(let name): names.append(name)
                case .allOf(let nodes), .anyOf(let nodes), .oneOf(let nodes):
                    for node in nodes { names += references(atSameValue: node) }
                case .not(let node): names += references(atSameValue: node)
                case .conditional(let condition, let then, let otherwise):
                    names += references(atSameValue: condition)
                    if let then { names += references(atSameValue: then) }
                    if let otherwise { names += references(atSameValue: otherwise) }
                default: break
                }
            }
            return names
        }
    }
}

// MARK: - Validating

extension JSONSchemaValidator {
    /// Where a value sits in the instance: its JSON path, and its position in document order.
    fileprivate struct InstanceLocation {
        private enum Step {
            case member(String, index: Int)
            /// A required member that is not there: it has a path but no place in the document.
            case absentMember(String)
            case element(Int)
        }

        private var steps: [Step] = []

        init() {}

        func member(_ key: String, index: Int) -> InstanceLocation { appending(.member(key, index: index)) }
        func absentMember(_ key: String) -> InstanceLocation { appending(.absentMember(key)) }
        func element(_ index: Int) -> InstanceLocation { appending(.element(index)) }

        private func appending(_ step: Step) -> InstanceLocation {
            var location = self
            location.steps.append(step)
            return location
        }

        /// The indices of the members and elements on the way here; sorting by it gives document order.
        var position: [Int] {
            var position: [Int] = []
            for step in steps {
                switch step {
                case .member(_, let index), .element(let index): position.append(index)
                case .absentMember: break
                }
            }
            return position
        }

        /// `$`, `$.a.b`, `$.a[2]`, `$["a-b"]`; a long member name is cut as messages cut input.
        var path: String {
            var path = "$"
            for step in steps {
                switch step {
                case .member(let key, _), .absentMember(let key):
                    let name = InputLimits.echo(key)
                    path += InstanceLocation.isIdentifier(name) ? "." + name : "[" + JSONWriter.compact(.string(name)) + "]"
                case .element(let index): path += "[\(index)]"
                }
            }
            return path
        }

        /// Whether `name` matches `[A-Za-z_][A-Za-z0-9_]*`, and so can follow a `.` in a path.
        static func isIdentifier(_ name: String) -> Bool {
            guard let first = name.utf8.first, first == UInt8(ascii: "_") || isLetter(first) else { return false }
            return name.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
    }

    /// One run of ``JSONSchemaValidator/validate(_:)``: the violations found so far, each with the
    /// position of its value, for sorting into document order at the end.
    fileprivate struct Evaluation {
        let definitions: [String: Node]
        private var found: [(position: [Int], violation: Violation)] = []

        init(definitions: [String: Node]) { self.definitions = definitions }

        /// The violations found, in the instance's document order (see ``JSONSchemaValidator/validate(_:)``).
        func violationsInDocumentOrder() -> [Violation] {
            // Keywords run in schema order, so `properties` may report a member before a later
            // keyword reports its parent; positions restore document order, and the order found
            // breaks ties, so the result never depends on the sort's stability.
            found.enumerated()
                .sorted { first, second in
                    if first.element.position == second.element.position { return first.offset < second.offset }
                    return first.element.position.lexicographicallyPrecedes(second.element.position)
                }
                .map { $0.element.violation }
        }

        private mutating func report(_ message: String, at location: InstanceLocation, keyword: String) {
            found.append((location.position, Violation(path: location.path, schemaPath: keyword, message: message)))
        }

        /// Whether `value` passes `node`, reporting nothing: for the combinators, which judge their
        /// subschemas as a whole.
        private func matches(_ node: Node, _ value: JSONValue, at location: InstanceLocation) -> Bool {
            var trial = Evaluation(definitions: definitions)
            trial.apply(node, to: value, at: location)
            return trial.found.isEmpty
        }

        mutating func apply(_ node: Node, to value: JSONValue, at location: InstanceLocation) {
            switch node.rule {
            case .acceptsAll: return
            case .rejectsAll: report("no value is allowed here (the schema is false), found \(value.typeName)", at: location, keyword: node.location)
            case .keywords(let keywords): for keyword in keywords { apply(keyword, to: value, at: location) }
            }
        }

        private mutating func apply(_ keyword: Keyword, to value: JSONValue, at location: InstanceLocation) {
            let here = keyword.location
            switch keyword.check {
            case .type(let types):
                if types.contains(where: { $0.admits(value) }) { return }
                report(JSONSchemaValidator.typeMismatch(value, expected: types), at: location, keyword: here)
            case .enumeration(let values):
                if values.contains(JSONSchemaValidator.canonical(value)) { return }
                let listed = values.map(JSONSchemaValidator.describe).joined(separator: ", ")
                report("expected one of \(listed), found \(JSONSchemaValidator.describe(value))", at: location, keyword: here)
            case .constant(let expected):
                if JSONSchemaValidator.canonical(value) == expected { return }
                report("expected \(JSONSchemaValidator.describe(expected)), found \(JSONSchemaValidator.describe(value))", at: location, keyword: here)
            case .count(let limit, let allowed):
                guard let count = limit.count(of: value), limit.isMinimum ? count < allowed : count > allowed else { return }
                report("expected \(limit.isMinimum ? "at least" : "at most") \(limit.amount(allowed)), found \(count)", at: location, keyword: here)
            case .bound(let bound, let limit):
                guard let order = JSONSchemaValidator.compareNumbers(value, limit), !bound.admits(order) else { return }
                report("expected a number \(bound.phrase) \(JSONSchemaValidator.describe(limit)), found \(JSONSchemaValidator.describe(value))", at: location, keyword: here)
            case .pattern(let pattern):
                guard case .string(let text) = value, !pattern.matches(text) else { return }
                report("expected a string matching the pattern '\(pattern.source)', found \(JSONSchemaValidator.describe(value))", at: location, keyword: here)
            case .date:
                guard case .string(let text) = value, !JSONSchemaValidator.isDate(text) else { return }
                report("expected a date YYYY-MM-DD that exists, found \(JSONSchemaValidator.describe(value))", at: location, keyword: here)
            case .properties, .required, .additionalProperties:
                applyObjectKeyword(keyword, to: value, at: location)
            case .items, .uniqueItems:
                applyArrayKeyword(keyword, to: value, at: location)
            case .allOf, .anyOf, .oneOf, .not, .conditional, .reference:
                applyCombinator(keyword, to: value, at: location)
            }
        }

        private mutating func applyObjectKeyword(_ keyword: Keyword, to value: JSONValue, at location: InstanceLocation) {
            guard case .object(let members) = value else { return }
            switch keyword.check {
            case .properties(let schemas):
                for (index, member) in members.enumerated() {
                    if let schema = schemas[member.key] { apply(schema, to: member.value, at: location.member(member.key, index: index)) }
                }
            case .required(let names):
                for name in names where !members.contains(where: { $0.key == name }) {
                    report("missing required member '\(InputLimits.echo(name))'", at: location.absentMember(name), keyword: keyword.location)
                }
            case .additionalProperties(let schema, let declared):
                for (index, member) in members.enumerated() where !declared.contains(member.key) {
                    let memberLocation = location.member(member.key, index: index)
                    if case .rejectsAll = schema.rule {
                        // Said as what it is: a member the schema does not know, not a value that fails a schema.
                        report("unexpected member '\(InputLimits.echo(member.key))'", at: memberLocation, keyword: schema.location)
                    } else {
                        apply(schema, to: member.value, at: memberLocation)
                    }
                }
            default: return
            }
        }

        private mutating func applyArrayKeyword(_ keyword: Keyword, to value: JSONValue, at location: InstanceLocation) {
            guard case .array(let elements) = value else { return }
            switch keyword.check {
            case .items(let schema):
                for (index, element) in elements.enumerated() { apply(schema, to: element, at: location.element(index)) }
            case .uniqueItems:
                var firstIndex: [JSONValue: Int] = [:]
                for (index, element) in elements.enumerated() {
                    let canonical = JSONSchemaValidator.canonical(element)
                    if let earlier = firstIndex[canonical] {
                        report("expected unique items, found item \(index) equal to item \(earlier)", at: location, keyword: keyword.location)
                    } else {
                        firstIndex[canonical] = index
                    }
                }
            default: return
            }
        }

        private mutating func applyCombinator(_ keyword: Keyword, to value: JSONValue, at location: InstanceLocation) {
            let here = keyword.location
            switch keyword.check {
            case .allOf(let schemas):
                for schema in schemas { apply(schema, to: value, at: location) }
            case .anyOf(let schemas):
                if schemas.contains(where: { matches($0, value, at: location) }) { return }
                report("expected a value matching at least one of the \(schemas.count) alternatives of 'anyOf', found one matching none", at: location, keyword: here)
            case .oneOf(let schemas):
                let matching = schemas.indices.filter { matches(schemas[$0], value, at: location) }
                if matching.count == 1 { return }
                let found = matching.isEmpty ? "none" : "alternatives " + JSONSchemaValidator.listed(matching.map { String($0) }, conjunction: "and")
                report("expected a value matching exactly one of the \(schemas.count) alternatives of 'oneOf', found one matching \(found)", at: location, keyword: here)
            case .not(let schema):
                if matches(schema, value, at: location) {
                    report("expected a value that does not match the schema under 'not', found one that does", at: location, keyword: here)
                }
            case .conditional(let condition, let then, let otherwise):
                if matches(condition, value, at: location) {
                    if let then { apply(then, to: value, at: location) }
                } else if let otherwise {
                    apply(otherwise, to: value, at: location)
                }
            case .reference(let name):
                // The compiler resolved every $ref, so a missing target is a bug; it is still a
                // violation rather than a trap.
                guard let target = definitions[name] else {
                    report("'$ref' names no definition '\(name)'", at: location, keyword: here)
                    return
                }
                apply(target, to: value, at: location)
            default: return
            }
        }
    }
}

// MARK: - JSON values in checks and messages

extension JSONSchemaValidator {
    /// `value` in the form JSON Schema compares by: a number with a zero fraction as an integer
    /// (`1.0` equals `1`), and object members sorted by name (member order does not count).
    fileprivate static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let number):
            if let integer = Int(exactly: number) { return .integer(integer) }
            return value
        case .array(let elements):
            return .array(elements.map(canonical))
        case .object(let members):
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return .object(sorted.map { JSONMember($0.key, canonical($0.value)) })
        case .null, .bool, .integer, .string:
            return value
        }
    }

    /// How two JSON numbers compare: negative, zero or positive; nil when either is not a number.
    /// Two integers compare exactly; otherwise as doubles.
    fileprivate static func compareNumbers(_ first: JSONValue, _ second: JSONValue) -> Int? {
        if case .integer(let a) = first, case .integer(let b) = second { return a < b ? -1 : (a == b ? 0 : 1) }
        guard let a = doubleValue(first), let b = doubleValue(second) else { return nil }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    private static func doubleValue(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let integer): return Double(integer)
        case .number(let number): return number
        default: return nil
        }
    }

    fileprivate static func isIntegral(_ number: Double) -> Bool {
        number.isFinite && number.rounded(.towardZero) == number
    }

    /// Whether `text` is `YYYY-MM-DD` naming a day of the proleptic Gregorian calendar (RFC 3339
    /// full-date). Year 0000 is allowed, as RFC 3339 allows it; it is a leap year.
    fileprivate static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var number = 0
            for index in range {
                // A byte minus "0" is below 10 exactly when it is a digit (anything else wraps around).
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                number = number * 10 + Int(digit)
            }
            return number
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month) else { return false }
        return day >= 1 && day <= CalendarDate.daysIn(month: month, year: year)
    }

    /// A value as a message shows it: scalars as JSON (strings quoted, long ones cut), and arrays
    /// and objects as JSON when short, else by their type.
    fileprivate static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text):
            return JSONWriter.compact(.string(InputLimits.echo(text)))
        case .array, .object:
            let text = JSONWriter.compact(value)
            return text.utf8.count <= 60 ? text : value.typeName
        case .null, .bool, .integer, .number:
            return JSONWriter.compact(value)
        }
    }

    /// "expected a string or null, found a number".
    fileprivate static func typeMismatch(_ value: JSONValue, expected types: [SchemaType]) -> String {
        let expected = listed(types.map(\.phrase), conjunction: "or")
        // A fraction where an integer is wanted is shown: "expected an integer, found a number"
        // would read as a contradiction.
        if case .number = value, types.contains(.integer) { return "expected \(expected), found \(describe(value))" }
        return "expected \(expected), found \(value.typeName)"
    }

    /// "a", "a or b", "a, b or c".
    fileprivate static func listed(_ items: [String], conjunction: String) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}

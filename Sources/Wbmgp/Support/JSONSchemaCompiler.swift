
/// Compiling a schema for ``JSONSchemaValidator``: every keyword checked once, references
/// resolved and cycles found before any instance is validated.
extension JSONSchemaValidator {
    /// Turns schema JSON into ``Node``s, refusing any keyword it cannot check.
    struct Compiler {
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
            step.replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }

    /// The check that no `$ref` leads from a definition back to itself while staying at one value
    /// of the instance, which would make validation recurse without end. A cycle through
    /// `properties`, `additionalProperties` or `items` is fine: each turn descends into the
    /// instance, which is finite (a tree schema).
    enum ReferenceCycles {
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

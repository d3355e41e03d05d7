/// The JSON Schemas (draft 2020-12) of `GET /v1/schemas/{application,decision,designation,request}.json`,
/// made from the shapes the readers read by (``ApplicationShapes``, ``DesignationShapes``,
/// ``DecisionShapes``) and the compiled rules: code lists from the rules' vocabularies, the
/// measures and their fields from the rules' `measure` declarations. Nothing is kept by hand.
///
/// What a schema cannot say (exactly one applicant, periods that do not overlap, the statute's
/// checks) stays with the readers: a document valid under the schema may still be refused, with
/// its error and path; a document the schema refuses is always refused.
public enum JSONSchemaDocument {
    public static let names = ["application", "decision", "designation", "request"]

    /// The schema called `name`, or nil for another name.
    public static func schema(_ name: String, law: CompiledLaw, version: String) -> JSONValue? {
        let root: ObjectShape
        switch name {
        case "application": root = ApplicationShapes.application
        case "decision": root = DecisionShapes.decision
        case "designation": root = DesignationShapes.designation
        case "request": root = DesignationShapes.request
        default: return nil
        }
        var builder = Builder(law: law)
        let body = builder.objectSchema(root)
        var members: [(String, JSONValue)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("/v1/schemas/\(name).json")),
            ("title", .string("wbmgp \(name) (engine \(version))")),
        ]
        if case .object(let own) = body { members += own.map { ($0.key, $0.value) } }
        members.append(("$defs", .sortedObject(builder.definitions.map { ($0.key, $0.value) })))
        return .sortedObject(members)
    }

    struct Builder {
        let law: CompiledLaw
        var definitions: [String: JSONValue] = [:]
        /// Inside ``ValueShape/lenient(_:)``: definitions of their own, measure codes as strings.
        var lenient = false

        /// A `$ref` to the object's definition, made once.
        mutating func reference(_ shape: ObjectShape) -> JSONValue {
            let title = lenient ? "Requested" + shape.title : shape.title
            if definitions[title] == nil {
                definitions[title] = .bool(true)  // reserved, so a shape that contains itself ends
                definitions[title] = objectSchema(shape)
            }
            return .sortedObject([("$ref", .string("#/$defs/\(title)"))])
        }

        mutating func objectSchema(_ shape: ObjectShape) -> JSONValue {
            var properties: [(String, JSONValue)] = []
            for member in shape.members {
                var schema = value(member.value)
                if !member.required { schema = nullable(schema) }
                properties.append((member.name, described(schema, member.about)))
            }
            var members: [(String, JSONValue)] = [("type", .string("object")), ("properties", .sortedObject(properties))]
            let required = shape.members.filter(\.required).map { JSONValue.string($0.name) }
            if !required.isEmpty { members.append(("required", .array(required))) }
            members.append(("additionalProperties", shape.otherMembers.map { value($0) } ?? .bool(false)))
            if !shape.requiredUnless.isEmpty {
                members.append(("allOf", .array(shape.requiredUnless.map { condition in
                    .sortedObject([
                        ("if", .sortedObject([
                            ("properties", .sortedObject([(condition.other, .sortedObject([("const", .string(condition.value))]))])),
                            ("required", .array([.string(condition.other)])),
                        ])),
                        ("else", .sortedObject([("required", .array([.string(condition.member)]))])),
                    ])
                })))
            }
            return .sortedObject(members)
        }

        mutating func value(_ shape: ValueShape) -> JSONValue {
            switch shape {
            case .string: return type("string")
            case .postcode: return .sortedObject([("type", .string("string")), ("pattern", .string("^ *$|^ *([0-9] *){4}(([A-Za-z] *){2})?$"))])
            case .date: return .sortedObject([("type", .string("string")), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
            case .integer(let minimum, let maximum):
                var members: [(String, JSONValue)] = [("type", .string("integer"))]
                if let minimum { members.append(("minimum", .integer(minimum))) }
                if let maximum { members.append(("maximum", .integer(maximum))) }
                return .sortedObject(members)
            case .boolean: return type("boolean")
            case .code(let list):
                return .sortedObject([("type", .string("string")), ("enum", .array(codes(list).map { .string($0) }))])
            case .array(let items, let nonEmpty):
                var members: [(String, JSONValue)] = [("type", .string("array")), ("items", value(items))]
                if nonEmpty { members.append(("minItems", .integer(1))) }
                return .sortedObject(members)
            case .object(let shape): return reference(shape)
            case .either(let first, let second): return .sortedObject([("anyOf", .array([value(first), value(second)]))])
            case .measures: return measures()
            case .lenient(let inner):
                let outer = lenient
                lenient = true
                defer { lenient = outer }
                return value(inner)
            case .any: return .bool(true)
            }
        }

        func codes(_ list: CodeList) -> [String] {
            switch list {
            case .fixed(let codes): return codes
            case .vocabulary(let name): return law.vocabularies[name] ?? []
            }
        }

        /// Each measure type the rules declare (over all its versions), with the fields of its
        /// by-law; whether a measure is in force on a term's start is the reader's check.
        mutating func measures() -> JSONValue {
            var properties: [(String, JSONValue)] = []
            for name in law.measures.keys.sorted() {
                let declarations = law.measures[name] ?? []
                var fields: [(String, JSONValue)] = []
                var seen: Set<String> = []
                for declaration in declarations.sorted(by: { $0.from > $1.from }) {
                    for field in declaration.fields where seen.insert(field.name).inserted {
                        fields.append((field.name, nullable(measureField(field.kind))))
                    }
                }
                let citation = declarations.first?.citation ?? ""
                properties.append((name, described(
                    .sortedObject([("type", .string("object")), ("properties", .sortedObject(fields)), ("additionalProperties", .bool(false))]),
                    "the measure \(name) (\(citation))")))
            }
            return .sortedObject([
                ("type", .string("object")), ("properties", .sortedObject(properties)), ("additionalProperties", .bool(false)),
            ])
        }

        mutating func measureField(_ kind: MeasureDeclaration.Field.Kind) -> JSONValue {
            switch kind {
            case .code where lenient, .oneOf where lenient: return type("string")
            case .codes where lenient: return value(.array(.string, nonEmpty: false))
            case .bool: return type("boolean")
            case .code(let vocabulary): return value(.code(.vocabulary(vocabulary)))
            case .codes(let vocabulary): return value(.array(vocabulary.map { .code(.vocabulary($0)) } ?? .string, nonEmpty: false))
            case .oneOf(let options): return value(.code(.fixed(options)))
            case .days: return value(.integer(minimum: 0, maximum: MeasureDeclaration.Field.maximumDays))
            case .labels:
                return .sortedObject([("type", .string("object")), ("additionalProperties", reference(DesignationShapes.words))])
            }
        }

        func type(_ name: String) -> JSONValue { .sortedObject([("type", .string(name))]) }

        /// Absent and `null` are alike to the readers (absent is unknown).
        func nullable(_ schema: JSONValue) -> JSONValue {
            if case .object(let members) = schema, members.count == 1, members[0].key == "type", case .string(let name) = members[0].value {
                return .sortedObject([("type", .array([.string(name), .string("null")]))])
            }
            return .sortedObject([("anyOf", .array([schema, type("null")]))])
        }

        func described(_ schema: JSONValue, _ text: String) -> JSONValue {
            guard case .object(let members) = schema, !text.isEmpty else { return schema }
            return .sortedObject(members.map { ($0.key, $0.value) } + [("description", .string(text))])
        }
    }
}

import Testing

@testable import Wbmgp

/// The JSON Schema validator: each keyword passing and failing, with the violations worked out by
/// hand from the 2020-12 specification (paths, keyword locations and messages).
@Suite("JSON Schema validator (2020-12 subset)")
struct JSONSchemaValidatorTests {
    typealias Violation = JSONSchemaValidator.Violation
    typealias SchemaError = JSONSchemaValidator.SchemaError

    /// The violations of `instance` under `schema`, both written as JSON text.
    func violations(_ schema: String, _ instance: String) throws -> [Violation] {
        let validator = try JSONSchemaValidator(schema: try JSONReader.parse(schema))
        return validator.validate(try JSONReader.parse(instance))
    }

    /// The error compiling `schema` (JSON text) gives.
    func schemaError(_ schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> SchemaError {
        let value = try JSONReader.parse(schema)
        return try #require(throws: SchemaError.self, sourceLocation: sourceLocation) { try JSONSchemaValidator(schema: value) }
    }

    // MARK: - type, enum, const

    @Test("type: a string passes, a number is reported at the root")
    func typeSingle() throws {
        #expect(try violations(#"{"type": "string"}"#, #""x""#).isEmpty)
        #expect(try violations(#"{"type": "string"}"#, "5") == [Violation(path: "$", schemaPath: "#/type", message: "expected a string, found a number")])
    }

    @Test("type: a list of names admits any of them")
    func typeList() throws {
        let schema = #"{"type": ["string", "null"]}"#
        #expect(try violations(schema, "null").isEmpty)
        #expect(try violations(schema, #""a""#).isEmpty)
        #expect(try violations(schema, "true") == [Violation(path: "$", schemaPath: "#/type", message: "expected a string or null, found a boolean")])
    }

    @Test("integer vs number: 3 and 3.0 are integers, 3.5 is only a number")
    func integerAndNumber() throws {
        let integer = #"{"type": "integer"}"#
        #expect(try violations(integer, "3").isEmpty)
        #expect(try violations(integer, "3.0").isEmpty)
        #expect(try violations(integer, "3.5") == [Violation(path: "$", schemaPath: "#/type", message: "expected an integer, found 3.5")])
        let number = #"{"type": "number"}"#
        #expect(try violations(number, "3").isEmpty)
        #expect(try violations(number, "3.5").isEmpty)
        #expect(try violations(number, #""3""#) == [Violation(path: "$", schemaPath: "#/type", message: "expected a number, found a string")])
    }

    @Test("enum: a listed value passes; another is reported with the list")
    func enumeration() throws {
        let schema = #"{"enum": ["granted", "refused"]}"#
        #expect(try violations(schema, #""granted""#).isEmpty)
        #expect(try violations(schema, #""grant""#) == [
            Violation(path: "$", schemaPath: "#/enum", message: #"expected one of "granted", "refused", found "grant""#)
        ])
        // JSON equality: 1.0 is the listed 1.
        #expect(try violations(#"{"enum": [1, 2.5]}"#, "1.0").isEmpty)
        #expect(try violations(#"{"enum": [1, 2.5]}"#, "3").map(\.message) == ["expected one of 1, 2.5, found 3"])
    }

    @Test("const: JSON equality ignores member order and 1 vs 1.0")
    func constant() throws {
        #expect(try violations(#"{"const": 1}"#, "1.0").isEmpty)
        #expect(try violations(#"{"const": 1}"#, "2") == [Violation(path: "$", schemaPath: "#/const", message: "expected 1, found 2")])
        #expect(try violations(#"{"const": {"a": 1, "b": [true]}}"#, #"{"b": [true], "a": 1.0}"#).isEmpty)
        #expect(try violations(#"{"const": {"a": 1}}"#, #"{"a": 2}"#).map(\.message) == [#"expected {"a":1}, found {"a":2}"#])
    }

    // MARK: - objects

    @Test("required: each missing member at the path it would have, in the order listed")
    func required() throws {
        let schema = #"{"required": ["a", "b", "c"]}"#
        #expect(try violations(schema, #"{"a": 1, "b": 2, "c": 3}"#).isEmpty)
        #expect(try violations(schema, #"{"b": 1}"#) == [
            Violation(path: "$.a", schemaPath: "#/required", message: "missing required member 'a'"),
            Violation(path: "$.c", schemaPath: "#/required", message: "missing required member 'c'"),
        ])
        // Object keywords say nothing about other types.
        #expect(try violations(schema, #""x""#).isEmpty)
    }

    @Test("properties, items, required and format: violations deep in the instance carry their path")
    func nestedPaths() throws {
        let schema = #"""
            {"properties": {"household": {"type": "array", "items": {
                "type": "object", "required": ["birthDate"],
                "properties": {"birthDate": {"type": "string", "format": "date"}}}}}}
            """#
        let instance = #"{"household": [{"birthDate": "2000-01-01"}, {"name": "x"}, {"birthDate": "2021-02-30"}]}"#
        #expect(try violations(schema, instance) == [
            Violation(
                path: "$.household[1].birthDate", schemaPath: "#/properties/household/items/required",
                message: "missing required member 'birthDate'"),
            Violation(
                path: "$.household[2].birthDate", schemaPath: "#/properties/household/items/properties/birthDate/format",
                message: #"expected a date YYYY-MM-DD that exists, found "2021-02-30""#),
        ])
    }

    @Test("additionalProperties false: each unexpected member, in written order")
    func additionalPropertiesFalse() throws {
        let schema = #"{"properties": {"id": {}}, "additionalProperties": false}"#
        #expect(try violations(schema, #"{"id": 1}"#).isEmpty)
        #expect(try violations(schema, #"{"id": 1, "note": "x", "extra-field": 2}"#) == [
            Violation(path: "$.note", schemaPath: "#/additionalProperties", message: "unexpected member 'note'"),
            Violation(path: #"$["extra-field"]"#, schemaPath: "#/additionalProperties", message: "unexpected member 'extra-field'"),
        ])
    }

    @Test("additionalProperties as a schema applies to the members properties does not name")
    func additionalPropertiesSchema() throws {
        let schema = #"{"properties": {"name": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#
        #expect(try violations(schema, #"{"name": "x", "a": 1}"#).isEmpty)
        #expect(try violations(schema, #"{"name": "x", "a": 1, "b": "2"}"#) == [
            Violation(path: "$.b", schemaPath: "#/additionalProperties/type", message: "expected an integer, found a string")
        ])
    }

    @Test("minProperties counts members")
    func minProperties() throws {
        #expect(try violations(#"{"minProperties": 2}"#, #"{"a": 1, "b": 2}"#).isEmpty)
        #expect(try violations(#"{"minProperties": 2}"#, #"{"a": 1}"#) == [
            Violation(path: "$", schemaPath: "#/minProperties", message: "expected at least 2 members, found 1")
        ])
    }

    @Test("member names that are not identifiers are written in brackets")
    func pathSpelling() throws {
        let schema = #"{"additionalProperties": false}"#
        #expect(try violations(schema, #"{"a-b": 1, "_x1": 2, "1a": 3, "": 4}"#).map(\.path) == [#"$["a-b"]"#, "$._x1", #"$["1a"]"#, #"$[""]"#])
    }

    // MARK: - arrays

    @Test("items, minItems, maxItems: the array's own violation comes before its elements'")
    func arrays() throws {
        let schema = #"{"items": {"type": "string"}, "minItems": 1, "maxItems": 2}"#
        #expect(try violations(schema, #"["a", "b"]"#).isEmpty)
        #expect(try violations(schema, "[]") == [Violation(path: "$", schemaPath: "#/minItems", message: "expected at least 1 item, found 0")])
        #expect(try violations(schema, #"["a", "b", 3]"#) == [
            Violation(path: "$", schemaPath: "#/maxItems", message: "expected at most 2 items, found 3"),
            Violation(path: "$[2]", schemaPath: "#/items/type", message: "expected a string, found a number"),
        ])
    }

    @Test("uniqueItems: each repeat by JSON equality; false asks nothing")
    func uniqueItems() throws {
        #expect(try violations(#"{"uniqueItems": true}"#, #"[1, 2, "1"]"#).isEmpty)
        #expect(try violations(#"{"uniqueItems": true}"#, #"[1, 2, 1.0, {"a": 1, "b": 2}, {"b": 2, "a": 1}]"#) == [
            Violation(path: "$", schemaPath: "#/uniqueItems", message: "expected unique items, found item 2 equal to item 0"),
            Violation(path: "$", schemaPath: "#/uniqueItems", message: "expected unique items, found item 4 equal to item 3"),
        ])
        #expect(try violations(#"{"uniqueItems": false}"#, "[1, 1]").isEmpty)
    }

    // MARK: - strings

    @Test("minLength and maxLength count code points")
    func lengths() throws {
        let schema = #"{"minLength": 2, "maxLength": 3}"#
        #expect(try violations(schema, #""ab""#).isEmpty)
        // Two code points, four UTF-16 units, two characters.
        #expect(try violations(schema, #""\ud83d\ude00\ud83d\ude00""#).isEmpty)
        // "e" and a combining acute: one character, two code points.
        #expect(try violations(schema, #""e\u0301""#).isEmpty)
        #expect(try violations(schema, #""\u00e9""#) == [Violation(path: "$", schemaPath: "#/minLength", message: "expected at least 2 characters, found 1")])
        #expect(try violations(schema, #""abcd""#) == [Violation(path: "$", schemaPath: "#/maxLength", message: "expected at most 3 characters, found 4")])
    }

    @Test("pattern matches anywhere unless anchored; other types pass")
    func pattern() throws {
        #expect(try violations(#"{"pattern": "[0-9]{4}"}"#, #""ab1234cd""#).isEmpty)
        #expect(try violations(#"{"pattern": "[0-9]{4}"}"#, #""12a""#) == [
            Violation(path: "$", schemaPath: "#/pattern", message: #"expected a string matching the pattern '[0-9]{4}', found "12a""#)
        ])
        let postcode = #"{"pattern": "^[0-9]{4}[A-Z]{2}$"}"#
        #expect(try violations(postcode, #""1234AB""#).isEmpty)
        #expect(try violations(postcode, #""1234ABC""#).map(\.schemaPath) == ["#/pattern"])
        #expect(try violations(postcode, "5").isEmpty)
    }

    @Test(
        "format date: YYYY-MM-DD naming a day of the Gregorian calendar",
        arguments: [
            ("2020-02-29", true), ("2021-02-29", false), ("2021-04-31", false), ("1900-02-29", false), ("2000-02-29", true),
            ("2021-12-31", true), ("2021-01-32", false), ("2021-13-01", false), ("2021-00-10", false), ("2021-4-01", false),
            ("2021-04-01T00:00", false), ("2021/04/01", false), ("", false),
        ])
    func dateFormat(text: String, exists: Bool) throws {
        let found = try violations(#"{"format": "date"}"#, JSONWriter.compact(.string(text)))
        if exists {
            #expect(found.isEmpty)
        } else {
            #expect(found == [Violation(path: "$", schemaPath: "#/format", message: "expected a date YYYY-MM-DD that exists, found \"\(text)\"")])
        }
    }

    @Test("formats other than date are annotations; date says nothing about non-strings")
    func otherFormats() throws {
        #expect(try violations(#"{"format": "email"}"#, #""not an address""#).isEmpty)
        #expect(try violations(#"{"format": "date"}"#, "20210401").isEmpty)
    }

    // MARK: - numbers

    @Test("minimum and maximum are inclusive")
    func inclusiveBounds() throws {
        let schema = #"{"minimum": 18, "maximum": 67}"#
        #expect(try violations(schema, "18").isEmpty)
        #expect(try violations(schema, "67.0").isEmpty)
        #expect(try violations(schema, "17") == [Violation(path: "$", schemaPath: "#/minimum", message: "expected a number at least 18, found 17")])
        #expect(try violations(schema, "67.5") == [Violation(path: "$", schemaPath: "#/maximum", message: "expected a number at most 67, found 67.5")])
        #expect(try violations(schema, #""5""#).isEmpty)
    }

    @Test("exclusiveMinimum and exclusiveMaximum exclude the limit")
    func exclusiveBounds() throws {
        let schema = #"{"exclusiveMinimum": 0, "exclusiveMaximum": 1.5}"#
        #expect(try violations(schema, "0.5").isEmpty)
        #expect(try violations(schema, "1").isEmpty)
        #expect(try violations(schema, "0") == [Violation(path: "$", schemaPath: "#/exclusiveMinimum", message: "expected a number greater than 0, found 0")])
        #expect(try violations(schema, "1.5") == [Violation(path: "$", schemaPath: "#/exclusiveMaximum", message: "expected a number less than 1.5, found 1.5")])
    }

    // MARK: - combinators

    @Test("allOf reports the violations of every subschema")
    func allOf() throws {
        let schema = #"{"allOf": [{"type": "string"}, {"minLength": 3}]}"#
        #expect(try violations(schema, #""abc""#).isEmpty)
        #expect(try violations(schema, #""ab""#).map(\.schemaPath) == ["#/allOf/1/minLength"])
        #expect(try violations(schema, "5").map(\.schemaPath) == ["#/allOf/0/type"])
    }

    @Test("anyOf: one violation at the value when no alternative matches")
    func anyOf() throws {
        let schema = #"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"#
        #expect(try violations(schema, "5").isEmpty)
        #expect(try violations(schema, #"{"a": true}"#) == [
            Violation(
                path: "$", schemaPath: "#/anyOf",
                message: "expected a value matching at least one of the 2 alternatives of 'anyOf', found one matching none")
        ])
    }

    @Test("oneOf: exactly one alternative must match; none or several is one violation")
    func oneOf() throws {
        let schema = #"{"properties": {"x": {"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 0}, {"type": "string"}]}}}"#
        #expect(try violations(schema, #"{"x": -1}"#).isEmpty)
        #expect(try violations(schema, #"{"x": 2.5}"#).isEmpty)
        #expect(try violations(schema, #"{"x": 5}"#) == [
            Violation(
                path: "$.x", schemaPath: "#/properties/x/oneOf",
                message: "expected a value matching exactly one of the 3 alternatives of 'oneOf', found one matching alternatives 0 and 1")
        ])
        #expect(try violations(schema, #"{"x": true}"#).map(\.message) == [
            "expected a value matching exactly one of the 3 alternatives of 'oneOf', found one matching none"
        ])
    }

    @Test("not: a value matching the subschema is a violation")
    func not() throws {
        let schema = #"{"not": {"type": "null"}}"#
        #expect(try violations(schema, "1").isEmpty)
        #expect(try violations(schema, "null") == [
            Violation(path: "$", schemaPath: "#/not", message: "expected a value that does not match the schema under 'not', found one that does")
        ])
    }

    @Test("if/then/else: then applies when if matches, else when it does not")
    func conditional() throws {
        let schema = #"""
            {"if": {"properties": {"outcome": {"const": "refused"}}, "required": ["outcome"]},
             "then": {"required": ["reason"]},
             "else": {"properties": {"reason": false}}}
            """#
        #expect(try violations(schema, #"{"outcome": "refused", "reason": "x"}"#).isEmpty)
        #expect(try violations(schema, #"{"outcome": "granted"}"#).isEmpty)
        #expect(try violations(schema, #"{"outcome": "refused"}"#) == [
            Violation(path: "$.reason", schemaPath: "#/then/required", message: "missing required member 'reason'")
        ])
        #expect(try violations(schema, #"{"outcome": "granted", "reason": "x"}"#) == [
            Violation(path: "$.reason", schemaPath: "#/else/properties/reason", message: "no value is allowed here (the schema is false), found a string")
        ])
    }

    // MARK: - $ref and $defs

    @Test("$ref to $defs: violations name the keyword's place under $defs")
    func reference() throws {
        let schema = #"""
            {"$defs": {"date": {"type": "string", "format": "date"}},
             "properties": {"from": {"$ref": "#/$defs/date"}, "to": {"$ref": "#/$defs/date"}}}
            """#
        #expect(try violations(schema, #"{"from": "2020-02-29", "to": "2021-03-01"}"#).isEmpty)
        #expect(try violations(schema, #"{"from": "2021-02-29", "to": 7}"#) == [
            Violation(path: "$.from", schemaPath: "#/$defs/date/format", message: #"expected a date YYYY-MM-DD that exists, found "2021-02-29""#),
            Violation(path: "$.to", schemaPath: "#/$defs/date/type", message: "expected a string, found a number"),
        ])
    }

    @Test("a recursive tree schema checks every level, in document order")
    func recursiveTree() throws {
        let schema = #"""
            {"$ref": "#/$defs/node",
             "$defs": {"node": {"type": "object", "required": ["name"], "additionalProperties": false,
                                "properties": {"name": {"type": "string"},
                                               "children": {"type": "array", "items": {"$ref": "#/$defs/node"}}}}}}
            """#
        #expect(try violations(schema, #"{"name": "root", "children": [{"name": "a", "children": [{"name": "b"}]}]}"#).isEmpty)
        let instance = #"""
            {"name": "root", "children": [
                {"name": "a", "children": [{"name": 1}]},
                {"children": []},
                {"name": "c", "size": 3}]}
            """#
        #expect(try violations(schema, instance) == [
            Violation(path: "$.children[0].children[0].name", schemaPath: "#/$defs/node/properties/name/type", message: "expected a string, found a number"),
            Violation(path: "$.children[1].name", schemaPath: "#/$defs/node/required", message: "missing required member 'name'"),
            Violation(path: "$.children[2].size", schemaPath: "#/$defs/node/additionalProperties", message: "unexpected member 'size'"),
        ])
    }

    @Test("a $ref to a missing definition is a schema error, with a did-you-mean")
    func missingDefinition() throws {
        let error = try schemaError(##"{"$defs": {"adress": {}}, "properties": {"a": {"$ref": "#/$defs/address"}}}"##)
        #expect(error.schemaPath == "#/properties/a/$ref")
        #expect(error.message.contains("#/$defs/address"))
        #expect(error.message.contains("did you mean 'adress'?"))
    }

    @Test("$ref forms other than #/$defs/Name are schema errors", arguments: ["other.json#/x", "#/definitions/a", "#", "#/$defs/a/properties/b"])
    func unsupportedReference(target: String) throws {
        let error = try schemaError(#"{"$defs": {"a": {}}, "$ref": "\#(target)"}"#)
        #expect(error.schemaPath == "#/$ref")
        #expect(error.message.contains("#/$defs/Name"))
    }

    @Test("a $ref cycle that never descends into the instance is a schema error")
    func referenceCycle() throws {
        let error = try schemaError(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"anyOf": [{"$ref": "#/$defs/a"}]}}}"##)
        #expect(error.schemaPath == "#/$defs/a")
        #expect(error.message.contains("#/$defs/a → #/$defs/b → #/$defs/a"))
    }

    // MARK: - boolean schemas

    @Test("boolean schemas: true accepts everything, false nothing")
    func booleanSchemas() throws {
        #expect(try violations("true", #"{"any": [1, null]}"#).isEmpty)
        #expect(try violations("false", "1") == [Violation(path: "$", schemaPath: "#", message: "no value is allowed here (the schema is false), found a number")])
        #expect(try violations(#"{"items": false}"#, "[]").isEmpty)
        #expect(try violations(#"{"items": false}"#, "[1]").map(\.path) == ["$[0]"])
        #expect(try violations(#"{"items": false}"#, "[1]").map(\.schemaPath) == ["#/items"])
    }

    // MARK: - schema errors

    @Test("an unsupported keyword is a schema error, never ignored")
    func unsupportedKeyword() throws {
        let error = try schemaError(#"{"properties": {"a": {"patternProperties": {"^x": {}}}}}"#)
        #expect(error.schemaPath == "#/properties/a/patternProperties")
        #expect(error.message == "unsupported keyword 'patternProperties'")
        #expect(try schemaError(#"{"requried": ["a"]}"#).message == "unsupported keyword 'requried'; did you mean 'required'?")
    }

    @Test("a pattern that does not compile is a schema error")
    func badPattern() throws {
        let error = try schemaError(#"{"properties": {"code": {"pattern": "[a-"}}}"#)
        #expect(error.schemaPath == "#/properties/code/pattern")
        #expect(error.message.contains("'[a-'"))
    }

    @Test(
        "malformed keyword values are schema errors at the keyword",
        arguments: [
            (#"{"minLength": -1}"#, "#/minLength"), (#"{"type": "text"}"#, "#/type"), (#"{"required": "a"}"#, "#/required"),
            (#"{"items": [{}]}"#, "#/items"), (#"{"then": {}}"#, "#/then"), (#"{"properties": {"a": 5}}"#, "#/properties/a"),
            (#"{"anyOf": []}"#, "#/anyOf"), (#"{"maximum": "10"}"#, "#/maximum"), (#"{"uniqueItems": 1}"#, "#/uniqueItems"),
            (#"{"properties": {"a": {"$defs": {}}}}"#, "#/properties/a/$defs"), (#"{"enum": []}"#, "#/enum"),
        ])
    func malformedKeyword(schema: String, schemaPath: String) throws {
        #expect(try schemaError(schema).schemaPath == schemaPath)
    }

    @Test("annotations are accepted and change nothing")
    func annotations() throws {
        let schema = #"""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.org/s", "title": "t",
             "description": "d", "examples": [1], "default": 1, "$comment": "c", "deprecated": false,
             "readOnly": true, "writeOnly": false}
            """#
        #expect(try violations(schema, #"{"anything": [true]}"#).isEmpty)
    }

    @Test("keywords about one type say nothing about values of another")
    func typeSpecificKeywords() throws {
        let schema = #"{"minLength": 3, "minimum": 3, "minItems": 1, "required": ["a"], "items": false, "pattern": "x"}"#
        #expect(try violations(schema, "true").isEmpty)
        #expect(try violations(schema, "null").isEmpty)
    }

    // MARK: - output

    @Test("validation is deterministic: twice gives the same list")
    func deterministic() throws {
        let schema = try JSONReader.parse(#"{"additionalProperties": false, "required": ["x", "y"], "properties": {"a": {"type": "string"}}}"#)
        let instance = try JSONReader.parse(#"{"c": 1, "a": 2, "b": 3, "d": 4}"#)
        let validator = try JSONSchemaValidator(schema: schema)
        let first = validator.validate(instance)
        #expect(first.count == 6)
        #expect(first == validator.validate(instance))
        let again = try JSONSchemaValidator(schema: schema)
        #expect(first == again.validate(instance))
        // The object's own violations first, then its members in written order.
        #expect(first.map(\.path) == ["$.x", "$.y", "$.c", "$.a", "$.b", "$.d"])
    }

    @Test("a violation reads 'path: message'")
    func violationDescription() {
        let violation = Violation(path: "$.a", schemaPath: "#/required", message: "missing required member 'a'")
        #expect(violation.description == "$.a: missing required member 'a'")
    }
}


/// Validating an instance against a compiled ``JSONSchemaValidator``, and the JSON value helpers
/// its checks and messages use.
extension JSONSchemaValidator {
    /// Where a value sits in the instance: its JSON path, and its position in document order.
    struct InstanceLocation {
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
    struct Evaluation {
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
    static func canonical(_ value: JSONValue) -> JSONValue {
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
    static func compareNumbers(_ first: JSONValue, _ second: JSONValue) -> Int? {
        if case .integer(let a) = first, case .integer(let b) = second { return a < b ? -1 : (a == b ? 0 : 1) }
        guard let a = doubleValue(first), let b = doubleValue(second) else { return nil }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    static func doubleValue(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let integer): return Double(integer)
        case .number(let number): return number
        default: return nil
        }
    }

    static func isIntegral(_ number: Double) -> Bool {
        number.isFinite && number.rounded(.towardZero) == number
    }

    /// Whether `text` is `YYYY-MM-DD` naming a day of the proleptic Gregorian calendar (RFC 3339
    /// full-date). Year 0000 is allowed, as RFC 3339 allows it; it is a leap year.
    static func isDate(_ text: String) -> Bool {
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
    static func describe(_ value: JSONValue) -> String {
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
    static func typeMismatch(_ value: JSONValue, expected types: [SchemaType]) -> String {
        let expected = listed(types.map(\.phrase), conjunction: "or")
        // A fraction where an integer is wanted is shown: "expected an integer, found a number"
        // would read as a contradiction.
        if case .number = value, types.contains(.integer) { return "expected \(expected), found \(describe(value))" }
        return "expected \(expected), found \(value.typeName)"
    }

    /// "a", "a or b", "a, b or c".
    static func listed(_ items: [String], conjunction: String) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}

/// A parameter or set of the rules replaced for a reform (`wbmgp impact --set NAME=VALUE`,
/// interface §11): every dated version of it takes the one value, in the rule language's literal
/// syntax (`3 years`, `16`, `{employment, pension}`).
public struct LawOverride: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case literal(Syntax.Literal)
        case codes([String])
    }

    public var name: String
    public var value: Value
    /// As given, for messages and output: `minimumResidence=3 years`.
    public var text: String

    /// Reads `NAME=VALUE`; the error says what was expected.
    public static func parse(_ assignment: String) -> Result<LawOverride, OverrideError> {
        guard let equals = assignment.firstIndex(of: "=") else {
            return .failure(OverrideError(message: "expected NAME=VALUE (e.g. minimumResidence=3 years), found '\(assignment)'"))
        }
        let name = String(assignment[..<equals]).trimmingWhitespace
        let valueText = String(assignment[assignment.index(after: equals)...]).trimmingWhitespace
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            return .failure(OverrideError(message: "expected a parameter or set name before '=', found '\(name)'"))
        }
        if valueText.hasPrefix("{") {
            guard valueText.hasSuffix("}") else { return .failure(OverrideError(message: "a set value is written {code, code, …}; found '\(valueText)'")) }
            let inner = valueText.dropFirst().dropLast()
            let codes = inner.split(separator: ",").map { String($0).trimmingWhitespace }
            guard codes.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
                return .failure(OverrideError(message: "a set value is written {code, code, …}; found '\(valueText)'"))
            }
            return .success(LawOverride(name: name, value: .codes(codes), text: "\(name)=\(valueText)"))
        }
        // The value is read by the rule language's own parser, so it means what it means in a rule file.
        let source = SourceFile(path: "--set", text: "parameter \(name) = \(valueText) \"--set\" from 2000-01-01\n")
        let (file, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty, file.declarations.count == 1, case .parameter(let parameter) = file.declarations[0] else {
            let detail = diagnostics.first.map { ": " + $0.message } ?? ""
            return .failure(OverrideError(message: "'\(valueText)' is not a value of the rule language (a number, a duration such as '3 years', true/false, a date, a quoted text, or {code, …})\(detail)"))
        }
        return .success(LawOverride(name: name, value: .literal(parameter.value), text: "\(name)=\(valueText)"))
    }

    public struct OverrideError: Error, Sendable {
        public var message: String
    }
}

extension DeclarationTable {
    /// Gives every version of the named parameter or set the override's value; a name the rules
    /// do not declare, or a value of another kind than the parameter's, is an error.
    mutating func apply(_ override: LawOverride) -> [Diagnostic] {
        func problem(_ message: String) -> [Diagnostic] {
            [Diagnostic(code: .typeMismatch, message: message, path: "--set \(override.name)")]
        }
        switch override.value {
        case .literal(let literal):
            guard var versions = parameters[override.name] else {
                if sets[override.name] != nil { return problem("'\(override.name)' is a set; give its codes as {code, code, …}") }
                return [Diagnostic(code: .unknownName, message: "the rules declare no parameter or set '\(override.name)'", path: "--set \(override.name)")]
            }
            for i in versions.indices {
                guard Self.sameKind(versions[i].value.value, literal) else {
                    return problem("'\(override.name)' is \(Self.kind(versions[i].value.value)); the value given is \(Self.kind(literal))")
                }
                versions[i].value.value = literal
            }
            parameters[override.name] = versions
        case .codes(let codes):
            guard var versions = sets[override.name] else {
                if parameters[override.name] != nil { return problem("'\(override.name)' is a parameter, not a set; give one value without braces") }
                return [Diagnostic(code: .unknownName, message: "the rules declare no parameter or set '\(override.name)'", path: "--set \(override.name)")]
            }
            // A set holds codes of the input vocabularies; a code of none would never match.
            let known = Set(vocabularies.values.flatMap { $0.value.codes.map(\.text) })
            for code in codes where !known.contains(code) {
                return [Diagnostic(code: .unknownCode, message: "'\(code)' is no code of the rules' vocabularies; '\(override.name)' would never match it", path: "--set \(override.name)")]
            }
            for i in versions.indices {
                let range = versions[i].value.name.range
                versions[i].value.codes = codes.map { Syntax.Name(text: $0, range: range) }
            }
            sets[override.name] = versions
        }
        return []
    }

    /// Durations in any unit are one kind (`72 months` for `6 years`).
    static func sameKind(_ a: Syntax.Literal, _ b: Syntax.Literal) -> Bool {
        if case .duration = a, case .duration = b { return true }
        return kind(a) == kind(b)
    }

    static func kind(_ literal: Syntax.Literal) -> String {
        switch literal {
        case .integer: return "a whole number"
        case .duration(let period):
            return period.years != 0 ? "a duration in years" : period.months != 0 ? "a duration in months" : "a duration in days"
        case .date: return "a date"
        case .bool: return "true or false"
        case .text: return "a text"
        }
    }
}

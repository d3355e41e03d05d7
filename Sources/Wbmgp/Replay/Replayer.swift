/// Re-decides stored decision records under the rules and designations at hand, on each
/// record's own law date, and compares the results (interface §6).
public struct Replayer: Sendable {
    public let service: DecisionService
    /// The role to replay in; nil replays each record in its own `role`.
    public let role: Role?

    /// - Parameters:
    ///   - service: decides with the current rules and designations; its `lawDate` and role are ignored.
    ///   - role: replay every record in this role instead of the one it records (`replay --role`).
    public init(service: DecisionService, role: Role? = nil) {
        self.service = service
        self.role = role
    }

    /// The role a record is replayed in: ``role`` when given, else the record's own; a record
    /// written before decisions carried a role is replayed as `review`, the role that reads
    /// everything a record can hold.
    func replayRole(of record: JSONValue, id: String) throws(InputError) -> Role {
        if let role { return role }
        guard let value = record["role"] else { return .review }
        guard case .string(let code) = value, let recorded = Role(rawValue: code) else {
            throw InputError(
                code: "E-CODE", path: "$.role", message: "expected the record's role: one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))",
                applicationId: id)
        }
        return recorded
    }

    /// Replays one record (a decision made with `--record`, or a decision-log entry holding one).
    ///
    /// - Throws: ``InputError`` when the document is not a decision record, or its input no longer
    ///   reads or decides (the error names the path inside the record).
    public func replay(_ document: JSONValue) throws(InputError) -> ReplayResult {
        var record = document
        if case .object = document["record"] ?? .null, document["seq"] != nil, let inner = document["record"] { record = inner }
        guard case .object = record else { throw InputError(code: "E-TYPE", path: "$", message: "expected a decision record (an object), found \(record.typeName)") }
        guard case .string(let id) = record["application"] ?? .null else {
            throw InputError(code: "E-MISSING", path: "$.application", message: "not a decision record: 'application' is missing")
        }
        guard let input = record["input"] else {
            throw InputError(code: "E-MISSING", path: "$.input", message: "the decision has no 'input'; decide with --record to make a replayable record", applicationId: id)
        }
        guard case .string(let lawText) = record["lawDate"] ?? .null, let lawDate = CalendarDate(parsing: lawText) else {
            throw InputError(code: "E-DATE", path: "$.lawDate", message: "expected the record's law date as YYYY-MM-DD", applicationId: id)
        }
        let role = try replayRole(of: record, id: id)
        let current: JSONValue
        do {
            let application = try ApplicationReader(law: service.engine.law, role: role).read(input)
            let decision = try service.engine.decide(application, lawDate: lawDate)
            current = DecisionWriter.json(decision, engine: service.engineInfo)
        } catch {
            var error = error
            // The input's paths are paths inside the record.
            if error.path.hasPrefix("$") { error.path = "$.input" + error.path.dropFirst() }
            error.applicationId = id
            throw error
        }
        return DecisionDiff.compare(record: record, current: current, id: id)
    }
}

/// The outcome of replaying one record.
public struct ReplayResult: Hashable, Sendable {
    public var record: String
    public var differences: [DecisionDifference]
    public var recordedRules: String?
    public var currentRules: String?
    public var recordedDesignations: String?
    public var currentDesignations: String?

    public var isIdentical: Bool { differences.isEmpty }
    public var rulesDigestDiffers: Bool { recordedRules != currentRules }
    public var designationsDigestDiffers: Bool { recordedDesignations != currentDesignations }
}

/// One legal difference: which part of the decision changed, from what to what.
public struct DecisionDifference: Hashable, Sendable {
    /// `outcome`, `reason`, `conditions`, `priority`, `defects` or `designations`.
    public var field: String
    public var rule: String?
    public var citation: String?
    public var person: String?
    public var from: String
    public var to: String
    /// A readable line: `Wbmgp art. 8 lid 1 (art8.income, p1): refuse applied → not reached: …`.
    public var text: String
}

/// Renders replay results for a lawyer (text) or a tool (JSON).
public enum ReplayWriter {
    public static func text(_ result: ReplayResult) -> String {
        var digests: [String] = []
        if result.rulesDigestDiffers {
            digests.append("rules digest differs: \(result.recordedRules ?? "none") → \(result.currentRules ?? "none")")
        }
        if result.designationsDigestDiffers {
            digests.append("designations digest differs: \(result.recordedDesignations ?? "none") → \(result.currentDesignations ?? "none")")
        }
        let note = digests.isEmpty ? "" : " (" + digests.joined(separator: "; ") + ")"
        var lines = ["\(result.record): \(result.isIdentical ? "identical" : "differs")\(note)"]
        lines += result.differences.map { "  " + $0.text }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ result: ReplayResult) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
        return .sortedObject([
            ("record", .string(result.record)),
            ("status", .string(result.isIdentical ? "identical" : "differs")),
            ("rulesDigest", .sortedObject([("recorded", optional(result.recordedRules)), ("current", optional(result.currentRules)),
                                           ("differs", .bool(result.rulesDigestDiffers))])),
            ("designationsDigest", .sortedObject([("recorded", optional(result.recordedDesignations)), ("current", optional(result.currentDesignations)),
                                                  ("differs", .bool(result.designationsDigestDiffers))])),
            ("differences", .array(result.differences.map { d in
                var members: [(String, JSONValue)] = [("field", .string(d.field)), ("from", .string(d.from)), ("to", .string(d.to)), ("text", .string(d.text))]
                if let rule = d.rule { members.append(("rule", .string(rule))) }
                if let citation = d.citation { members.append(("citation", .string(citation))) }
                if let person = d.person { members.append(("person", .string(person))) }
                return .sortedObject(members)
            })),
        ])
    }

    /// The records in a file: one JSON document, or JSON Lines (one record per line).
    public static func documents(in bytes: [UInt8]) -> [(line: Int, value: Result<JSONValue, InputError>)] {
        if let whole = try? JSONReader.parse(bytes) { return [(1, .success(whole))] }
        return DecisionService.lines(of: bytes).enumerated().compactMap { i, line -> (line: Int, value: Result<JSONValue, InputError>)? in
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
            do throws(JSONSyntaxError) {
                return (i + 1, .success(try JSONReader.parse(line)))
            } catch {
                return (i + 1, .failure(InputError(code: "E-JSON", path: "$", message: "invalid JSON at line \(i + 1), column \(error.column): \(error.message)")))
            }
        }
    }
}

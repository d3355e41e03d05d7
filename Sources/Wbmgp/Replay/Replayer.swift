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

    /// Refuses a record whose outcome or a reason's result is no code the engine gives (`E-CODE`,
    /// 65, at its path): compared as it stands, "maybe → refused" read as a legal result that
    /// changed.
    func checkRecordedResults(_ record: JSONValue, id: String) throws(InputError) {
        func code(_ value: JSONValue?) -> String? {
            if case .string(let text)? = value { return text }
            return nil
        }
        let outcomes = Decision.Outcome.allCases.map(\.rawValue)
        guard let outcome = code(record["outcome"]), outcomes.contains(outcome) else {
            throw InputError(
                code: "E-CODE", path: "$.outcome", message: "expected the recorded outcome: one of \(outcomes.joined(separator: ", "))", applicationId: id)
        }
        guard let reasons = record["reasons"] else { return }
        guard case .array(let list) = reasons else {
            throw InputError(code: "E-TYPE", path: "$.reasons", message: "expected the recorded reasons as an array, found \(reasons.typeName)", applicationId: id)
        }
        let results = RuleResult.allCases.map(\.rawValue)
        for (i, reason) in list.enumerated() where !(code(reason["result"]).map(results.contains) ?? false) {
            throw InputError(
                code: "E-CODE", path: "$.reasons[\(i)].result", message: "expected the recorded result: one of \(results.joined(separator: ", "))",
                applicationId: id)
        }
    }

    /// Refuses a record with a member no decision record has (`E-FIELD`, 65, at its path): a
    /// member mistyped in a stored record (`outcomee`) was passed over, and the record read as
    /// identical. The members a record may have are those of the decision made now, and its
    /// `input`.
    func checkMembers(of record: JSONValue, against current: JSONValue, id: String) throws(InputError) {
        guard case .object(let members) = record, case .object(let known) = current else { return }
        for member in members where member.key != "input" && !known.contains(where: { $0.key == member.key }) {
            let expected = (known.map(\.key) + ["input"]).sorted().joined(separator: ", ")
            throw InputError(
                code: "E-FIELD", path: "$." + member.key, message: "a decision record has no member '\(member.key)'; expected \(expected)", applicationId: id)
        }
    }

    /// Replays one record (a decision made with `--record`, or a decision-log entry holding one).
    ///
    /// - Throws: ``InputError`` when the document is not a decision record, or its input no longer
    ///   reads or decides (the error names the path inside the record).
    public func replay(_ document: JSONValue) throws(InputError) -> ReplayResult {
        var record = document
        var withheld = false
        if case .integer(let seq) = document["seq"] ?? .null {
            // A decision-log entry: a redaction entry, a redacted entry, or a record to put together.
            if case .object = document["redaction"] ?? .null { return .redactionEntry(seq: seq, document["redaction"] ?? .null) }
            if let skeleton = document["skeleton"] {
                let id = DecisionDiff.text(skeleton["application"]) ?? "entry \(seq)"
                guard let personal = document["personal"] else { return ReplayResult(redacted: id) }
                record = LogEntryParts.merge(skeleton: skeleton, personal: personal)
                withheld = skeleton["policeRecordsWithheld"] == .bool(true)
            } else if case .object = document["record"] ?? .null, let inner = document["record"] {
                record = inner
            }
        }
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
        try checkRecordedResults(record, id: id)
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
        try checkMembers(of: record, against: current, id: id)
        guard withheld else { return DecisionDiff.compare(record: record, current: current, id: id) }
        // The log keeps no police records: the rules whose result rests on them cannot be
        // re-checked; everything else is, and the result says which were not.
        let rules = service.engine.law.snapshot(on: lawDate)?.rules.filter(\.resultReadsPoliceData) ?? []
        let ids = Set(rules.map(\.id))
        var defects = Set<String>()
        for rule in rules { if case .defect(let code, _) = rule.effect { defects.insert(code) } }
        var result = DecisionDiff.compare(record: Self.without(ids, defects, record), current: Self.without(ids, defects, current), id: id)
        result.notRechecked = rules.map { "\($0.citation) (\($0.id))" }
        return result
    }

    /// A decision without the reasons of `rules` and the defects with `codes`.
    static func without(_ rules: Set<String>, _ codes: Set<String>, _ decision: JSONValue) -> JSONValue {
        guard case .object(let members) = decision else { return decision }
        return .object(members.map { member in
            guard case .array(let items) = member.value, member.key == "reasons" || member.key == "defects" else { return member }
            let kept = items.filter { item in
                member.key == "reasons" ? !rules.contains(DecisionDiff.text(item["rule"]) ?? "") : !codes.contains(DecisionDiff.text(item["code"]) ?? "")
            }
            return JSONMember(member.key, .array(kept))
        })
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

    /// A decision-log entry whose personal part was destroyed: nothing to re-decide.
    public var isRedacted = false
    /// A redaction entry of a decision log, described ("entries 2, 3 redacted on … by …: …").
    public var redaction: String?
    /// Rules not re-checked because their result rests on police records the log does not hold.
    public var notRechecked: [String] = []

    public var isIdentical: Bool { differences.isEmpty }

    public init(
        record: String, differences: [DecisionDifference], recordedRules: String?, currentRules: String?, recordedDesignations: String?,
        currentDesignations: String?
    ) {
        self.record = record
        self.differences = differences
        self.recordedRules = recordedRules
        self.currentRules = currentRules
        self.recordedDesignations = recordedDesignations
        self.currentDesignations = currentDesignations
    }

    init(redacted record: String) {
        self.init(record: record, differences: [], recordedRules: nil, currentRules: nil, recordedDesignations: nil, currentDesignations: nil)
        isRedacted = true
    }

    static func redactionEntry(seq: Int, _ redaction: JSONValue) -> ReplayResult {
        var result = ReplayResult(record: "entry \(seq)", differences: [], recordedRules: nil, currentRules: nil, recordedDesignations: nil, currentDesignations: nil)
        let entries: [String] = if case .array(let list) = redaction["entries"] ?? .null { list.map(DecisionDiff.show) } else { [] }
        result.redaction = "\(entries.count == 1 ? "entry" : "entries") \(entries.joined(separator: ", ")) redacted on \(DecisionDiff.text(redaction["date"]) ?? "?") by \(DecisionDiff.text(redaction["by"]) ?? "?"): \(DecisionDiff.text(redaction["reason"]) ?? "?")"
        return result
    }

    /// `identical`, `differs`, `redacted` or `redaction`.
    public var status: String {
        if isRedacted { return "redacted" }
        if redaction != nil { return "redaction" }
        return isIdentical ? "identical" : "differs"
    }
    public var rulesDigestDiffers: Bool { recordedRules != currentRules }
    public var designationsDigestDiffers: Bool { recordedDesignations != currentDesignations }
}

/// One legal difference: which part of the decision changed, from what to what.
public struct DecisionDifference: Hashable, Sendable {
    /// `outcome`, `reason`, `conditions`, `priority`, `defects`, `designations`, `missingFacts` or
    /// `screeningScope`.
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
        if result.isRedacted { return "\(result.record): redacted (its personal part was destroyed; the skeleton stays in the chain)\n" }
        if let redaction = result.redaction { return "\(result.record): redaction entry: \(redaction)\n" }
        let note = digests.isEmpty ? "" : " (" + digests.joined(separator: "; ") + ")"
        var lines = ["\(result.record): \(result.status)\(note)"]
        lines += result.differences.map { "  " + $0.text }
        if !result.notRechecked.isEmpty {
            lines.append("  not re-checked (the log holds no police records): " + result.notRechecked.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ result: ReplayResult) -> JSONValue {
        func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
        return .sortedObject([
            ("record", .string(result.record)),
            ("status", .string(result.status)),
            ("notRechecked", .array(result.notRechecked.map { .string($0) })),
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

    /// Where the decision log in `bytes` does not verify, when its documents are log entries:
    /// its line and why; nil for records that are not a log, and for a log that verifies. A log
    /// is replayed only when it verifies: an entry changed after it was written replayed as
    /// identical, and a purge without a redaction entry as redacted.
    public static func logProblem(in bytes: [UInt8], _ documents: [(line: Int, value: Result<JSONValue, InputError>)]) -> (line: Int, reason: String)? {
        let isLog = documents.contains { if case .success(let document) = $0.value, case .integer = document["seq"] ?? .null { true } else { false } }
        guard isLog, case .broken(let line, let reason) = DecisionLog.verify(bytes) else { return nil }
        return (line, reason)
    }

    /// The records in a file: one JSON document, or JSON Lines (one record per line).
    public static func documents(in bytes: [UInt8]) -> [(line: Int, value: Result<JSONValue, InputError>)] {
        let whole: JSONSyntaxError
        do throws(JSONSyntaxError) {
            return [(1, .success(try JSONReader.parse(bytes)))]
        } catch {
            whole = error
        }
        let lines = DecisionService.lines(of: bytes)
        func hasText(_ line: [UInt8]) -> Bool { line.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D } }
        // Not JSON Lines when the first line with text opens a value it does not close (a lone
        // `{`): pretty-printed JSON, one document with an error or records one after another
        // (`decide --record A B`). One error for the file, not one for each of its lines, which
        // hid the cause under a hundred. A log whose first line was damaged is still read line
        // by line, so that its check names the line.
        // A line that reads as a log entry (an object with `seq`) makes it a log, read line by line.
        func isLogEntry(_ line: [UInt8]) -> Bool {
            guard let value = try? JSONReader.parse(line), case .integer = value["seq"] ?? .null else { return false }
            return true
        }
        if let first = lines.firstIndex(where: hasText), lines[first].filter({ $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) == [UInt8(ascii: "{")],
            !lines.contains(where: isLogEntry)
        {
            let message =
                whole.message.hasPrefix("unexpected text after the JSON value")
                ? "several JSON documents one after another (the second begins at line \(whole.line)); give one record per file, or JSON Lines with one record on each line"
                : "invalid JSON at line \(whole.line), column \(whole.column): \(whole.message)"
            return [(whole.line, .failure(InputError(code: "E-JSON", path: "$", message: message)))]
        }
        return lines.enumerated().compactMap { i, line -> (line: Int, value: Result<JSONValue, InputError>)? in
            guard hasText(line) else { return nil }
            do throws(JSONSyntaxError) {
                return (i + 1, .success(try JSONReader.parse(line)))
            } catch {
                return (i + 1, .failure(InputError(code: "E-JSON", path: "$", message: "invalid JSON at line \(i + 1), column \(error.column): \(error.message)")))
            }
        }
    }
}

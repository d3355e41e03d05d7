/// What the monitoring report reads of one decision (interface §11 `report`): only the
/// skeleton of a log entry, which outlives a redaction, so a redacted entry counts like any
/// other and no personal datum is ever read.
public struct MonitoringEntry: Sendable, Equatable {
    public var applicationDate: CalendarDate
    public var decisionDate: CalendarDate?
    public var outcome: Decision.Outcome
    public var designations: [String]
    /// Unlifted refusal grounds, once each per decision.
    public var grounds: [ImpactTally.Ground]
    /// The hardship articles that lifted a ground (`lifted.by`), once each per decision.
    public var hardship: [String]
    /// Defect codes, once each per decision.
    public var defects: [String]
    /// Missing facts by label code (`income`, `woonverklaring`), once each per decision.
    public var missingFacts: [String]
    /// The digest of the rules that decided (`engine.rules`).
    public var rules: String?

    /// The date the entry is counted on: the decision date, else the application date.
    public var date: CalendarDate { decisionDate ?? applicationDate }

    public enum Line: Sendable {
        case decision(MonitoringEntry, seq: Int?, hash: String?, redacted: Bool)
        /// A redaction entry: part of the chain, not a decision.
        case redaction(seq: Int, hash: String?)

        /// The decision's entry; nil for a redaction entry.
        public var entry: MonitoringEntry? {
            if case .decision(let entry, _, _, _) = self { return entry }
            return nil
        }
    }

    /// Reads a log entry (or a decision record, or a bare decision) from its JSON.
    public static func read(_ document: JSONValue) throws(InputError) -> Line {
        var decision = document
        var seq: Int?, hash: String?, redacted = false
        if case .integer(let number) = document["seq"] ?? .null {
            seq = number
            if case .string(let text) = document["hash"] ?? .null { hash = text }
            if case .object = document["redaction"] ?? .null { return .redaction(seq: number, hash: hash) }
            guard let skeleton = document["skeleton"] else {
                throw InputError(code: "E-MISSING", path: "$.skeleton", message: "a log entry without 'skeleton'")
            }
            decision = skeleton
            redacted = document["personal"] == nil
        }
        func date(_ key: String) throws(InputError) -> CalendarDate? {
            guard let value = decision[key], value != .null else { return nil }
            guard case .string(let text) = value, let date = CalendarDate(parsing: text) else {
                throw InputError(code: "E-DATE", path: "$.\(key)", message: "expected a date YYYY-MM-DD")
            }
            return date
        }
        guard let applicationDate = try date("applicationDate") else {
            throw InputError(code: "E-MISSING", path: "$.applicationDate", message: "not a decision: 'applicationDate' is missing")
        }
        guard case .string(let code) = decision["outcome"] ?? .null, let outcome = Decision.Outcome(rawValue: code) else {
            throw InputError(code: "E-MISSING", path: "$.outcome", message: "not a decision: no known 'outcome'")
        }
        var entry = MonitoringEntry(
            applicationDate: applicationDate, decisionDate: try date("decisionDate"), outcome: outcome, designations: strings(decision["designations"]),
            grounds: [], hardship: [], defects: [], missingFacts: [], rules: nil)
        if case .array(let reasons) = decision["reasons"] ?? .null {
            for reason in reasons where reason["effect"] == .string("refuse") && reason["result"] == .string("applied") {
                guard case .string(let rule) = reason["rule"] ?? .null, case .string(let citation) = reason["citation"] ?? .null else { continue }
                if case .object = reason["lifted"] ?? .null {
                    if case .string(let by) = reason["lifted"]?["by"] ?? .null, !entry.hardship.contains(by) { entry.hardship.append(by) }
                } else {
                    let ground = ImpactTally.Ground(rule: rule, citation: citation)
                    if !entry.grounds.contains(ground) { entry.grounds.append(ground) }
                }
            }
        }
        if case .array(let defects) = decision["defects"] ?? .null {
            for case .string(let code) in defects.map({ $0["code"] ?? .null }) where !entry.defects.contains(code) { entry.defects.append(code) }
        }
        for path in strings(decision["missingFacts"]) {
            let code = MissingFactWords.code(path)?.code ?? "other"
            if !entry.missingFacts.contains(code) { entry.missingFacts.append(code) }
        }
        if case .string(let rules) = decision["engine"]?["rules"] ?? .null { entry.rules = rules }
        return .decision(entry, seq: seq, hash: hash, redacted: redacted)
    }

    static func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items) = value ?? .null else { return [] }
        return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }
}

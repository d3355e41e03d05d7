/// Serialises a ``Decision`` as interface §4 JSON: sorted keys, no clock, byte-identical for the
/// same input, rules and designations.
public enum DecisionWriter {
    /// The engine block: version now; the rule and designation digests arrive with decision records.
    public struct EngineInfo: Sendable {
        public var version: String
        public var rules: String?
        public var designations: String?

        public init(version: String, rules: String? = nil, designations: String? = nil) {
            self.version = version
            self.rules = rules
            self.designations = designations
        }
    }

    /// The decision; with `input`, a self-contained decision record (interface §4, `--record`).
    public static func json(_ decision: Decision, engine: EngineInfo, input: JSONValue? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("application", .string(decision.application)),
            ("applicationDate", .string(decision.applicationDate.description)),
            ("decisionDate", decision.decisionDate.map { .string($0.description) } ?? .null),
            ("role", .string(decision.role.rawValue)),
            ("outcome", .string(decision.outcome.rawValue)),
            ("lawDate", .string(decision.lawDate.description)),
            ("lawVersion", .string(decision.lawVersion.description)),
            ("designations", .array(decision.designations.map { .string($0) })),
            ("conditions", .array(decision.conditions.map { .string($0) })),
            ("priority", decision.priority.map(priority) ?? .null),
            ("reasons", .array(decision.reasons.map(reason))),
            ("defects", .array(decision.defects.map(defect))),
            ("missingFacts", .array(decision.missingFacts.map { .string($0) })),
            ("screeningScope", .array(decision.screeningScope.map(scope))),
        ]
        if let counterfactuals = decision.counterfactuals { members.append(("counterfactuals", .array(counterfactuals.map(counterfactual)))) }
        var engineMembers: [(String, JSONValue)] = [("version", .string(engine.version))]
        if let rules = engine.rules { engineMembers.append(("rules", .string(rules))) }
        if let designations = engine.designations { engineMembers.append(("designations", .string(designations))) }
        members.append(("engine", .sortedObject(engineMembers)))
        if let input { members.append(("input", input)) }
        return .sortedObject(members)
    }

    /// One "from when" (interface §11); `event` names what explains `from`.
    static func counterfactual(_ c: Counterfactual) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(c.rule)), ("citation", .string(c.citation)), ("from", c.from.map { .string($0.description) } ?? .null),
            ("event", .string(c.event.rawValue)), ("because", text(c.because.nl, c.because.en)),
            ("wouldLift", .array(c.wouldLift.map { text($0.nl, $0.en) })),
        ]
        if let person = c.person { members.append(("person", .string(person))) }
        return .sortedObject(members)
    }

    static func text(_ nl: String, _ en: String) -> JSONValue {
        .sortedObject([("nl", .string(nl)), ("en", .string(en))])
    }

    static func priority(_ priority: Priority) -> JSONValue {
        .sortedObject([
            ("citation", .string(priority.citation)),
            ("flagsCitation", priority.flagsCitation.map { .string($0) } ?? .null),
            ("characteristics", .array(priority.characteristics.map { .string($0) })),
            ("aboveUrgent", priority.flags["aboveUrgent"].map { .bool($0) } ?? .null),
            ("aboveLocalTies", priority.flags["aboveLocalTies"].map { .bool($0) } ?? .null),
        ])
    }

    static func reason(_ reason: Reason) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(reason.rule)), ("citation", .string(reason.citation)), ("effect", .string(reason.effect)),
            ("result", .string(reason.result.rawValue)),
            ("facts", .sortedObject(reason.facts.map { ($0.key, $0.value) })), ("text", text(reason.nl, reason.en)),
        ]
        if let person = reason.person { members.append(("person", .string(person))) }
        if let lift = reason.lifted {
            members.append(
                ("lifted", .sortedObject([
                    ("by", .string(lift.by)), ("citation", .string(lift.citation)), ("date", .string(lift.date.description)),
                    ("decidedBy", .string(lift.decidedBy)), ("reason", .string(lift.reason)),
                ])))
        }
        return .sortedObject(members)
    }

    static func defect(_ defect: Defect) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("code", .string(defect.code)), ("citation", .string(defect.citation)), ("text", text(defect.nl, defect.en)),
        ]
        if let person = defect.person { members.append(("person", .string(person))) }
        return .sortedObject(members)
    }

    static func scope(_ request: ScreeningRequest) -> JSONValue {
        .sortedObject([
            ("person", .string(request.person)), ("from", .string(request.from.description)),
            ("until", .string(request.until.description)), ("behaviours", .array(request.behaviours.map { .string($0) })),
        ])
    }

    /// The batch error record of interface §4, written in place of a decision.
    public static func errorRecord(line: Int, error: InputError) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("line", .integer(line)),
            ("error", .sortedObject([("code", .string(error.code)), ("path", .string(error.path)), ("message", .string(error.message))])),
        ]
        if let id = error.applicationId { members.append(("id", .string(id))) }
        return .sortedObject(members)
    }
}

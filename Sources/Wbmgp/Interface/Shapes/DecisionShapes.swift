/// The decision (interface §4) as ``DecisionWriter`` writes it, for the schema of
/// `GET /v1/schemas/decision.json`. The writer is the one source of the bytes; this declaration
/// says what a reader of them may rely on, and a test validates every fixture's decision and
/// record against it.
public enum DecisionShapes {
    static let words = ObjectShape(title: "Texts", members: [.required("en", .string, "English"), .required("nl", .string, "Dutch")])

    public static let decision = ObjectShape(title: "Decision", members: [
        .required("application", .string, "the application's id"),
        .required("applicationDate", .date, "as in the application"),
        .optional("decisionDate", .date, "as in the application, or null"),
        .required("role", .code(.fixed(Role.allCases.map(\.rawValue))), "who decided, and so what could be read"),
        .required("outcome", .code(.fixed(Decision.Outcome.allCases.map(\.rawValue))), "what chapter 3 of the Wbmgp means for the permit"),
        .required("lawDate", .date, "the day whose law was applied"),
        .required("lawVersion", .date, "the first day of the law version applied"),
        .required("designations", .array(.string, nonEmpty: false), "the ids of the designations covering the dwelling"),
        .required("conditions", .array(.string, nonEmpty: false), "voorschriften of a positive woonverklaring with conditions"),
        .optional("priority", .object(priority), "art. 9 priority, or null"),
        .required("reasons", .array(.object(reason), nonEmpty: true), "every rule that was evaluated, with its citation"),
        .required("defects", .array(.object(defect), nonEmpty: false), "procedural defects"),
        .required("missingFacts", .array(.string, nonEmpty: false), "the JSON paths of the facts needed to decide"),
        .required("screeningScope", .array(.object(screeningRequest), nonEmpty: false), "the police data the mayor may request (art. 10b lid 2)"),
        .required("engine", .object(engine), "the engine version and the digests of the rules and designations"),
        .optional("input", .object(ApplicationShapes.application), "a record's canonical input, for replay"),
        .optional("counterfactuals", .array(.object(counterfactual), nonEmpty: false), "with --counterfactuals: from when each ground of a refusal or incompleteness would no longer stand in the way (interface §11)"),
    ])

    static let counterfactual = ObjectShape(title: "Counterfactual", members: [
        .required("rule", .string, "the rule of the ground"),
        .required("citation", .string, "the article and paragraph"),
        .optional("person", .string, "the member it concerns"),
        .optional("from", .date, "the first day a new application with the same facts would no longer meet this ground, or null when time alone does not lift it"),
        .required("event", .code(.fixed(CounterfactualEvent.allCases.map(\.rawValue))), "what explains from, or why it is null"),
        .required("because", .object(words), "the event in words"),
        .required("wouldLift", .array(.object(words), nonEmpty: false), "what else would lift the ground, in words"),
    ])


    static let priority = ObjectShape(title: "Priority", members: [
        .required("citation", .string, "the article"),
        .optional("flagsCitation", .string, "the article of the flags"),
        .required("characteristics", .array(.string, nonEmpty: false), "the characteristics that give priority"),
        .optional("aboveUrgent", .boolean, "priority above urgent seekers"),
        .optional("aboveLocalTies", .boolean, "priority above seekers with local ties"),
    ])

    static let reason = ObjectShape(title: "Reason", members: [
        .required("rule", .string, "the rule's id"),
        .required("citation", .string, "the article and paragraph"),
        .required("effect", .string, "what the rule does: refuse, conditions, priority, defect, screen or lookup"),
        .required("result", .code(.fixed(RuleResult.allCases.map(\.rawValue))), "applied, passed, unknown or unreached"),
        .required("facts", .any, "the facts the rule used"),
        .required("text", .object(words), "the reason in words"),
        .optional("person", .string, "the member it concerns"),
        .optional("lifted", .object(lift), "the hardship decision that set this ground aside"),
    ])

    static let lift = ObjectShape(title: "Lift", members: [
        .required("by", .string, "the hardship article"), .required("citation", .string, "its citation"), .required("date", .date, "its date"),
        .required("decidedBy", .string, "who decided"), .required("reason", .string, "why"),
    ])

    static let defect = ObjectShape(title: "Defect", members: [
        .required("code", .string, "the defect"), .required("citation", .string, "the article"), .required("text", .object(words), "in words"),
        .optional("person", .string, "the member it concerns"),
    ])

    static let screeningRequest = ObjectShape(title: "ScreeningRequest", members: [
        .required("person", .string, "the member"), .required("from", .date, "first day of the look-back"),
        .required("until", .date, "last day"), .required("behaviours", .array(.code(.vocabulary("behaviour")), nonEmpty: false), "the behaviours selected"),
    ])

    static let engine = ObjectShape(title: "Engine", members: [
        .required("version", .string, "the engine's version"), .optional("rules", .string, "sha256 of the rules"),
        .optional("designations", .string, "sha256 of the designations"),
    ])
}

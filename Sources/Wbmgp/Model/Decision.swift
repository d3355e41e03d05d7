/// The engine's answer to one application (interface §4): a plain value, serialised
/// deterministically by ``DecisionWriter``.
public struct Decision: Hashable, Sendable {
    public enum Outcome: String, Sendable, CaseIterable {
        case granted, grantedWithConditions = "granted-with-conditions", refused
        case notApplicable = "not-applicable", incomplete
    }

    public var application: String
    public var applicationDate: CalendarDate
    /// The application's `decisionDate`, when it gave one (interface §4).
    public var decisionDate: CalendarDate?
    /// The role the application was read and decided in (interface §2).
    public var role: Role = .desk
    public var outcome: Outcome
    public var lawDate: CalendarDate
    public var lawVersion: CalendarDate
    public var designations: [String]
    public var conditions: [String]
    public var priority: Priority?
    public var reasons: [Reason]
    public var defects: [Defect]
    public var missingFacts: [String]
    public var screeningScope: [ScreeningRequest]
    /// The police records some rule used (`uses`), by household index and record index, sorted:
    /// a decision record keeps only these (interface §4, `--record`).
    public var usedPoliceRecords: [RecordReference] = []
    /// "From when" (interface §11): one per unlifted refusal ground or undecided rule of a
    /// refused or incomplete decision; nil when not asked for (not written), empty otherwise.
    public var counterfactuals: [Counterfactual]? = nil
}

extension Decision {
    /// The refusal grounds that stand: reasons of a refusing rule that applied and that no
    /// hardship decision lifted (the dictum's grounds, the text output's heading).
    public var standingGrounds: [Reason] {
        reasons.filter { $0.effect == "refuse" && $0.result == .applied && $0.lifted == nil }
    }
}

/// When a ground of a refusal or an incompleteness would no longer stand in the way of a new
/// application with the same facts, and what else would lift it (interface §11).
public struct Counterfactual: Hashable, Sendable {
    public var rule: String
    public var citation: String
    public var person: String?
    /// The earliest date on which a new application would no longer be refused or undecided on
    /// this ground; nil when time alone cannot lift it.
    public var from: CalendarDate?
    /// What explains ``from``: the event on that date, or why there is none.
    public var event: CounterfactualEvent
    public var because: Wording
    /// What, besides time, would lift the ground, in the rules' words.
    public var wouldLift: [Wording]

    public struct Wording: Hashable, Sendable {
        public var nl: String
        public var en: String
    }
}

public struct RecordReference: Hashable, Sendable, Comparable {
    public var person: Int
    public var index: Int

    public static func < (a: RecordReference, b: RecordReference) -> Bool { (a.person, a.index) < (b.person, b.index) }
}

/// One rule's result for one person (or for the application), with the facts it used.
public struct Reason: Hashable, Sendable {
    public var rule: String {
        get { words.id }
        set { words = RuleWords(id: newValue, citation: citation, effect: effect) }
    }
    /// The start of the rule version that gave this reason (not written; for coverage).
    public var ruleVersion: CalendarDate
    public var citation: String {
        get { words.citation }
        set { words = RuleWords(id: rule, citation: newValue, effect: effect) }
    }
    public var effect: String {
        get { words.effect }
        set { words = RuleWords(id: rule, citation: citation, effect: newValue) }
    }
    /// The rule's id, citation and effect, shared with every reason of the rule version
    /// (``RuleWords``), and their JSON, which the writer copies.
    var words: RuleWords
    public var result: RuleResult
    public var lifted: Lift?
    public var person: String?
    /// The facts the rule used, rendered as JSON values, in the order of their names' bytes
    /// (``CompiledRule/facts``), as they are written.
    public var facts: [JSONMember] {
        get { content.facts }
        set { content.facts = newValue }
    }
    /// The facts and texts, as rendered into the decision's ``TextArena`` or as set.
    var content: ReasonContent
    // A text changed after it was rendered is no longer known clean.
    public var nl: String {
        get { content.nl }
        set {
            content.nl = newValue
            escaping.needsNone = false
        }
    }
    public var en: String {
        get { content.en }
        set {
            content.en = newValue
            escaping.needsNone = false
        }
    }
    /// Whether ``nl`` and ``en`` hold no byte JSON escapes, as known when they were rendered;
    /// the writer then copies them as they are. Not part of the reason's value.
    var escaping = TextEscaping()
}

/// What is known of a text's bytes when it was made: `needsNone` when none is a byte JSON
/// escapes (a control byte, `"` or `\`), so the writer copies the text without scanning it.
///
/// A hint, not a value: any two compare equal and hash alike, so a reason read back from JSON
/// (without the hint) equals the one the engine made.
struct TextEscaping: Hashable, Sendable {
    var needsNone = false

    static func == (_: TextEscaping, _: TextEscaping) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

/// A hardship decision that lifted a refusal.
public struct Lift: Hashable, Sendable {
    public var by: String
    public var citation: String
    public var date: CalendarDate
    public var decidedBy: String
    public var reason: String
}

public struct Priority: Hashable, Sendable {
    public var citation: String
    /// What the ranking flags rest on (interface §4 `flagsCitation`); nil when the rules give none.
    public var flagsCitation: String? = nil
    public var characteristics: [String]
    /// Ranking flags by name (`aboveUrgent`, `aboveLocalTies`); a flag the law of the day does not
    /// know is absent and written as null.
    public var flags: PriorityFlags
}

/// A few named flags: read like a dictionary (`flags["aboveUrgent"]`), stored as a short list in
/// the rule's order, so a decision builds no hash table for two entries.
public struct PriorityFlags: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    public struct Entry: Hashable, Sendable {
        public var name: String
        public var value: Bool
    }
    public private(set) var entries: [Entry] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, Bool)...) {
        for (name, value) in elements { self[name] = value }
    }

    public subscript(name: String) -> Bool? {
        get { entries.first { $0.name == name }?.value }
        set {
            let index = entries.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let i?, let value?): entries[i].value = value
            case (let i?, nil): entries.remove(at: i)
            case (nil, let value?): entries.append(Entry(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    /// Equal when the same names have the same values, in any order (as dictionaries compare).
    public static func == (a: PriorityFlags, b: PriorityFlags) -> Bool {
        a.entries.count == b.entries.count && a.entries.allSatisfy { b[$0.name] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent, to agree with ==.
        var combined = 0
        for entry in entries { combined ^= entry.hashValue }
        hasher.combine(combined)
    }
}

public struct Defect: Hashable, Sendable {
    public var code: String
    public var citation: String
    public var person: String?
    public var nl: String
    public var en: String
}

/// The police-data request for one person: window and selected behaviours.
public struct ScreeningRequest: Hashable, Sendable {
    public var person: String
    public var from: CalendarDate
    public var until: CalendarDate
    public var behaviours: [String]
}

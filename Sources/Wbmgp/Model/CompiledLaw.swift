/// The whole rule module after compilation: the law as it stands in each period, ready to run.
///
/// Compiled once per process; deciding never re-parses or re-resolves.
public struct CompiledLaw: Sendable {
    /// Consecutive periods in which no rule, parameter, set or measure changes, oldest first.
    public var snapshots: [LawSnapshot]
    /// Input vocabularies (`codes`), e.g. the income codes an application may use.
    public var vocabularies: [String: [String]]
    /// The citation of each vocabulary that has one (`codes NAME = … "CITATION"`),
    /// quoted in the errors about its codes.
    public var vocabularyCitations: [String: String] = [:]
    /// How whole years and months are added in every date computation of the law (ages, windows,
    /// terms): `codes monthEnd = …` in the rules; the last day of the month when not declared.
    public var monthEnd: MonthEndRule = .lastDayOfMonth
    /// The days on which a statutory term does not end (`holiday`, `equated`), for `termEnd`.
    public var holidays: HolidayCalendar = .none
    /// The words a person reads for codes (`labels`).
    public var labels = TextLabels()
    /// Measure declarations by name, each with its dated versions.
    public var measures: [String: [MeasureDeclaration]]
    /// The names of ``measures``, sorted: a rule's and a covering set's measures are numbered
    /// by their place here (``CompiledRule/measureNumber``).
    public var measureNames: [String] { Self.measureNames(of: measures) }

    /// The names of `measures` in the order that numbers them: the one numbering of the rules'
    /// measures (the compiler's) and the covering sets' (the engine's).
    static func measureNames(of measures: [String: [MeasureDeclaration]]) -> [String] { measures.keys.sorted() }
    /// Every parameter's dated values, for checks outside rules (designation terms).
    public var parameters: [String: [DatedValue]]
    /// For each measure, the names of its fields over all its versions, in declaration order: the
    /// slot order of ``MeasureSetting/values``.
    public var measureFieldOrder: [String: [String]]
    /// Law version start dates (`version`), ascending.
    public var versions: [CalendarDate]
    /// Number of rule ids (all versions counted once) and of rule versions.
    public var ruleCount: Int
    public var ruleVersionCount: Int
    /// Every rule id with its citation, in rule-file order (for coverage and summaries).
    public var ruleIds: [String]
    /// Every requirement code, in rule-file order.
    public var requirementCodes: [String]

    /// The snapshot in force on `date`, or nil before the first version of the law.
    public func snapshot(on date: CalendarDate) -> LawSnapshot? {
        period(on: date).map { snapshots[$0] }
    }

    /// The position in ``snapshots`` of the period in force on `date`, or nil before the first
    /// version of the law. A decision reads its period's rules in place: a snapshot taken out is a
    /// copy, counting references to its rules and requirements, and each was freed again (about
    /// 400 instructions a decision, for its own period and a dated rule's).
    public func period(on date: CalendarDate) -> Int? {
        // The search keeps a position, not the snapshot (each taken on the way was such a copy).
        var low = 0
        var high = snapshots.count - 1
        var found: Int?
        while low <= high {
            let mid = (low + high) / 2
            if snapshots[mid].from <= date {
                found = mid
                low = mid + 1
            } else {
                high = mid - 1
            }
        }
        guard let found, snapshots[found].until.map({ date <= $0 }) ?? true else { return nil }
        return found
    }

    /// The value of parameter `name` in force on `date`.
    public func parameter(_ name: String, on date: CalendarDate) -> Value? {
        parameters[name]?.first { $0.from <= date && ($0.until.map { date <= $0 } ?? true) }?.value
    }

    /// The start of the law version in force on `date`.
    public func lawVersion(on date: CalendarDate) -> CalendarDate? {
        versions.last { $0 <= date }
    }

    /// The declaration of measure `name` in force on `date`.
    public func measure(_ name: String, on date: CalendarDate) -> MeasureDeclaration? {
        measures[name]?.first { $0.from <= date && ($0.until.map { date <= $0 } ?? true) }
    }
}

/// A parameter value with the period it is in force.
public struct DatedValue: Sendable {
    public var from: CalendarDate
    public var until: CalendarDate?
    public var value: Value
}

/// The rules in force during one period, in evaluation order (by article file, then rule order).
public struct LawSnapshot: Sendable {
    public var from: CalendarDate
    public var until: CalendarDate?
    public let rules: [CompiledRule]
    /// The designation-request requirements in force, in rule-file order.
    public var requirements: [CompiledRequirement]

    /// The most slots any rule needs: an evaluator sized for it once per decision never grows.
    /// Worked out once here, not per decision.
    public let maximumSlotCount: Int
    /// ``rules`` again, as references that count nothing, for the engine to lend each rule to a
    /// decision (``Engine``): iterating ``rules`` counted a reference to every rule of every
    /// decision, and released it. ``rules`` keeps them alive as long as the snapshot.
    let lentRules: [Unmanaged<CompiledRule>]

    public init(from: CalendarDate, until: CalendarDate?, rules: [CompiledRule], requirements: [CompiledRequirement]) {
        self.from = from
        self.until = until
        self.rules = rules
        lentRules = rules.map { Unmanaged.passUnretained($0) }
        self.requirements = requirements
        maximumSlotCount = rules.reduce(0) { max($0, $1.slotCount) }
    }
}

/// A requirement of a designation request (legal spec A7), compiled.
public struct CompiledRequirement: Sendable {
    public enum Severity: String, Sendable, CaseIterable { case error, warning, info }
    /// Which date selects the law (interface §7): the requested term's start (default), the
    /// request's receipt, or the day the Minister decides (for an undecided request, the deadline).
    public enum LawDate: String, Sendable, CaseIterable { case termStart, receivedDate, ministerDecisionDate }

    public var code: String
    public var citation: String
    public var severity: Severity
    /// The law dates it is judged under, each in turn (`dated by a, b`): it must hold under all.
    public var lawDates: [LawDate]
    /// Also run by `rules check` on designation files and their `extends` chains.
    public var checksDesignations: Bool
    public var gates: [CodeRef]
    public var failsWhen: CodeRef
    public var path: String
    public var facts: [CompiledFact]
    public var messages: [(guardExpression: CodeRef?, text: Template)]
    /// The finding for people, in Dutch and English (`text [when G] nl … en …`).
    public var texts: [Text]
    public var slotCount: Int

    public struct Text: Sendable {
        public var guardExpression: CodeRef?
        public var nl: Template
        public var en: Template
    }
    /// The flat code every ``CodeRef`` of this requirement points into.
    public var program: ExpressionCode
}

/// A measure type a designation can carry (`measure art8 …`) and the by-law fields it takes.
public struct MeasureDeclaration: Sendable {
    public struct Field: Sendable {
        public enum Kind: Sendable, Equatable {
            case bool
            case code(vocabulary: String)
            case codes(vocabulary: String?)
            case oneOf([String])
            /// A whole number of days (at most ``MeasureDeclaration/Field/maximumDays``), read as a duration.
            case days
            /// `{ CODE: { "nl", "en" } }`: the words for the designation's own codes
            /// (`characteristicLabels`); shown in texts, read by no rule.
            case labels
        }
        /// The most days a `days` field may hold: a century, far beyond any by-law's period.
        public static let maximumDays = 36_525
        public var name: String
        public var kind: Kind
        public var defaultValue: Value?
        public var isRequired: Bool
        /// Required (a list: non-empty) only when another field has this value.
        public var requiredWhen: (field: String, value: String)?
    }

    public var name: String
    public var citation: String
    public var from: CalendarDate
    public var until: CalendarDate?
    public var fields: [Field]
}

/// A rule version, compiled. Its expressions are roots in ``program``.
public final class CompiledRule: Sendable {
    public let id: String
    public let citation: String
    /// The first day of this version's validity: which version of the rule decided.
    public let validFrom: CalendarDate
    public let measure: String?
    /// ``measure``'s place among the law's measure names (``CompiledLaw/measureNames``); -1 for
    /// a rule under no measure. A decision finds the measure's carrier by it (``CoveringSet``),
    /// where comparing names, at each change of measure between rules, was string work.
    public let measureNumber: Int
    public let gates: [CodeRef]
    /// The list of persons the rule is evaluated for, one reason each; the person is in slot 0.
    public let subject: CodeRef?
    public let effect: CompiledEffect
    public let flags: [(name: String, value: CodeRef)]
    /// The paragraph the ranking flags rest on (`flag NAME = … "CITATION"`), e.g. Wbmgp art. 9
    /// lid 2, where the priority itself rests on lid 1.
    public let flagsCitation: String?
    /// `dated by`: the date whose version of this rule applies (see ``DecisionRun/version(of:in:)``).
    public let datedBy: CodeRef?
    public let lifts: [(code: String, citation: String)]
    /// In the order of their names' bytes, the order a reason's facts are written in: the
    /// writer then sorts nothing.
    public let facts: [CompiledFact]
    /// Lists of police records the rule relies on (`uses`): the records a decision record keeps.
    public let uses: [CodeRef]
    public let reasons: [CompiledReason]
    /// What besides time would lift a ground of this rule (`would lift`, interface §11): every
    /// text whose result matches and whose guard holds is listed.
    public let wouldLift: [CompiledReason]
    public let slotCount: Int
    /// The flat code of all the rule's expressions.
    public let program: ExpressionCode
    /// The rule's words in each of its reasons, with their JSON (``RuleWords``).
    let words: RuleWords
    /// The effect's condition (`when`); nil for the lookup, which has none. With
    /// ``decidesOutcome``, what a decision asks of the effect at every rule: asked of ``effect``
    /// itself, the enum was copied out with its payloads each time.
    let condition: CodeRef?
    /// ``CompiledEffect/decidesOutcome``.
    let decidesOutcome: Bool
    /// Whether the effect is the designation lookup: the one effect without a condition.
    var isLookup: Bool { condition == nil }

    public init(id: String, citation: String, validFrom: CalendarDate, measure: String?, measureNumber: Int, gates: [CodeRef], subject: CodeRef?, effect: CompiledEffect, flags: [(name: String, value: CodeRef)], flagsCitation: String? = nil, datedBy: CodeRef? = nil, lifts: [(code: String, citation: String)], facts: [CompiledFact], uses: [CodeRef], reasons: [CompiledReason], wouldLift: [CompiledReason] = [], slotCount: Int, program: ExpressionCode) {
        self.id = id
        self.citation = citation
        self.validFrom = validFrom
        self.measure = measure
        self.measureNumber = measureNumber
        self.gates = gates
        self.subject = subject
        self.effect = effect
        self.flags = flags
        self.flagsCitation = flagsCitation
        self.datedBy = datedBy
        self.lifts = lifts
        self.facts = facts.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        self.uses = uses
        self.reasons = reasons
        self.wouldLift = wouldLift
        self.slotCount = slotCount
        self.program = program
        words = RuleWords(id: id, citation: citation, effect: effect.name)
        switch effect {
        case .refuse(let c), .conditions(_, let c), .priority(_, let c), .defect(_, let c), .screen(_, _, _, let c): condition = c
        case .lookup: condition = nil
        }
        decidesOutcome = effect.decidesOutcome
    }
}

/// A fact a rule shows in its reason; with `shownWhen`, only when that condition holds, so
/// personal data appears only where the rule used it.
public struct CompiledFact: Sendable {
    public var name: String {
        didSet { member = Self.member(name) }
    }
    public var value: CodeRef
    public var shownWhen: CodeRef?
    /// The name as the start of a JSON member, `"name":`, escaped once here: a reason's facts
    /// are written with their names at every reason, and each was scanned for escapes anew.
    /// In memory of its own, read through a pointer: an array was counted and released at
    /// every fact of every reason.
    private(set) var member: FixedBytes

    public init(name: String, value: CodeRef, shownWhen: CodeRef?) {
        self.name = name
        self.value = value
        self.shownWhen = shownWhen
        member = Self.member(name)
    }

    private static func member(_ name: String) -> FixedBytes {
        var json = JSONBytes()
        json.appendString(name)
        json.byte(UInt8(ascii: ":"))
        return FixedBytes(json.bytes)
    }
}

/// Bytes made once and never changed, in memory of their own that is freed with the object, read
/// through a pointer (``bytes``): reading them counts no reference, where an array read from
/// where it lies was counted and released at every read.
final class FixedBytes: @unchecked Sendable {
    // Unchecked: written once, in `init`, and only read after.
    private let storage: FixedStorage<UInt8>

    init(_ bytes: [UInt8]) { storage = FixedStorage(bytes) }

    /// The bytes where they lie: valid only while this object is held (a rule's fact by its
    /// rule), as any pointer into storage the holder frees.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage.base, count: storage.count) }

    deinit { storage.free() }
}

public enum CompiledEffect: Sendable {
    case refuse(when: CodeRef)
    case conditions(CodeRef, when: CodeRef)
    case priority(characteristics: CodeRef, when: CodeRef)
    case defect(code: String, when: CodeRef)
    case screen(from: CodeRef, until: CodeRef, behaviours: CodeRef, when: CodeRef)
    case lookup

    /// The name a priority's reasons carry in `effect`.
    static let priorityName = "priority"

    /// The name written in a reason's `effect`.
    public var name: String {
        switch self {
        case .refuse: return "refuse"
        case .conditions: return "conditions"
        case .priority: return Self.priorityName
        case .defect: return "defect"
        case .screen: return "screen"
        case .lookup: return "lookup"
        }
    }

    /// Whether the rule's result can decide an outcome or be a ground: a refusal, or conditions
    /// (legal spec A6). A priority, a defect or a screening scope only adds to what a decision
    /// says, so a decision made for counting need not know them.
    var decidesOutcome: Bool {
        switch self {
        case .refuse, .conditions: return true
        case .priority, .defect, .screen, .lookup: return false
        }
    }
}

/// The result of a rule for one person, as written in a reason.
public enum RuleResult: String, Sendable, Hashable, CaseIterable {
    case applied, passed, unknown
    /// Lookup only: a designation covers the dwelling but no measure reaches this application.
    case unreached
}

public struct CompiledReason: Sendable {
    public var result: RuleResult
    public var guardExpression: CodeRef?
    public var nl: Template
    public var en: Template
}

/// A reason text with `{placeholders}` compiled to expressions.
public struct Template: Sendable {
    /// A piece of a template as the compiler makes it; kept as ``literals`` and ``steps``.
    public enum Segment: Sendable {
        /// Literal text as UTF-8, so rendering copies bytes without going through `String`.
        case literal([UInt8])
        case value(CodeRef)
    }

    /// One step of rendering: a literal (`literals[start..<end]`) or a value. Plain numbers, so
    /// walking a template counts no reference (a segment holding an array counted two).
    struct Step: Sendable {
        let start: Int32
        let end: Int32
        /// The value to write; nil for a literal.
        let value: CodeRef?
    }

    /// Every literal's bytes, one after another, and the steps (``TemplateStorage``).
    let storage: TemplateStorage
    /// Whether some literal holds a byte JSON escapes (a control byte, `"` or `\`), found once
    /// here (``TextEscaping``).
    let literalsNeedEscaping: Bool

    public init(segments: [Segment]) {
        var literals: [UInt8] = []
        var steps: [Step] = []
        for segment in segments {
            switch segment {
            case .literal(let bytes):
                let start = Int32(truncatingIfNeeded: literals.count)
                literals += bytes
                steps.append(Step(start: start, end: Int32(truncatingIfNeeded: literals.count), value: nil))
            case .value(let value):
                steps.append(Step(start: 0, end: 0, value: value))
            }
        }
        storage = TemplateStorage(literals: literals, steps: steps)
        literalsNeedEscaping = literals.withUnsafeBufferPointer { JSONBytes.needsEscaping(utf8: $0) }
    }
}

/// A template's literals and steps in memory of their own, never written after they are made,
/// read through pointers: a template passed on to be rendered counts one reference, to this,
/// where its two arrays counted two, at every text of every decision.
/// Unchecked: the memory is written once, in the initialiser, and only read after.
final class TemplateStorage: @unchecked Sendable {
    let literals: FixedStorage<UInt8>
    let steps: FixedStorage<Template.Step>

    init(literals: [UInt8], steps: [Template.Step]) {
        self.literals = FixedStorage(literals)
        self.steps = FixedStorage(steps)
    }

    deinit {
        literals.free()
        steps.free()
    }
}

/// The parsed form of rule files: names and source ranges, nothing resolved yet.
///
/// Data flows one way: text → ``Syntax`` → ``CompiledLaw`` → ``Decision``; evaluation never sees
/// syntax.
public enum Syntax {
    /// A name with the byte range it was written at.
    public struct Name: Hashable, Sendable {
        public var text: String
        public var range: Range<Int>
    }

    /// A date written as the name of a `date` declaration, optionally moved: `stb2014`,
    /// `stb2014 - 1 day`. The ``DeclarationTable`` resolves it once every file is read.
    public struct DateReference: Hashable, Sendable {
        public var name: Name
        public var offset: CalendarPeriod?
        public var subtracts: Bool
    }

    /// `from DATE [until DATE]`: the law-version dates a declaration is in force. Either date may
    /// be a ``DateReference``; until it is resolved, `from`/`until` hold a stand-in.
    public struct Validity: Hashable, Sendable {
        public var from: CalendarDate
        public var until: CalendarDate?
        public var range: Range<Int>
        public var fromReference: DateReference?
        public var untilReference: DateReference?

        public func contains(_ date: CalendarDate) -> Bool {
            date >= from && (until.map { date <= $0 } ?? true)
        }

        public func overlaps(_ other: Validity) -> Bool {
            // An open end compares as the largest day number, without making a date of it.
            from.dayNumber <= (other.until?.dayNumber ?? Int.max) && other.from.dayNumber <= (until?.dayNumber ?? Int.max)
        }
    }

    public struct Citation: Hashable, Sendable {
        public var text: String
        public var range: Range<Int>
    }

    public indirect enum Expression: Hashable, Sendable {
        case integer(Int, Range<Int>)
        case duration(CalendarPeriod, Range<Int>)
        case date(CalendarDate, Range<Int>)
        case string(String, Range<Int>)
        case list([Expression], Range<Int>)
        case name(Name)
        case call(Name, [Expression], Range<Int>)
        case field(Expression, Name)
        case unary(String, Expression, Range<Int>)
        case binary(String, Expression, Expression, Range<Int>)
        /// A run of one operator, `and` or `or`, with two or more operands: one node however
        /// long the run, so nothing walks it by recursion per operand.
        case chain(String, [Expression], Range<Int>)
        case isAbsent(Expression, negated: Bool, Range<Int>)
        case conditional(Expression, Expression, Expression, Range<Int>)
        case filter(Name, Expression, Expression, Range<Int>)
        case quantifier(all: Bool, Name, Expression, Expression, Range<Int>)

        public var range: Range<Int> {
            switch self {
            case .integer(_, let r), .duration(_, let r), .date(_, let r), .string(_, let r), .list(_, let r),
                .call(_, _, let r), .unary(_, _, let r), .binary(_, _, _, let r), .chain(_, _, let r), .isAbsent(_, _, let r),
                .conditional(_, _, _, let r), .filter(_, _, _, let r), .quantifier(_, _, _, _, let r):
                return r
            case .name(let n): return n.range
            case .field(let base, let n): return base.range.lowerBound..<n.range.upperBound
            }
        }
    }

    /// A literal value of a parameter.
    public enum Literal: Hashable, Sendable {
        case integer(Int)
        case duration(CalendarPeriod)
        case date(CalendarDate)
        case bool(Bool)
        case text(String)
    }

    public struct Version: Hashable, Sendable {
        public var date: CalendarDate
        public var title: String
        public var range: Range<Int>
        /// `version NAME "title"`: the date of a `date` declaration.
        public var reference: DateReference?
    }

    /// `date NAME = DATE "citation"`: one named, cited day (the start of an amending act) that
    /// validity periods and versions refer to, so it is written once.
    public struct NamedDate: Hashable, Sendable {
        public var name: Name
        public var date: CalendarDate
        public var citation: Citation?
    }

    /// `holiday NAME nl "…" en "…" "citation" DAY [validity]`: a day on which a statutory term
    /// does not end (Algemene termijnenwet). The validity bounds the days it applies to.
    public struct Holiday: Hashable, Sendable {
        public enum Day: Hashable, Sendable {
            /// `every saturday`
            case every(Name)
            /// `on 27 april [or 26 april when sunday]`: the second day instead when the first
            /// falls on the weekday named.
            case yearly(day: Int, month: Name, instead: Instead?)
            /// `easter [+|- N days]`: Easter Sunday (Gregorian) moved by whole days.
            case easter(offsetDays: Int)
            /// `on 2018-05-11`: one day.
            case dated(CalendarDate)
        }

        public struct Instead: Hashable, Sendable {
            public var day: Int
            public var month: Name
            public var when: Name
        }

        public var name: Name
        public var nl: String
        public var en: String
        public var citation: Citation?
        public var day: Day
        public var validity: Validity?
        public var range: Range<Int>
    }

    /// `labels NAME "citation"` followed by `CODE nl "…" en "…"` lines: the words a person reads
    /// for the codes of one domain (a vocabulary, or a domain the interface fixes).
    public struct LabelSet: Hashable, Sendable {
        public struct Entry: Hashable, Sendable {
            public var code: Name
            public var nl: String
            public var en: String
        }

        public var name: Name
        public var citation: Citation?
        public var entries: [Entry]
    }

    /// `equated YEAR "citation"`: the days a Royal Decree equates with holidays in that year
    /// (Atw art. 3 lid 3) are known, and are the dated holidays of that year.
    public struct EquatedYear: Hashable, Sendable {
        public var year: Int
        public var citation: Citation?
        public var range: Range<Int>
    }

    public struct Parameter: Hashable, Sendable {
        public var name: Name
        public var value: Literal
        public var citation: Citation?
        public var validity: Validity?
    }

    /// `set` (a dated list used by rules) and `codes` (an input vocabulary) share this shape.
    public struct CodeList: Hashable, Sendable {
        public var name: Name
        public var codes: [Name]
        public var citation: Citation?
        public var validity: Validity?
        public var isVocabulary: Bool
    }

    public struct Definition: Hashable, Sendable {
        public var name: Name
        public var parameters: [Name]
        public var body: Expression
    }

    public enum FieldType: Hashable, Sendable {
        case bool
        case code(of: Name)
        case codes(of: Name?)
        case oneOf([Name])
        /// A whole number of days in the designation, a duration in the rules (`vogMaxAgeDays`).
        case days
        /// Words for the designation's codes (`characteristicLabels`), for texts only.
        case labels
    }

    public struct MeasureField: Hashable, Sendable {
        public var name: Name
        public var type: FieldType
        public var defaultValue: Literal?
        public var isRequired: Bool
        /// `required when FIELD = CODE`: required (and, for a list, non-empty) only then.
        public var requiredWhen: (field: Name, value: Name)? {
            get { requiredWhenField.map { ($0, requiredWhenValue ?? $0) } }
            set {
                requiredWhenField = newValue?.field
                requiredWhenValue = newValue?.value
            }
        }
        public var requiredWhenField: Name?
        public var requiredWhenValue: Name?
    }

    public struct Measure: Hashable, Sendable {
        public var name: Name
        public var citation: Citation?
        public var validity: Validity?
        public var fields: [MeasureField]
    }

    public enum Effect: Hashable, Sendable {
        case refuse(when: Expression)
        case conditions(Expression, when: Expression)
        case priority(characteristics: Expression, when: Expression)
        case defect(code: String, when: Expression)
        case screen(from: Expression, until: Expression, behaviours: Expression, when: Expression)
        case lookup
    }

    public struct ReasonText: Hashable, Sendable {
        public var result: Name
        public var guardExpression: Expression?
        public var nl: String
        public var en: String
        public var nlRange: Range<Int>
        public var enRange: Range<Int>
    }

    public struct Rule: Hashable, Sendable {
        public var id: Name
        public var citation: Citation?
        public var validity: Validity?
        public var measure: Name?
        public var gates: [Expression] = []
        public var subjectVariable: Name?
        public var subjectList: Expression?
        public var effect: Effect?
        public var flags: [(Name, Expression)] { flagNames.indices.map { (flagNames[$0], flagValues[$0]) } }
        public var flagNames: [Name] = []
        public var flagValues: [Expression] = []
        /// The citation after each flag, if given; the rule's flags share the first one.
        public var flagCitations: [Citation?] = []
        public var lifts: [(code: Name, citation: Citation)] {
            liftCodes.indices.map { (liftCodes[$0], liftCitations[$0]) }
        }
        public var liftCodes: [Name] = []
        public var liftCitations: [Citation] = []
        public var facts: [(Name, Expression)] { factNames.indices.map { (factNames[$0], factValues[$0]) } }
        public var factNames: [Name] = []
        public var factValues: [Expression] = []
        /// `fact x = … when C`: the fact is shown only when C holds (it was used).
        public var factGuards: [Expression?] = []
        /// `uses EXPR`: the police records this rule relies on; only these are kept in a record.
        public var uses: [Expression] = []
        /// `dated by EXPRESSION`: the date whose version of this rule (and its parameters)
        /// applies, instead of the law date (tempus regit actum: a procedural act by its own date).
        public var datedBy: Expression?
        public var reasons: [ReasonText] = []
        /// `would lift RESULT [when …] nl … en …`: what, besides time, would lift this ground
        /// (interface §11 `wouldLift`), for a refusal (`applied`) or an undecided rule (`unknown`).
        public var wouldLift: [ReasonText] = []
        public var keywordRange: Range<Int>
        /// A clause failed to parse; checks for a missing effect or reason are then skipped, so
        /// one typo gives one diagnostic.
        public var hasSyntaxErrors = false
    }

    /// A statutory requirement of a designation request (`requirement REQ-… "citation" error …`).
    public struct Requirement: Hashable, Sendable {
        public var code: Name
        public var citation: Citation?
        public var severity: Name?
        public var validity: Validity?
        /// `dated by receivedDate` (or `ministerDecisionDate`, `termStart`; several, comma-separated,
        /// must each be met): the law dates the requirement is judged under. None: the term's start.
        public var datedBy: [Name] = []
        public var checksDesignations = false
        public var gates: [Expression] = []
        public var failsWhen: Expression?
        public var path: (String, Range<Int>)? {
            get { pathText.map { ($0, pathRange) } }
            set {
                pathText = newValue?.0
                pathRange = newValue?.1 ?? 0..<0
            }
        }
        public var pathText: String?
        public var pathRange: Range<Int> = 0..<0
        public var factNames: [Name] = []
        public var factValues: [Expression] = []
        public var factGuards: [Expression?] = []
        public var messages: [Message] = []
        /// `text [when G] nl "…" en "…"`: the finding in words for people (interface §7).
        public var texts: [Text] = []
        public var hasSyntaxErrors = false

        public struct Message: Hashable, Sendable {
            public var guardExpression: Expression?
            public var text: String
            public var range: Range<Int>
        }

        public struct Text: Hashable, Sendable {
            public var guardExpression: Expression?
            public var nl: String
            public var en: String
            public var nlRange: Range<Int>
            public var enRange: Range<Int>
        }
    }

    public enum Declaration: Hashable, Sendable {
        case version(Version)
        case parameter(Parameter)
        case codeList(CodeList)
        case definition(Definition)
        case measure(Measure)
        case rule(Rule)
        case requirement(Requirement)
        case namedDate(NamedDate)
        case holiday(Holiday)
        case equatedYear(EquatedYear)
        case labels(LabelSet)
    }

    public struct RuleFile: Sendable {
        public var source: SourceFile
        public var declarations: [Declaration]
    }
}

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

    /// `from DATE [until DATE]`: the law-version dates a declaration is in force.
    public struct Validity: Hashable, Sendable {
        public var from: CalendarDate
        public var until: CalendarDate?
        public var range: Range<Int>

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
        /// `dated by receivedDate`: the law date is the request's receipt, not the term's start.
        public var datedBy: Name?
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
        public var hasSyntaxErrors = false

        public struct Message: Hashable, Sendable {
            public var guardExpression: Expression?
            public var text: String
            public var range: Range<Int>
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
    }

    public struct RuleFile: Sendable {
        public var source: SourceFile
        public var declarations: [Declaration]
    }
}

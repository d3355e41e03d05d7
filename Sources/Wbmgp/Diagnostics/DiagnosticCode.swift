/// A stable identifier for a kind of diagnostic; CI and tests filter on it.
///
/// `R…` codes are rule-file errors, `D…` designation-file errors. The list with meanings is in
/// `docs/rule-language.md`.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    // Lexical and syntax errors.
    public static let unexpectedCharacter: DiagnosticCode = "R001"
    public static let unterminatedString: DiagnosticCode = "R002"
    public static let invalidDate: DiagnosticCode = "R003"
    public static let expectedToken: DiagnosticCode = "R004"
    public static let unknownDeclaration: DiagnosticCode = "R005"
    public static let unknownClause: DiagnosticCode = "R006"
    /// A number that does not fit a whole number, or a duration past 9,999 years.
    public static let numberOutOfRange: DiagnosticCode = "R007"
    /// An expression nesting deeper than 256 levels (in the text, or once definitions and facts
    /// are inlined).
    public static let nestingTooDeep: DiagnosticCode = "R008"
    /// Definitions that inline into more expression nodes than a compile allows.
    public static let expressionTooLarge: DiagnosticCode = "R009"
    // Names and types.
    public static let unknownName: DiagnosticCode = "R010"
    public static let unknownFunction: DiagnosticCode = "R011"
    public static let unknownField: DiagnosticCode = "R012"
    public static let unknownMeasure: DiagnosticCode = "R013"
    public static let unknownPlaceholder: DiagnosticCode = "R014"
    public static let unknownCode: DiagnosticCode = "R015"
    public static let typeMismatch: DiagnosticCode = "R020"
    public static let wrongArgumentCount: DiagnosticCode = "R021"
    public static let recursiveDefinition: DiagnosticCode = "R022"
    // Rule structure.
    public static let duplicateRule: DiagnosticCode = "R030"
    public static let overlappingValidity: DiagnosticCode = "R031"
    public static let missingCitation: DiagnosticCode = "R032"
    public static let missingReason: DiagnosticCode = "R033"
    public static let missingEffect: DiagnosticCode = "R034"
    public static let invalidPeriod: DiagnosticCode = "R035"
    public static let notInForce: DiagnosticCode = "R036"
    public static let duplicateDeclaration: DiagnosticCode = "R037"
    public static let missingDeclaration: DiagnosticCode = "R038"
    // Designation files.
    public static let designationJSON: DiagnosticCode = "D001"
    public static let designationField: DiagnosticCode = "D002"
    public static let designationValue: DiagnosticCode = "D003"
    public static let designationMeasureNotInForce: DiagnosticCode = "D004"
    public static let designationTerm: DiagnosticCode = "D005"
    public static let designationConflict: DiagnosticCode = "D006"
    public static let designationDuplicate: DiagnosticCode = "D007"
    public static let designationExtends: DiagnosticCode = "D008"
    public static let designationChain: DiagnosticCode = "D009"
    /// A designation carries a measure no rule is `under`: it would decide nothing.
    public static let designationMeasureWithoutRules: DiagnosticCode = "D010"
    // Files.
    public static let fileUnreadable: DiagnosticCode = "F001"
    /// A warning: the designation folder or file given holds no designation.
    public static let noDesignations: DiagnosticCode = "F002"
}

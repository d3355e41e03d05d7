/// A problem with one input document: a stable code, the JSON path, and what was expected.
///
/// Codes are listed in the README (`E-DATE`, `E-FIELD`, …). A refusal is never an `InputError`.
public struct InputError: Error, Hashable, Sendable {
    public var code: String
    public var path: String
    public var message: String
    /// The application id, when it could be read.
    public var applicationId: String?

    public init(code: String, path: String, message: String, applicationId: String? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.applicationId = applicationId
    }

    /// Input beyond a documented limit (``InputLimits``): the path of the offending value, and a
    /// message saying the limit and what was found.
    static func limit(path: String, message: String) -> InputError {
        InputError(code: "E-LIMIT", path: path, message: message)
    }

    /// The codes an input document can get (applications, requests, records), each listed with
    /// its meaning in the README; the fuzz harness fails on any other.
    public static let documentedCodes: Set<String> = [
        "E-JSON", "E-FIELD", "E-MISSING", "E-TYPE", "E-DATE", "E-CODE", "E-PERIOD", "E-HOUSEHOLD", "E-CHRONOLOGY", "E-VALUE",
        "E-LAW-DATE", "E-LIMIT", "E-DESIGNATION-CONFLICT", "E-POLICE-DATA",
    ]

    /// Whether this error means the designations are broken (exit 78) rather than the input (65).
    public var isDesignationConflict: Bool { code == "E-DESIGNATION-CONFLICT" }
}

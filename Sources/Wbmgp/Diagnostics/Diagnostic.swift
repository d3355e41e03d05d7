/// One problem found in a rule file, a designation file or an input document.
///
/// Rendered GNU-style so editors and CI jump to the spot:
/// `Rules/wbmgp/art08.rules:14:9: error: [R012] unknown fact 'applicant.incom'; did you mean 'applicant.income'?`
/// or, for JSON documents, `Rules/designations/x.json: error: [D003] $.term.until: …`.
public struct Diagnostic: Error, Hashable, Sendable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    /// The file the problem is in.
    public var path: String
    /// 1-based line and column (bytes) for text files; nil for JSON documents.
    public var line: Int?
    public var column: Int?
    /// The JSON path for JSON documents (`$.term.until`).
    public var jsonPath: String?
    /// The source line, for an excerpt with a caret under the column.
    public var excerpt: String?

    public init(
        _ severity: Severity = .error, code: DiagnosticCode, message: String, path: String,
        line: Int? = nil, column: Int? = nil, jsonPath: String? = nil, excerpt: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.jsonPath = jsonPath
        self.excerpt = excerpt
    }

    /// The diagnostic as JSON (`rules check --format json`): fields that do not apply are left out.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("severity", .string(severity.rawValue)), ("code", .string(code.rawValue)), ("message", .string(message)), ("path", .string(path)),
        ]
        if let line { members.append(("line", .integer(line))) }
        if let column { members.append(("column", .integer(column))) }
        if let jsonPath { members.append(("jsonPath", .string(jsonPath))) }
        return .sortedObject(members)
    }

    /// The one-line form; with `excerpt`, followed by the source line and a caret.
    public func rendered(withExcerpt: Bool = true) -> String {
        var text: String
        if let line, let column {
            text = "\(path):\(line):\(column): \(severity.rawValue): [\(code.rawValue)] \(message)"
        } else if let jsonPath {
            text = "\(path): \(severity.rawValue): [\(code.rawValue)] \(jsonPath): \(message)"
        } else {
            text = "\(path): \(severity.rawValue): [\(code.rawValue)] \(message)"
        }
        if withExcerpt, let excerpt, let line, let column {
            let gutter = String(line)
            let pad = String(repeating: " ", count: gutter.count)
            let caretPad = String(excerpt.utf8.prefix(max(0, column - 1)).map { $0 == 0x09 ? "\t" : " " }.joined())
            // A control character (a NUL, an escape) is shown as a dot, in its one column: as it
            // is it was invisible on a terminal, or acted on it; the message names it.
            let shown = String(String.UnicodeScalarView(excerpt.unicodeScalars.map { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value) ? "·" : $0 }))
            text += "\n\(gutter) | \(shown)\n\(pad) | \(caretPad)^"
        }
        return text
    }
}

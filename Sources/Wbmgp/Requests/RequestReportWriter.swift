/// Renders a ``RequestReport`` as JSON (interface §7), as text for a reader, or as JUnit XML with
/// one test case per requirement checked, so a municipality's CI can gate on it.
public enum RequestReportWriter {
    public static func json(_ report: RequestReport) -> JSONValue {
        .sortedObject([
            ("request", .string(report.request)),
            ("valid", .bool(report.isValid)),
            ("lawVersion", .string(report.lawVersion.description)),
            ("findings", .array(report.findings.map(finding))),
            ("summary", .sortedObject([
                ("checked", .integer(report.checked.count)), ("errors", .integer(report.errors)), ("warnings", .integer(report.warnings)),
            ])),
        ])
    }

    static func finding(_ finding: RequestFinding) -> JSONValue {
        .sortedObject([
            ("code", .string(finding.code)), ("severity", .string(finding.severity.rawValue)), ("citation", .string(finding.citation)),
            ("path", .string(finding.path)), ("message", .string(finding.message)),
            ("text", .sortedObject([("nl", .string(finding.text.nl)), ("en", .string(finding.text.en))])),
            ("facts", .sortedObject(finding.facts.map { ($0.key, $0.value) })),
        ])
    }

    /// The report for a reader, in `language`: the verdict, each finding in words with its
    /// citation in the Dutch or English form, and how many other requirements are met. No code,
    /// path or ISO date (interface §10); tools read the JSON.
    public static func text(_ report: RequestReport, language: Language = .nl) -> String {
        let en = language == .en
        let errors = report.errors, warnings = report.warnings
        func count(_ n: Int, _ one: String, _ many: String) -> String {
            "\(n == 0 ? (en ? "no" : "geen") : PlainWords.number(n, language)) \(n == 1 ? one : many)"
        }
        let verdict = report.isValid ? (en ? "meets the statutory requirements" : "voldoet aan de wettelijke eisen") : (en ? "does not meet the statutory requirements" : "voldoet niet aan de wettelijke eisen")
        var lines = [
            en
                ? "Request \(report.request) \(verdict) (\(count(errors, "error", "errors")), \(count(warnings, "warning", "warnings")); \(count(report.checked.count, "requirement", "requirements")) checked; law version of \(PlainWords.date(report.lawVersion, language)))."
                : "Verzoek \(report.request) \(verdict) (\(count(errors, "fout", "fouten")), \(count(warnings, "waarschuwing", "waarschuwingen")); \(count(report.checked.count, "eis", "eisen")) getoetst; wetsversie van \(PlainWords.date(report.lawVersion, language)))."
        ]
        for finding in report.findings {
            let mark: String
            switch finding.severity {
            case .error: mark = "✗"
            case .warning: mark = "!"
            case .info: mark = "i"
            }
            lines.append("\(mark) \(CitationWords.written(finding.citation, language)): \(finding.text.text(language))")
        }
        let failed = Set(report.findings.map(\.code))
        let met = report.checked.filter { !failed.contains($0) }.count
        if met > 0 {
            lines.append(
                en
                    ? "✓ The other \(count(met, "requirement", "requirements")) checked \(met == 1 ? "is" : "are") met."
                    : "✓ Aan de \(count(met, "andere getoetste eis", "andere getoetste eisen")) is voldaan.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A request file that could not be read or checked, shown in JUnit as an `<error>` case.
    public struct UnreadableFile: Hashable, Sendable {
        public var path: String
        public var code: String
        public var message: String

        public init(path: String, code: String, message: String) {
            self.path = path
            self.code = code
            self.message = message
        }
    }

    /// JUnit XML: a test suite per request, a test case per requirement checked (passed ones
    /// included), a failure per error finding (warnings and info go to system-out), and an error case per file that could not be read, so a CI dashboard fails exactly when
    /// the exit code is non-zero.
    public static func junit(_ reports: [RequestReport], unreadable: [UnreadableFile] = [], language: Language = .nl) -> String {
        let tests = reports.map(\.checked.count).reduce(0, +) + unreadable.count
        let failures = reports.map(\.errors).reduce(0, +)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"wbmgp check-request\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(unreadable.count)\">\n"
        if !unreadable.isEmpty {
            xml += "  <testsuite name=\"unreadable requests\" tests=\"\(unreadable.count)\" failures=\"0\" errors=\"\(unreadable.count)\" skipped=\"0\">\n"
            for file in unreadable {
                xml += "    <testcase classname=\"wbmgp.check-request\" name=\"\(MarkupText.escaped(file.path))\">\n"
                xml += "      <error type=\"\(MarkupText.escaped(file.code))\" message=\"\(MarkupText.escaped(file.message))\">\(MarkupText.escaped(file.path + ": " + file.message))</error>\n"
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        for report in reports {
            xml += "  <testsuite name=\"\(MarkupText.escaped(report.request))\" tests=\"\(report.checked.count)\" failures=\"\(report.errors)\" errors=\"0\" skipped=\"0\">\n"
            for code in report.checked {
                xml += "    <testcase classname=\"wbmgp.check-request.\(MarkupText.escaped(report.request))\" name=\"\(MarkupText.escaped(code))\""
                let findings = report.findings.filter { $0.code == code }
                if findings.isEmpty {
                    xml += "/>\n"
                    continue
                }
                xml += ">\n"
                for finding in findings {
                    let words = finding.text.text(language)
                    let detail = MarkupText.escaped("\(finding.citation), \(finding.path): \(words)")
                    if finding.severity == .error {
                        xml += "      <failure type=\"error\" message=\"\(MarkupText.escaped(words))\">\(detail)</failure>\n"
                    } else {
                        xml += "      <system-out>\(finding.severity.rawValue): \(detail)</system-out>\n"
                    }
                }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }
}

import Wbmgp

/// `wbmgp check-request`: check designation requests against the statute (interface §7).
enum CheckRequestCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: ["format", "rules", "on", "lang"], flags: ["help"])
        let format = try args.choice("format", ["text", "json", "junit"], default: "text")
        let language = Language(rawValue: try args.choice("lang", Language.allCases.map(\.rawValue), default: Language.nl.rawValue)) ?? .nl
        // The engine has no clock: whether an undecided request is deemed granted is asked about a day.
        let checkedOn = try args.date("on")
        guard !args.positionals.isEmpty else { throw Arguments.UsageError(message: "check-request needs a FILE or '-' (see 'wbmgp help check-request')") }
        // Requests are checked against the rules only; designation files play no part.
        guard let rules = RulesLocation.find(args) else { return .configuration }
        let (module, diagnostics) = RuleModule.load(rules: rules, designations: nil, readDesignations: false)
        for diagnostic in diagnostics { Output.error(diagnostic.rendered()) }
        guard let module else { return .configuration }
        let reader = RequestReader(law: module.law)
        let checker = RequestChecker(law: module.law)
        var status = ExitStatus.success
        var reports: [RequestReport] = []
        // Files that could not be read or checked: JUnit shows each as an error case, so the
        // XML fails exactly when the exit code does.
        var unreadable: [RequestReportWriter.UnreadableFile] = []
        for path in args.positionals {
            let bytes: [UInt8]
            do throws(FileBytes.Failure) {
                bytes = try InputFiles.bytes(path)
            } catch {
                InputFiles.report(path, error)
                status = status.combined(with: .noInput)
                unreadable.append(.init(path: InputFiles.displayName(path), code: "E-FILE", message: InputFiles.describe(path, error)))
                continue
            }
            do {
                let report = try checker.check(try reader.read(bytes), on: checkedOn)
                reports.append(report)
                if !report.isValid { status = status.combined(with: .findings) }
                switch format {
                case "json": Output.write(JSONWriter.pretty(RequestReportWriter.json(report)) + "\n")
                case "text": Output.write(RequestReportWriter.text(report, language: language))
                default: break
                }
            } catch {
                Output.error("\(InputFiles.displayName(path)): error: [\(error.code)] \(error.path): \(error.message)")
                status = status.combined(with: .dataError)
                unreadable.append(.init(path: InputFiles.displayName(path), code: error.code, message: "\(error.path): \(error.message)"))
            }
        }
        if format == "junit" { Output.write(RequestReportWriter.junit(reports, unreadable: unreadable, language: language)) }
        return status
    }
}

import Wbmgp

/// `wbmgp check-request`: check designation requests against the statute (interface §7).
enum CheckRequestCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: ["format", "rules"], flags: ["help"])
        if args.flags.contains("help") {
            Output.write(Help.checkRequest)
            return .success
        }
        let format = try args.choice("format", ["text", "json", "junit"], default: "text")
        guard !args.positionals.isEmpty else { throw Arguments.UsageError(message: "check-request needs a FILE or '-' (see 'wbmgp help check-request')") }
        // Requests are checked against the rules only; designation files play no part.
        let (module, diagnostics) = RuleModule.load(rules: args.values["rules"] ?? "Rules", designations: nil, readDesignations: false)
        for diagnostic in diagnostics { Output.error(diagnostic.rendered()) }
        guard let module else { return .configuration }
        let reader = RequestReader(law: module.law)
        let checker = RequestChecker(law: module.law)
        var status = ExitStatus.success
        var reports: [RequestReport] = []
        for path in args.positionals {
            guard let bytes = Output.read(path) else {
                Output.error("\(path): error: [E-FILE] no such file")
                status = status.combined(with: .noInput)
                continue
            }
            do {
                let report = try checker.check(try reader.read(bytes))
                reports.append(report)
                if !report.isValid { status = status.combined(with: .findings) }
                switch format {
                case "json": Output.write(JSONWriter.pretty(RequestReportWriter.json(report)) + "\n")
                case "text": Output.write(RequestReportWriter.text(report))
                default: break
                }
            } catch {
                Output.error("\(path == "-" ? "<stdin>" : path): error: [\(error.code)] \(error.path): \(error.message)")
                status = status.combined(with: .dataError)
            }
        }
        if format == "junit" { Output.write(RequestReportWriter.junit(reports)) }
        return status
    }
}

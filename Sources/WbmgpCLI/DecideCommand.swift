import Wbmgp

/// `wbmgp decide`: decide applications from files or stdin (interface §2–§4).
enum DecideCommand {
    static let options = ["format", "lang", "law-date", "rules", "designations", "jobs"]
    static let flags = ["jsonl", "help"]

    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: options, flags: flags)
        if args.flags.contains("help") {
            Output.write(Help.decide)
            return .success
        }
        let format = try args.choice("format", ["json", "text"], default: "json")
        let language = Language(rawValue: try args.choice("lang", ["nl", "en"], default: "nl")) ?? .nl
        var lawDate: CalendarDate?
        if let text = args.values["law-date"] {
            guard let date = CalendarDate(parsing: text) else {
                throw Arguments.UsageError(message: "invalid value '\(text)' for '--law-date'; expected a date YYYY-MM-DD that exists")
            }
            lawDate = date
        }
        if let jobs = args.values["jobs"], (Int(jobs) ?? 0) < 1 {
            throw Arguments.UsageError(message: "invalid value '\(jobs)' for '--jobs'; expected a whole number of at least 1")
        }
        guard !args.positionals.isEmpty else { throw Arguments.UsageError(message: "decide needs a FILE or '-' (see 'wbmgp help decide')") }
        let jsonl = args.flags.contains("jsonl")
        if jsonl, format == "text" { throw Arguments.UsageError(message: "'--format text' writes several lines per decision; it cannot be combined with '--jsonl'") }

        guard let module = ModuleLoader.load(args) else { return .configuration }
        let service = DecisionService(engine: module.engine, engineInfo: .init(version: Version.current), lawDate: lawDate)
        var status = ExitStatus.success
        for path in args.positionals {
            guard let bytes = Output.read(path) else {
                Output.error("\(path): error: [E-FILE] no such file")
                status = status.combined(with: .noInput)
                continue
            }
            let fileStatus = jsonl ? decideLines(bytes, service) : decideDocument(bytes, path: path, service, format: format, language: language)
            status = status.combined(with: fileStatus)
        }
        return status
    }

    static func decideDocument(_ bytes: [UInt8], path: String, _ service: DecisionService, format: String, language: Language) -> ExitStatus {
        do {
            let decision = try service.decide(bytes)
            if format == "text" {
                Output.write(TextRenderer.render(decision, language: language))
            } else {
                Output.write(JSONWriter.pretty(DecisionWriter.json(decision, engine: service.engineInfo)) + "\n")
            }
            return .success
        } catch {
            Output.error("\(path == "-" ? "<stdin>" : path): error: [\(error.code)] \(error.path): \(error.message)")
            return error.isDesignationConflict ? .configuration : .dataError
        }
    }

    static func decideLines(_ bytes: [UInt8], _ service: DecisionService) -> ExitStatus {
        var status = ExitStatus.success
        for (i, line) in DecisionService.lines(of: bytes).enumerated() {
            let (output, error) = service.decideLine(line, number: i + 1)
            Output.write(output + "\n")
            if let error { status = status.combined(with: error.isDesignationConflict ? .configuration : .dataError) }
        }
        return status
    }
}

/// Loads the rule module named by `--rules` and `--designations`, printing diagnostics.
enum ModuleLoader {
    static func load(_ args: Arguments) -> RuleModule? {
        let (module, diagnostics) = RuleModule.load(rules: args.values["rules"] ?? "Rules", designations: args.values["designations"])
        for diagnostic in diagnostics { Output.error(diagnostic.rendered()) }
        if module == nil {
            let errors = diagnostics.filter { $0.severity == .error }.count
            Output.error("wbmgp: \(errors) error(s) in the rules or designations; nothing was decided")
        }
        return module
    }
}

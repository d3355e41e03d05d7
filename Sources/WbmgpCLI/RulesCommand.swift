import Wbmgp

/// `wbmgp rules check`: compile the rules and designations and report every problem.
enum RulesCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        guard let sub = arguments.first, sub == "check" else {
            if arguments.first == "--help" {
                Output.write(Help.rules)
                return .success
            }
            throw Arguments.UsageError(message: "expected 'wbmgp rules check' (see 'wbmgp help rules')")
        }
        let args = try Arguments(Array(arguments.dropFirst()), options: ["rules", "designations", "format"], flags: ["help"])
        if args.flags.contains("help") {
            Output.write(Help.rules)
            return .success
        }
        guard args.positionals.isEmpty else { throw Arguments.UsageError(message: "'rules check' takes no file arguments; use --rules DIR") }
        let format = try args.choice("format", ["text", "json"], default: "text")
        guard let rules = RulesLocation.find(args) else { return .configuration }
        let (module, diagnostics) = RuleModule.load(rules: rules, designations: args.values["designations"])
        if format == "json" {
            // For editors and CI: the same diagnostics as data, on stdout.
            Output.write(JSONWriter.pretty(.array(diagnostics.map(\.json))) + "\n")
            return diagnostics.contains { $0.severity == .error } ? .findings : .success
        }
        for diagnostic in diagnostics { Output.error(diagnostic.rendered()) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        guard let module else {
            Output.write("rules check: \(errors) error(s)\n")
            return .findings
        }
        let law = module.law
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        Output.write(
            "rules check: clean\(warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))"). \(module.ruleFileCount) rule files, \(law.ruleCount) rules (\(law.ruleVersionCount) dated versions), "
                + "\(law.versions.count) law versions, \(law.snapshots.count) law periods, "
                + "\(module.designationFileCount) designations.\n")
        return .success
    }
}

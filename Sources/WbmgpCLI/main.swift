import Glibc
import Wbmgp

/// argv → library → bytes and an exit code; nothing else lives here.
func runCommand(_ arguments: [String]) -> ExitStatus {
    guard let command = arguments.first else {
        Output.write(Help.main)
        return .usage
    }
    // `-h` or `--help` anywhere before `--` prints the command's help and needs no rules.
    let options = arguments.dropFirst().prefix { $0 != "--" }
    if command != "help", options.contains(where: { $0 == "-h" || $0 == "--help" }) {
        Output.write(Help.text(for: command) ?? Help.main)
        return .success
    }
    do throws(Arguments.UsageError) {
        switch command {
        case "decide": return try DecideCommand.run(Array(arguments.dropFirst()))
        case "rules": return try RulesCommand.run(Array(arguments.dropFirst()))
        case "check-request": return try CheckRequestCommand.run(Array(arguments.dropFirst()))
        case "replay": return try ReplayCommand.run(Array(arguments.dropFirst()))
        case "log": return try LogCommand.run(Array(arguments.dropFirst()))
        case "test": return try TestCommand.run(Array(arguments.dropFirst()))
        case "bench": return try BenchCommand.run(Array(arguments.dropFirst()))
        case "serve": return try ServeCommand.run(Array(arguments.dropFirst()))
        case "impact": return try ImpactCommand.run(Array(arguments.dropFirst()))
        case "report": return try ReportCommand.run(Array(arguments.dropFirst()))
        case "--version", "version":
            Output.write("wbmgp \(Version.current)\n")
            return .success
        case "--help", "-h":
            Output.write(Help.main)
            return .success
        case "help":
            guard let topic = arguments.dropFirst().first else {
                Output.write(Help.main)
                return .success
            }
            guard let text = Help.text(for: topic) else { throw Arguments.UsageError(message: "no help for unknown command '\(topic)'") }
            Output.write(text)
            return .success
        default:
            // Every command of the switch above, so that each can be suggested.
            let commands = ["decide", "rules", "check-request", "replay", "log", "test", "bench", "serve", "impact", "report", "version", "help"]
            let hint = Suggestions.closest(to: command, in: commands).map { " Did you mean '\($0)'?" } ?? ""
            throw Arguments.UsageError(message: "Unknown command '\(command)'.\(hint)")
        }
    } catch {
        Output.error("wbmgp: error: \(error.message)\nUsage: wbmgp <subcommand> [options]; see 'wbmgp --help'")
        return .usage
    }
}

StandardStreams.secure()
let status = runCommand(Array(CommandLine.arguments.dropFirst()))
Output.flush()
exit(status.rawValue)

import Wbmgp

/// `wbmgp log verify FILE`: recompute a decision log's hash chain (interface §6).
enum LogCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        guard arguments.first == "verify" else {
            if arguments.first == "--help" {
                Output.write(Help.log)
                return .success
            }
            throw Arguments.UsageError(message: "expected 'wbmgp log verify FILE' (see 'wbmgp help log')")
        }
        let args = try Arguments(Array(arguments.dropFirst()), options: [], flags: ["help"])
        if args.flags.contains("help") {
            Output.write(Help.log)
            return .success
        }
        guard args.positionals.count == 1, let path = args.positionals.first else { throw Arguments.UsageError(message: "'log verify' takes one FILE") }
        guard let bytes = InputFiles.read(path) else { return .noInput }
        switch DecisionLog.verify(bytes) {
        case .intact(let entries):
            Output.write("\(InputFiles.displayName(path)): intact, \(entries) entries\n")
            return .success
        case .broken(let line, let reason):
            Output.write("\(InputFiles.displayName(path)):\(line): broken: \(reason)\n")
            return .findings
        }
    }
}

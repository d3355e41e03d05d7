import Wbmgp

/// `wbmgp replay`: re-decide stored decision records and show what changed (interface §6).
enum ReplayCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: ["format", "rules", "designations"], flags: ["help"])
        if args.flags.contains("help") {
            Output.write(Help.replay)
            return .success
        }
        let format = try args.choice("format", ["text", "json"], default: "text")
        guard !args.positionals.isEmpty else { throw Arguments.UsageError(message: "replay needs a RECORD file or '-' (see 'wbmgp help replay')") }
        guard let module = ModuleLoader.load(args) else { return .configuration }
        let replayer = Replayer(service: DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: Version.current)))
        var status = ExitStatus.success
        for path in args.positionals {
            guard let bytes = Output.read(path) else {
                Output.error("\(path): error: [E-FILE] no such file")
                status = status.combined(with: .noInput)
                continue
            }
            for (line, document) in ReplayWriter.documents(in: bytes) {
                do {
                    let result = try replayer.replay(try document.get())
                    if !result.isIdentical { status = status.combined(with: .findings) }
                    Output.write(format == "json" ? JSONWriter.compact(ReplayWriter.json(result)) + "\n" : ReplayWriter.text(result))
                } catch {
                    Output.error("\(path == "-" ? "<stdin>" : path):\(line): error: [\(error.code)] \(error.path): \(error.message)")
                    status = status.combined(with: .dataError)
                }
            }
        }
        return status
    }
}

import Wbmgp

/// `wbmgp replay`: re-decide stored decision records and show what changed (interface §6).
enum ReplayCommand {
    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: ["format", "rules", "designations", "role"], flags: ["help"])
        let format = try args.choice("format", ["text", "json"], default: "text")
        let role = try args.role()
        guard !args.positionals.isEmpty else { throw Arguments.UsageError(message: "replay needs a RECORD file or '-' (see 'wbmgp help replay')") }
        guard let module = ModuleLoader.load(args) else { return .configuration }
        let replayer = Replayer(service: DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: Version.current)), role: role)
        var status = ExitStatus.success
        for path in args.positionals {
            guard let bytes = InputFiles.read(path) else {
                status = status.combined(with: .noInput)
                continue
            }
            let documents = ReplayWriter.documents(in: bytes)
            if documents.isEmpty {
                Output.error("\(InputFiles.displayName(path)): error: [E-JSON] $: no decision records: the input is empty; expected a record from 'wbmgp decide --record' or a decision log")
                status = status.combined(with: .dataError)
            }
            if let problem = ReplayWriter.logProblem(in: bytes, documents) {
                let name = InputFiles.displayName(path)
                Output.error("\(name):\(problem.line): error: [E-LOG] the decision log does not verify: \(problem.reason). Nothing of it was replayed; see 'wbmgp log verify \(name)'")
                status = status.combined(with: .dataError)
                continue
            }
            for (line, document) in documents {
                do {
                    let result = try replayer.replay(try document.get())
                    if !result.isIdentical { status = status.combined(with: .findings) }
                    Output.write(format == "json" ? JSONWriter.compact(ReplayWriter.json(result)) + "\n" : ReplayWriter.text(result))
                } catch {
                    Output.error("\(InputFiles.displayName(path)):\(line): error: [\(error.code)] \(error.path): \(error.message)")
                    status = status.combined(with: .dataError)
                }
            }
        }
        return status
    }
}

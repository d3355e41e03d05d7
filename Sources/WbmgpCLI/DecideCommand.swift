import Foundation
import Wbmgp

/// `wbmgp decide`: decide applications from files or stdin (interface §2–§4).
enum DecideCommand {
    static let options = ["format", "lang", "law-date", "rules", "designations", "jobs", "log"]
    static let flags = ["jsonl", "record", "report-peak-memory", "quiet", "help"]

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
        let engineInfo = module.engineInfo(version: Version.current)
        let record = args.flags.contains("record")
        let service = DecisionService(engine: module.engine, engineInfo: engineInfo, lawDate: lawDate, record: record)
        let jobs = args.values["jobs"].flatMap { Int($0) } ?? ProcessInfo.processInfo.activeProcessorCount
        var run = DecideRun(service: service, logPath: args.values["log"], format: format, language: language, jobs: jobs)
        if jsonl, jobs > 1 {
            // Each further worker decides with its own compiled copy (compiled side by side).
            run.workerServices = [service] + module.replicas(jobs - 1).map {
                DecisionService(engine: $0.engine, engineInfo: engineInfo, lawDate: lawDate, record: record)
            }
        }
        run.showsProgress = !args.flags.contains("quiet") && isatty(2) == 1
        for path in args.positionals {
            if jsonl, var reader = LineReader(path: path) {
                run.decideLines(&reader)
                reader.close()
                continue
            }
            guard !jsonl, let bytes = Output.read(path) else {
                Output.error("\(path): error: [E-FILE] no such file")
                run.status = run.status.combined(with: .noInput)
                continue
            }
            run.decideDocument(bytes, path: path)
        }
        run.flushLog()
        if args.flags.contains("report-peak-memory") { Output.error("peak RSS: \(PeakMemory.kibibytes()) KiB") }
        return run.status
    }
}

/// One `decide` run: decisions to stdout, records to the log in chunks of whole lines.
struct DecideRun {
    let service: DecisionService
    let logPath: String?
    let format: String
    let language: Language
    let jobs: Int
    var status = ExitStatus.success
    var pendingRecords: [JSONValue] = []
    /// A progress line on stderr for long batches, only when stderr is a terminal.
    var showsProgress = false
    /// For `--jsonl` with several jobs: one service per worker (see ``RuleModule/replica()``).
    var workerServices: [DecisionService] = []

    static let logChunk = 1000

    mutating func decideDocument(_ bytes: [UInt8], path: String) {
        do {
            if format == "text" {
                // One decision serves both the text and the log.
                let (decision, record) = try service.decideWithRecord(bytes, recording: logPath != nil)
                Output.write(TextRenderer.render(decision, language: language))
                if let record { log(record) }
            } else {
                let (output, record) = try service.decideOutput(bytes, logging: logPath != nil)
                Output.write(JSONWriter.pretty(output) + "\n")
                if let record { log(record) }
            }
        } catch {
            Output.error("\(path == "-" ? "<stdin>" : path): error: [\(error.code)] \(error.path): \(error.message)")
            status = status.combined(with: error.isDesignationConflict ? .configuration : .dataError)
        }
    }

    /// Streams the lines in blocks: each block decided on `jobs` cores and written in input
    /// order before the next is read, so memory stays bounded whatever the batch size.
    mutating func decideLines(_ reader: inout LineReader) {
        let batch = workerServices.count > 1 ? BatchDecider(services: workerServices) : BatchDecider(service: service, jobs: jobs)
        var first = 1
        let clock = ContinuousClock()
        let started = clock.now
        var lastReport = started
        defer { if showsProgress, first > 1 { Output.progress(nil) } }
        while true {
            let lines = reader.nextLines(4096)
            if lines.isEmpty { break }
            if showsProgress, clock.now - lastReport > .seconds(1) {
                lastReport = clock.now
                let elapsed = Double((clock.now - started).components.seconds) + Double((clock.now - started).components.attoseconds) / 1e18
                let rate = Double(first - 1) / max(elapsed, 0.001)
                var line = "\(first - 1) decided, \(Int(rate))/s"
                if let total = reader.totalBytes, reader.bytesRead > 0 {
                    let remaining = elapsed * Double(total - reader.bytesRead) / Double(reader.bytesRead)
                    line += ", ETA \(Int(remaining) / 60):" + String(format: "%02d", Int(remaining) % 60)
                }
                Output.progress(line)
            }
            for slice in batch.decide(lines[...], firstLine: first, logging: logPath != nil) {
                Output.write(bytes: slice.bytes)
                for error in slice.errors { status = status.combined(with: error.isDesignationConflict ? .configuration : .dataError) }
                for record in slice.records { log(record) }
            }
            first += lines.count
        }
    }

    mutating func log(_ record: JSONValue) {
        pendingRecords.append(record)
        if pendingRecords.count >= DecideRun.logChunk { flushLog() }
    }

    /// Appends what is pending; success is reported only after the log is synced to disk.
    mutating func flushLog() {
        guard let logPath, !pendingRecords.isEmpty else { return }
        do {
            try DecisionLog.append(pendingRecords, to: logPath)
        } catch {
            Output.error("\(logPath): error: [E-LOG] \(error.message)")
            status = status.combined(with: .internalError)
        }
        pendingRecords.removeAll()
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

/// This process's peak resident memory (VmHWM), for `bench`: the kernel's rusage of a spawned
/// child also counts the parent's memory from before the exec, so the child reports its own.
enum PeakMemory {
    static func kibibytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}

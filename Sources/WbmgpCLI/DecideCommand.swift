import Glibc
import Wbmgp

/// `wbmgp decide`: decide applications from files or stdin (interface §2–§4).
enum DecideCommand {
    static let options = ["format", "lang", "law-date", "rules", "designations", "jobs", "log", "role", "out"]
    static let flags = ["jsonl", "record", "counterfactuals", "report-peak-memory", "quiet", "help"]

    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: options, flags: flags)
        let format = try args.choice("format", ["json", "text", "letter"], default: "json")
        let language = Language(rawValue: try args.choice("lang", ["nl", "en"], default: "nl")) ?? .nl
        let lawDate = try args.date("law-date")
        let jobs = try Jobs.value(args)
        let role = try args.role() ?? .desk
        guard !args.positionals.isEmpty else { throw Arguments.UsageError(message: "decide needs a FILE or '-' (see 'wbmgp help decide')") }
        let jsonl = args.flags.contains("jsonl")
        if jsonl, format == "text" { throw Arguments.UsageError(message: "'--format text' writes several lines per decision; it cannot be combined with '--jsonl'") }

        guard let module = ModuleLoader.load(args, letters: format == "letter") else { return .configuration }
        if format == "letter" {
            return try letters(args, module: module, language: language, lawDate: lawDate, role: role, jsonl: jsonl)
        }
        if args.values["out"] != nil { throw Arguments.UsageError(message: "'--out DIR' is for '--format letter'") }
        let engineInfo = module.engineInfo(version: Version.current)
        let record = args.flags.contains("record")
        let counterfactuals = args.flags.contains("counterfactuals")
        if record, counterfactuals {
            throw Arguments.UsageError(message: "'--counterfactuals' adds to decisions, not to records (replay derives them again); use one of '--record' and '--counterfactuals'")
        }
        let service = DecisionService(engine: module.engine, engineInfo: engineInfo, lawDate: lawDate, record: record, role: role, counterfactuals: counterfactuals)
        var log: DecisionLogWriter?
        if let path = try args.outputPath("log") {
            do throws(DecisionLog.Failure) {
                log = try DecisionLogWriter(path: path) { Output.error("wbmgp: waiting for the lock on \(path), held by another writer") }
            } catch {
                Output.error("\(path): error: [E-LOG] \(error.message)")
                return error.brokenLine == nil ? .outputFailed : .dataError
            }
        }
        defer { log?.close() }
        var run = DecideRun(service: service, log: log, format: format, language: language, jobs: jobs)
        if jsonl, jobs > 1 {
            // Each further worker decides with its own compiled copy, made once the first block
            // shows how many workers the batch can use.
            run.makeReplicas = { count in
                module.replicas(count).map {
                    DecisionService(engine: $0.engine, engineInfo: engineInfo, lawDate: lawDate, record: record, role: role, counterfactuals: counterfactuals)
                }
            }
        }
        run.showsProgress = !args.flags.contains("quiet") && isatty(2) == 1
        for path in args.positionals where !run.stopped {
            if jsonl {
                guard var reader = InputFiles.lineReader(path) else {
                    run.status = run.status.combined(with: .noInput)
                    continue
                }
                run.decideLines(&reader, path: path)
                reader.close()
                continue
            }
            guard let bytes = InputFiles.read(path) else {
                run.status = run.status.combined(with: .noInput)
                continue
            }
            run.decideDocument(bytes, path: path)
        }
        if args.flags.contains("report-peak-memory") { Output.error("peak RSS: \(PeakMemory.kibibytes()) KiB") }
        return run.status
    }
}

extension DecideCommand {
    /// `--format letter`: one letter to stdout, or one `ID.html` per application in `--out DIR`.
    static func letters(_ args: Arguments, module: RuleModule, language: Language, lawDate: CalendarDate?, role: Role, jsonl: Bool) throws(Arguments.UsageError)
        -> ExitStatus
    {
        let directory = try args.outputPath("out")
        if directory == nil, jsonl || args.positionals.count > 1 {
            throw Arguments.UsageError(message: "several letters need '--out DIR' (one ID.html per application); one FILE writes its letter to stdout")
        }
        if args.values["log"] != nil || args.flags.contains("record") {
            throw Arguments.UsageError(message: "'--format letter' writes letters, not records; decide with --log or --record separately")
        }
        guard let template = module.letters[language] else {
            Output.error("wbmgp: error: [F001] the rules hold no letter template besluit.\(language.rawValue).html (RULES/letters)")
            return .configuration
        }
        if let directory {
            guard FileSystem.kind(at: directory) == .directory else {
                Output.error("\(directory): error: [E-OUTPUT] '--out' names no directory")
                return .outputFailed
            }
        }
        let service = DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: Version.current), lawDate: lawDate, role: role)
        var output = LetterOutput(service: service, template: template, language: language, directory: directory)
        for path in args.positionals {
            if jsonl {
                guard var reader = InputFiles.lineReader(path) else {
                    output.status = output.status.combined(with: .noInput)
                    continue
                }
                var number = 0
                while true {
                    let lines = reader.nextLines(256)
                    if lines.isEmpty { break }
                    for line in lines {
                        number += 1
                        output.letter(for: line, label: "\(InputFiles.displayName(path)):\(number)")
                    }
                }
                reader.close()
                // The lines after a failed read got no letter: said, as the JSON batch says it.
                if let failure = reader.failure {
                    Output.error("\(InputFiles.displayName(path)): error: [E-FILE] reading stopped after line \(number): the input \(failure.message)")
                    output.status = output.status.combined(with: .noInput)
                }
                continue
            }
            guard let bytes = InputFiles.read(path) else {
                output.status = output.status.combined(with: .noInput)
                continue
            }
            output.letter(for: bytes, label: InputFiles.displayName(path))
        }
        return output.status
    }
}

/// One `decide` run: each decision's record is durable in the log before the decision is
/// written to stdout, so the log never misses what was printed.
struct DecideRun {
    let service: DecisionService
    let log: DecisionLogWriter?
    let format: String
    let language: Language
    let jobs: Int
    var status = ExitStatus.success
    /// Set when the log could not be written: nothing more is decided.
    private(set) var stopped = false
    /// The input lines (or documents) whose decisions were logged and printed, for the message
    /// when the log fails.
    private var lastDone: (path: String, line: Int)?
    /// The lines of the file being decided that could not be, and the first of them: said on
    /// stderr at the end of the file (their error records are in the output, in place), where a
    /// batch with lines in error ended with exit 65 and not a word.
    private var undecided: (count: Int, first: (line: Int, error: InputError)?) = (0, nil)
    /// A progress line on stderr for long batches, only when stderr is a terminal.
    var showsProgress = false
    /// For `--jsonl` with several jobs: makes services for further workers (see ``RuleModule/replica()``).
    var makeReplicas: ((Int) -> [DecisionService])?
    private var batch: BatchDecider?

    init(service: DecisionService, log: DecisionLogWriter?, format: String, language: Language, jobs: Int) {
        self.service = service
        self.log = log
        self.format = format
        self.language = language
        self.jobs = jobs
    }

    mutating func decideDocument(_ bytes: [UInt8], path: String) {
        do {
            if format == "text" {
                // One decision serves both the text and the log.
                let (application, decision, record) = try service.decideForPeople(bytes, recording: log != nil)
                guard logged(record.map { [$0] } ?? [], path: path) else { return }
                Output.write(TextRenderer.render(decision, application: application, engine: service.engine, language: language))
            } else if log == nil {
                // The same bytes the service answers (the encoder's, laid out).
                Output.write(bytes: try service.decidePretty(bytes, withInput: service.record))
            } else {
                let (output, record) = try service.decideOutput(bytes, logging: true)
                guard logged(record.map { [$0] } ?? [], path: path) else { return }
                Output.write(JSONWriter.pretty(output) + "\n")
            }
            lastDone = (path, 0)
        } catch {
            Output.error("\(InputFiles.displayName(path)): error: [\(error.code)] \(error.path): \(error.message)")
            status = status.combined(with: error.isDesignationConflict ? .configuration : .dataError)
        }
    }

    /// Streams the lines in blocks: each block decided on `jobs` cores, its records logged, and
    /// its decisions written in input order, so memory stays bounded whatever the batch size (at
    /// most three blocks are held: one read ahead, one being decided, one being written). While
    /// the further workers decide a block, this thread writes the block before it and reads the
    /// next (with one job, into its applications), then joins in deciding.
    mutating func decideLines(_ reader: inout LineReader, path: String) {
        undecided = (0, nil)
        defer {
            if let (line, error) = undecided.first {
                let lines = undecided.count == 1 ? "1 line" : "\(undecided.count) lines"
                Output.error(
                    "\(InputFiles.displayName(path)): \(lines) could not be decided, the first on line \(line): [\(error.code)] \(error.path): \(error.message); each has its error record in the output, in its place")
            }
        }
        var first = 1
        var progress = BatchProgress(enabled: showsProgress)
        defer { progress.finish() }
        var lines = nextBlock(&reader)
        var decided: (slices: [BatchDecider.Slice], lastLine: Int)?
        // With one job, each block after the first is read (its JSON into applications) by this
        // thread while the worker decides the one before (``BatchDecider/readsAhead``).
        // The block before, once decided, gives its applications' arrays to the next one read.
        var readAhead: ReadAhead?
        var decidedReadAhead: ReadAhead?
        while !lines.isEmpty {
            progress.report(decided: first - 1, reader: reader)
            let batch = batchDecider(for: lines.count)
            let current = readAhead.take()
            let block = current.map { batch.start($0, firstLine: first, logging: log != nil) }
                ?? batch.start(lines, firstLine: first, logging: log != nil)
            if let (slices, lastLine) = decided.take() {
                guard emit(slices, lastLine: lastLine, path: path) else {
                    _ = block.finish()
                    return
                }
                // Written: the next block's slices write into their buffers.
                batch.recycle(consume slices)
            }
            let next = nextBlock(&reader)
            if batch.readsAhead, !next.isEmpty { readAhead = batch.read(next, recycling: decidedReadAhead.take()) }
            decided = (block.finish(), first + lines.count - 1)
            decidedReadAhead = current
            first += lines.count
            lines = next
        }
        if let (slices, lastLine) = decided, !emit(slices, lastLine: lastLine, path: path) { return }
        if let failure = reader.failure {
            Output.error("\(InputFiles.displayName(path)): error: [E-FILE] reading stopped after line \(first - 1): the input \(failure.message)")
            status = status.combined(with: .noInput)
        }
    }

    /// The next block's lines, lent where the reader read them, with the chunks that hold them:
    /// those are read into again only once the block (and whatever holds its lines) is done.
    private func nextBlock(_ reader: inout LineReader) -> LentLines {
        var lines: [UnsafeBufferPointer<UInt8>] = []
        lines.reserveCapacity(blockLines)
        reader.nextLines(blockLines) { lines.append($0) }
        return LentLines(lines, keptBy: reader.takeLentChunks())
    }

    /// Lines per block: enough that handing a block to the workers costs nothing measurable,
    /// few enough that three blocks of decisions with their texts (about 5 KB each) stay a few
    /// MiB, whatever the batch size. With one job, whose next block is read into applications
    /// while the worker decides (``BatchDecider/readsAhead``), half as many: one job to a file
    /// ran 0.83 → 0.64 s (100,000 lines, eight runs alternated; 256 and 512 alike, 128 and 2,048
    /// slower), likely as a block's applications and decisions pass from one core to the other
    /// while still in its cache. Two jobs ran slower with 512 (0.65 → 0.70 s to a file, 0.57 →
    /// 0.63 s to `/dev/null`), so they keep 1,024 (Benchmarks, step 112).
    var blockLines: Int { jobs == 1 ? 512 : 1024 }

    /// Logs a decided block's records and writes its decisions; false when the log failed and
    /// nothing more may be written.
    private mutating func emit(_ slices: [BatchDecider.Slice], lastLine: Int, path: String) -> Bool {
        guard logged(slices.flatMap(\.records), path: path) else { return false }
        for slice in slices {
            slice.output.withUnsafeBytes { Output.write(bytes: $0) }
            for (line, error) in slice.errors {
                status = status.combined(with: error.isDesignationConflict ? .configuration : .dataError)
                if undecided.count == 0 { undecided.first = (line, error) }
                undecided.count += 1
            }
        }
        lastDone = (path, lastLine)
        return true
    }

    /// The batch decider, with replicas made the first time a block shows how many workers it can use.
    private mutating func batchDecider(for lineCount: Int) -> BatchDecider {
        if let batch { return batch }
        let workers = min(jobs, lineCount)
        let made: BatchDecider
        if let makeReplicas, workers > 1 {
            made = BatchDecider(services: [service] + makeReplicas(workers - 1))
        } else {
            made = BatchDecider(service: service, jobs: jobs)
        }
        batch = made
        return made
    }

    /// Appends the records to the log, when there is one; false, after saying where the run
    /// stopped, when they could not be written.
    private mutating func logged(_ records: [JSONValue], path: String) -> Bool {
        guard let log, !records.isEmpty else { return true }
        do throws(DecisionLog.Failure) {
            try log.append(records)
            return true
        } catch {
            Output.flush()
            let done =
                lastDone.map { $0.line > 0 ? "line \($0.line) of \(InputFiles.displayName($0.path))" : InputFiles.displayName($0.path) }
                .map { "the last input whose decision was logged and printed is \($0)" } ?? "no decision was logged or printed"
            Output.error("\(log.path): error: [E-LOG] \(error.message). The run stopped here: \(done).")
            status = status.combined(with: .outputFailed)
            stopped = true
            return false
        }
    }
}

/// Loads the rule module named by `--rules` and `--designations`, printing diagnostics.
enum ModuleLoader {
    /// - Parameter letters: read the letter templates too (letters and `serve` only).
    static func load(_ args: Arguments, letters: Bool = false) -> RuleModule? {
        guard let rules = RulesLocation.find(args) else { return nil }
        let (module, diagnostics) = RuleModule.load(rules: rules, designations: args.values["designations"], letters: letters)
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
        // "18764 kB"
        Int(ProcessStatus.field("VmHWM")?.split(separator: " ").first ?? "0") ?? 0
    }
}

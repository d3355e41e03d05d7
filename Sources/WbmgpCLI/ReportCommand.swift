import Glibc
import Wbmgp

/// `wbmgp report`: the monitoring figures of decision logs (interface §11; Wbmgp art. 5 lid 5
/// and art. 17), read from the entries' skeletons, so redacted entries count too.
enum ReportCommand {
    static let options = ["by", "from", "until", "format", "lang", "minimum-count", "rules", "designations", "jobs"]
    static let flags = ["verify", "report-peak-memory", "help"]

    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: options, flags: flags)
        let format = try args.choice("format", ["text", "json", "csv", "html"], default: "text")
        let language = Language(rawValue: try args.choice("lang", ["nl", "en"], default: "nl")) ?? .nl
        guard !args.positionals.isEmpty else { throw Arguments.UsageError(message: "report needs one or more decision logs (LOG… or '-')") }
        var by: [MonitoringReport.Dimension] = []
        for name in (args.lists["by"] ?? []).flatMap({ $0.split(separator: ",").map(String.init) }) {
            guard let dimension = MonitoringReport.Dimension(rawValue: name) else {
                throw Arguments.UsageError(message: "invalid value '\(name)' for '--by'; expected designation, municipality, year, quarter or month (comma-separated or repeated)")
            }
            if !by.contains(dimension) { by.append(dimension) }
        }
        if by.filter({ [.year, .quarter, .month].contains($0) }).count > 1 {
            throw Arguments.UsageError(message: "'--by' takes one period: year, quarter or month")
        }
        var minimum = 5
        if let text = args.values["minimum-count"] {
            guard let value = Int(text), value >= 1, value <= 1_000 else {
                throw Arguments.UsageError(message: "invalid value '\(text)' for '--minimum-count'; expected a whole number from 1 to 1000 (default 5)")
            }
            minimum = value
        }
        let from = try args.date("from"), until = try args.date("until")
        if let from, let until, until < from {
            throw Arguments.UsageError(message: "'--until \(until)' lies before '--from \(from)': no day would be counted")
        }
        let jobs = try Jobs.value(args)
        // The rules give the words and the designations' municipalities.
        guard let module = ModuleLoader.load(args) else { return .configuration }
        var municipalities: [String: String] = [:]
        for designation in module.designations { municipalities[designation.id] = designation.municipality }
        // `--verify`: each log's chain is checked first (as `log verify` checks it), and no report
        // is written over a log that does not verify: figures for an evaluation (art. 5 lid 5,
        // art. 17) over entries changed, removed or reordered after they were written would be
        // taken for the decisions made. A standard input cannot be read twice.
        if args.flags.contains("verify") {
            if args.positionals.contains("-") { throw Arguments.UsageError(message: "'--verify' needs log files: standard input cannot be read twice") }
            for path in args.positionals {
                guard var reader = InputFiles.lineReader(path) else { return .noInput }
                defer { reader.close() }
                guard let (verification, _) = DecisionLogVerifier.verify(&reader) else {
                    InputFiles.report(path, reader.failure ?? FileBytes.Failure(errno: EIO))
                    Output.error("wbmgp: no report written: a log could not be read in full to be verified")
                    return .noInput
                }
                if case .broken(let line, let reason) = verification {
                    Output.error("\(InputFiles.displayName(path)):\(line): error: [E-LOG] the log does not verify: \(reason); no report written")
                    return .dataError
                }
            }
        }
        var report = MonitoringReport(by: by, from: from, until: until, minimumCount: minimum, municipalities: municipalities)
        var status = ExitStatus.success
        // A log that could not be opened, or whose reading stopped before its end.
        var readsIncompletely = false
        for path in args.positionals {
            var log = MonitoringReport.Log(path: InputFiles.displayName(path))
            guard var reader = InputFiles.lineReader(path) else {
                status = status.combined(with: .noInput)
                readsIncompletely = true
                continue
            }
            var number = 0
            // The newest entry's sequence number and hash, made into the log's head once at the end.
            var newest: (seq: Int, hash: String?)?
            var oldest: (seq: Int, hash: String?)?
            // Lines are lent by the reader where they were read, a block at a time, with the
            // chunks they are in. Blocks are counted on every core (skeletons found, parsed and
            // counted), up to two at once, while the reader takes in the next; what the blocks
            // gave is taken back in input order. Memory stays bounded by the blocks in flight.
            let counter = LogCounter(template: report, jobs: jobs)
            var inFlight: [LogBlock] = []
            while true {
                var block: [UnsafeBufferPointer<UInt8>] = []
                var numbers: [Int] = []
                let given = reader.nextLines(1_024) { line in
                    number += 1
                    guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                    numbers.append(number)
                    block.append(line)
                }
                let chunks = reader.takeLentChunks()
                // The oldest block is taken back before another starts (the counter's rule), and
                // all of them at the end.
                while !inFlight.isEmpty, inFlight.count >= LogCounter.blocksInFlight || given == 0 {
                    let finished = inFlight.removeFirst().finish()
                    log.decisions += finished.decisions
                    log.redacted += finished.redacted
                    if let newer = finished.newest { newest = newer }
                    if oldest == nil { oldest = finished.oldest }
                    for (lineNumber, error) in finished.failures {
                        log.errors += 1
                        if log.errors <= 20 { Output.error("\(log.path):\(lineNumber): error: [\(error.code)] \(error.path): \(error.message)") }
                        status = status.combined(with: .dataError)
                    }
                }
                if given == 0 { break }
                inFlight.append(counter.start(lines: block, numbers: numbers, storage: chunks))
            }
            counter.merge(into: &report)
            if let failure = reader.failure {
                Output.error("\(log.path): error: [E-FILE] reading stopped after line \(number): the input \(failure.message)")
                status = status.combined(with: .noInput)
                readsIncompletely = true
            }
            reader.close()
            if let newest { log.head = "\(newest.seq):\(newest.hash ?? "?")" }
            // Only a first entry with its hash tells one chain: two whose hash could not be read
            // are not taken for copies.
            if let oldest, let hash = oldest.hash { log.first = "\(oldest.seq):\(hash)" }
            report.logs.append(log)
        }
        // Figures over part of the logs, or over one chain's decisions twice, would be wrong
        // figures in an evaluation (art. 5 lid 5, art. 17): no report is written then.
        var pathByFirstEntry: [String: String] = [:]
        for log in report.logs {
            guard let first = log.first else { continue }
            if let earlier = pathByFirstEntry[first] {
                Output.error(
                    "\(log.path): error: [E-LOG] begins with the same entry as \(earlier) (\(first)): both hold the same chain's decisions, which would be counted twice; give each log once (the longest copy)")
                return status.combined(with: .dataError)
            }
            pathByFirstEntry[first] = log.path
        }
        if readsIncompletely {
            Output.error("wbmgp: no report written: a log could not be read in full, and figures over the others would be taken for the whole")
            return status
        }
        let words = MonitoringWords(language: language, law: module.law, designations: module.designations)
        switch format {
        case "json": Output.write(JSONWriter.pretty(report.json) + "\n")
        case "csv": Output.write(MonitoringCSV.render(report))
        case "html": Output.write(MonitoringPage.render(report, words: words))
        default: Output.write(MonitoringText.render(report, words: words))
        }
        if args.flags.contains("report-peak-memory") { Output.error("peak RSS: \(PeakMemory.kibibytes()) KiB") }
        return status
    }
}

import Foundation
import Wbmgp

/// `wbmgp report`: the monitoring figures of decision logs (interface §11; Wbmgp art. 5 lid 5
/// and art. 17), read from the entries' skeletons, so redacted entries count too.
enum ReportCommand {
    static let options = ["by", "from", "until", "format", "lang", "minimum-count", "rules", "designations", "jobs"]
    static let flags = ["report-peak-memory", "help"]

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
        let jobs = try Jobs.value(args)
        // The rules give the words and the designations' municipalities.
        guard let module = ModuleLoader.load(args) else { return .configuration }
        var municipalities: [String: String] = [:]
        for designation in module.designations { municipalities[designation.id] = designation.municipality }
        var report = MonitoringReport(by: by, from: from, until: until, minimumCount: minimum, municipalities: municipalities)
        var status = ExitStatus.success
        for path in args.positionals {
            var log = MonitoringReport.Log(path: InputFiles.displayName(path))
            var reader: LineReader
            do throws(FileBytes.Failure) {
                reader = try LineReader(path: path)
            } catch {
                InputFiles.report(path, error)
                status = status.combined(with: .noInput)
                continue
            }
            var number = 0
            // The newest entry's sequence number and hash, made into the log's head once at the end.
            var newest: (seq: Int, hash: String?)?
            // Lines are lent by the reader without a copy, a block at a time; while one block is
            // read on every core (skeletons found and parsed), the reader takes in the next, and
            // each block is counted in input order. A block holds the chunks its lines are in, so
            // memory stays bounded by the block size.
            var inFlight: (block: MonitoringEntry.BlockInFlight, numbers: [Int])?
            while true {
                var block: [ArraySlice<UInt8>] = []
                var numbers: [Int] = []
                let given = reader.nextLines(1_024) { line in
                    number += 1
                    guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
                    numbers.append(number)
                    block.append(line)
                }
                // The block before is taken back, this one started, and only then the one before
                // counted: the workers never wait for the counting.
                let finished = inFlight.map { (results: $0.block.finish(), numbers: $0.numbers) }
                inFlight = given == 0 ? nil : (MonitoringEntry.BlockInFlight(block, jobs: jobs), numbers)
                if let finished {
                    for (lineNumber, result) in zip(finished.numbers, finished.results) {
                        switch result {
                        case .success(.redaction(let seq, let hash)):
                            newest = (seq, hash)
                        case .success(.decision(let entry, let seq, let hash, let redacted)):
                            if let seq { newest = (seq, hash) }
                            if report.add(entry) {
                                log.decisions += 1
                                if redacted { log.redacted += 1 }
                            }
                        case .failure(let error):
                            log.errors += 1
                            if log.errors <= 20 { Output.error("\(log.path):\(lineNumber): error: [\(error.code)] \(error.path): \(error.message)") }
                            status = status.combined(with: .dataError)
                        }
                    }
                }
                if given == 0 { break }
            }
            if let failure = reader.failure {
                Output.error("\(log.path): error: [E-FILE] reading stopped after line \(number): the input \(failure.message)")
                status = status.combined(with: .noInput)
            }
            reader.close()
            if let newest { log.head = "\(newest.seq):\(newest.hash ?? "?")" }
            report.logs.append(log)
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

import Foundation
import Wbmgp

/// `wbmgp impact`: a population decided under the law as it is and under a reform, counted
/// (interface §11): outcome transitions, grounds under both, by designation and municipality.
enum ImpactCommand {
    static let options = ["reform", "set", "sweep", "rules", "designations", "role", "format", "changed", "jobs"]
    static let flags = ["quiet", "report-peak-memory", "help"]
    /// Lines read and compared per block: memory stays bounded whatever the population.
    static let blockLines = 8_192

    static func run(_ arguments: [String]) throws(Arguments.UsageError) -> ExitStatus {
        let args = try Arguments(arguments, options: options, flags: flags)
        let format = try args.choice("format", ["text", "json", "csv", "html"], default: "text")
        let role = try args.role() ?? .desk
        let jobs = try Jobs.value(args)
        guard args.positionals.count == 1, let path = args.positionals.first else {
            throw Arguments.UsageError(message: "impact needs one FILE or '-': JSON Lines of applications, decision records or a decision log (see 'wbmgp help impact')")
        }
        let assignments = args.lists["set"] ?? []
        let reformDirectory = args.values["reform"]
        if reformDirectory != nil, !assignments.isEmpty {
            throw Arguments.UsageError(message: "give the reform as '--reform DIR' or as '--set NAME=VALUE', not both")
        }
        guard reformDirectory != nil || !assignments.isEmpty || args.values["sweep"] != nil else {
            throw Arguments.UsageError(message: "impact needs a reform: '--reform DIR', '--set NAME=VALUE' (repeatable) or '--sweep NAME=FROM..TO[:STEP]'")
        }
        var overrides: [LawOverride] = []
        for assignment in assignments {
            switch LawOverride.parse(assignment) {
            case .success(let override): overrides.append(override)
            case .failure(let problem): throw Arguments.UsageError(message: "--set: \(problem.message)")
            }
        }

        guard let rulesDirectory = RulesLocation.find(args), let base = ModuleLoader.load(args) else { return .configuration }
        var reformBase = base
        if let reformDirectory {
            let designations = args.values["designations"] ?? rulesDirectory + "/designations"
            let (module, diagnostics) = RuleModule.load(rules: reformDirectory, designations: designations, letters: false)
            for diagnostic in diagnostics { Output.error(diagnostic.rendered()) }
            guard let module else {
                Output.error("wbmgp: the reform in \(reformDirectory) does not compile; nothing was compared")
                return .configuration
            }
            reformBase = module
        }
        var steps: [(label: String?, overrides: [LawOverride])] = [(nil, overrides)]
        var sweepName: String?
        if let sweep = args.values["sweep"] {
            let values = try SweepValues.parse(sweep, law: reformBase.law)
            sweepName = values.name
            steps = values.assignments.map { ($0.label, overrides + [$0.override]) }
        }
        var reforms: [RuleModule] = []
        for step in steps {
            guard !step.overrides.isEmpty else {
                reforms.append(reformBase)
                continue
            }
            let (module, diagnostics) = reformBase.reform(step.overrides)
            for diagnostic in diagnostics { Output.error(diagnostic.rendered()) }
            guard let module else {
                Output.error("wbmgp: the reform \(step.overrides.map(\.text).joined(separator: ", ")) does not compile; nothing was compared")
                return diagnostics.contains { $0.path.hasPrefix("--set") } ? .usage : .configuration
            }
            reforms.append(module)
        }

        var changedFile: ChangedFile?
        if let changedPath = args.values["changed"] {
            do throws(ChangedFile.Failure) {
                changedFile = try ChangedFile(path: changedPath)
            } catch {
                Output.error("\(changedPath): error: [E-OUTPUT] \(error.message)")
                return .outputFailed
            }
        }
        defer { changedFile?.close() }

        // One set of engines per worker, each compiled for it alone (as `decide --jobs`).
        var workers = [ImpactComparison.Engines(base: base.engine, reforms: reforms.map(\.engine), role: role)]
        if jobs > 1 {
            let baseCopies = base.replicas(jobs - 1)
            let reformCopies = reforms.map { $0.replicas(jobs - 1) }
            for k in 0..<(jobs - 1) {
                workers.append(ImpactComparison.Engines(base: baseCopies[k].engine, reforms: reformCopies.map { $0[k].engine }, role: role))
            }
        }
        let comparison = ImpactComparison(workers: workers, labels: steps.map(\.label))

        var reader: LineReader
        do throws(FileBytes.Failure) {
            reader = try LineReader(path: path)
        } catch {
            InputFiles.report(path, error)
            return .noInput
        }
        defer { reader.close() }
        var tallies = Array(repeating: ImpactTally(), count: reforms.count)
        var errors = 0, redacted = 0, lineNumber = 1
        let shownErrors = 20
        while true {
            let lines = reader.nextLines(blockLines)
            if lines.isEmpty { break }
            for slice in comparison.compare(lines[...], firstLine: lineNumber) {
                for (k, tally) in slice.tallies.enumerated() { tallies[k].merge(tally) }
                redacted += slice.redacted
                for (line, error) in slice.errors {
                    errors += 1
                    if errors <= shownErrors {
                        Output.error("\(InputFiles.displayName(path)):\(line): error: [\(error.code)] \(error.path): \(error.message)")
                    }
                }
                if let file = changedFile, !slice.changed.isEmpty, let problem = file.write(slice.changed) {
                    Output.error("\(file.path): error: [E-OUTPUT] the changed ids could not be written: \(problem)")
                    return .outputFailed
                }
            }
            lineNumber += lines.count
        }
        if let failure = reader.failure {
            Output.error("\(InputFiles.displayName(path)): error: [E-FILE] reading stopped after line \(lineNumber - 1): the input \(failure.message)")
            return .noInput
        }
        if errors > shownErrors { Output.error("\(InputFiles.displayName(path)): \(errors) lines in all could not be read or decided; the first \(shownErrors) are shown") }
        if let file = changedFile, let problem = file.finish() {
            Output.error("\(file.path): error: [E-OUTPUT] the changed ids could not be written: \(problem)")
            return .outputFailed
        }

        let report = ImpactReport(
            errors: errors, redacted: redacted, baseDigest: base.rulesDigest,
            reform: reformDirectory.map { "--reform \($0)" } ?? (overrides.isEmpty ? "" : overrides.map { "--set \($0.text)" }.joined(separator: " ")),
            sweep: sweepName, series: zip(steps, zip(reforms, tallies)).map { ImpactReport.Series(label: $0.label, digest: $1.0.rulesDigest, tally: $1.1) },
            ruleOrder: base.law.ruleIds)
        switch format {
        case "json": Output.write(JSONWriter.pretty(report.json) + "\n")
        case "csv": Output.write(ImpactCSV.render(report))
        case "html": Output.write(ImpactPage.render(report))
        default: Output.write(ImpactText.render(report))
        }
        if args.flags.contains("report-peak-memory") { Output.error("peak RSS: \(PeakMemory.kibibytes()) KiB") }
        return errors > 0 ? .dataError : .success
    }
}

/// `--sweep NAME=FROM..TO[:STEP]`: whole numbers in the parameter's own unit (years for
/// `minimumResidence`), each an override with its label (`3 years`).
enum SweepValues {
    static let maximumValues = 200

    static func parse(_ text: String, law: CompiledLaw) throws(Arguments.UsageError) -> (name: String, assignments: [(label: String, override: LawOverride)]) {
        let usage = "expected --sweep NAME=FROM..TO[:STEP] with whole numbers (e.g. minimumResidence=3..8), found '\(text)'"
        guard let equals = text.firstIndex(of: "=") else { throw Arguments.UsageError(message: usage) }
        let name = String(text[..<equals])
        var range = String(text[text.index(after: equals)...])
        var step = 1
        if let colon = range.firstIndex(of: ":") {
            guard let value = Int(range[range.index(after: colon)...]), value >= 1 else { throw Arguments.UsageError(message: usage) }
            step = value
            range = String(range[..<colon])
        }
        let bounds = range.components(separatedBy: "..")
        guard bounds.count == 2, let from = Int(bounds[0]), let to = Int(bounds[1]), from <= to else { throw Arguments.UsageError(message: usage) }
        guard (to - from) / step + 1 <= maximumValues else {
            throw Arguments.UsageError(message: "--sweep gives \((to - from) / step + 1) values; at most \(maximumValues) are compared in one run")
        }
        guard let current = law.parameters[name]?.first?.value else {
            throw Arguments.UsageError(message: "--sweep: the rules declare no parameter '\(name)' with a number or a duration")
        }
        let unit: String
        switch current {
        case .integer: unit = ""
        case .duration(let period): unit = period.years != 0 ? " years" : period.months != 0 ? " months" : " days"
        default: throw Arguments.UsageError(message: "--sweep: '\(name)' is not a number or a duration")
        }
        var assignments: [(String, LawOverride)] = []
        for value in stride(from: from, through: to, by: step) {
            let label = "\(value)\(unit)"
            guard case .success(let override) = LawOverride.parse("\(name)=\(label)") else { throw Arguments.UsageError(message: usage) }
            assignments.append((label, override))
        }
        return (name, assignments)
    }
}

/// The `--changed FILE` of impact: JSON Lines written as blocks are compared, with POSIX calls
/// whose every result is checked; synced and closed at the end.
final class ChangedFile {
    struct Failure: Error {
        var message: String
    }

    let path: String
    private var descriptor: Int32

    init(path: String) throws(Failure) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(message: "cannot open for writing: \(FileBytes.describe(errno: errno))") }
    }

    /// nil when written; else what went wrong.
    func write(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { FileBytes.write($0, to: descriptor) }.map { FileBytes.describe(errno: $0) }
    }

    /// Syncs and closes; nil when both succeeded.
    func finish() -> String? {
        guard descriptor >= 0 else { return nil }
        let synced = fsync(descriptor) == 0 ? nil : FileBytes.describe(errno: errno)
        let closed = Glibc.close(descriptor) == 0 ? nil : FileBytes.describe(errno: errno)
        descriptor = -1
        return synced ?? closed
    }

    func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }
}

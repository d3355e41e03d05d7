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
        let changedPath = try args.outputPath("changed")
        if let changedPath, FileSystem.isSameFile(changedPath, path) {
            throw Arguments.UsageError(message: "'--changed \(changedPath)' names the input file; it would be emptied before it was read")
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
            // A reform is a whole rule module, as `--rules` takes it: with its own designations
            // when it has them (a term shortened, a designation not extended), else those of the
            // law as it is (ignored, a reform of the designations compared as "changed: 0").
            // `--designations`, when given, is both sides' (a copy of the rules with designations
            // of their own compared against it changed decisions that nothing in it had changed).
            let own = reformDirectory + "/designations"
            let designations = args.values["designations"] ?? (FileSystem.kind(at: own) == .directory ? own : rulesDirectory + "/designations")
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

        guard var reader = InputFiles.lineReader(path) else { return .noInput }
        defer { reader.close() }
        // Opened (and emptied) only once the input is open: the input checked to be another file.
        var changedFile: ChangedFile?
        if let changedPath {
            do throws(ChangedFile.Failure) {
                changedFile = try ChangedFile(path: changedPath)
            } catch {
                Output.error("\(changedPath): error: [E-OUTPUT] \(error.message)")
                return .outputFailed
            }
        }
        defer { changedFile?.close() }
        var tallies = Array(repeating: ImpactTally(), count: reforms.count)
        var errors = 0, redacted = 0, lineNumber = 1
        let shownErrors = 20
        while true {
            let lines = reader.nextLines(blockLines)
            if lines.isEmpty { break }
            let block = comparison.compare(lines[...], firstLine: lineNumber)
            for (k, tally) in block.tallies.enumerated() { tallies[k].merge(tally) }
            for slice in block.slices {
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

        var report = ImpactReport(
            errors: errors, redacted: redacted, baseDigest: base.rulesDigest,
            reform: reformDirectory.map { "--reform \($0)" } ?? (overrides.isEmpty ? "" : overrides.map { "--set \($0.text)" }.joined(separator: " ")),
            sweep: sweepName,
            series: zip(steps, zip(reforms, tallies)).map {
                ImpactReport.Series(label: $0.label, digest: $1.0.rulesDigest, designationsDigest: $1.0.designationsDigest, tally: $1.1)
            },
            ruleOrder: base.law.ruleIds)
        report.baseDesignationsDigest = base.designationsDigest
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

import HTTPServer

/// The checks every fuzzed input must pass, per format, over the shipped law and the fixture
/// designations. An input may be refused, never answered with something broken.
struct FuzzChecks: Sendable {
    let ruleFiles: [(path: String, text: String)]
    let law: CompiledLaw
    let designations: [Designation]
    let service: DecisionService
    /// The same, at the desk: the document path is fuzzed in the default role too.
    let deskService: DecisionService
    /// Decision records of the seed applications, and a three-entry log of them: the seeds of
    /// the record and log targets.
    let records: [[UInt8]]
    let log: [UInt8]
    let sampleApplication: [UInt8]
    /// The letter model of the first seed application, for rendering mutated templates.
    let sampleLetterModel: [String: LetterValue]?
    /// The service's routes at the desk, for the HTTP target.
    let routes: ServiceRoutes

    init(seeds: FuzzSeeds) throws(FuzzTargets.SetupError) {
        ruleFiles = seeds.ruleFiles
        let (compiled, diagnostics) = LawCompiler.compile(files: seeds.ruleFiles)
        guard let compiled else {
            throw FuzzTargets.SetupError(message: "the shipped rules do not compile: \(diagnostics.first?.rendered(withExcerpt: false) ?? "")")
        }
        law = compiled
        designations = DesignationReader(law: compiled).read(files: seeds.fixtureDesignations).0
        // The reviewer's role reads everything an application may hold, police records included.
        service = DecisionService(engine: Engine(law: compiled, designations: designations), engineInfo: .init(version: "fuzz"), role: .review)
        deskService = DecisionService(engine: service.engine, engineInfo: .init(version: "fuzz"))
        routes = ServiceRoutes(service: deskService, letters: seeds.letterTemplates, version: "fuzz")
        var records: [[UInt8]] = []
        for application in seeds.applications {
            if let record = try? service.decideJSON(application, withInput: true) { records.append(Array(JSONWriter.compact(record).utf8)) }
        }
        self.records = records
        var log = ""
        var previous: String?
        for (seq, record) in records.prefix(3).enumerated() {
            // A fixed salt: the seeds must be the same bytes on every run.
            guard let value = try? JSONReader.parse(record),
                let (line, hash) = DecisionLog.entry(record: value, seq: seq + 1, previous: previous, salt: "00112233445566778899aabbccddeeff")
            else { continue }
            log += line + "\n"
            previous = hash
        }
        self.log = Array(log.utf8)
        sampleApplication = seeds.applications[0]
        if let (application, decision, _) = try? service.decideForPeople(seeds.applications[0], recording: false) {
            sampleLetterModel = LetterModel.build(decision, application: application, engine: service.engine, language: .nl)
        } else {
            sampleLetterModel = nil
        }
    }

    /// A batch of the input's lines in the reviewer's role: one strict JSON line out per line in,
    /// each a decision or an error record with a documented code, each record loggable; and the
    /// whole input as one document through the pretty path, at the desk.
    func application(_ input: [UInt8]) -> [String] {
        var problems: [String] = []
        for (i, line) in DecisionService.lines(of: input).enumerated() {
            var out = JSONBytes()
            let (error, record) = service.decideLine(line, number: i + 1, logging: true, into: &out)
            problems += strictLine(out.bytes, "output of line \(i + 1)")
            if let error, !InputError.documentedCodes.contains(error.code) { problems.append("undocumented code \(error.code)") }
            if let record, let entry = DecisionLog.entry(record: record, seq: 1, previous: nil, salt: "5a17"),
                case .broken(_, let reason) = DecisionLog.verify(Array((entry.line + "\n").utf8))
            {
                problems.append("its log entry does not verify: \(reason)")
            }
        }
        do {
            let (output, _) = try deskService.decideOutput(input, logging: false)
            if (try? JSONReader.parse(JSONWriter.pretty(output))) == nil { problems.append("the pretty decision is not JSON") }
        } catch {
            if !InputError.documentedCodes.contains(error.code) { problems.append("undocumented code \(error.code)") }
        }
        return problems
    }

    /// A designation file: diagnostics in that file only; when it reads, deciding under it works.
    func designation(_ input: [UInt8]) -> [String] {
        guard let text = String(validating: input, as: UTF8.self) else { return [] }
        let (read, diagnostics) = DesignationReader(law: law).read(files: [("fuzz.json", text)])
        var problems = diagnostics.filter { $0.path != "fuzz.json" }.map { "diagnostic outside the file: \($0.rendered(withExcerpt: false))" }
        if !read.isEmpty { problems += sampleDecision(law: law, designations: read, "decision under the designation") }
        return problems
    }

    /// A designation request: refused with a documented code, or checked into a report whose
    /// JSON, text and JUnit can be written.
    func request(_ input: [UInt8]) -> [String] {
        do {
            let report = try RequestChecker(law: law).check(try RequestReader(law: law).read(input))
            _ = RequestReportWriter.text(report)
            _ = RequestReportWriter.junit([report])
            return (try? JSONReader.parse(JSONWriter.compact(RequestReportWriter.json(report)))) == nil ? ["the report is not JSON"] : []
        } catch {
            return InputError.documentedCodes.contains(error.code) ? [] : ["undocumented code \(error.code)"]
        }
    }

    /// A rule file, compiled with the other shipped files: every diagnostic inside a file that
    /// was compiled, at a line it has; when the law compiles, the seed application is decided.
    func ruleFile(_ index: Int, _ input: [UInt8]) -> [String] {
        var files = ruleFiles
        files[index].text = String(decoding: input, as: UTF8.self)
        let (compiled, diagnostics) = LawCompiler.compile(files: files)
        var problems: [String] = []
        // Line counts once per file: a mutated file may have 100,000 diagnostics.
        let lineCounts = Dictionary(files.map { ($0.path, $0.text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }) }, uniquingKeysWith: { a, _ in a })
        for diagnostic in diagnostics {
            guard let lines = lineCounts[diagnostic.path] else {
                problems.append("diagnostic outside the files: \(diagnostic.rendered(withExcerpt: false))")
                continue
            }
            if let line = diagnostic.line, line < 1 || line > lines {
                problems.append("diagnostic at line \(line) of a \(lines)-line file: \(diagnostic.rendered(withExcerpt: false))")
            }
        }
        if let compiled { problems += sampleDecision(law: compiled, designations: designations, "decision under the mutated law") }
        return problems
    }

    /// HTTP/1.1 bytes as a connection reads them: each request the parser finds takes some bytes
    /// and no more than there are, its body within the limit, and is answered by the routes with
    /// a status other than 500; a refusal is a client error (or 501/505); no byte is read twice
    /// and none is left unaccounted for.
    func httpRequest(_ input: [UInt8]) -> [String] {
        var problems: [String] = []
        var limits = HTTPLimits()
        limits.bodyBytes = 64 * 1024
        var rest = input[...]
        while true {
            switch HTTPRequestParser.parse(rest, limits: limits) {
            case .incomplete:
                return problems
            case .failure(let status, let message):
                if !(400..<500).contains(status.code), ![501, 505].contains(status.code) { problems.append("refused with \(status.code): \(message)") }
                if message.isEmpty { problems.append("a refusal without a message") }
                return problems
            case .request(let request, let consumed):
                guard consumed > 0, consumed <= rest.count else {
                    problems.append("the parser took \(consumed) of \(rest.count) bytes")
                    return problems
                }
                if request.body.count > limits.bodyBytes { problems.append("a body of \(request.body.count) bytes passed a limit of \(limits.bodyBytes)") }
                if request.headers.contains(where: { $0.name.contains("\r") || $0.name.contains("\n") || $0.value.contains("\n") }) {
                    problems.append("a header holds a line end")
                }
                let response = routes.handle(request)
                if response.status.code >= 500, response.status.code != 503 { problems.append("\(request.method) \(request.path) answered \(response.status.code)") }
                rest = rest.dropFirst(consumed)
            }
        }
    }

    /// A letter template: parsed and checked with diagnostics inside the text, and rendered with
    /// the letter of a sample decision without trapping, whatever it says.
    func letterTemplate(_ input: [UInt8]) -> [String] {
        let text = String(decoding: input, as: UTF8.self)
        let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let (template, found) = LetterTemplate.parse(SourceFile(path: "besluit.html", text: text)) { name in
            name == "besluit.css" ? "p { margin: 0 }" : nil
        }
        var problems: [String] = []
        for diagnostic in found + template.check(against: LetterModel.shape) {
            if let line = diagnostic.line, line < 1 || line > lines {
                problems.append("diagnostic at line \(line) of a \(lines)-line template: \(diagnostic.rendered(withExcerpt: false))")
            }
        }
        if let model = sampleLetterModel { _ = template.render(model) }
        return problems
    }

    /// A decision record (one document or JSON Lines): replayed, or refused with a documented code.
    func record(_ input: [UInt8]) -> [String] {
        let replayer = Replayer(service: service)
        var problems: [String] = []
        for (_, document) in ReplayWriter.documents(in: input) {
            do {
                let result = try replayer.replay(try document.get())
                _ = ReplayWriter.text(result)
                if (try? JSONReader.parse(JSONWriter.compact(ReplayWriter.json(result)))) == nil { problems.append("the replay report is not JSON") }
            } catch {
                if !InputError.documentedCodes.contains(error.code) { problems.append("undocumented code \(error.code)") }
            }
        }
        return problems
    }

    /// An `impact --set` value: read into an override or refused with a message; an override
    /// applied to the shipped rules' declarations, or refused with a diagnostic naming it.
    func override(_ input: [UInt8]) -> [String] {
        switch LawOverride.parse(String(decoding: input, as: UTF8.self)) {
        case .failure(let problem): return problem.message.isEmpty ? ["an override refused without a message"] : []
        case .success(let override):
            let parsed = ruleFiles.map { Parser.parse(SourceFile(path: $0.path, text: $0.text)).0 }
            var table = DeclarationTable(files: parsed)
            let diagnostics = table.apply(override)
            return diagnostics.allSatisfy({ $0.path == "--set \(override.name)" && !$0.message.isEmpty }) ? [] : ["a diagnostic of an override names no --set"]
        }
    }

    /// Decision-log lines for `report`: each counted, skipped as a redaction, or refused with a
    /// documented code; the report's JSON stays JSON and its words render.
    func report(_ input: [UInt8]) -> [String] {
        var report = MonitoringReport(by: [.designation, .municipality, .quarter], from: nil, until: nil, minimumCount: 5, municipalities: [:])
        var problems: [String] = []
        for line in DecisionService.lines(of: input) {
            do throws(InputError) {
                let fast = try MonitoringEntry.read(line: line)
                if case .decision(let entry, _, _, _) = fast {
                    report.add(entry)
                    // The skeleton read alone gives what the whole line gives, where the whole line reads.
                    if let whole = try? JSONReader.parse(line), case .decision(let full, _, _, _)? = try? MonitoringEntry.read(whole), full != entry {
                        problems.append("the skeleton alone reads otherwise than the whole line")
                    }
                }
            } catch {
                if !InputError.documentedCodes.contains(error.code) { problems.append("undocumented code \(error.code)") }
            }
        }
        if (try? JSONReader.parse(JSONWriter.compact(report.json))) == nil { problems.append("the report is not JSON") }
        let words = MonitoringWords(language: .nl, law: law, designations: designations)
        _ = MonitoringText.render(report, words: words)
        _ = MonitoringPage.render(report, words: words)
        return problems
    }

    /// A decision log: verified, intact or broken at a line it has.
    func logFile(_ input: [UInt8]) -> [String] {
        let lines = DecisionService.lines(of: input).count
        switch DecisionLog.verify(input) {
        case .intact(let entries, let redacted):
            return entries == lines && redacted <= entries ? [] : ["intact with \(entries) entries (\(redacted) redacted) in \(lines) lines"]
        case .broken(let line, _): return line >= 1 && line <= max(lines, 1) ? [] : ["broken at line \(line) of \(lines)"]
        }
    }

    /// The seed application decided under `law` and `designations`: a mutated law or designation
    /// that reads must still decide into one strict JSON line (no trap at evaluation).
    func sampleDecision(law: CompiledLaw, designations: [Designation], _ what: String) -> [String] {
        let engine = DecisionService(engine: Engine(law: law, designations: designations), engineInfo: .init(version: "fuzz"), role: .review)
        var out = JSONBytes()
        _ = engine.decideLine(sampleApplication, number: 1, logging: false, into: &out)
        return strictLine(out.bytes, what)
    }

    /// One output line: no line end inside it, and strict JSON (an object).
    func strictLine(_ bytes: [UInt8], _ what: String) -> [String] {
        if bytes.contains(0x0A) { return ["\(what) spans more than one line"] }
        guard case .object = (try? JSONReader.parse(bytes)) ?? .null else { return ["\(what) is not a JSON object"] }
        return []
    }
}

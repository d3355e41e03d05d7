import Foundation
import Testing

@testable import Wbmgp

/// `wbmgp impact` (interface §11): a small population whose counts were worked out by hand
/// (Fixtures/impact/), the same counts whatever the jobs or the input form (applications,
/// records, a decision log), and overrides that the rules cannot take refused with a reason.
@Suite("Impact of a reform over a population")
struct ImpactTests {
    static let directory = TestSupport.fixturesDirectory + "/impact"

    /// The rule module as `wbmgp` loads it, with the fixture designations.
    static func module() throws -> RuleModule {
        let (module, diagnostics) = RuleModule.load(rules: TestSupport.rulesDirectory, designations: TestSupport.fixturesDirectory + "/designations", letters: false)
        return try #require(module, "\(diagnostics.map { $0.rendered(withExcerpt: false) })")
    }

    static func lines(_ name: String) throws -> [[UInt8]] {
        DecisionService.lines(of: Array(try #require(FileManager.default.contents(atPath: directory + "/" + name))))
    }

    static func override(_ text: String) throws -> LawOverride {
        guard case .success(let override) = LawOverride.parse(text) else {
            Issue.record("\(text) does not parse")
            throw CancellationError()
        }
        return override
    }

    /// Compares `lines` under the module and `overrides` (one reform per entry), with `jobs` workers.
    static func report(_ lines: [[UInt8]], reforms overrides: [[LawOverride]], labels: [String?]? = nil, jobs: Int = 1) throws -> (ImpactReport, [UInt8]) {
        let base = try module()
        let reforms = try overrides.map { set in try #require(base.reform(set).0) }
        // With several jobs every worker has replicas (as `impact --jobs` gives all but the first),
        // so a replica that lost the reform could not hide behind a first worker that took all slices.
        var workers = [jobs > 1
            ? ImpactComparison.Engines(base: base.replica().engine, reforms: reforms.map { $0.replica().engine }, role: .desk)
            : ImpactComparison.Engines(base: base.engine, reforms: reforms.map(\.engine), role: .desk)]
        for _ in 1..<max(jobs, 1) {
            workers.append(ImpactComparison.Engines(base: base.replica().engine, reforms: reforms.map { $0.replica().engine }, role: .desk))
        }
        let comparison = ImpactComparison(workers: workers, labels: labels ?? overrides.map { _ in nil })
        var tallies = Array(repeating: ImpactTally(), count: reforms.count)
        var errors = 0, redacted = 0
        var changed: [UInt8] = []
        // Two blocks, as the command reads them, so merging across blocks is exercised too.
        let half = lines.count / 2
        for (block, first) in [(lines[..<half], 1), (lines[half...], half + 1)] {
            let compared = comparison.compare(block, firstLine: first)
            for (k, tally) in compared.tallies.enumerated() { tallies[k].merge(tally) }
            for slice in compared.slices {
                errors += slice.errors.count
                redacted += slice.redacted
                changed += slice.changed
            }
        }
        let series = zip(reforms, tallies).enumerated().map { ImpactReport.Series(label: labels?[$0.offset] ?? nil, digest: $0.element.0.rulesDigest, tally: $0.element.1) }
        return (ImpactReport(errors: errors, redacted: redacted, baseDigest: base.rulesDigest, reform: "", sweep: labels == nil ? nil : "x", series: series, ruleOrder: base.law.ruleIds), changed)
    }

    /// The members of `json` that `expected` names, for comparison.
    static func selected(_ json: JSONValue, like expected: JSONValue) -> JSONValue {
        guard case .object(let members) = expected else { return json }
        return .sortedObject(members.map { ($0.key, json[$0.key] ?? .null) })
    }

    @Test("the population's counts under minimumResidence = 3 years are as worked out by hand")
    func handWorked() throws {
        let fixture = try JSONReader.parse(Array(try #require(FileManager.default.contents(atPath: Self.directory + "/minimumResidence-3-years.json"))))
        let expected = try #require(fixture["expected"])
        let (report, changed) = try Self.report(try Self.lines("population.jsonl"), reforms: [[try Self.override("minimumResidence=3 years")]])
        #expect(TestSupport.sorted(Self.selected(report.json, like: expected)) == TestSupport.sorted(expected))
        // The changed ids are those the hand-worked table says change, in input order.
        guard case .array(let rows) = fixture["perApplication"] ?? .null else {
            Issue.record("no perApplication")
            return
        }
        let expectedChanged = rows.compactMap { row -> String? in
            guard case .string(let id) = row["id"] ?? .null, row["base"] != row["reform"] else { return nil }
            return id
        }
        let changedIds = DecisionService.lines(of: changed).compactMap { line -> String? in
            guard case .string(let id) = (try? JSONReader.parse(line))?["application"] ?? .null else { return nil }
            return id
        }
        #expect(changedIds == expectedChanged)
    }

    @Test("a sweep gives one series per value, each as worked out by hand")
    func sweep() throws {
        let fixture = try JSONReader.parse(Array(try #require(FileManager.default.contents(atPath: Self.directory + "/sweep-minimumResidence-4-to-7.json"))))
        guard case .array(let series) = fixture["series"] ?? .null else {
            Issue.record("no series")
            return
        }
        let labels = series.compactMap { if case .string(let v) = $0["value"] ?? .null { v } else { nil } }
        #expect(labels == ["4 years", "5 years", "6 years", "7 years"])
        let (report, _) = try Self.report(try Self.lines("population.jsonl"), reforms: try labels.map { [try Self.override("minimumResidence=\($0)")] }, labels: labels)
        guard case .array(let got) = report.json["series"] ?? .null else {
            Issue.record("no series in the report")
            return
        }
        #expect(got.count == series.count)
        for (mine, theirs) in zip(got, series) {
            #expect(mine["value"] == theirs["value"])
            #expect(TestSupport.sorted(mine["transitions"] ?? .null) == TestSupport.sorted(theirs["transitions"] ?? .null), "\(theirs["value"] ?? .null)")
        }
    }

    @Test("two workers count exactly what one counts, and list the changed ids in the same order")
    func jobsDoNotMatter() throws {
        let lines = try Self.lines("population.jsonl")
        let reform = [[try Self.override("minimumResidence=3 years")]]
        let (one, changedOne) = try Self.report(lines + lines + lines, reforms: reform)
        let (two, changedTwo) = try Self.report(lines + lines + lines, reforms: reform, jobs: 2)
        #expect(JSONWriter.compact(one.json) == JSONWriter.compact(two.json))
        #expect(changedOne == changedTwo)
        #expect(ImpactText.render(one) == ImpactText.render(two))
        #expect(ImpactCSV.render(one) == ImpactCSV.render(two))
        #expect(ImpactPage.render(one) == ImpactPage.render(two))
    }

    @Test("decision records and a decision log count as the applications they hold; a redacted entry is counted apart")
    func recordsAndLogs() throws {
        let module = try Self.module()
        let service = DecisionService(engine: module.engine, engineInfo: module.engineInfo(version: "test"))
        let applications = try Self.lines("population.jsonl")
        var records: [JSONValue] = []
        for line in applications {
            if let record = try? service.decideJSON(line, withInput: true) { records.append(record) }
        }
        let reform = [[try Self.override("minimumResidence=3 years")]]
        let (fromApplications, _) = try Self.report(applications, reforms: reform)
        let (fromRecords, _) = try Self.report(records.map { Array(JSONWriter.compact($0).utf8) }, reforms: reform)
        #expect(fromRecords.applications == fromApplications.applications)
        #expect(fromRecords.errors == 0)
        #expect(fromRecords.json["transitions"] == fromApplications.json["transitions"])

        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/decisions.log"
        try DecisionLog.append(records, to: path)
        let writer = try DecisionLogWriter(path: path)
        _ = try writer.redact(.entry(1), on: TestSupport.date("2026-11-28"), by: "gemeente", reason: "bewaartermijn verstreken")
        writer.close()
        let (fromLog, _) = try Self.report(DecisionService.lines(of: Array(try #require(FileManager.default.contents(atPath: path)))), reforms: reform)
        #expect(fromLog.redacted == 1)
        #expect(fromLog.applications == fromApplications.applications - 1)
        #expect(fromLog.errors == 0)
    }

    @Test("overrides: a duration in any unit for a duration, codes for a set; anything else is refused with a reason")
    func overrides() throws {
        let module = try Self.module()
        #expect(module.reform([try Self.override("minimumResidence=72 months")]).0 != nil)
        #expect(module.reform([try Self.override("qualifyingIncome={employment, pension}")]).0 != nil)
        let (unknown, unknownDiagnostics) = module.reform([try Self.override("minimumResidense=3 years")])
        #expect(unknown == nil && unknownDiagnostics.contains { $0.message.contains("no parameter or set 'minimumResidense'") })
        let (wrongKind, kindDiagnostics) = module.reform([try Self.override("minimumResidence=3")])
        #expect(wrongKind == nil && kindDiagnostics.contains { $0.message.contains("a duration in years") && $0.path == "--set minimumResidence" })
        let (setAsValue, setDiagnostics) = module.reform([try Self.override("qualifyingIncome=3 years")])
        #expect(setAsValue == nil && setDiagnostics.contains { $0.message.contains("is a set") })
        let (unknownCode, codeDiagnostics) = module.reform([try Self.override("qualifyingIncome={employment, salary}")])
        #expect(unknownCode == nil && !codeDiagnostics.isEmpty)
        for bad in ["minimumResidence", "=3 years", "minimumResidence=3 yeers", "qualifyingIncome={employment"] {
            if case .success = LawOverride.parse(bad) { Issue.record("'\(bad)' parsed") }
        }
        // The reform's digest differs from the rules' and names the override.
        let (reformed, _) = module.reform([try Self.override("minimumResidence=3 years")])
        #expect(reformed?.rulesDigest != module.rulesDigest)
    }
}

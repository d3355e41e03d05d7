import Foundation
import Testing

@testable import Wbmgp

@Suite("Rule scenarios and coverage (interface §8)")
struct ScenarioTests {
    func runAll() throws -> (ScenarioRunner, [ScenarioResult]) {
        let (module, diagnostics) = RuleModule.load(rules: TestSupport.rulesDirectory)
        let loaded = try #require(module, "\(diagnostics.map { $0.rendered() })")
        let runner = ScenarioRunner(law: loaded.law, designations: loaded.designations)
        let directory = TestSupport.rulesDirectory + "/tests"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        let results = names.map { runner.run(path: $0, bytes: Array(FileManager.default.contents(atPath: directory + "/" + $0) ?? Data())) }
        return (runner, results)
    }

    @Test("every shipped scenario passes and every rule version is covered both ways")
    func shipped() throws {
        let (runner, results) = try runAll()
        #expect(results.count >= 30)
        for result in results { #expect(result.passed, "\(result.file): \(result.failures)") }
        let coverage = runner.coverage(results)
        #expect(coverage.count == TestSupport.law.snapshots.flatMap(\.rules).map { "\($0.id)@\($0.validFrom)" }.uniqued().count)
        for row in coverage { #expect(row.isCovered, "\(row.rule) from \(row.version)") }
    }

    @Test("a scenario whose expectation is wrong fails and names the differing field")
    func failing() throws {
        let (runner, _) = try runAll()
        let path = TestSupport.rulesDirectory + "/tests/004-art8-under-six-years-unemployment-benefit-refused.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let wrong = text.replacingOccurrences(of: "\"outcome\": \"refused\"", with: "\"outcome\": \"granted\"")
            .replacingOccurrences(of: "art8.income@p1:applied", with: "art8.income@p1:passed")
        #expect(wrong != text)
        let result = runner.run(path: "wrong.json", bytes: Array(wrong.utf8))
        #expect(result.failures == ["outcome: refused, expected granted", "results: art8.income@p1:applied, expected art8.income@p1:passed"])
        let unreadable = runner.run(path: "bad.json", bytes: Array("{\"name\": \"x\", \"aplication\": {}}".utf8))
        #expect(unreadable.failures.first?.hasPrefix("E-FIELD $.aplication") == true)
    }
}

/// Tempus regit actum (issue 12 item 8): a rule `dated by` an act's date takes the version in force
/// on that date, with its parameters, whatever the law date.
@Suite("Rules dated by the date of an act")
struct DatedByTests {
    func hearing(woonverklaringDate: String) throws -> Reason {
        let scenario = try JSONReader.parse(
            try String(contentsOfFile: TestSupport.rulesDirectory + "/tests/033-art10b-hearing-by-woonverklaring-date-earlier-version.json", encoding: .utf8))
        var text = JSONWriter.compact(try #require(scenario["application"]))
        text = text.replacingOccurrences(of: "\"date\":\"2017-06-28\"", with: "\"date\":\"\(woonverklaringDate)\"")
        let files = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/wbmgp", extension: "rules").files
        let law = try #require(LawCompiler.compile(files: files).0)
        let list: [JSONValue] = if case .array(let elements) = scenario["designations"] ?? .null { elements } else { [] }
        #expect(!list.isEmpty, "scenario 033 brings its designation")
        let (read, _) = DesignationReader(law: law).read(files: list.enumerated().map { ("d\($0.offset).json", JSONWriter.compact($0.element)) })
        let decision = try DecisionService(engine: Engine(law: law, designations: read), engineInfo: .init(version: "t"), role: .review).decide(Array(text.utf8))
        return try #require(decision.reasons.first { $0.rule == "art10b.hearing" })
    }

    @Test("art. 10b lid 6: a woonverklaring of 2017-06-28 (decided 2017-07-03) is heard under the version of 2017-01-01; one of 2017-07-01 under the later")
    func hearingByActDate() throws {
        let earlier = try hearing(woonverklaringDate: "2017-06-28")
        #expect(earlier.ruleVersion == TestSupport.date("2017-01-01"))
        #expect(earlier.nl.contains("aanvrager van de woonverklaring"))
        let later = try hearing(woonverklaringDate: "2017-07-01")
        #expect(later.ruleVersion == TestSupport.date("2017-07-01"))
        #expect(later.nl.contains("aanvrager van de huisvestingsvergunning"))
    }
}

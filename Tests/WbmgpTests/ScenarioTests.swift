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

import Foundation
import Testing

@testable import Wbmgp

/// The law lives in Rules/: a lawyer who edits a number there gets different decisions with no
/// rebuild. The test copies Rules/ to a temporary directory and edits one parameter.
@Suite("Law as data")
struct LawAsDataTests {
    /// A8 example 1 with five years and eight months in the region and no qualifying income.
    static let application = """
        {"id": "law-as-data", "applicationDate": "2019-05-01",
         "dwelling": {"municipality": "Rotterdam", "neighbourhood": "Carnisse", "category": "rental"},
         "household": [{"id": "p1", "role": "applicant", "birthDate": "1985-03-10",
                        "residence": [{"municipality": "Rotterdam", "from": "2013-09-01"}], "income": ["unemployment-benefit"]}]}
        """

    func decide(rules directory: String) throws -> Decision {
        let (module, diagnostics) = RuleModule.load(rules: directory, designations: TestSupport.fixturesDirectory + "/designations/a8-x-rotterdam-carnisse.json")
        let loaded = try #require(module, "\(diagnostics.map { $0.rendered() })")
        return try DecisionService(engine: loaded.engine, engineInfo: .init(version: "test")).decide(Array(LawAsDataTests.application.utf8))
    }

    @Test("lowering the residence threshold of art. 8 lid 1 from 6 to 5 years changes the decision")
    func editThreshold() throws {
        let copy = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: TestSupport.rulesDirectory, toPath: copy + "/Rules")
        let before = try decide(rules: copy + "/Rules")
        #expect(before.outcome == .refused)

        let path = copy + "/Rules/wbmgp/art08.rules"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "parameter minimumResidence = 6 years", with: "parameter minimumResidence = 5 years")
        #expect(edited != text, "the parameter line was not found in art08.rules")
        try edited.write(toFile: path, atomically: false, encoding: .utf8)

        let after = try decide(rules: copy + "/Rules")
        #expect(after.outcome == .granted)
        let reason = try #require(after.reasons.first { $0.rule == "art8.income" })
        #expect(reason.result == .passed)
        #expect(reason.en.contains("at least five years"))
    }

    @Test("the same input gives byte-identical output")
    func determinism() throws {
        let first = try decide(rules: TestSupport.rulesDirectory)
        let second = try decide(rules: TestSupport.rulesDirectory)
        let info = DecisionWriter.EngineInfo(version: "test")
        #expect(JSONWriter.pretty(DecisionWriter.json(first, engine: info)) == JSONWriter.pretty(DecisionWriter.json(second, engine: info)))
    }

    @Test("Sources/ holds no statutory date or code list")
    func noStatutoryLiterals() throws {
        let sources = TestSupport.packageRoot + "/Sources"
        let enumerator = FileManager.default.enumerator(atPath: sources)
        var offending: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: sources + "/" + relative, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let hasDate = line.contains(/"(19|20)\d\d-[01]\d-[0-3]\d"/)
                let hasCode = ["\"student-finance\"", "\"self-employment\"", "\"early-retirement\"", "\"state-pension\""].contains { line.contains($0) }
                if hasDate || hasCode { offending.append("\(relative):\(number + 1)") }
            }
        }
        #expect(offending.isEmpty, "statutory literals belong in Rules/: \(offending)")
    }
}

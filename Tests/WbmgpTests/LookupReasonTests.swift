import Testing

@testable import Wbmgp

/// The designation lookup's reason is made last (it names what the other rules reached) but stands
/// where its rule stands among the rules (step 125 moves the later reasons up in one move).
@Suite("The lookup's reason in its rule's place")
struct LookupReasonTests {
    /// The shipped module with the lookup rule taken out of art05.rules and put after the rules of
    /// art09.rules, so that its reason stands between the others.
    static func lawWithLookupAfterArticle9() throws -> CompiledLaw {
        var files = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/wbmgp", extension: "rules").files
        let art05 = try #require(files.firstIndex { $0.path.hasSuffix("art05.rules") })
        let art09 = try #require(files.firstIndex { $0.path.hasSuffix("art09.rules") })
        let text = files[art05].text
        let start = try #require(text.range(of: "rule designation.lookup"))
        // The rule runs to the next blank line.
        let end = text.range(of: "\n\n", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        let lookup = String(text[start.lowerBound..<end])
        files[art05].text.removeSubrange(start.lowerBound..<end)
        files[art09].text += "\n\n" + lookup + "\n"
        let (law, diagnostics) = LawCompiler.compile(files: files)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map { $0.rendered() })")
        return try #require(law)
    }

    @Test("every fixture's reasons follow their rules' order, the lookup's first or between the others")
    func reasonsInRuleOrder() throws {
        let moved = try Self.lawWithLookupAfterArticle9()
        var lookupBetween = 0
        for fixture in DecideFixture.all("valid") {
            for (law, isMoved) in [(TestSupport.law, false), (moved, true)] {
                let engine = Engine(law: law, designations: try TestSupport.fixtureDesignations(fixture.designationIds))
                let application = try ApplicationReader(law: law, role: fixture.role).read(try #require(fixture.document["application"]))
                let decision = try engine.decide(application, lawDate: fixture.lawDate)
                let order = try #require(law.snapshot(on: decision.lawDate)).rules.map(\.id)
                let places = decision.reasons.map { reason in order.firstIndex(of: reason.rule) ?? -1 }
                #expect(!places.contains(-1), "\(fixture.name): a reason of no rule")
                #expect(places == places.sorted(), "\(fixture.name): reasons \(decision.reasons.map(\.rule)) out of rule order")
                // A lookup reason is in every decision with texts, and exactly once.
                let lookups = decision.reasons.indices.filter { decision.reasons[$0].rule == "designation.lookup" }
                #expect(lookups.count == 1, "\(fixture.name)")
                if !isMoved { #expect(lookups == [0], "\(fixture.name): the shipped lookup rule is the first rule") }
                if isMoved, let at = lookups.first, at > 0, at < decision.reasons.count - 1 { lookupBetween += 1 }
            }
        }
        // Under the moved module the lookup's reason stands between others in many decisions.
        #expect(lookupBetween >= 5)
    }
}

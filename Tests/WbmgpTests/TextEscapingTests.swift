import Foundation
import Testing

@testable import Wbmgp

/// A reason text known clean when rendered (``TextEscaping``) is copied into the output as it is;
/// any other is escaped. These tests show the hint changes no byte, and that words from the input
/// (which the engine cannot check in advance) are still escaped.
@Suite("Reason texts: copied when known clean, escaped otherwise")
struct TextEscapingTests {
    static func engine() throws -> Engine {
        Engine(law: TestSupport.law, designations: try TestSupport.shippedDesignations())
    }

    static func compact(_ decision: Decision) -> [UInt8] {
        var out = JSONBytes()
        DecisionWriter.compact(decision, engine: DecisionWriter.EngineInfo(version: "test"), into: &out)
        return out.bytes
    }

    /// The same decision with every reason's hint dropped (a text set again is no longer known
    /// clean), so the writer scans and escapes each text.
    static func unhinted(_ decision: Decision) -> Decision {
        var copy = decision
        for i in copy.reasons.indices {
            let nl = copy.reasons[i].nl
            copy.reasons[i].nl = nl
        }
        return copy
    }

    static func application(_ file: String) throws -> JSONValue {
        let document = try JSONReader.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        guard case .object(let members) = document, let application = members.first(where: { $0.key == "application" })?.value else {
            throw InputError(code: "E-TEST", path: "$", message: "no application in \(file)")
        }
        return application
    }

    @Test("every valid fixture's decision is written byte for byte the same with and without the hint")
    func hintChangesNoByte() throws {
        let engine = try Self.engine()
        let reader = ApplicationReader(law: TestSupport.law, role: .review)
        let directory = TestSupport.fixturesDirectory + "/decide/valid"
        var hinted = 0, decided = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where name.hasSuffix(".json") {
            guard let application = try? reader.read(try Self.application(directory + "/" + name)),
                let decision = try? engine.decide(application)
            else { continue }
            decided += 1
            hinted += decision.reasons.filter(\.escaping.needsNone).count
            #expect(Self.compact(decision) == Self.compact(Self.unhinted(decision)), "\(name)")
        }
        #expect(decided > 50)
        // The hint is taken: most texts are known clean.
        #expect(hinted > decided)
    }

    @Test("a municipality or category written with a quote, a backslash or a control byte is escaped in the texts, and the line reads back")
    func inputWordsAreEscaped() throws {
        let engine = try Self.engine()
        let reader = ApplicationReader(law: TestSupport.law, role: .review)
        let base = try Self.application(TestSupport.fixturesDirectory + "/decide/valid/001-a8-1-subject-employed.json")
        for (member, value) in [("municipality", "Rotter\"dam\\"), ("municipality", "Rotter\u{1}dam"), ("category", "ren\"tal")] {
            guard case .object(var members) = base, let d = members.firstIndex(where: { $0.key == "dwelling" }), case .object(var dwelling) = members[d].value,
                let m = dwelling.firstIndex(where: { $0.key == member })
            else {
                Issue.record("fixture 001 has no dwelling.\(member)")
                continue
            }
            dwelling[m] = JSONMember(member, .string(value))
            members[d] = JSONMember("dwelling", .object(dwelling))
            let decision = try engine.decide(try reader.read(JSONValue.object(members)))
            // The word reaches a text, which is then not known clean.
            let carrying = decision.reasons.filter { $0.nl.contains(value) }
            #expect(!carrying.isEmpty, "\(value) is in no text")
            #expect(carrying.allSatisfy { !$0.escaping.needsNone })
            #expect(Self.compact(decision) == Self.compact(Self.unhinted(decision)))
            try Self.expectTextsReadBack(decision)
        }
    }

    /// The written line is valid JSON, and its reason texts are the decision's.
    static func expectTextsReadBack(_ decision: Decision) throws {
        guard case .object(let written) = try JSONReader.parse(compact(decision)), case .array(let reasons)? = written.first(where: { $0.key == "reasons" })?.value else {
            Issue.record("no reasons written")
            return
        }
        #expect(reasons.count == decision.reasons.count)
        for (reason, json) in zip(decision.reasons, reasons) {
            guard case .object(let fields) = json, case .object(let text)? = fields.first(where: { $0.key == "text" })?.value else { continue }
            #expect(text.first(where: { $0.key == "nl" })?.value == .string(reason.nl))
            #expect(text.first(where: { $0.key == "en" })?.value == .string(reason.en))
        }
    }

    @Test("a label of the rules with a quote makes no text known clean, and the line still reads back")
    func quotedLabel() throws {
        var law = TestSupport.law
        let quoted = TextLabels.Label(nl: "werk in \"loondienst\"", en: "\"employment\"")
        law.labels.domains["income", default: [:]]["employment"] = quoted
        law.labels.anyDomain.set(quoted, for: "employment")
        let engine = Engine(law: law, designations: try TestSupport.shippedDesignations())
        #expect(engine.ruleWordsNeedEscaping)
        #expect(!(try Self.engine()).ruleWordsNeedEscaping)
        let reader = ApplicationReader(law: law, role: .review)
        let decision = try engine.decide(try reader.read(try Self.application(TestSupport.fixturesDirectory + "/decide/valid/001-a8-1-subject-employed.json")))
        #expect(decision.reasons.allSatisfy { !$0.escaping.needsNone })
        #expect(decision.reasons.contains { $0.nl.contains(quoted.nl) || $0.en.contains(quoted.en) })
        try Self.expectTextsReadBack(decision)
    }

    @Test("a reason whose text is set again loses the hint, and compares equal to the hinted one")
    func hintIsNotPartOfTheValue() throws {
        let engine = try Self.engine()
        let reader = ApplicationReader(law: TestSupport.law, role: .review)
        let decision = try engine.decide(try reader.read(try Self.application(TestSupport.fixturesDirectory + "/decide/valid/001-a8-1-subject-employed.json")))
        let hinted = decision.reasons.first { $0.escaping.needsNone }
        let first = try #require(hinted)
        var changed = first
        changed.en = first.en + " \""
        #expect(!changed.escaping.needsNone)
        var same = first
        same.nl = first.nl
        #expect(same == first)
        #expect(same.hashValue == first.hashValue)
    }
}

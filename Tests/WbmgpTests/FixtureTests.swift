import Foundation
import Testing

@testable import Wbmgp

/// One hand-worked case from `Fixtures/decide/{valid,invalid}/` (format: Fixtures/README.md).
struct DecideFixture: CustomTestStringConvertible, Sendable {
    let name: String
    let document: JSONValue

    var testDescription: String { name }

    static func all(_ folder: String) -> [DecideFixture] {
        let directory = TestSupport.fixturesDirectory + "/decide/" + folder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name), let value = try? JSONReader.parse(Array(data)) else {
                return nil
            }
            return DecideFixture(name: name, document: value)
        }
    }

    var designationIds: [String] { document["designations"].flatMap(Self.strings) ?? [] }
    var expected: JSONValue { document["expected"] ?? .null }

    static func strings(_ value: JSONValue) -> [String]? {
        guard case .array(let elements) = value else { return nil }
        return elements.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    func engine() throws -> Engine {
        Engine(law: TestSupport.law, designations: try TestSupport.fixtureDesignations(designationIds))
    }

    /// The role the fixture is decided in (`"role"`, interface §2); the desk when absent.
    var role: Role {
        if case .string(let code) = document["role"] ?? .null, let role = Role(rawValue: code) { return role }
        return .desk
    }

    var lawDate: CalendarDate? {
        if case .string(let text) = document["lawDate"] ?? .null { return CalendarDate(parsing: text) }
        return nil
    }
}

@Suite("Hand-worked decision fixtures")
struct FixtureTests {
    @Test("there are at least 40 valid and 15 invalid fixtures")
    func enough() {
        #expect(DecideFixture.all("valid").count >= 40)
        #expect(DecideFixture.all("invalid").count >= 15)
    }

    @Test("valid fixture decides as worked out by hand", arguments: DecideFixture.all("valid"))
    func valid(fixture: DecideFixture) throws {
        let engine = try fixture.engine()
        let application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
        let decision = try engine.decide(application, lawDate: fixture.lawDate)
        let json = DecisionWriter.json(decision, engine: .init(version: "test"))
        let expected = fixture.expected

        #expect(json["outcome"] == expected["outcome"])
        let results = decision.reasons.map { "\($0.rule)\($0.person.map { "@" + $0 } ?? ""):\($0.result.rawValue)" }
        #expect(results == DecideFixture.strings(expected["results"] ?? .null))
        var citations = decision.reasons.map(\.citation) + decision.reasons.compactMap { $0.lifted?.citation } + decision.defects.map(\.citation)
        if let priority = decision.priority { citations.append(priority.citation) }
        for citation in DecideFixture.strings(expected["citations"] ?? .null) ?? [] {
            #expect(citations.contains(citation), "citation \(citation) missing")
        }
        let lifted = Set(decision.reasons.filter { $0.lifted != nil }.map(\.rule))
        #expect(lifted == Set(DecideFixture.strings(expected["lifted"] ?? .array([])) ?? []))
        var priority = json["priority"] ?? .null
        if case .object(let members) = priority { priority = .object(members.filter { $0.key != "citation" }) }
        #expect(TestSupport.sorted(priority) == TestSupport.sorted(expected["priority"] ?? .null))
        #expect(json["conditions"] == (expected["conditions"] ?? .array([])))
        #expect(json["missingFacts"] == (expected["missingFacts"] ?? .array([])))
        #expect(TestSupport.sorted(json["screeningScope"] ?? .null) == TestSupport.sorted(expected["screeningScope"] ?? .array([])))
        #expect(decision.defects.map(\.code) == DecideFixture.strings(expected["defects"] ?? .array([])))
    }

    @Test("invalid fixture is rejected with its code and JSON path", arguments: DecideFixture.all("invalid"))
    func invalid(fixture: DecideFixture) throws {
        let engine = try fixture.engine()
        let bytes: [UInt8]
        if case .string(let text) = fixture.document["applicationText"] ?? .null {
            bytes = Array(text.utf8)
        } else {
            bytes = Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8)
        }
        let service = DecisionService(engine: engine, engineInfo: .init(version: "test"), role: fixture.role)
        #expect {
            try service.decide(bytes)
        } throws: { error in
            guard let error = error as? InputError else { return false }
            return .string(error.code) == fixture.expected["error"] && .string(error.path) == fixture.expected["path"]
        }
    }

    /// Each fixture's application with its engine, as read in its role.
    static func decidable() throws -> [(name: String, engine: Engine, application: Application, lawDate: CalendarDate?)] {
        try DecideFixture.all("valid").map { fixture in
            let engine = try fixture.engine()
            let application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
            return (fixture.name, engine, application, fixture.lawDate)
        }
    }

    @Test("a decision made for counting has the full decision's outcome, designations and grounds, and nothing else of its reasons")
    func counted() throws {
        var compared = 0
        for (name, engine, application, lawDate) in try Self.decidable() where lawDate == nil {
            let full = try engine.decide(application)
            let counted = try engine.decideForCounting(application)
            #expect(counted.outcome == full.outcome, "\(name)")
            #expect(counted.designations == full.designations, "\(name)")
            // The grounds as `impact` and the counterfactual search read them: refusals met
            // (lifted or not), and refusal or conditions rules left undecided.
            func isGround(_ reason: Reason) -> Bool {
                (reason.effect == "refuse" && (reason.result == .applied || reason.result == .unknown))
                    || (reason.effect == "conditions" && reason.result == .unknown)
            }
            func key(_ reason: Reason) -> String {
                "\(reason.rule)|\(reason.citation)|\(reason.person ?? "-")|\(reason.result.rawValue)|\(reason.lifted?.by ?? "-")"
            }
            #expect(counted.reasons.map(key) == full.reasons.filter(isGround).map(key), "\(name)")
            #expect(counted.reasons.allSatisfy { $0.nl.isEmpty && $0.en.isEmpty && $0.facts.isEmpty }, "\(name)")
            compared += 1
        }
        #expect(compared >= 40)
    }

    /// `impact` and the bench give each counted decision the reasons' list of the one before
    /// (``Engine/decideForCounting(_:recycling:)``). The decisions must be those made without,
    /// also when the caller keeps the decisions whose lists it passes on: a list still shared is
    /// not written into.
    @Test("counted decisions that reuse the reasons' list of the one before are the decisions made without it, kept ones intact")
    func countedRecycling() throws {
        let cases = try Self.decidable().filter { $0.lawDate == nil }
        var spare: [Reason] = []
        var kept: [(index: Int, decision: Decision)] = []
        for (i, (name, engine, application, _)) in cases.enumerated() {
            let recycled = try engine.decideForCounting(application, recycling: &spare)
            #expect(spare.isEmpty, "\(name)")
            #expect(recycled == (try engine.decideForCounting(application)), "\(name)")
            // Every other decision is kept: its list is then still shared when passed on.
            if i % 2 == 0 { kept.append((i, recycled)) }
            spare = recycled.reasons
        }
        // The kept decisions, after all that followed them, against fresh ones.
        for (i, decision) in kept {
            #expect(decision == (try cases[i].engine.decideForCounting(cases[i].application)), "\(cases[i].name)")
        }
        #expect(kept.contains { !$0.decision.reasons.isEmpty })
        #expect(kept.count >= 20)
    }

    /// Each thread keeps one run for its decisions (``DecisionRun``, in its ``DecisionScratch``),
    /// begun and ended for each. Once a decision ends, the run holds nothing of it: no
    /// application, household, person, reason, condition, priority, defect, missing fact,
    /// screening request, police record or ground, whatever the outcome (some keep conditions
    /// or a priority the decision did not take) and whether texts, grounds or neither were made.
    @Test("after each decision the thread's run holds nothing of it")
    func runKeepsNothing() throws {
        var checked = 0
        for (name, engine, application, lawDate) in try Self.decidable() {
            _ = try engine.decide(application, lawDate: lawDate, counterfactuals: true)
            _ = try engine.decide(application, lawDate: lawDate)
            if lawDate == nil { _ = try engine.decideForCounting(application) }
            // This thread's scratch (the one the decisions above were made in), taken and
            // handed back as a decision does.
            let scratch = DecisionScratch.take()
            defer { scratch.finish() }
            let run = scratch.run
            #expect(run.application.pointee.id.isEmpty && run.application.pointee.household.isEmpty, "\(name)")
            #expect(run.textContext.household == nil && run.textContext.designations.isEmpty && run.textContext.designationIds == nil, "\(name)")
            #expect(run.reasons.isEmpty && run.conditions.isEmpty && run.defects.isEmpty && run.missingFacts.isEmpty, "\(name)")
            #expect(run.scope.isEmpty && run.usedRecords.isEmpty, "\(name)")
            #expect(run.priority == nil && run.grounds == nil && run.lookupRule == nil, "\(name)")
            #expect(!run.reached && !run.unliftedRefusal && !run.blockingUnknown, "\(name)")
            checked += 1
        }
        #expect(checked >= 40)
    }

    @Test("a decision does not depend on the decisions made before it on the same thread (each thread reuses its evaluator)")
    func orderDoesNotMatter() throws {
        let cases = try Self.decidable()
        func decideAll(_ order: [Int]) throws -> [Int: String] {
            var written: [Int: String] = [:]
            for i in order {
                let (_, engine, application, lawDate) = cases[i]
                // A counted decision in between, so that a full one follows one without texts.
                _ = try? engine.decideForCounting(cases[(i + 1) % cases.count].application)
                let decision = try engine.decide(application, lawDate: lawDate, counterfactuals: true)
                written[i] = JSONWriter.compact(DecisionWriter.json(decision, engine: .init(version: "test")))
            }
            return written
        }
        let forward = try decideAll(Array(cases.indices))
        let backward = try decideAll(cases.indices.reversed())
        for i in cases.indices { #expect(forward[i] == backward[i], "\(cases[i].name)") }
        #expect(forward.count >= 40)
    }
}

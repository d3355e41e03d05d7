import Foundation
import Testing

@testable import Wbmgp

/// "From when" (interface §11): the hand-worked expectations of the decide fixtures
/// (`expected.counterfactuals`, Fixtures/README.md), exactness to the day, privacy, the writers
/// and the texts.
@Suite("Counterfactuals: from when")
struct CounterfactualTests {
    /// A fixture's decision with counterfactuals, decided as FixtureTests decides it.
    static func decide(_ fixture: DecideFixture, peopleByName: Bool = false) throws -> (Engine, Application, Decision) {
        let engine = try fixture.engine()
        let application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
        let decision = try engine.decide(application, lawDate: fixture.lawDate, peopleByName: peopleByName, counterfactuals: true)
        return (engine, application, decision)
    }

    static func ground(_ c: Counterfactual) -> String { c.rule + (c.person.map { "@" + $0 } ?? "") }

    static var refusedOrIncomplete: [DecideFixture] {
        DecideFixture.all("valid").filter {
            $0.expected["outcome"] == .string("refused") || $0.expected["outcome"] == .string("incomplete")
        }
    }

    @Test("every refused or incomplete fixture has its counterfactuals worked out by hand")
    func everyFixtureHasThem() {
        let missing = Self.refusedOrIncomplete.filter { $0.expected["counterfactuals"] == nil }.map(\.name)
        #expect(missing.isEmpty, "no expected.counterfactuals: \(missing)")
        #expect(Self.refusedOrIncomplete.count >= 60)
    }

    @Test("grounds, dates and events as worked out by hand", arguments: refusedOrIncomplete)
    func asWorkedOut(fixture: DecideFixture) throws {
        let (_, _, decision) = try Self.decide(fixture)
        let got = (decision.counterfactuals ?? []).map { c -> String in
            "\(Self.ground(c)) \(c.from?.description ?? "null") \(c.event.rawValue)"
        }
        guard case .array(let items) = fixture.expected["counterfactuals"] ?? .null else {
            Issue.record("no expected.counterfactuals")
            return
        }
        let expected = items.map { item -> String in
            let from: String
            if case .string(let date) = item["from"] ?? .null { from = date } else { from = "null" }
            if case .string(let ground) = item["ground"] ?? .null, case .string(let event) = item["event"] ?? .null {
                return "\(ground) \(from) \(event)"
            }
            return "?"
        }
        #expect(got == expected)
    }

    @Test("exact to the day: on from the ground no longer stands, on the day before it still does", arguments: refusedOrIncomplete)
    func exactToTheDay(fixture: DecideFixture) throws {
        let (engine, application, decision) = try Self.decide(fixture)
        let probe = CounterfactualSearch.probe(of: application)
        for c in decision.counterfactuals ?? [] {
            guard let from = c.from else { continue }
            func stands(on date: CalendarDate) throws -> Bool {
                var dated = probe
                dated.applicationDate = date
                let later = try engine.decide(dated)
                return later.reasons.contains {
                    $0.rule == c.rule && $0.person == c.person
                        && (($0.effect == "refuse" && $0.result == .applied && $0.lifted == nil) || $0.result == .unknown)
                }
            }
            #expect(try !stands(on: from), "\(Self.ground(c)) still stands on \(from)")
            let dayBefore = from.adding(days: -1)
            if dayBefore >= application.applicationDate {
                #expect(try stands(on: dayBefore), "\(Self.ground(c)) no longer stands on \(dayBefore), before \(from)")
            }
        }
    }

    @Test("a ground resting on a woonverklaring or a VOG gets no date but says what would lift it")
    func humanDecisions() throws {
        for fixture in Self.refusedOrIncomplete {
            let (_, _, decision) = try Self.decide(fixture)
            for c in decision.counterfactuals ?? [] where c.rule.hasPrefix("art10.") {
                #expect(c.from == nil, "\(fixture.name): \(Self.ground(c))")
                #expect(c.event == .humanDecision)
                #expect(!c.wouldLift.isEmpty, "\(fixture.name): \(Self.ground(c)) names nothing that would lift it")
            }
        }
    }

    @Test("no counterfactual text holds a police record: no behaviour, no record date")
    func noPoliceData() throws {
        var checked = 0
        for fixture in DecideFixture.all("valid") where fixture.role != .desk {
            let (_, application, decision) = try Self.decide(fixture, peopleByName: true)
            let records = application.household.flatMap { $0.screening?.policeRecords ?? [] }
            guard !records.isEmpty, let counterfactuals = decision.counterfactuals, !counterfactuals.isEmpty else { continue }
            checked += 1
            let json = JSONWriter.compact(DecisionWriter.counterfactuals(counterfactuals))
            for record in records {
                for language in Language.allCases {
                    #expect(!json.contains(PlainWords.date(record.date, language)), "\(fixture.name): a record's date")
                    let label = TestSupport.law.labels.label(record.behaviour, in: "behaviour")?.text(language) ?? "?"
                    #expect(!json.contains(label), "\(fixture.name): a record's behaviour")
                }
                #expect(!json.contains(record.date.description))
            }
        }
        #expect(checked >= 5)
    }

    @Test("decisions with counterfactuals read back as a tree write the same bytes again")
    func writersAgree() throws {
        for fixture in DecideFixture.all("valid") {
            let (_, _, decision) = try Self.decide(fixture)
            var out = JSONBytes()
            DecisionWriter.compact(decision, engine: .init(version: "test"), into: &out)
            #expect(String(decoding: out.bytes, as: UTF8.self) == JSONWriter.compact(DecisionWriter.json(decision, engine: .init(version: "test"))), "\(fixture.name)")
        }
    }

    @Test("a grant carries an empty list when asked, and nothing is written when not asked")
    func onlyWhenAsked() throws {
        let grant = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("001-") })
        let (engine, application, decision) = try Self.decide(grant)
        #expect(decision.outcome == .granted)
        #expect(decision.counterfactuals == [])
        let plain = try engine.decide(application)
        #expect(plain.counterfactuals == nil)
        #expect(!JSONWriter.compact(DecisionWriter.json(plain, engine: .init(version: "test"))).contains("counterfactuals"))
    }

    @Test("the texts come from the rules: six years reached, in Dutch and English, without a code or ISO date")
    func sixYearsText() throws {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("117-") })
        let (_, _, decision) = try Self.decide(fixture)
        let c = try #require(decision.counterfactuals?.first)
        #expect(c.from == TestSupport.date("2021-03-01"))
        #expect(c.because.nl.hasPrefix("Op 1 maart 2021 is de aanvrager zes jaar onafgebroken als ingezetene ingeschreven"))
        #expect(c.because.en.hasPrefix("On 1 March 2021 the applicant will have been registered as a resident"))
        for text in [c.because.nl, c.because.en] + c.wouldLift.flatMap({ [$0.nl, $0.en] }) {
            #expect(text.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil, "\(text)")
            #expect(!text.contains("{") && !text.contains("art8") && !text.contains("$."), "\(text)")
        }
        #expect(c.wouldLift.map(\.nl).contains { $0.contains("artikel 8, tweede lid") })
    }

    @Test("text output and the letter show from when; the record does not carry it")
    func peopleSeeIt() throws {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("117-") })
        let engine = try fixture.engine()
        let bytes = Array(JSONWriter.compact(try #require(fixture.document["application"])).utf8)
        let service = DecisionService(engine: engine, engineInfo: .init(version: "test"))
        let (application, decision, record) = try service.decideForPeople(bytes, recording: true)
        let text = TextRenderer.render(decision, application: application, engine: engine, language: .nl)
        #expect(text.contains("Vanaf wanneer (een nieuwe aanvraag met dezelfde gegevens):\n- artikel 8, eerste lid, van de Wbmgp (de aanvrager): vanaf 1 maart 2021."))
        let english = TextRenderer.render(decision, application: application, engine: engine, language: .en)
        #expect(english.contains("- article 8(1) of the Wbmgp (the applicant): from 1 March 2021."))
        #expect(record?["counterfactuals"] == nil)
        let model = LetterModel.build(decision, application: application, engine: engine, language: .nl)
        #expect(model["hasFromWhen"].map { if case .flag(true) = $0 { true } else { false } } == true)
    }

    @Test("would lift: only for the grounds of refuse and conditions rules")
    func wouldLiftChecked() {
        let rule = """
            rule art8.test "Wbmgp art. 8 lid 1" from 2005-12-30
              priority [] when true
              would lift applied nl "x" en "x"
              reason applied nl "a" en "a"
              reason passed nl "p" en "p"
              reason unknown nl "u" en "u"
            """
        let (law, diagnostics) = TestSupport.compile(rule)
        #expect(law == nil)
        #expect(diagnostics.contains { $0.code == .unknownClause && $0.message.contains("would lift applied") })
    }

    @Test("an event text with a placeholder its kind does not fill is a diagnostic at its line")
    func eventPlaceholders() throws {
        var files = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/wbmgp", extension: "rules").files
        let index = try #require(files.firstIndex { $0.path.hasSuffix("labels.rules") })
        files[index].text = files[index].text.replacingOccurrences(of: "Op {date} bereikt {person}", with: "Op {date} bereikt {region}")
        let (law, found) = LawCompiler.compile(files: files)
        #expect(law == nil)
        #expect(found.contains { $0.code == .unknownPlaceholder && $0.message.contains("{region}") && $0.message.contains("birthday") && $0.line != nil })
    }
}

import Testing

@testable import Wbmgp

/// Properties of decisions beyond the fixtures' fields: which facts and texts appear.
@Suite("Evaluator: facts, texts and data minimisation")
struct EvaluatorTests {
    func decide(_ json: String, designations: [String]) throws -> Decision {
        let engine = Engine(law: TestSupport.law, designations: try TestSupport.fixtureDesignations(designations))
        return try DecisionService(engine: engine, engineInfo: .init(version: "test")).decide(Array(json.utf8))
    }

    static func carnisse(residence: String, income: String, extra: String = "") -> String {
        """
        {"id": "t", "applicationDate": "2019-05-01",
         "dwelling": {"municipality": "Rotterdam", "neighbourhood": "Carnisse", "category": "rental"},
         "household": [{"id": "p1", "role": "applicant", "birthDate": "1985-03-10", "residence": \(residence),
                        "income": \(income)\(extra)}]}
        """
    }

    @Test("art. 8: after six years in the region the income is not shown (it was not used)")
    func incomeHiddenAfterSixYears() throws {
        let decision = try decide(Self.carnisse(residence: #"[{"municipality": "Schiedam", "from": "2010-01-01"}]"#, income: #"["social-assistance"]"#),
                                  designations: ["a8-x-rotterdam-carnisse"])
        let reason = try #require(decision.reasons.first { $0.rule == "art8.income" })
        #expect(reason.result == .passed)
        #expect(reason.facts.map(\.key) == ["residence", "residenceSince"])
        #expect(reason.facts.first?.value == .string("9 years 4 months 0 days"))
        #expect(!reason.en.contains("social-assistance"))
    }

    @Test("art. 8: a refusal names the residence, the threshold and the income given")
    func refusalText() throws {
        let decision = try decide(Self.carnisse(residence: #"[{"municipality": "Rotterdam", "from": "2016-09-01"}]"#, income: #"["unemployment-benefit"]"#),
                                  designations: ["a8-x-rotterdam-carnisse"])
        let reason = try #require(decision.reasons.first { $0.rule == "art8.income" })
        #expect(reason.result == .applied)
        // Registered 2016-09-01 to the application on 2019-05-01: 2 years and 8 months, in words.
        #expect(reason.en.contains("for less than six years"))
        #expect(reason.en.contains("2 years and 8 months"))
        #expect(reason.nl.contains("korter dan zes jaar onafgebroken als ingezetene ingeschreven"))
        #expect(reason.nl.contains("2 jaar en 8 maanden"))
        #expect(reason.nl.contains("werkloosheidsuitkering"))
        #expect(!reason.nl.contains("unemployment-benefit"))
        // The three facts the rule shows, in name order (the order they are written in).
        #expect(reason.facts.map(\.key) == ["income", "residence", "residenceSince"])
    }

    /// `for each p in applicant` asks for the applicant as a list of one, which the evaluator
    /// keeps per household position from one decision to the next: the applicant is the second
    /// member, then the first, then the second again, decided one after another on one thread.
    /// By hand: each applicant was registered in Rotterdam from 2016-09-01, 2 years and 8 months
    /// before the application on 2019-05-01, and gives no qualifying income, so art. 8 lid 1
    /// refuses for the applicant; the partner is not art. 8's subject (only the applicant's
    /// residence decides, legal spec A3.4), so no art. 8 reason names them.
    @Test("art. 8: the applicant is the subject wherever in the household, decision after decision")
    func applicantSubjectByPosition() throws {
        func application(_ n: Int, applicantFirst: Bool) -> String {
            let applicant = #"{"id": "a\#(n)", "role": "applicant", "birthDate": "1985-03-10", "residence": [{"municipality": "Rotterdam", "from": "2016-09-01"}], "income": ["none"]}"#
            let partner = #"{"id": "b\#(n)", "role": "partner", "birthDate": "1980-01-01", "residence": [{"municipality": "Rotterdam", "from": "2000-01-01"}], "income": ["none"]}"#
            let members = applicantFirst ? "\(applicant), \(partner)" : "\(partner), \(applicant)"
            return """
                {"id": "t\(n)", "applicationDate": "2019-05-01",
                 "dwelling": {"municipality": "Rotterdam", "neighbourhood": "Carnisse", "category": "rental"},
                 "household": [\(members)]}
                """
        }
        for (n, applicantFirst) in [false, true, false].enumerated() {
            let decision = try decide(application(n, applicantFirst: applicantFirst), designations: ["a8-x-rotterdam-carnisse"])
            let reasons = decision.reasons.filter { $0.rule == "art8.income" }
            #expect(reasons.map(\.person) == ["a\(n)"], "decision \(n)")
            #expect(reasons.map(\.result) == [.applied], "decision \(n)")
            #expect(decision.outcome == .refused, "decision \(n)")
        }
    }

    @Test("art. 9: priority names only the characteristics the designation lists")
    func priorityMinimal() throws {
        let decision = try decide(
            Self.carnisse(residence: #"[{"municipality": "Rotterdam", "from": "2016-09-01"}]"#, income: #"["employment"]"#,
                          extra: #", "characteristics": ["healthcare-worker", "single-parent"]"#),
            designations: ["a8-x-rotterdam-carnisse"])
        #expect(decision.priority?.characteristics == ["healthcare-worker"])
        let reason = try #require(decision.reasons.first { $0.rule == "art9.priority" })
        #expect(reason.facts == [JSONMember("characteristics", .array([.string("healthcare-worker")]))])
        #expect(!reason.en.contains("single-parent") && !reason.nl.contains("single-parent"))
    }

    @Test("a refusal carries no priority, conditions, scope or missing facts (legal spec A6)")
    func refusalIsBare() throws {
        let decision = try decide(
            Self.carnisse(residence: #"[{"municipality": "Rotterdam", "from": "2016-09-01"}]"#, income: #"["none"]"#,
                          extra: #", "characteristics": ["healthcare-worker"]"#),
            designations: ["a8-x-rotterdam-carnisse"])
        #expect(decision.outcome == .refused)
        #expect(decision.priority == nil && decision.conditions.isEmpty && decision.screeningScope.isEmpty && decision.missingFacts.isEmpty)
    }

    @Test("every reason has a citation and a text in both languages")
    func reasonsComplete() throws {
        for fixture in DecideFixture.all("valid") {
            let engine = try fixture.engine()
            let application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
            let decision = try engine.decide(application, lawDate: fixture.lawDate)
            #expect(!decision.reasons.isEmpty, "\(fixture.name)")
            for reason in decision.reasons {
                #expect(reason.citation.hasPrefix("Wbmgp art. "), "\(fixture.name) \(reason.rule)")
                #expect(!reason.nl.isEmpty && !reason.en.isEmpty, "\(fixture.name) \(reason.rule)")
                #expect(!reason.nl.contains("onbekend") && !reason.en.contains("unknown"), "\(fixture.name) \(reason.rule): \(reason.en)")
            }
        }
    }
}

@Suite("Residence: municipality names as the dwelling's")
struct ResidenceNameTests {
    @Test("art. 8: registration written 'hellevoetsluis' counts as Hellevoetsluis (fixture 104 in lower case: granted)")
    func caseIgnored() throws {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("104-") })
        let text = JSONWriter.compact(try #require(fixture.document["application"])).replacingOccurrences(of: "\"Hellevoetsluis\"", with: "\" hellevoetsluis \"")
        #expect(text.contains("hellevoetsluis"))
        let decision = try DecisionService(engine: try fixture.engine(), engineInfo: .init(version: "t")).decide(Array(text.utf8))
        #expect(decision.outcome == .granted)
    }
}

@Suite("art. 10b lid 6 in a joining application")
struct JoinerHearingTests {
    @Test("the hearing concerns the joiner (fixture 066: a joining application, hearing offered)")
    func joinerHeard() throws {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("066-") })
        let application = try ApplicationReader(law: TestSupport.law, role: fixture.role).read(try #require(fixture.document["application"]))
        let decision = try fixture.engine().decide(application)
        let hearing = try #require(decision.reasons.first { $0.rule == "art10b.hearing" })
        #expect(hearing.result == .passed)
        #expect(hearing.nl == "Aan artikel 10b, zesde lid, is voldaan: de toetreder is voorafgaand aan de afgifte van de woonverklaring in de gelegenheid gesteld te worden gehoord.")
    }
}

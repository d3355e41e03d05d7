import Foundation
import Testing

@testable import Wbmgp

/// Wordings a Dutch municipal jurist reads (the Dutch review of 2026-12-06): a singular where
/// there is one, free text kept out of running sentences, the verb agreeing with the
/// designations named. Worked from the example letter of Zaanstad (two designations, two
/// conditions) and variants of it.
@Suite("Dutch wording: number, agreement and free text")
struct DutchWordingTests {
    func zaanstad(conditions: [String]) throws -> (Decision, Application, Engine) {
        let engine = Engine(law: TestSupport.law, designations: try TestSupport.shippedDesignations())
        var text = try String(contentsOfFile: TestSupport.fixturesDirectory + "/examples/letter-conditions-zaanstad.json", encoding: .utf8)
        let quoted = conditions.map { "\"\($0)\"" }.joined(separator: ", ")
        text = text.replacingOccurrences(of: #""Geen opslag van goederen in de galerij", "Geen huisdieren die overlast veroorzaken""#, with: quoted)
        let application = try ApplicationReader(law: engine.law).read(Array(text.utf8))
        #expect(application.woonverklaring?.conditions == conditions)
        return (try engine.decide(application, peopleByName: true), application, engine)
    }

    func letter(_ decision: Decision, _ application: Application, _ engine: Engine) throws -> String {
        let template = try #require(LetterContentTests.module?.letters[.nl])
        return LetterContentTests.visibleText(try #require(template.render(LetterModel.build(decision, application: application, engine: engine, language: .nl))))
    }

    @Test("the conditions are listed on their own, never run into a sentence; one condition is 'het volgende voorschrift'")
    func conditions() throws {
        let (two, application, engine) = try zaanstad(conditions: ["Geen opslag van goederen in de galerij", "Geen huisdieren die overlast veroorzaken"])
        let reason = try #require(two.reasons.first { $0.rule == "art10b.conditions" })
        #expect(reason.nl.hasPrefix("De burgemeester heeft aan de woonverklaring voorschriften verbonden. Als de huisvestingsvergunning wordt verleend, worden die voorschriften daarin opgenomen"), "\(reason.nl)")
        #expect(!reason.nl.contains("Geen opslag") && !reason.en.contains("Geen opslag"))
        // The facts keep them for a reader of the JSON.
        #expect(reason.facts.first { $0.key == "conditions" }?.value == .array([.string("Geen opslag van goederen in de galerij"), .string("Geen huisdieren die overlast veroorzaken")]))
        let letterTwo = try letter(two, application, engine)
        #expect(letterTwo.contains("dan worden daaraan de volgende voorschriften verbonden:"), "\(letterTwo)")
        // Two designations: "gelden".
        #expect(letterTwo.contains("Voor de woning gelden de aanwijzing voor Zaanstad"), "\(letterTwo)")
        let (one, oneApplication, _) = try zaanstad(conditions: ["Geen huisdieren die overlast veroorzaken"])
        let single = try #require(one.reasons.first { $0.rule == "art10b.conditions" })
        #expect(single.nl.hasPrefix("De burgemeester heeft aan de woonverklaring een voorschrift verbonden. Als de huisvestingsvergunning wordt verleend, wordt dat voorschrift daarin opgenomen"), "\(single.nl)")
        let letterOne = try letter(one, oneApplication, engine)
        #expect(letterOne.contains("dan wordt daaraan het volgende voorschrift verbonden:"), "\(letterOne)")
        #expect(!letterOne.contains("de volgende voorschriften"), "\(letterOne)")
        // The address block's first line starts with a capital; the salutation names the surname.
        #expect(letterOne.contains("De heer A. El Amrani") && letterOne.contains("Geachte heer El Amrani,"), "\(letterOne)")
    }

    @Test("no priority for want of the one characteristic the by-law names: 'niet het kenmerk', not 'geen van de kenmerken'")
    func oneCharacteristic() throws {
        let areas = DesignationTests()
        let (found, problems) = areas.designation(DesignationTests.json(areas: #"{"neighbourhoods": ["Wielwijk"]}"#, measures: DesignationTests.art9))
        #expect(problems.isEmpty)
        let text = """
            {"id": "c", "applicationDate": "2019-05-01",
             "dwelling": {"municipality": "Schiedam", "neighbourhood": "Wielwijk", "category": "rental"},
             "household": [{"id": "p1", "role": "applicant", "birthDate": "1985-01-01", "characteristics": ["nurse"]}]}
            """
        let decision = try Engine(law: TestSupport.law, designations: found).decide(try ApplicationReader(law: TestSupport.law).read(Array(text.utf8)))
        let reason = try #require(decision.reasons.first { $0.rule == "art9.priority" })
        #expect(reason.result == .passed)
        #expect(reason.nl.contains("want de aanvrager heeft niet het kenmerk waaraan de verordening"), "\(reason.nl)")
        #expect(reason.en.contains("does not have the characteristic to which the by-law"), "\(reason.en)")
    }

    @Test("a negative woonverklaring carries no conditions, and the reason does not say 'zonder voorschriften' as if it might")
    func negativeWithoutConditions() throws {
        let engine = Engine(law: TestSupport.law, designations: try TestSupport.shippedDesignations())
        var text = try String(contentsOfFile: TestSupport.fixturesDirectory + "/examples/letter-conditions-zaanstad.json", encoding: .utf8)
        text = text.replacingOccurrences(of: #""outcome": "positive-with-conditions""#, with: #""outcome": "negative""#)
        text = text.replacingOccurrences(of: #""conditions": ["Geen opslag van goederen in de galerij", "Geen huisdieren die overlast veroorzaken"],"#, with: "")
        let decision = try engine.decide(try ApplicationReader(law: engine.law).read(Array(text.utf8)))
        let reason = try #require(decision.reasons.first { $0.rule == "art10b.conditions" })
        #expect(reason.nl == "Er worden geen voorschriften in de vergunning opgenomen (artikel 10b, vijfde lid): de burgemeester heeft een negatieve woonverklaring afgegeven.", "\(reason.nl)")
    }

    @Test("the lookup's reason says when and what, not that article 5 places the dwelling; a pass under article 10 is said of its person")
    func lookupAndPersonWording() throws {
        let (decision, _, _) = try zaanstad(conditions: ["Geen huisdieren die overlast veroorzaken"])
        let lookup = try #require(decision.reasons.first)
        #expect(lookup.nl.hasPrefix("Op 29 maart 2021 valt de huurwoning in Zaanstad onder de aanwijzing voor Zaanstad"), "\(lookup.nl)")
        #expect(lookup.en.hasPrefix("On 29 March 2021, the rental dwelling in Zaanstad is covered by"), "\(lookup.en)")
        // Fixture 043 (Dordrecht, art. 10 VOG): the applicant submitted one, the partner did not.
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("043-") })
        let engine = try fixture.engine()
        let application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
        let refused = try engine.decide(application, lawDate: fixture.lawDate)
        let passed = try #require(refused.reasons.first { $0.rule == "art10.vog" && $0.result == .passed })
        #expect(passed.nl == "Wat de aanvrager betreft, staat artikel 10 niet in de weg aan verlening: er is een verklaring omtrent het gedrag overgelegd.", "\(passed.nl)")
    }

    @Test("a request to complete tells the applicant what the authorities still do themselves, and the objection clause follows Awb 6:8's wording")
    func requestToCompleteAndObjection() throws {
        // Every fixture's letter: those that ask the applicant for facts while the mayor's
        // woonverklaring or a hardship decision is still to come say the latter is not theirs to do.
        var told = 0
        for fixture in DecideFixture.all("valid") {
            let engine = try fixture.engine()
            let application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
            let decision = try engine.decide(application, lawDate: fixture.lawDate, peopleByName: true)
            let model = LetterModel.build(decision, application: application, engine: engine, language: .nl)
            guard case .list(let byApplicant)? = model["missingForApplicant"], case .list(let byAuthorities)? = model["missingForAuthorities"],
                !byApplicant.isEmpty, !byAuthorities.isEmpty
            else { continue }
            let template = try #require(LetterContentTests.module?.letters[.nl])
            let text = LetterContentTests.visibleText(try #require(template.render(model)))
            #expect(text.contains("Daarnaast ontbreekt nog het volgende, dat de burgemeester of het college zelf verzorgt; u hoeft daarvoor niets te doen:"), "\(fixture.name)")
            #expect(!text.contains("wacht de gemeente"), "\(fixture.name)")
            told += 1
        }
        #expect(told > 0)
        let (granted, grantedApplication, engine) = try zaanstad(conditions: ["Geen huisdieren die overlast veroorzaken"])
        let grant = try letter(granted, grantedApplication, engine)
        #expect(grant.contains("Die termijn begint op de dag na die waarop dit besluit is bekendgemaakt"), "\(grant)")
    }
}

import Foundation
import Testing

@testable import Wbmgp

/// What a letter says agrees with its outcome (the review of the letters of 2026-12-05), worked by
/// hand on three fixtures: a refusal says nothing that reads as a grant, a letter that chapter 3
/// does not apply says why, and a decision under another day's law is no besluit.
@Suite("Letters: consistent with the outcome")
struct LetterConsistencyTests {
    func letter(_ name: String, lawDate: CalendarDate? = nil, language: Language = .nl) throws -> (model: [String: LetterValue], text: String) {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix(name) })
        let engine = try fixture.engine()
        let application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
        let decision = try engine.decide(application, lawDate: lawDate ?? fixture.lawDate, peopleByName: true)
        let template = try #require(LetterContentTests.module?.letters[language])
        let model = LetterModel.build(decision, application: application, engine: engine, language: language)
        return (model, LetterContentTests.visibleText(try #require(template.render(model))))
    }

    func isEmptyList(_ value: LetterValue?) -> Bool {
        if case .list(let items)? = value { return items.isEmpty }
        return false
    }

    func words(_ value: LetterValue?) -> String? {
        if case .text(let text)? = value { return text }
        return nil
    }

    @Test("a request to complete an address the lookup cannot place says so, and names no designation it does not know (fixtures 131 and 129)")
    func lookupOpenLetter() throws {
        for (name, fact) in [("131-", "de wijk of buurt van de woning"), ("129-", "de volledige postcode van de woning")] {
            let (model, text) = try letter(name)
            #expect(model["toApplicant"]?.holds == true && model["lookupOpen"]?.holds == true)
            #expect(words(model["designation"]) == "")
            #expect(text.contains("Of deze woning in een gebied ligt dat is aangewezen op grond van hoofdstuk 3 van de Wet bijzondere maatregelen grootstedelijke problematiek (Wbmgp), kunnen wij zonder de gegevens hieronder niet vaststellen."), "\(text)")
            // It said the dwelling lay in a designated area and that "geen" applied to it.
            #expect(!text.contains("Deze woning ligt in een gebied") && !text.contains("geldt geen"), "\(text)")
            #expect(text.contains(fact), "\(text)")
        }
        let (english, _) = try letter("131-", language: .en)
        #expect(english["lookupOpen"]?.holds == true)
    }

    @Test("the salutation names the addressee where the name is given, and is 'Geachte heer, mevrouw,' where it is not")
    func salutation() throws {
        let (_, anonymous) = try letter("131-")
        #expect(anonymous.contains("Geachte heer, mevrouw,"), "\(anonymous)")
        let engine = Engine(law: TestSupport.law, designations: try TestSupport.shippedDesignations())
        let text = try String(contentsOfFile: TestSupport.fixturesDirectory + "/examples/letter-refusal-rotterdam.json", encoding: .utf8)
        let application = try ApplicationReader(law: engine.law).read(Array(text.utf8))
        let decision = try engine.decide(application, peopleByName: true)
        for (language, expected) in [(Language.nl, "Geachte mevrouw Jansen,"), (.en, "Dear Ms Jansen,")] {
            let template = try #require(LetterContentTests.module?.letters[language])
            let letter = LetterContentTests.visibleText(try #require(template.render(LetterModel.build(decision, application: application, engine: engine, language: language))))
            #expect(letter.contains(expected) && !letter.contains("Geachte heer, mevrouw") && !letter.contains("Sir or Madam"), "\(letter)")
        }
        // The address block's title in its salutation form (never "Geachte de heer"), then the
        // surname alone: no initials, no first names where a particle shows where it starts, the
        // particle capitalised as nothing precedes it ("Geachte heer De Vries,").
        #expect(LetterModel.salutation("de heer A. El Amrani", .nl) == "heer El Amrani")
        #expect(LetterModel.salutation("De heer A. El Amrani", .en) == "Mr El Amrani")
        #expect(LetterModel.salutation("de heer J. de Vries", .nl) == "heer De Vries")
        #expect(LetterModel.salutation("mevrouw J.P. van der Berg-Jansen", .nl) == "mevrouw Van der Berg-Jansen")
        #expect(LetterModel.salutation("mevrouw Sanne de Vries", .nl) == "mevrouw De Vries")
        // Nothing shows where the surname starts: as written.
        #expect(LetterModel.salutation("mevrouw Fatima El Amrani", .nl) == "mevrouw Fatima El Amrani")
        // No title: whom it greets is not guessed.
        #expect(LetterModel.salutation(" Jan de Vries ", .nl) == "Jan de Vries")
        #expect(LetterModel.salutation("dhr. A. Jansen", .nl) == "heer Jansen")
        #expect(LetterModel.salutation("mevr.  S.\u{A0}Jansen", .en) == "Ms Jansen")
        #expect(LetterModel.salutation("de heer en mevrouw Jansen", .nl) == "heer en mevrouw Jansen")
        #expect(LetterModel.salutation("de heer en mevrouw Jansen", .en) == "Mr and Ms Jansen")
        // Titles after a name: as written, each title in its salutation form.
        #expect(LetterModel.salutation("de heer J. en mevrouw S. Jansen", .nl) == "heer J. en mevrouw S. Jansen")
        // A title alone names nobody: "Geachte heer, mevrouw,".
        #expect(LetterModel.salutation("de heer", .nl) == "" && LetterModel.salutation("   ", .nl) == "")
    }

    @Test("a refusal for the partner's VOG does not tell the applicant that article 10 does not stand in the way (fixture 043)")
    func refusalWithoutContradiction() throws {
        // Dordrecht's art. 10 VOG designation: the applicant (p1) submitted one, the partner (p2)
        // did not: refused on p2's ground alone (art. 10 lid 1).
        let (model, text) = try letter("043-")
        #expect(model["isRefused"]?.holds == true)
        #expect(text.contains("Het college weigert de gevraagde huisvestingsvergunning"))
        #expect(!text.contains("staat niet in de weg aan verlening"), "\(text)")
        #expect(model["hasConsiderations"]?.holds == false)
    }

    @Test("a refusal says nothing of priority, which only a grant carries (fixture 032)")
    func refusalWithoutPriority() throws {
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("032-") })
        #expect(fixture.document["expected"]?["outcome"] == JSONValue.string("refused"))
        let (model, text) = try letter("032-")
        #expect(model["isRefused"]?.holds == true)
        // The applicant has a characteristic art. 9 ranks (art9.priority applied), but the
        // refusal under art. 8 stands: no consideration cites art. 9, nor names the characteristic.
        guard case .list(let considerations)? = model["considerations"] else { Issue.record("no considerations"); return }
        for case .object(let item) in considerations { #expect(!(words(item["citation"]) ?? "").contains("artikel 9"), "\(item)") }
        #expect(!text.contains("zorgmedewerker"), "\(text)")
    }

    @Test("a grant resting on a hardship decision says so in its dictum (fixture 004)")
    func liftInDictum() throws {
        // Legal spec A8 example 4: refused under art. 8 lid 1, lifted by the college's decision
        // under art. 8 lid 2: granted, applying that clause.
        let (model, text) = try letter("004-")
        #expect(model["isGranted"]?.holds == true)
        #expect(text.contains("Het college besluit, met toepassing van artikel 8, tweede lid, van de Wbmgp, dat hoofdstuk 3"), "\(text)")
        #expect(try letter("004-", language: .en).text.contains("The Board decides, applying article 8(2) of the Wbmgp, that chapter 3"))
        // The consideration that states the ground ("Dit is een weigeringsgrond") is followed by
        // the hardship decision, which says that the ground therefore does not stand in the way.
        #expect(text.contains("besloten af te wijken van artikel 8, eerste lid, van de Wbmgp, om de volgende reden"), "\(text)")
        #expect(text.contains("Die weigeringsgrond staat daarom niet aan verlening in de weg."), "\(text)")
        // Without a lift the dictum is as it was (fixture 001: granted, nothing lifted).
        let plain = try letter("001-").text
        #expect(plain.contains("Het college besluit dat hoofdstuk 3 van de Wbmgp niet in de weg staat"))
    }

    @Test("a refusal on one ground with another set aside by a hardship decision does not say that the Board decided to grant (fixture 073)")
    func liftInRefusal() throws {
        // Fixture 073: the art. 10 ground is set aside (art. 10 lid 5), the art. 8 ground stands.
        let (model, text) = try letter("073-")
        #expect(model["isRefused"]?.holds == true)
        #expect(text.contains("besloten af te wijken van artikel 10, eerste lid, van de Wbmgp"), "\(text)")
        #expect(!text.contains("te verlenen, om") && !text.contains("toch te verlenen"), "\(text)")
    }

    @Test("a refusal names the hardship decision that refused to set its ground aside (fixture 022), not one out of time")
    func refusedHardshipNamed() throws {
        // Legal spec A8: refused under art. 8 lid 1; the college refused on 20 May 2019 (after
        // the application of 1 May 2019, no decision date) to apply art. 8 lid 2.
        let (model, text) = try letter("022-")
        #expect(model["isRefused"]?.holds == true)
        #expect(
            text.contains(
                "Het college heeft op 20 mei 2019 besloten niet met toepassing van artikel 8, tweede lid, van de Wbmgp af te wijken van artikel 8, eerste lid, van de Wbmgp, om de volgende reden: No circumstances of overriding unfairness shown"
            ), "\(text)")
        #expect(try letter("022-", language: .en).text.contains("On 20 May 2019 the Board decided not to depart from article 8(1)"))
        // The same decision dated before the application concerned another application: not named.
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("022-") })
        let engine = try fixture.engine()
        var application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
        application.hardship[0].date = try #require(CalendarDate(year: 2019, month: 4, day: 30))
        let decision = try engine.decide(application, peopleByName: true)
        #expect(decision.outcome == .refused)
        let earlier = LetterModel.build(decision, application: application, engine: engine, language: .nl)
        #expect(isEmptyList(earlier["hardshipRefused"]))
        // A grant has none, whatever its application holds (fixture 004: granted, lifted).
        #expect(isEmptyList(try letter("004-").model["hardshipRefused"]))
    }

    @Test("a letter that chapter 3 does not apply gives the reason: the designation does not cover the dwelling (fixture 039)")
    func notApplicableSaysWhy() throws {
        // Designation X covers rental dwellings in Carnisse; the dwelling is owner-occupied.
        let (model, text) = try letter("039-")
        #expect(model["isNotApplicable"]?.holds == true)
        #expect(text.contains("Toelichting"))
        #expect(text.contains("Geen aanwijzing die op"), "\(text)")
        #expect(text.contains("artikel 5 van de Wbmgp"))
    }

    @Test("a woonverklaring given without the hearing it needed: the letter is marked as not to be sent and undated (fixture 010)")
    func defectMarked() throws {
        // Fixture 010: a negative woonverklaring without a hearing offered (art. 10b lid 6),
        // D-NO-HEARING; given a decision date, the letter would otherwise be a dated besluit.
        let fixture = try #require(DecideFixture.all("valid").first { $0.name.hasPrefix("010-") })
        let engine = try fixture.engine()
        var application = try ApplicationReader(law: engine.law, role: fixture.role).read(try #require(fixture.document["application"]))
        application.decisionDate = application.applicationDate.adding(days: 30)
        let decision = try engine.decide(application, peopleByName: true)
        #expect(decision.defects.map(\.code) == ["D-NO-HEARING"])
        for language in Language.allCases {
            let model = LetterModel.build(decision, application: application, engine: engine, language: language)
            #expect(model["hasDefect"]?.holds == true)
            #expect(words(model["letterDate"]) == "")
            let text = LetterContentTests.visibleText(try #require(LetterContentTests.module?.letters[language]?.render(model)))
            #expect(text.contains(language == .nl ? "GEBREK IN DE PROCEDURE" : "DEFECT IN THE PROCEDURE"))
            #expect(!text.contains(language == .nl ? "CONCEPT" : "DRAFT —"))
        }
    }

    @Test("decided under another day's law (--law-date), the letter is a simulation: marked, undated (fixture 029)")
    func simulationMarked() throws {
        // Fixture 029 is decided on 2017-07-04 under the law of 2017-06-30 (before the change of 2017-07-01).
        let (model, text) = try letter("029-")
        #expect(model["isSimulation"]?.holds == true)
        #expect(model["isDraft"]?.holds == true)
        #expect(words(model["letterDate"]) == "")
        #expect(text.contains("SIMULATIE — beslist naar het recht zoals dat gold op 30 juni 2017"))
        #expect(!text.contains("CONCEPT"))
        let english = try letter("029-", language: .en).text
        #expect(english.contains("SIMULATION — decided under the law as it stood on 30 June 2017"))
        // Under its own law (the decision date), the same application's letter is a besluit of 4 July 2017.
        let own = try letter("029-", lawDate: TestSupport.date("2017-07-04"))
        #expect(own.model["isSimulation"]?.holds == false)
        #expect(words(own.model["letterDate"]) == "4 juli 2017")
        #expect(!own.text.contains("SIMULATIE"))
    }
}

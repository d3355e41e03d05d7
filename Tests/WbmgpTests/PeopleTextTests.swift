import Foundation
import Testing

@testable import Wbmgp

/// What a person reads holds no code, JSON path or ISO date (issue 13, interface §10): every
/// valid fixture and every rule scenario, rendered as text output and as the JSON reason and
/// defect texts, in both languages. Allowed, by name: statutory references ("onder c"), free
/// text a person entered (conditions, hardship reasons, who decided, names), and codes whose
/// label in that language is the same word ("partner").
@Suite("Texts for people: no codes, paths or ISO dates")
struct PeopleTextTests {
    /// One case: an application, the engine it is decided by, and where it comes from.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let engine: Engine
        let application: Application
        let lawDate: CalendarDate?
        var testDescription: String { name }
    }

    static func cases() -> [Case] {
        var cases: [Case] = []
        for fixture in DecideFixture.all("valid") {
            guard let engine = try? fixture.engine(), let input = fixture.document["application"],
                let application = try? ApplicationReader(law: engine.law, role: fixture.role).read(input)
            else { continue }
            cases.append(Case(name: fixture.name, engine: engine, application: application, lawDate: fixture.lawDate))
        }
        let directory = TestSupport.rulesDirectory + "/tests"
        let shipped = (try? TestSupport.shippedDesignations()) ?? []
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name), let scenario = try? JSONReader.parse(Array(data)),
                let input = scenario["application"]
            else { continue }
            var designations = shipped
            if case .array(let list) = scenario["designations"] ?? .null {
                let files = list.enumerated().map { ("\(name)#\($0.offset)", JSONWriter.compact($0.element)) }
                designations = DesignationReader(law: TestSupport.law).read(files: files).0
            }
            var role = Role.desk
            if case .string(let code) = scenario["role"] ?? .null, let chosen = Role(rawValue: code) { role = chosen }
            var lawDate: CalendarDate?
            if case .string(let text) = scenario["lawDate"] ?? .null { lawDate = CalendarDate(parsing: text) }
            guard let application = try? ApplicationReader(law: TestSupport.law, role: role).read(input) else { continue }
            cases.append(Case(name: name, engine: Engine(law: TestSupport.law, designations: designations), application: application, lawDate: lawDate))
        }
        return cases
    }

    /// Every code a text could leak: the vocabularies, the domains the engine fixes, the
    /// categories and characteristics labelled; without single letters (the behaviours, read as
    /// "onder c") and codes whose label is the word itself. In English many codes are plain
    /// words ("rental", "mayor"), so there only codes of several words ("self-employment") count.
    static func codes(_ language: Language) -> [String] {
        let codes = allCodes(language)
        return language == .en ? codes.filter { $0.contains("-") } : codes
    }

    /// The Dutch labels that differ from their English ones: in an English text they are Dutch
    /// leaking through (the reverse check). Dutch legal terms an English text keeps on purpose
    /// ("woonverklaring") are not labels of their own, so they pass.
    static let dutchLabels: [String] = {
        var labels = Set<String>()
        for domain in TestSupport.law.labels.domains.values {
            for label in domain.values where label.nl != label.en && label.nl.count > 3 { labels.insert(label.nl) }
        }
        return labels.sorted()
    }()

    static func allCodes(_ language: Language) -> [String] {
        let law = TestSupport.law
        var all = Set(law.vocabularies.values.joined())
        for (domain, codes) in TextLabels.fixedDomains(measures: Array(law.measures.keys)) where domain != "measure" { all.formUnion(codes) }
        for domain in ["category", "characteristic"] { all.formUnion(law.labels.domains[domain]?.keys ?? [:].keys) }
        return all.filter { code in
            code.count > 1 && law.labels.anyDomain[code]?.text(language) != code && law.labels.label(code, in: "personRole")?.text(language) != code
        }.sorted()
    }

    /// The free texts of the application a person entered, which a text may quote.
    static func freeTexts(_ application: Application) -> [String] {
        var texts = application.hardship.flatMap { [$0.reason, $0.decidedBy] }
        if let woonverklaring = application.woonverklaring { texts += woonverklaring.conditions + [woonverklaring.decidedBy].compactMap { $0 } }
        texts += application.household.compactMap(\.name)
        return texts.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    static func leaks(in text: String, language: Language, application: Application) -> [String] {
        var scrubbed = text
        for free in freeTexts(application) { scrubbed = scrubbed.replacingOccurrences(of: free, with: "«quoted»") }
        var found: [String] = []
        if let range = scrubbed.range(of: #"\b\d{4}-\d{2}-\d{2}\b"#, options: .regularExpression) { found.append("ISO date \(scrubbed[range])") }
        if let range = scrubbed.range(of: #"\$\.[A-Za-z]"#, options: .regularExpression) { found.append("JSON path at \(scrubbed[range])") }
        for code in codes(language) {
            let pattern = "(?<![\\w-])" + NSRegularExpression.escapedPattern(for: code) + "(?![\\w-])"
            if scrubbed.range(of: pattern, options: .regularExpression) != nil { found.append("code '\(code)'") }
        }
        if language == .en {
            for label in dutchLabels where scrubbed.contains(label) { found.append("Dutch '\(label)'") }
        }
        for member in application.household where member.id.count > 1 || Int(member.id) == nil {
            let pattern = "(?<![\\w-])" + NSRegularExpression.escapedPattern(for: member.id) + "(?![\\w-])"
            if scrubbed.range(of: pattern, options: .regularExpression) != nil { found.append("person id '\(member.id)'") }
        }
        return found
    }

    @Test("texts of every fixture and scenario, in both languages, show no code, path or ISO date", arguments: cases())
    func noLeaks(_ item: Case) throws {
        let byRole = try item.engine.decide(item.application, lawDate: item.lawDate)
        let byName = try item.engine.decide(item.application, lawDate: item.lawDate, peopleByName: true)
        for language in Language.allCases {
            var texts = byRole.reasons.map { language == .en ? $0.en : $0.nl } + byRole.defects.map { language == .en ? $0.en : $0.nl }
            texts.append(TextRenderer.render(byName, application: item.application, engine: item.engine, language: language))
            for text in texts {
                let found = PeopleTextTests.leaks(in: text, language: language, application: item.application)
                #expect(found.isEmpty, "\(language.rawValue): \(found) in: \(text)")
            }
        }
    }

    @Test("the scanner finds each kind of leak, and lets quoted free text through")
    func scanner() throws {
        let application = try #require(PeopleTextTests.cases().first { $0.application.hardship.contains { !$0.reason.isEmpty } }?.application)
        let leaks = { (text: String, language: Language) in PeopleTextTests.leaks(in: text, language: language, application: application) }
        #expect(!leaks("De woning, categorie rental, valt onder de aanwijzing.", .nl).isEmpty)
        #expect(!leaks("Ontbreekt: $.household[0].income", .nl).isEmpty)
        #expect(!leaks("Op 2019-05-01 is de woonverklaring afgegeven.", .nl).isEmpty)
        #expect(!leaks("The applicant has self-employment income.", .en).isEmpty)
        #expect(!leaks("The applicant lives in a huurwoning.", .en).isEmpty)
        #expect(!leaks("Aanvrager \(application.household[0].id) woont in de regio.", .nl).isEmpty)
        #expect(leaks("Het college besloot: \(application.hardship[0].reason).", .nl).isEmpty)
    }

    @Test("there are cases to check")
    func enough() {
        #expect(PeopleTextTests.cases().count >= 150)
    }
}

import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@testable import Wbmgp

/// The template language of `Rules/letters/` (small, checked, never trapping).
@Suite("Letter templates: the language")
struct LetterTemplateTests {
    func parse(_ text: String) -> (LetterTemplate, [Diagnostic]) { LetterTemplate.parse(SourceFile(path: "t.html", text: text)) }

    @Test("values are escaped; sections choose; lists repeat")
    func render() {
        let (template, found) = parse("<p>{{a}}</p>{{#if f}}yes{{else}}no{{/if}}{{#unless f}}!{{/unless}}<ul>{{#each xs as x}}<li>{{x.t}}</li>{{/each}}</ul>")
        #expect(found.isEmpty)
        let html = template.render([
            "a": .text("Tom & <Jerry>"), "f": .flag(false),
            "xs": .list([.object(["t": .text("één")]), .object(["t": .text("\"two\"")])]),
        ]) ?? ""
        #expect(html == "<p>Tom &amp; &lt;Jerry&gt;</p>no!<ul><li>één</li><li>&quot;two&quot;</li></ul>")
    }

    @Test("an unknown name is a diagnostic at its line and column, with a suggestion")
    func unknownName() {
        let (template, found) = parse("<p>\n  {{municipalty}}</p>")
        #expect(found.isEmpty)
        let problems = template.check(against: LetterModel.shape)
        #expect(problems.count == 1)
        #expect(problems.first?.line == 2 && problems.first?.column == 3)
        #expect(problems.first?.message.contains("did you mean 'municipality'") == true, "\(problems.map { $0.rendered() })")
    }

    @Test("broken sections are diagnostics, never a trap", arguments: [
        "{{#if isDraft}}open", "{{/if}}", "{{#if isDraft}}{{/each}}", "{{else}}", "{{#each municipality as m}}{{/each}}", "{{grounds}}",
        "{{#each grounds}}{{/each}}", "{{ }}", "{{a b c}}", "{{unclosed", "{{#if isDraft}}{{else}}{{else}}{{/if}}",
    ])
    func broken(_ text: String) {
        let (template, found) = parse(text)
        let problems = found + template.check(against: LetterModel.shape)
        #expect(!problems.isEmpty, "\(text)")
        #expect(problems.allSatisfy { ($0.line ?? 1) == 1 })
        _ = template.render([:])
    }

    @Test("lists nested in lists cannot render for ever: past the bound, no letter")
    func bounded() {
        let nested = String(repeating: "{{#each xs as x}}", count: 30) + "{{x}}" + String(repeating: "{{/each}}", count: 30)
        let (template, found) = parse(nested)
        #expect(found.isEmpty)
        #expect(template.render(["xs": .list(Array(repeating: .text("a"), count: 4))]) == nil)
        #expect(template.render(["xs": .list([.text("a")])]) == "a")
    }

    @Test("{{> file}} copies a file of the letters folder as written; an unknown or unsafe name is a diagnostic")
    func include() {
        let files = ["style.css": "p { color: #000 } /* {{not a tag}} */"]
        let (template, found) = LetterTemplate.parse(SourceFile(path: "t.html", text: "<style>{{> style.css}}</style>")) { files[$0] }
        #expect(found.isEmpty)
        #expect(template.render([:]) == "<style>p { color: #000 } /* {{not a tag}} */</style>")
        for text in ["{{> nope.css}}", "{{> ../secret}}", "{{> a/b}}", "{{>}}"] {
            let (_, problems) = LetterTemplate.parse(SourceFile(path: "t.html", text: text)) { files[$0] }
            #expect(problems.count == 1, "\(text)")
        }
    }

    @Test("sections nest at most 32 deep")
    func nesting() {
        let deep = String(repeating: "{{#if isDraft}}", count: 40) + String(repeating: "{{/if}}", count: 40)
        let (_, found) = parse(deep)
        #expect(found.contains { $0.message.contains("nest deeper") })
    }
}

/// The besluit of every valid fixture and scenario, in both languages (issue 13 item 4): a
/// well-formed document with the dictum of its outcome, every ground's citation, the objection
/// clause where one is owed, no code, path or ISO date, and never police data.
@Suite("Letters: the besluit of every fixture")
struct LetterContentTests {
    static let module: RuleModule? = RuleModule.load(rules: TestSupport.rulesDirectory, readDesignations: false).0

    /// The dictum phrase of each outcome, per language (from the shipped templates).
    static func dictum(_ model: [String: LetterValue], _ language: Language) -> String {
        let en = language == .en
        func holds(_ name: String) -> Bool { model[name]?.holds ?? false }
        if holds("internalNote") { return en ? "Internal note" : "Interne notitie" }
        if holds("toApplicant") { return en ? "Request to complete your application" : "Verzoek om aanvulling" }
        if holds("isRefused") { return en ? "The Board refuses the requested housing permit" : "Het college weigert de gevraagde huisvestingsvergunning" }
        if holds("isNotApplicable") { return en ? "does not apply to your application" : "niet van toepassing is op uw aanvraag" }
        return en ? "does not stand in the way of granting the requested housing permit" : "niet in de weg staat aan verlening van de gevraagde huisvestingsvergunning"
    }

    /// The text a person reads: tags removed, entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        if let body = text.range(of: "<body") { text = String(text[body.lowerBound...]) }
        text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    @Test("the besluit of every fixture and scenario, in both languages", arguments: PeopleTextTests.cases())
    func letter(_ item: PeopleTextTests.Case) throws {
        let templates = try #require(LetterContentTests.module?.letters)
        let decision = try item.engine.decide(item.application, lawDate: item.lawDate, peopleByName: true)
        let policeTexts = decision.reasons.filter { item.engine.law.rulesReadingPoliceData.contains($0.rule) }.flatMap { [$0.nl, $0.en] }
        for language in Language.allCases {
            let template = try #require(templates[language])
            let model = LetterModel.build(decision, application: item.application, engine: item.engine, language: language)
            let html = try #require(template.render(model))
            let parser = XMLParser(data: Data(html.utf8))
            #expect(parser.parse(), "\(language.rawValue): not well-formed: \(String(describing: parser.parserError))")
            let text = LetterContentTests.visibleText(html)
            #expect(text.contains(LetterContentTests.dictum(model, language)), "\(language.rawValue): no dictum")
            if case .list(let grounds)? = model["grounds"], decision.outcome == .refused {
                for case .object(let ground) in grounds {
                    if case .text(let citation)? = ground["citation"] { #expect(text.contains(citation), "\(language.rawValue): ground \(citation)") }
                }
            }
            let owesObjectionClause = !(model["internalNote"]?.holds ?? false) && !(model["toApplicant"]?.holds ?? false)
            if owesObjectionClause {
                #expect(text.contains(language == .en ? "objection (bezwaar)" : "bezwaar maken"), "\(language.rawValue): no objection clause")
                #expect(text.contains(language == .en ? "article 6:7" : "artikel 6:7"))
            }
            let leaks = PeopleTextTests.leaks(in: text, language: language, application: item.application)
            #expect(leaks.isEmpty, "\(language.rawValue): \(leaks)")
            for police in policeTexts where !police.isEmpty { #expect(!text.contains(police), "\(language.rawValue): police data in the letter") }
            // A record's date may coincide with a date the letter names for its own sake.
            let ownDates = Set(
                [item.application.applicationDate, item.application.decisionDate, item.application.woonverklaring?.date].compactMap { $0 }
                    + decision.designations.compactMap { id in item.engine.designations.first { $0.id == id } }.flatMap { [$0.from, $0.until] }
                    + item.application.hardship.map(\.date))
            for member in item.application.household {
                for record in member.screening?.policeRecords ?? [] where !ownDates.contains(record.date) {
                    #expect(!text.contains(PlainWords.date(record.date, language)), "\(language.rawValue): a police record's date")
                }
            }
        }
    }
}

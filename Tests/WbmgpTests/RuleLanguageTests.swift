import Testing

@testable import Wbmgp

/// Broken rule files: each diagnostic code, at the right line and column, all in one run.
@Suite("Rule language: lexer, parser and compiler diagnostics")
struct RuleLanguageTests {
    static let header = """
        version 2017-01-01 "test"
        measure art8 "Wbmgp art. 5 lid 1" from 2017-01-01
          field incomeTest: one of applicant, any-adult default applicant
        parameter minimumResidence = 6 years "Wbmgp art. 8 lid 1" from 2017-01-01

        """

    static let goodRule = """
        rule art8.income "Wbmgp art. 8 lid 1" from 2017-01-01
          under art8
          for each p in applicant
          fact income = p.income
          refuse when residence(p, designation.region, applicationDate) < minimumResidence
          reason applied nl "a {income}" en "a {income}"
          reason passed nl "p" en "p"
          reason unknown nl "u" en "u"

        """

    /// Compiles `header + body` and returns the diagnostics with line:column relative to the body.
    func diagnostics(_ body: String) -> [Diagnostic] {
        let headerLines = RuleLanguageTests.header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        return TestSupport.compile(RuleLanguageTests.header + body).1.map { d in
            var d = d
            if let line = d.line, d.path == "test.rules" { d.line = line - headerLines }
            return d
        }
    }

    func expectOne(_ body: String, _ code: DiagnosticCode, line: Int, column: Int, containing text: String = "",
                   sourceLocation: SourceLocation = #_sourceLocation) {
        let found = diagnostics(body)
        #expect(found.count == 1, "expected one diagnostic, got \(found.map { $0.rendered(withExcerpt: false) })", sourceLocation: sourceLocation)
        guard let d = found.first else { return }
        #expect(d.code == code, "\(d.rendered(withExcerpt: false))", sourceLocation: sourceLocation)
        #expect(d.line == line && d.column == column, "\(d.rendered(withExcerpt: false))", sourceLocation: sourceLocation)
        #expect(text.isEmpty || d.message.contains(text), "\(d.message)", sourceLocation: sourceLocation)
    }

    @Test("the good rule compiles cleanly")
    func goodRuleCompiles() {
        #expect(diagnostics(RuleLanguageTests.goodRule).isEmpty)
    }

    @Test("unknown fact field gets a did-you-mean (R012)")
    func unknownField() {
        let body = RuleLanguageTests.goodRule.replacingOccurrences(of: "fact income = p.income", with: "fact income = p.incom")
        expectOne(body, .unknownField, line: 4, column: 19, containing: "did you mean 'p.income'?")
    }

    @Test("unknown name (R010) and unknown function (R011)")
    func unknownNames() {
        expectOne(RuleLanguageTests.goodRule.replacingOccurrences(of: "< minimumResidence", with: "< minimumResidense"),
                  .unknownName, line: 5, column: 67, containing: "did you mean 'minimumResidence'?")
        expectOne(RuleLanguageTests.goodRule.replacingOccurrences(of: "residence(p,", with: "residense(p,"),
                  .unknownFunction, line: 5, column: 15, containing: "did you mean 'residence'?")
    }

    @Test("type mismatch (R020)")
    func typeMismatch() {
        expectOne(RuleLanguageTests.goodRule.replacingOccurrences(of: "< minimumResidence", with: "< 6"),
                  .typeMismatch, line: 5, column: 15, containing: "'<'")
    }

    @Test("syntax error reports the token and recovers at the next rule (R004)")
    func syntaxRecovery() {
        let broken = RuleLanguageTests.goodRule.replacingOccurrences(of: "refuse when", with: "refuse if")
        let second = RuleLanguageTests.goodRule.replacingOccurrences(of: "art8.income", with: "art8.other")
            .replacingOccurrences(of: "fact income = p.income", with: "fact income = p.incom")
        let found = diagnostics(broken + second)
        #expect(found.map(\.code) == [.expectedToken, .unknownField], "\(found.map { $0.rendered(withExcerpt: false) })")
        #expect(found.first?.line == 5 && found.first?.column == 10)
        #expect(found.first?.message.contains("expected 'when'") == true)
    }

    @Test("a duplicate rule id in force on overlapping dates (R030); a rule without citation (R032)")
    func structure() {
        let again = RuleLanguageTests.goodRule.replacingOccurrences(of: "from 2017-01-01", with: "from 2018-01-01")
        expectOne(RuleLanguageTests.goodRule + again, .duplicateRule, line: 9, column: 39, containing: "overlap")
        let uncited = RuleLanguageTests.goodRule.replacingOccurrences(of: "\"Wbmgp art. 8 lid 1\" from", with: "from")
        expectOne(uncited, .missingCitation, line: 1, column: 6)
    }

    @Test("a missing reason text (R033) and a missing effect (R034)")
    func reasonsAndEffect() {
        let noUnknown = RuleLanguageTests.goodRule.replacingOccurrences(of: "  reason unknown nl \"u\" en \"u\"\n", with: "")
        expectOne(noUnknown, .missingReason, line: 1, column: 6, containing: "'unknown'")
        let noEffect = RuleLanguageTests.goodRule.replacingOccurrences(
            of: "  refuse when residence(p, designation.region, applicationDate) < minimumResidence\n", with: "")
        expectOne(noEffect, .missingEffect, line: 1, column: 6)
    }

    @Test("unknown measure (R013), unknown placeholder (R014), unknown hardship code (R015)")
    func references() {
        expectOne(RuleLanguageTests.goodRule.replacingOccurrences(of: "under art8", with: "under art88"), .unknownMeasure, line: 2, column: 9,
                  containing: "did you mean 'art8'?")
        expectOne(RuleLanguageTests.goodRule.replacingOccurrences(of: "\"a {income}\" en", with: "\"a {incom}\" en"), .unknownPlaceholder,
                  line: 6, column: 21)
        expectOne(RuleLanguageTests.goodRule.replacingOccurrences(of: "  reason applied", with: "  lifted by \"art8-3\" \"Wbmgp art. 8 lid 2\"\n  reason applied"),
                  .unknownCode, line: 6, column: 13, containing: "did you mean 'art8-2'?")
    }

    @Test("a parameter not in force where the rule is (R036), and a recursive definition (R022)")
    func periodsAndDefinitions() {
        let late = RuleLanguageTests.goodRule.replacingOccurrences(of: "from 2017-01-01", with: "from 2016-01-01")
        let found = diagnostics(late)
        #expect(found.contains { $0.code == .notInForce && $0.message.contains("2016-01-01") }, "\(found.map { $0.rendered(withExcerpt: false) })")
        let recursive = "define loop = not loop\n" + RuleLanguageTests.goodRule.replacingOccurrences(of: "refuse when", with: "refuse when loop and")
        #expect(diagnostics(recursive).contains { $0.code == .recursiveDefinition })
    }

    @Test("lexical errors: bad date (R003), unterminated string (R002), stray character (R001)")
    func lexical() {
        expectOne(RuleLanguageTests.goodRule.replacingOccurrences(of: "from 2017-01-01", with: "from 2017-02-30"), .invalidDate, line: 1, column: 44)
        expectOne(RuleLanguageTests.goodRule.replacingOccurrences(of: "en \"u\"", with: "en \"u"), .unterminatedString, line: 8, column: 28)
        expectOne(RuleLanguageTests.goodRule.replacingOccurrences(of: "under art8", with: "under art8 §"), .unexpectedCharacter, line: 2, column: 14)
    }

    @Test("all errors of a run are reported together, rendered GNU-style with an excerpt")
    func allAtOnce() {
        let body = RuleLanguageTests.goodRule.replacingOccurrences(of: "fact income = p.income", with: "fact income = p.incom")
            .replacingOccurrences(of: "< minimumResidence", with: "< minimumResidense")
        let found = TestSupport.compile(RuleLanguageTests.header + body).1
        #expect(found.count == 2)
        #expect(found.first?.rendered() == """
            test.rules:8:19: error: [R012] unknown field 'p.incom' of a person; did you mean 'p.income'?
            8 |   fact income = p.incom
              |                   ^
            """)
    }
}

@Suite("Rule language: flag citations")
struct FlagCitationTests {
    @Test("art. 9: the ranking flags cite lid 2 (priority.flagsCitation), the priority itself lid 1")
    func flagsCiteLidTwo() throws {
        let rules = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/wbmgp", extension: "rules").files
        let law = try #require(LawCompiler.compile(files: rules).0)
        let art9 = law.snapshots.flatMap(\.rules).filter { $0.id == "art9.priority" }
        #expect(!art9.isEmpty)
        for rule in art9 {
            #expect(rule.citation == "Wbmgp art. 9 lid 1")
            #expect(rule.flagsCitation == "Wbmgp art. 9 lid 2")
        }
        // A flag without a citation leaves it nil; the first citation given is the rule's.
        let (plain, problems) = TestSupport.compile(
            """
            version 2017-01-01 "test"
            measure m "Wbmgp art. 5" from 2017-01-01
              field on: bool default false
            rule m.p "Wbmgp art. 9 lid 1" from 2017-01-01
              under m
              priority {"x"} when true
              flag a = true
              flag b = false "Wbmgp art. 9 lid 2"
              reason applied
                nl "ja"
                en "yes"
              reason passed
                nl "nee"
                en "no"
              reason unknown
                nl "onbekend"
                en "unknown"
            """)
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems.map { $0.rendered() })")
        #expect(plain?.snapshots.flatMap(\.rules).first { $0.id == "m.p" }?.flagsCitation == "Wbmgp art. 9 lid 2")
    }
}

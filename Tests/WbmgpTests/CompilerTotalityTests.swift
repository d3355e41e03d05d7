import Foundation
import Testing

@testable import Wbmgp

/// No rule file crashes or hangs the compiler, and nothing it accepts traps a decision: each
/// reproducer a fuzzer found on the release build is now a diagnostic at its place.
@Suite("Compiler totality: every rule file ends in diagnostics, never a crash")
struct CompilerTotalityTests {
    static let header = """
        version 2017-01-01 "test"
        measure art8 "Wbmgp art. 5 lid 1" from 2017-01-01
          field incomeTest: one of applicant, any-adult default applicant
        parameter minimumResidence = 6 years "Wbmgp art. 8 lid 1" from 2017-01-01

        """

    /// An art. 8 rule shaped like the shipped art08.rules, with `lines` (facts, the effect) inside.
    static func rule(_ lines: String..., id: String = "art8.test") -> String {
        "rule \(id) \"Wbmgp art. 8 lid 1\" from 2017-01-01\n  under art8\n  for each p in applicant\n"
            + lines.map { "  " + $0 + "\n" }.joined()
            + "  reason applied nl \"a\" en \"a\"\n  reason passed nl \"p\" en \"p\"\n  reason unknown nl \"u\" en \"u\"\n"
    }

    static let marker = "1️⃣"

    /// Compiles `header + body`, with the line and column (bytes, in the whole file) of the
    /// marker `1️⃣` in `body`, which is removed first.
    func compile(_ body: String) -> (law: CompiledLaw?, diagnostics: [Diagnostic], line: Int, column: Int) {
        var text = CompilerTotalityTests.header + body
        var line = 0, column = 0
        if let range = text.range(of: CompilerTotalityTests.marker) {
            let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            text.removeSubrange(range)
            (line, column) = SourceFile(path: "test.rules", text: text).location(of: offset)
        }
        let (law, diagnostics) = TestSupport.compile(text)
        return (law, diagnostics, line, column)
    }

    /// Expects exactly one diagnostic, with `code`, at the marker.
    func expectOne(_ body: String, _ code: DiagnosticCode, containing text: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        let (law, found, line, column) = compile(body)
        #expect(law == nil, sourceLocation: sourceLocation)
        #expect(found.count == 1, "\(found.prefix(5).map { $0.rendered(withExcerpt: false) })", sourceLocation: sourceLocation)
        guard let d = found.first else { return }
        #expect(d.code == code, "\(d.rendered(withExcerpt: false))", sourceLocation: sourceLocation)
        #expect(d.path == "test.rules" && d.line == line && d.column == column, "\(d.rendered(withExcerpt: false))", sourceLocation: sourceLocation)
        #expect(text.isEmpty || d.message.contains(text), "\(d.message)", sourceLocation: sourceLocation)
    }

    /// Every diagnostic of `test.rules` points into the text: a line it has, a column on it.
    func expectInside(_ found: [Diagnostic], _ body: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = (CompilerTotalityTests.header + body).split(separator: "\n", omittingEmptySubsequences: false)
        for d in found where d.path == "test.rules" {
            guard let line = d.line, let column = d.column else { continue }
            #expect(line >= 1 && line <= lines.count, "\(d.rendered(withExcerpt: false))", sourceLocation: sourceLocation)
            if line >= 1 && line <= lines.count {
                #expect(column >= 1 && column <= lines[line - 1].utf8.count + 1, "\(d.rendered(withExcerpt: false))", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: - 1. A file may end anywhere

    @Test("a file ending in 'rule x' is missing its citation and period, at the id")
    func ruleAtEndOfFile() {
        let (law, found, line, column) = compile("rule 1️⃣art8.cut")
        #expect(law == nil)
        #expect(found.map(\.code) == [.missingCitation, .invalidPeriod], "\(found.map { $0.rendered(withExcerpt: false) })")
        #expect(found.allSatisfy { $0.line == line && $0.column == column })
    }

    @Test("a rule cut off after 'refuse' expects 'when' at the end of the file")
    func refuseAtEndOfFile() {
        expectOne("rule art8.cut \"Wbmgp art. 8 lid 1\" from 2017-01-01\n  under art8\n  refuse1️⃣", .expectedToken,
                  containing: "expected 'when' after 'refuse', found end of file")
    }

    static let openers = [
        "version", "version 2018-01-01", "parameter", "parameter x", "parameter x =", "parameter x = 6", "parameter x = 6 years \"c\" from",
        "set", "set s =", "set s = a,", "codes", "codes c = a,", "define", "define d(", "define d(x", "define d(x,", "define d(x)",
        "define d(x) =", "measure", "measure m \"c\" from 2017-01-01 field", "measure m \"c\" from 2017-01-01 field f",
        "measure m \"c\" from 2017-01-01 field f:", "measure m \"c\" from 2017-01-01 field f: one of", "measure m \"c\" from 2017-01-01 field f: code",
        "measure m \"c\" from 2017-01-01 field f: bool default", "measure m \"c\" from 2017-01-01 field f: bool required when",
        "rule", "rule a.", "rule a \"c\"", "rule a \"c\" from", "rule a \"c\" from 2017-01-01 until", "requirement", "requirement R \"c\"",
        "requirement R \"c\" error from 2017-01-01", "\"unterminated", "2017-02-30", "§",
    ]

    static let clauses = [
        "under", "applies", "applies when", "for", "for each", "for each q", "for each q in", "refuse", "refuse when", "conditions",
        "conditions {\"x\"}", "conditions {\"x\"} when", "priority", "priority {\"x\"} when", "defect", "defect \"X\"", "defect \"X\" when",
        "screen", "screen from", "screen from applicationDate until", "screen from applicationDate until applicationDate behaviours",
        "screen from applicationDate until applicationDate behaviours {\"a\"} when", "lookup", "flag", "flag f", "flag f =", "lifted",
        "lifted by", "lifted by \"art8-2\"", "fact", "fact f", "fact f =", "fact f = 1 when", "uses", "reason", "reason applied",
        "reason applied when", "reason applied nl", "reason applied nl \"a\"", "reason applied nl \"a\" en", "unknownclause",
        "refuse when (", "refuse when ((", "refuse when not", "refuse when if", "refuse when if true then", "refuse when if true then true else",
        "refuse when any", "refuse when any m", "refuse when any m in", "refuse when any m in household", "refuse when any m in household :",
        "refuse when [", "refuse when [m in household where", "refuse when {", "refuse when {1,", "refuse when age(", "refuse when age(p,",
        "refuse when p.", "refuse when p is", "refuse when p is not", "refuse when 1 +", "refuse when true and", "refuse when true or",
        "refuse when 1 <", "refuse when kind in", "refuse when 3 weeks",
    ]

    static let requirementClauses = [
        "applies", "applies when", "fails", "fails when", "path", "dated", "dated by", "checks", "fact", "fact f =", "message", "message when",
        "message when true",
    ]

    @Test("a file ending right after any keyword or operator gets diagnostics inside the file, never a crash")
    func endOfFileAnywhere() {
        var bodies = CompilerTotalityTests.openers
        bodies += CompilerTotalityTests.clauses.map { "rule art8.cut \"Wbmgp art. 8 lid 1\" from 2017-01-01\n  under art8\n  for each p in applicant\n  " + $0 }
        bodies += CompilerTotalityTests.requirementClauses.map { "requirement REQ-CUT \"Wbmgp art. 5\" error from 2017-01-01\n  " + $0 }
        for body in bodies {
            let (law, found, _, _) = compile(body)
            #expect(law == nil && !found.isEmpty, "no error for a file ending in '\(body)'")
            expectInside(found, body)
        }
    }

    @Test("every prefix of a realistic rule file compiles to a result, with diagnostics inside the text")
    func everyPrefix() {
        let text = """
            define adult(m) = age(m, applicationDate) >= 18
            rule art8.income "Wbmgp art. 8 lid 1" from 2017-01-01
              under art8
              for each p in applicant
              fact residence = residence(p, designation.region, applicationDate)
              fact income = p.income when residence is absent or residence < minimumResidence
              refuse when residence < minimumResidence and not (p.income intersects {"employment"})
                  and every m in household : (adult(m) or count([x in household where x.role = "applicant"]) > 1)
              lifted by "art8-2" "Wbmgp art. 8 lid 2"
              reason applied when measure.incomeTest = "any-adult" nl "{p} {residence}" en "{p} {residence}"
              reason applied nl "a {income}" en "a {income}"
              reason passed nl "p" en "p"
              reason unknown nl "u" en "u"
            requirement REQ-KIND "Wbmgp art. 5" error from 2017-01-01
              path "$.kind"
              fails when not (request.kind in {"initial", "extension"})
              message "kind is '{request.kind}'"
              text nl "soort '{request.kind}'" en "kind '{request.kind}'"

            """
        let bytes = Array(text.utf8)
        for cut in bytes.indices where bytes[cut] == 0x20 || bytes[cut] == 0x0A {
            let body = String(decoding: bytes[..<cut], as: UTF8.self)
            let (_, found, _, _) = compile(body)
            expectInside(found, body)
        }
        #expect(compile(text).diagnostics.isEmpty, "\(compile(text).diagnostics.map { $0.rendered(withExcerpt: false) })")
    }

    // MARK: - 2, 3. Nesting and long runs

    static let deep = 100_000

    @Test("100,000 nested parentheses: one R008 where the 257th level starts")
    func deepParentheses() {
        let parens = String(repeating: "(", count: 256) + "1️⃣" + String(repeating: "(", count: Self.deep - 256)
        let body = Self.rule("refuse when " + parens + "true" + String(repeating: ")", count: Self.deep))
        expectOne(body, .nestingTooDeep, containing: "deeper than 256 levels")
    }

    @Test("100,000 'not' prefixes: one R008 at the 256th 'not' (the expression itself is the first level)")
    func deepNot() {
        let nots = String(repeating: "not ", count: 255) + "1️⃣" + String(repeating: "not ", count: Self.deep - 255)
        expectOne(Self.rule("refuse when " + nots + "true"), .nestingTooDeep)
    }

    @Test("long field chains, '+' chains and nested quantifiers are nesting too")
    func otherDeepForms() {
        let fields = String(repeating: ".x", count: 255) + "1️⃣" + String(repeating: ".x", count: Self.deep - 255)
        expectOne(Self.rule("refuse when p" + fields + " = 1"), .nestingTooDeep)
        let sums = String(repeating: " + 1 day", count: 255) + " 1️⃣" + String(repeating: "+ 1 day ", count: Self.deep - 255)
        expectOne(Self.rule("refuse when applicationDate" + sums + " < applicationDate"), .nestingTooDeep)
        let quantifiers = String(repeating: "any m in household : ", count: 255) + "1️⃣" + String(repeating: "any m in household : ", count: 1_000)
        expectOne(Self.rule("refuse when " + quantifiers + "true"), .nestingTooDeep)
        let dots = String(repeating: ".x", count: Self.deep)
        let placeholder = "rule art8.ph \"Wbmgp art. 8 lid 1\" from 2017-01-01\n  under art8\n  refuse when true\n"
            + "  reason applied nl 1️⃣\"{p\(dots)}\" en \"a\"\n  reason passed nl \"p\" en \"p\"\n  reason unknown nl \"u\" en \"u\"\n"
        expectOne(placeholder, .nestingTooDeep)
    }

    @Test("the bound is exact: 254 'not's around a comparison compile, 255 go one level too deep once compiled")
    func boundIsExact() {
        let fits = compile(Self.rule("refuse when " + String(repeating: "not ", count: 254) + "kind = \"new-tenancy\""))
        #expect(fits.law != nil, "\(fits.diagnostics.map { $0.rendered(withExcerpt: false) })")
        expectOne(Self.rule("refuse when " + String(repeating: "not ", count: 255) + "1️⃣kind = \"new-tenancy\""), .nestingTooDeep,
                  containing: "once its definitions and facts are inlined")
    }

    @Test("definitions inlined into one another are bounded by the same 256 levels, reported in the definition")
    func deepThroughDefinitions() {
        let nots = String(repeating: "not ", count: 200)
        let text = "define d0 = kind = \"new-tenancy\"\ndefine d1 = " + String(repeating: "not ", count: 54) + "1️⃣" + String(repeating: "not ", count: 146)
            + "d0\ndefine d2 = " + nots + "d1\n" + Self.rule("refuse when d2")
        expectOne(text, .nestingTooDeep)
    }

    @Test("definitions that double the code line after line stop with one R009, quickly")
    func exponentialDefinitions() {
        var text = "define e0 = kind = \"new-tenancy\"\n"
        for i in 1...40 { text += "define e\(i) = e\(i - 1) and e\(i - 1)\n" }
        let (law, found, _, _) = compile(text + Self.rule("refuse when e40"))
        #expect(law == nil)
        #expect(found.map(\.code) == [.expressionTooLarge], "\(found.map { $0.rendered(withExcerpt: false) })")
        let calls = String(repeating: "f(", count: 60) + "kind = \"new-tenancy\"" + String(repeating: ")", count: 60)
        let (_, viaArguments, _, _) = compile("define f(x) = x and x\n" + Self.rule("refuse when " + calls))
        #expect(viaArguments.map(\.code) == [.expressionTooLarge], "\(viaArguments.map { $0.rendered(withExcerpt: false) })")
    }

    /// A designation and an application for deciding with a law compiled from ``header``.
    static let designation = """
        {"id": "t-carnisse", "municipality": "Rotterdam", "decisionDate": "2017-12-01", "source": "test",
         "term": {"from": "2018-01-01", "until": "2021-12-31"}, "extends": null,
         "region": {"name": "Rijnmond", "municipalities": ["Rotterdam", "Schiedam"]},
         "areas": {"neighbourhoods": ["Carnisse"]}, "categories": ["rental"],
         "measures": {"art8": {"incomeTest": "applicant"}}}
        """
    static let application = """
        {"id": "totality", "applicationDate": "2019-05-01",
         "dwelling": {"municipality": "Rotterdam", "neighbourhood": "Carnisse", "category": "rental"},
         "household": [{"id": "p1", "role": "applicant", "birthDate": "1985-03-10",
                        "residence": [{"municipality": "Rotterdam", "from": "2013-09-01"}], "income": ["unemployment-benefit"]}]}
        """

    func decide(_ body: String) throws -> Decision {
        let (law, found, _, _) = compile(body)
        let compiled = try #require(law, "\(found.prefix(5).map { $0.rendered(withExcerpt: false) })")
        let (designations, problems) = DesignationReader(law: compiled).read(files: [("t-carnisse.json", Self.designation)])
        #expect(problems.isEmpty, "\(problems.map { $0.rendered() })")
        let engine = Engine(law: compiled, designations: designations)
        return try DecisionService(engine: engine, engineInfo: .init(version: "test")).decide(Array(Self.application.utf8))
    }

    @Test("runs of 100,000 'and' and 'or' operands compile and decide without recursion per operand")
    func longRuns() throws {
        let ands = String(repeating: "adult and ", count: Self.deep) + "young"
        let ors = String(repeating: "young or ", count: Self.deep) + "adult"
        let facts = ["fact adult = age(p, applicationDate) >= 18", "fact young = age(p, applicationDate) < 18"]
        let decision = try decide(
            Self.rule(facts[0], facts[1], "refuse when " + ands, id: "art8.and") + Self.rule(facts[0], facts[1], "refuse when " + ors, id: "art8.or"))
        #expect(decision.reasons.first { $0.rule == "art8.and" }?.result == .passed)
        #expect(decision.reasons.first { $0.rule == "art8.or" }?.result == .applied)
        #expect(decision.outcome == .refused)
    }

    // MARK: - 4, 5. Numbers, durations and arithmetic

    @Test("a duration past 9999 years is R007 at its number; a number past Int is R007 once")
    func durations() {
        expectOne("parameter zz = 1️⃣1317624576693539402 weeks \"Wbmgp art. 8 lid 1\" from 2017-01-01\n", .numberOutOfRange,
                  containing: "at most 9999 years")
        expectOne("parameter zz = 1️⃣99999999999999999999 weeks \"Wbmgp art. 8 lid 1\" from 2017-01-01\n", .numberOutOfRange,
                  containing: "too large")
        expectOne("parameter zz = 1️⃣9223372036854775807 years \"Wbmgp art. 8 lid 1\" from 2017-01-01\n", .numberOutOfRange)
        expectOne(Self.rule("refuse when applicationDate - 1️⃣10000 years < applicationDate"), .numberOutOfRange)
        for (limit, unit) in [(9_999, "years"), (119_988, "months"), (521_722, "weeks"), (3_652_059, "days")] {
            let fits = compile("parameter zz = \(limit) \(unit) \"Wbmgp art. 8 lid 1\" from 2017-01-01\n")
            #expect(fits.diagnostics.isEmpty, "\(limit) \(unit): \(fits.diagnostics.map { $0.rendered(withExcerpt: false) })")
            expectOne("parameter zz = 1️⃣\(limit + 1) \(unit) \"Wbmgp art. 8 lid 1\" from 2017-01-01\n", .numberOutOfRange)
        }
    }

    @Test("the reproducer: minimumResidence = 9223372036854775807 years in the shipped art08.rules is R007 at art08.rules:7:30")
    func shippedParameter() throws {
        var files = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/wbmgp", extension: "rules").files
        let index = try #require(files.firstIndex { $0.path.hasSuffix("art08.rules") })
        let edited = files[index].text.replacingOccurrences(of: "minimumResidence = 6 years", with: "minimumResidence = 9223372036854775807 years")
        #expect(edited != files[index].text)
        files[index].text = edited
        let (law, found) = LawCompiler.compile(files: files)
        #expect(law == nil)
        #expect(found.map(\.code) == [.numberOutOfRange], "\(found.map { $0.rendered(withExcerpt: false) })")
        #expect(found.first.map { $0.path.hasSuffix("art08.rules") && $0.line == 7 && $0.column == 30 } == true)
    }

    @Test("date and whole-number arithmetic saturates at its bounds in a decision instead of trapping")
    func saturatingDecision() throws {
        let decision = try decide(Self.rule(
            "fact far = applicationDate + 9999 years + 9999 years + 9999 years + 9999 years",
            "fact back = applicationDate - 9999 years - 9999 years - 9999 years - 9999 years",
            "fact big = 9223372036854775807 + 9223372036854775807",
            "fact small = 0 - 9223372036854775807 - 9223372036854775807",
            "refuse when far < applicationDate or back > applicationDate or big < 0 or small > 0"
                + " or residence(p, designation.region, applicationDate) >= 9999 years"))
        let reason = try #require(decision.reasons.first { $0.rule == "art8.test" })
        #expect(reason.result == .passed)
        let facts = Dictionary(uniqueKeysWithValues: reason.facts.map { ($0.key, $0.value) })
        #expect(facts["far"] == .string("29999-12-01"))
        #expect(facts["back"] == .string("-29999-01-01"))
        #expect(facts["big"] == .integer(Int.max))
        #expect(facts["small"] == .integer(Int.min))
    }

    @Test("calendar arithmetic saturates at years -29999 and 29999 for any period")
    func calendarSaturates() {
        let date = TestSupport.date("2019-05-01")
        let latest = CalendarDate(dayNumber: Int.max)
        let earliest = CalendarDate(dayNumber: Int.min)
        #expect((latest.year, latest.month, latest.day) == (29_999, 12, 31))
        #expect((earliest.year, earliest.month, earliest.day) == (-29_999, 1, 1))
        #expect(date.adding(days: Int.max) == latest && date.adding(days: Int.min) == earliest)
        #expect(date.adding(years: Int.max).year == 29_999 && date.adding(years: Int.min).year == -29_999)
        #expect(date.adding(CalendarPeriod(years: .max, months: .max, days: .max)) == latest)
        #expect(date.subtracting(CalendarPeriod(years: .min, months: .min, days: .min)) == latest)
        #expect(date.subtracting(CalendarPeriod(years: .max, months: .max, days: .max)) == earliest)
        // Before year 1 months stay 1…12: 13 months before 0001-01-01 is December of year -1 (after year 0).
        let early = TestSupport.date("0001-01-01").adding(months: -13)
        #expect((early.year, early.month, early.day) == (-1, 12, 1))
        let evaluator = ExpressionEvaluator(lawDate: date, designationIds: [])
        let forever = Value.duration(CalendarPeriod(years: .max))
        let empty = Value.span(from: date, to: date)
        #expect(withUnsafePointer(to: empty) { empty in withUnsafePointer(to: forever) { evaluator.compare(.less, empty, $0) } } == true)
    }

    // MARK: - 6. Nothing writes a JSON key twice

    @Test("a fact or flag declared twice in a rule, or a fact twice in a requirement, is R037 at the second")
    func duplicates() {
        expectOne(Self.rule("fact windowUntil = applicationDate", "fact 1️⃣windowUntil = applicationDate", "refuse when false"),
                  .duplicateDeclaration, containing: "fact 'windowUntil' is declared twice in rule 'art8.test'")
        expectOne(Self.rule("refuse when false", "flag aboveUrgent = true", "flag 1️⃣aboveUrgent = false"), .duplicateDeclaration)
        expectOne("""
            requirement REQ-X "Wbmgp art. 5" error from 2017-01-01
              path "$.kind"
              fact k = request.kind
              fact 1️⃣k = request.kind
              fails when false
              message "m"
              text nl "m" en "m"

            """, .duplicateDeclaration)
        expectOne("define twice(x, 1️⃣x) = x\n", .duplicateDeclaration)
        expectOne("measure m \"Wbmgp art. 5\" from 2017-01-01\n  field f: bool\n  field 1️⃣f: bool\n", .duplicateDeclaration)
    }

    @Test("a reason text names each language once: a second 'nl' is a syntax error")
    func reasonLanguagesOnce() {
        let body = "rule art8.lang \"Wbmgp art. 8 lid 1\" from 2017-01-01\n  under art8\n  refuse when false\n"
            + "  reason applied nl \"a\" 1️⃣nl \"b\"\n  reason passed nl \"p\" en \"p\"\n  reason unknown nl \"u\" en \"u\"\n"
        expectOne(body, .expectedToken, containing: "expected 'en'")
    }

    // MARK: - 7. An error in a definition is reported once, where it is

    @Test("an error inside a define is reported once, in the define's file and position, however many files use it")
    func definitionErrorOnce() {
        let definitions = "# definitions\ndefine adultApplicant = age(applicant, applicationDate) >= adultAgee\n"
        let user = { (id: String) in
            "rule \(id) \"Wbmgp art. 8 lid 1\" from 2017-01-01\n  under art8\n  refuse when adultApplicant\n"
                + "  reason applied nl \"a\" en \"a\"\n  reason passed nl \"p\" en \"p\"\n  reason unknown nl \"u\" en \"u\"\n"
        }
        let vocabulary = (try? String(contentsOfFile: TestSupport.rulesDirectory + "/wbmgp/vocabulary.rules", encoding: .utf8)) ?? ""
        let (law, found) = LawCompiler.compile(files: [
            ("a.rules", CompilerTotalityTests.header + user("art8.a")), ("b.rules", user("art8.b") + "\n\n\n\n\n\n\n\n\n\n"),
            ("defs.rules", definitions), ("vocabulary.rules", vocabulary),
        ])
        #expect(law == nil)
        #expect(found.count == 1, "\(found.map { $0.rendered(withExcerpt: false) })")
        let d = found.first
        #expect(d?.code == .unknownName && d?.path == "defs.rules" && d?.line == 2 && d?.column == 60, "\(d?.rendered(withExcerpt: false) ?? "")")
        #expect(d?.message.hasPrefix("unknown name 'adultAgee'") == true)
    }

    // MARK: - Filters

    @Test("a filter keeps, in order, the elements its condition holds for, wherever the first one dropped stands")
    func filterKeepsInOrder() throws {
        // Worked out by hand. A filter copies its elements out only once one is dropped (issue
        // 16), so each position of the first element dropped is tried, and keeping all or none.
        let cases: [(condition: String, kept: [Int])] = [
            ("x > 0", [1, 2, 3, 4, 5]), ("x > 9", []), ("x != 1", [2, 3, 4, 5]), ("x != 3", [1, 2, 4, 5]),
            ("x != 5", [1, 2, 3, 4]), ("x = 2 or x = 4", [2, 4]), ("x = 1 or x = 5", [1, 5]), ("x = 5", [5]),
        ]
        var facts = cases.indices.map { "fact kept\($0) = [x in {1, 2, 3, 4, 5} where \(cases[$0].condition)]" }
        // A condition unknown for one element (the test applicant's characteristics are not
        // given) leaves the whole list unknown, after an element kept or one dropped.
        facts.append("fact unknownAfterKept = [x in {1, 2, 3} where x = 1 or \"other\" in p.characteristics]")
        facts.append("fact unknownAfterDropped = [x in {1, 2, 3} where x != 1 and \"other\" in p.characteristics]")
        facts.append("fact countKept = count([x in {1, 2, 3, 4, 5} where x != 3]) + count([x in {1, 2, 3, 4, 5} where x > 0])")
        let decision = try decide(Self.rule(facts.joined(separator: "\n  "), "refuse when false"))
        let reason = try #require(decision.reasons.first { $0.rule == "art8.test" })
        let shown = Dictionary(uniqueKeysWithValues: reason.facts.map { ($0.key, $0.value) })
        for (i, expected) in cases.enumerated() {
            #expect(shown["kept\(i)"] == .array(expected.kept.map { .integer($0) }), "where \(expected.condition)")
        }
        #expect(shown["unknownAfterKept"] == .null)
        #expect(shown["unknownAfterDropped"] == .null)
        #expect(shown["countKept"] == .integer(9))
    }

    // MARK: - Many errors, long lines

    @Test("100,000 unreadable characters give a capped list of diagnostics, not a crash")
    func unreadableCharacters() {
        let (_, found, _, _) = compile(String(repeating: "§ ", count: Self.deep) + "\n")
        #expect(found.first?.code == .unexpectedCharacter)
        #expect(found.count <= Lexer.maximumDiagnostics + 1)
        #expect(found.allSatisfy { $0.excerpt == nil }, "a 200,000-byte line is not quoted")
    }

    @Test("a control character in a rule file is named by its code point and never written to the terminal as it is")
    func controlCharacters() {
        let (_, found) = TestSupport.compile("rule x\u{0}\u{1B}[31m \"c\" from 2020-01-01\n")
        let first = found.first { $0.code == .unexpectedCharacter }
        #expect(first?.message == "unexpected characters 'U+0000U+001B'", "\(found)")
        let rendered = found.map { $0.rendered() }.joined(separator: "\n")
        #expect(!rendered.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }, "\(rendered.debugDescription)")
    }
}

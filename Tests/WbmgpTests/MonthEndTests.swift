import Foundation
import Testing

@testable import Wbmgp

/// 29 February (and every month end) as data (issue 12 item 11, interface §9): `codes monthEnd`
/// in the rules decides how whole years and months are added, in ages, windows and terms.
@Suite("Month ends: one cited choice in the rules for every add-years computation")
struct MonthEndTests {
    func d(_ text: String) -> CalendarDate { TestSupport.date(text) }

    @Test("first-day-of-next-month: 29 February + 1 year is 1 March; a 29 February child is 17 only on 1 March")
    func firstDayOfNextMonth() {
        let next = MonthEndRule.firstDayOfNextMonth
        #expect(d("2016-02-29").adding(years: 1, monthEnd: next) == d("2017-03-01"))
        #expect(d("2016-02-29").adding(years: 4, monthEnd: next) == d("2020-02-29"))
        #expect(d("2021-01-31").adding(months: 1, monthEnd: next) == d("2021-03-01"))
        #expect(d("2021-03-31").adding(months: -1, monthEnd: next) == d("2021-03-01"))
        #expect(d("2004-02-29").wholeYears(until: d("2021-02-28"), monthEnd: next) == 16)
        #expect(d("2004-02-29").wholeYears(until: d("2021-03-01"), monthEnd: next) == 17)
        // The default stays interface §9's: 28 February.
        #expect(d("2004-02-29").wholeYears(until: d("2021-02-28")) == 17)
    }

    @Test("whole years are the N with birth date + N years on or before the date, under either month-end rule, for each birth date of a leap year")
    func wholeYearsByDefinition() {
        // Ages are counted by comparing the anniversary's month and day (issue 16): here every
        // birth date of 2004 (29 February among them) and of early 2005, against every fourth
        // day of 2020-2022, each end of February and first of March, and days before the birth,
        // checked against the definition itself.
        let births = (0..<456).map { d("2004-01-01").adding(days: $0) }
        let ends = [2020, 2021, 2022].flatMap { ["\($0)-02-28", "\($0)-03-01"] }.map(d) + [d("2020-02-29"), d("2003-12-31"), d("2004-02-28"), d("2004-03-01")]
        let dates = stride(from: 0, to: 3 * 366, by: 4).map { d("2020-01-01").adding(days: $0) } + ends
        for monthEnd in [MonthEndRule.lastDayOfMonth, .firstDayOfNextMonth] {
            var wrong = 0
            for birth in births {
                for date in dates {
                    // The largest N: every N below the difference of the years holds, so start there.
                    var expected = max(date.year - birth.year - 1, 0)
                    while birth.adding(years: expected + 1, monthEnd: monthEnd) <= date { expected += 1 }
                    if birth.wholeYears(until: date, monthEnd: monthEnd) != expected { wrong += 1 }
                }
            }
            #expect(wrong == 0, "\(monthEnd)")
        }
    }

    @Test("the shipped rules declare last-day-of-month, cited; a bad value is a diagnostic")
    func declared() throws {
        let files = RuleModule.readFiles(in: TestSupport.rulesDirectory + "/wbmgp", extension: "rules").files
        let law = try #require(LawCompiler.compile(files: files).0)
        #expect(law.monthEnd == .lastDayOfMonth)
        #expect(law.vocabularyCitations["monthEnd"]?.contains("interface §9") == true)
        let broken = files.map { file in
            (path: file.path, text: file.text.replacingOccurrences(of: "codes monthEnd = last-day-of-month", with: "codes monthEnd = first-of-march"))
        }
        let (none, diagnostics) = LawCompiler.compile(files: broken)
        #expect(none == nil)
        #expect(diagnostics.contains { $0.code == .unknownCode && $0.message.contains("'monthEnd'") })
    }

    /// Legal A5.3 windows: a person of 18 or over on the application date is looked back 4 years,
    /// under 18 only 2. Born 2004-02-29, applying 2022-02-28: 18 that day under last-day-of-month
    /// (2004-02-29 + 18 years = 2022-02-28), 17 under first-day-of-next-month (= 2022-03-01).
    @Test("editing monthEnd in the rules changes a decision with no rebuild: the look-back window of a 29 February child")
    func changesDecision() throws {
        let copy = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.copyItem(atPath: TestSupport.rulesDirectory, toPath: copy + "/Rules")
        let application = """
            {"id": "leap", "applicationDate": "2022-02-28",
             "dwelling": {"municipality": "Zaanstad", "postcode": "1503 AA", "neighbourhood": "Poelenburg", "category": "rental"},
             "household": [{"id": "p1", "role": "applicant", "birthDate": "2004-02-29",
                            "residence": [{"municipality": "Zaanstad", "from": "2004-02-29"}], "income": ["employment"]}]}
            """
        func scope() throws -> String? {
            let (module, problems) = RuleModule.load(rules: copy + "/Rules", designations: TestSupport.fixturesDirectory + "/designations/a8-y-zaanstad-poelenburg.json")
            let loaded = try #require(module, "\(problems.map { $0.rendered() })")
            let decision = try DecisionService(engine: loaded.engine, engineInfo: .init(version: "t")).decide(Array(application.utf8))
            return decision.screeningScope.first?.from.description
        }
        #expect(try scope() == "2018-02-28")
        let path = copy + "/Rules/wbmgp/vocabulary.rules"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "codes monthEnd = last-day-of-month", with: "codes monthEnd = first-day-of-next-month")
            .write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try scope() == "2020-02-28")
    }
}

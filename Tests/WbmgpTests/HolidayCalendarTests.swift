import Testing

@testable import Wbmgp

/// The Algemene termijnenwet as the rules declare it (`Rules/wbmgp/termijnen.rules`): Easter and
/// weekdays by calendar arithmetic, each holiday from the statute, and where a term ends. Every
/// expected date below was read off a calendar by hand.
@Suite("Holidays and the end of a statutory term (Algemene termijnenwet)")
struct HolidayCalendarTests {
    let calendar = TestSupport.law.holidays
    func d(_ text: String) -> CalendarDate { TestSupport.date(text) }

    @Test("the rules' calendar is not none; none and a calendar with only an equated year are told apart")
    func none() {
        #expect(HolidayCalendar.none.isNone)
        #expect(!calendar.isNone)
        #expect(!HolidayCalendar(holidays: [], equatedYears: [2026: "Besluit"]).isNone)
        #expect(!HolidayCalendar(holidays: calendar.holidays, equatedYears: [:]).isNone)
    }

    @Test("Easter Sunday in known years")
    func easter() {
        let known = [
            2000: "2000-04-23", 2008: "2008-03-23", 2010: "2010-04-04", 2011: "2011-04-24", 2014: "2014-04-20", 2016: "2016-03-27",
            2018: "2018-04-01", 2019: "2019-04-21", 2024: "2024-03-31", 2025: "2025-04-20", 2038: "2038-04-25",
        ]
        for (year, date) in known { #expect(EasterSunday.date(in: year) == d(date), "\(year)") }
    }

    @Test("weekdays: 1970-01-01 was a Thursday, 2018-04-27 a Friday, 2000-02-29 a Tuesday")
    func weekdays() {
        #expect(d("1970-01-01").weekday == .thursday)
        #expect(d("2018-04-27").weekday == .friday)
        #expect(d("2000-02-29").weekday == .tuesday)
        #expect(d("1969-12-31").weekday == .wednesday)
    }

    @Test("each holiday of Atw art. 3 falls on its day", arguments: [
        ("2018-01-01", "newYearsDay"), ("2019-04-19", "goodFriday"), ("2010-04-05", "easterMonday"),
        ("2018-05-10", "ascensionDay"), ("2019-06-10", "whitMonday"), ("2013-04-30", "queensDay"),
        ("2018-04-27", "kingsDay"), ("2014-04-26", "kingsDay"), ("2019-05-05", "liberationDay"),
        ("2017-12-25", "christmasDay"), ("2017-12-26", "secondChristmasDay"),
    ])
    func holiday(_ date: String, _ name: String) {
        #expect(calendar.holidays(on: d(date)).map(\.name).contains(name))
    }

    @Test("King's Day on a Sunday moves to the Saturday before (2014); the Queen's Day rule ends with 2013")
    func kingsDay() {
        // 27 April 2014 was a Sunday: celebrated on Saturday 26 April.
        #expect(!calendar.holidays(on: d("2014-04-27")).map(\.name).contains("kingsDay"))
        #expect(calendar.holidays(on: d("2014-04-26")).map(\.name).contains("kingsDay"))
        #expect(calendar.holidays(on: d("2014-04-30")).isEmpty)  // a Wednesday, no longer Queen's Day
        #expect(calendar.holidays(on: d("2013-04-27")).map(\.name) == ["saturday"])
    }

    @Test("where a term ends", arguments: [
        // Received 2018-03-02 + 8 weeks = Friday 2018-04-27, King's Day → Monday 2018-04-30.
        ("2018-04-27", "2018-04-30"),
        // 2017-10-30 + 8 weeks = Monday 2017-12-25 and Boxing Day → Wednesday 2017-12-27.
        ("2017-12-25", "2017-12-27"),
        // Good Friday 2019-04-19, Saturday, Sunday, Easter Monday → Tuesday 2019-04-23.
        ("2019-04-19", "2019-04-23"),
        // Easter Monday 2010 → Tuesday.
        ("2010-04-05", "2010-04-06"),
        // Whit Monday 2019 → Tuesday.
        ("2019-06-10", "2019-06-11"),
        // Ascension Day 2018-05-10; Friday 11 May equated by Royal Decree (Stcrt. 2016, 58653) → Monday 14 May.
        ("2018-05-10", "2018-05-14"),
        // An ordinary Wednesday stays.
        ("2020-02-26", "2020-02-26"),
        // Saturday 2020-02-29 → Monday 2020-03-02.
        ("2020-02-29", "2020-03-02"),
    ])
    func termEnd(_ end: String, _ expected: String) {
        #expect(calendar.termEnd(d(end)) == d(expected))
    }

    @Test("the days passed over are named, one per day")
    func passedOver() {
        #expect(calendar.daysPassedOver(from: d("2019-04-19")) == ["goodFriday", "saturday", "sunday", "easterMonday"])
        #expect(calendar.daysPassedOver(from: d("2020-02-26")).isEmpty)
    }

    @Test("a year whose equated days the rules hold, and one they do not")
    func equatedYears() {
        #expect(calendar.yearsWithoutEquatedDays(from: d("2018-04-27")).isEmpty)
        #expect(calendar.yearsWithoutEquatedDays(from: d("2031-03-03")) == [2031])
        // Saturday 30 December 2028, Sunday, New Year's Day → Tuesday 2 January 2029: both years
        // are looked at, and only 2029's equated days are missing.
        #expect(calendar.termEnd(d("2028-12-30")) == d("2029-01-02"))
        #expect(calendar.yearsWithoutEquatedDays(from: d("2028-12-30")) == [2029])
    }

    @Test("rules that make every day a holiday still end a term (after a bounded search)")
    func everyDayAHoliday() throws {
        let days = Weekday.names.map { "holiday \($0) nl \"x\" en \"x\" \"c\" every \($0)\n" }.joined()
        let (law, diagnostics) = TestSupport.compile("version 2017-01-01 \"t\"\n" + days)
        let compiled = try #require(law, "\(diagnostics)")
        let end = compiled.holidays.termEnd(d("2020-01-01"))
        #expect(end == d("2020-01-01").adding(days: HolidayCalendar.longestRun))
    }

    @Test("a holiday with an unknown month, weekday or day is a diagnostic at its place")
    func badHolidays() {
        for (text, code) in [
            ("holiday x nl \"x\" en \"x\" \"c\" on 27 aprill", DiagnosticCode.unknownCode),
            ("holiday x nl \"x\" en \"x\" \"c\" every sundae", .unknownCode),
            ("holiday x nl \"x\" en \"x\" \"c\" on 31 april", .invalidDate),
            ("holiday x nl \"x\" en \"x\" on 1 may", .missingCitation),
            ("holiday x nl \"x\" en \"x\" \"c\" on 1 may\nholiday x nl \"y\" en \"y\" \"c\" on 2 may", .duplicateDeclaration),
            ("equated 2018 \"a\"\nequated 2018 \"b\"", .duplicateDeclaration),
            ("holiday x nl \"x\" en \"x\" \"c\" easter + 1 week", .expectedToken),
        ] {
            let (law, diagnostics) = TestSupport.compile("version 2017-01-01 \"t\"\n" + text)
            #expect(law == nil, "\(text)")
            #expect(diagnostics.contains { $0.code == code }, "\(text): \(diagnostics.map { $0.rendered() })")
        }
    }
}

/// `date NAME = DATE "citation"` and the references to it in validity periods and versions.
@Suite("Named dates")
struct NamedDateTests {
    @Test("the shipped 2014 change date is one named date, used by the version and both parameters")
    func shipped() {
        let law = TestSupport.law
        let change = TestSupport.date("2014-04-14")
        #expect(law.versions.contains(change))
        #expect(law.parameter("maximumExtensions", on: change.adding(days: -1)) == .integer(1))
        #expect(law.parameter("maximumExtensions", on: change) == .integer(4))
        #expect(law.parameter("maximumTotalSpan", on: change.adding(days: -1)) == .duration(CalendarPeriod(years: 8)))
        #expect(law.parameter("maximumTotalSpan", on: change) == .duration(CalendarPeriod(years: 20)))
    }

    @Test("a named date is resolved wherever it is declared, with an offset")
    func resolved() throws {
        let text = """
            version start "t"
            parameter n = 1 "c" from start until change - 1 day
            parameter n = 2 "c" from change
            date change = 2020-03-01 "an act"
            date start = 2017-01-01 "another act"
            """
        let (law, diagnostics) = TestSupport.compile(text)
        let compiled = try #require(law, "\(diagnostics.map { $0.rendered() })")
        #expect(compiled.versions == [TestSupport.date("2017-01-01")])
        #expect(compiled.parameter("n", on: TestSupport.date("2020-02-29")) == .integer(1))
        #expect(compiled.parameter("n", on: TestSupport.date("2020-03-01")) == .integer(2))
    }

    @Test("an unknown or uncited named date is a diagnostic")
    func unknown() {
        let (law, diagnostics) = TestSupport.compile("version 2017-01-01 \"t\"\nparameter n = 1 \"c\" from chnage\ndate change = 2020-03-01 \"act\"")
        #expect(law == nil)
        #expect(diagnostics.contains { $0.code == .unknownName && $0.message.contains("did you mean 'change'") }, "\(diagnostics.map { $0.rendered() })")
        let (_, uncited) = TestSupport.compile("version 2017-01-01 \"t\"\ndate change = 2020-03-01")
        #expect(uncited.contains { $0.code == .missingCitation })
    }

    @Test("a field named like a declaration keyword (r.date) does not end a rule when recovering from an error")
    func keywordAsField() {
        // The error is at the second '+'; recovery skips 'p . date' to the next clause.
        let text = CompilerTotalityTests.header + CompilerTotalityTests.rule("fact x = 1 + + p.date", "refuse when true")
        let (_, diagnostics) = TestSupport.compile(text)
        #expect(diagnostics.count == 1, "\(diagnostics.map { $0.rendered() })")
    }
}

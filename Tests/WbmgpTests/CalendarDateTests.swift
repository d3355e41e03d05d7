import Testing

@testable import Wbmgp

@Suite("Calendar dates (interface §9)")
struct CalendarDateTests {
    let d = TestSupport.date

    @Test("parses only real days in YYYY-MM-DD", arguments: [
        ("2021-02-28", true), ("2020-02-29", true), ("2021-02-29", false), ("2021-02-30", false),
        ("2021-04-31", false), ("2021-13-01", false), ("2021-00-10", false), ("2021-1-01", false),
        ("21-01-01", false), ("2021/01/01", false), ("2000-02-29", true), ("1900-02-29", false), ("2021-12-31", true),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((CalendarDate(parsing: text) != nil) == valid)
    }

    /// The parse reads the ten bytes as two words (``CalendarDate/init(ascii:)``): every byte
    /// value at every position of a valid date, and of a date whose every digit is at a bound,
    /// gives a date exactly when the text, read byte by byte as the shape says, is one.
    @Test("every byte at every position: a date exactly when YYYY-MM-DD names a real day")
    func parsingEveryByte() {
        func byteByByte(_ b: [UInt8]) -> CalendarDate? {
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            var digits: [Int] = []
            for i in [0, 1, 2, 3, 5, 6, 8, 9] {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                digits.append(Int(b[i]) - 0x30)
            }
            return CalendarDate(
                year: digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], month: digits[4] * 10 + digits[5], day: digits[6] * 10 + digits[7])
        }
        for text in ["2021-02-28", "0001-01-01", "9999-12-31", "2000-02-29", "1999-09-09", "2020-10-10"] {
            let valid = Array(text.utf8)
            for position in 0..<10 {
                for byte in 0...255 {
                    var mutated = valid
                    mutated[position] = UInt8(byte)
                    let parsed = mutated.withUnsafeBufferPointer { CalendarDate(ascii: $0) }
                    #expect(parsed == byteByByte(mutated), "\(text) with byte \(byte) at \(position)")
                }
            }
        }
        for text in ["", "2021-02-2", "2021-02-280", "2021-02-28 "] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { CalendarDate(ascii: $0) } == nil, "\(text)")
        }
    }

    @Test("day numbers round-trip and count days")
    func dayNumbers() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("2000-03-01").dayNumber - d("2000-02-28").dayNumber == 2)
        #expect(d("2021-03-01").dayNumber - d("2021-02-28").dayNumber == 1)
        for text in ["1900-03-01", "2005-12-30", "2016-02-29", "2099-12-31"] {
            #expect(CalendarDate(dayNumber: d(text).dayNumber) == d(text))
        }
        #expect(d("2020-12-31").adding(days: 1) == d("2021-01-01"))
        #expect(d("2021-03-01").adding(days: -1) == d("2021-02-28"))
    }

    @Test("day numbers count every month's days across the whole range of years")
    func dayNumbersAcrossTheRange() throws {
        // Fixed points worked out apart from the code: the proleptic Gregorian calendar has
        // 146,097 days in 400 years; 0001-01-01 is 719,162 days before 1970-01-01.
        #expect(try #require(CalendarDate(year: 1, month: 1, day: 1)).dayNumber == -719_162)
        #expect(CalendarDate(dayNumber: Int.min).dayNumber == -11_676_437)
        #expect(CalendarDate(dayNumber: Int.max).dayNumber == 10_237_746)
        #expect(d("2000-03-01").dayNumber - d("1600-03-01").dayNumber == 146_097)
        // 1 January of year y by counting: 365 days a year and one more for each leap year
        // (every fourth, not every hundredth, every four-hundredth; year 0 is one) between it
        // and 0000-01-01, which is 719,528 days before 1970-01-01.
        func floorDivision(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
        func newYear(_ y: Int) -> Int {
            365 * y + floorDivision(y + 3, 4) - floorDivision(y + 99, 100) + floorDivision(y + 399, 400) - 719_528
        }
        for y in stride(from: -29_999, to: 29_999, by: 7) {
            let date = CalendarDate(dayNumber: newYear(y))
            let february = CalendarDate.isLeap(y) ? 29 : 28
            if (date.year, date.month, date.day) != (y, 1, 1) || date.adding(months: 12).dayNumber != newYear(y + 1)
                || date.adding(months: 2).dayNumber != newYear(y) + 31 + february
            {
                Issue.record("1 January \(y): \(date), day \(date.dayNumber), expected \(newYear(y))")
                break
            }
        }
        // Month by month over the years around 0, where the eras' sign changes.
        var first = CalendarDate(dayNumber: newYear(-401))
        while first.year < 401 {
            let next = first.adding(months: 1)
            if next.dayNumber - first.dayNumber != CalendarDate.daysIn(month: first.month, year: first.year) {
                Issue.record("\(first) to \(next): \(next.dayNumber - first.dayNumber) days")
                break
            }
            first = next
        }
    }

    @Test("29 February plus years in a common year becomes 28 February")
    func leapDay() {
        #expect(d("2016-02-29").adding(years: 1) == d("2017-02-28"))
        #expect(d("2016-02-29").adding(years: 4) == d("2020-02-29"))
        #expect(d("2020-02-29").adding(years: -4) == d("2016-02-29"))
        #expect(d("2021-02-28").subtracting(CalendarPeriod(years: 1)) == d("2020-02-28"))
        #expect(d("2024-03-31").adding(months: -1) == d("2024-02-29"))
        #expect(d("2021-01-31").adding(months: 1) == d("2021-02-28"))
    }

    @Test("age: whole years N with birth + N years <= date")
    func ages() {
        #expect(d("2005-03-10").wholeYears(until: d("2021-03-10")) == 16)
        #expect(d("2005-03-10").wholeYears(until: d("2021-03-09")) == 15)
        #expect(d("2004-02-29").wholeYears(until: d("2021-02-28")) == 17)
        #expect(d("2004-02-29").wholeYears(until: d("2020-02-28")) == 15)
        #expect(d("2004-02-29").wholeYears(until: d("2020-02-29")) == 16)
        #expect(d("2021-05-01").wholeYears(until: d("2021-05-01")) == 0)
    }

    @Test("period between dates: largest years, then months, then days")
    func periods() {
        #expect(CalendarPeriod.between(d("2017-09-01"), d("2021-06-15")) == CalendarPeriod(years: 3, months: 9, days: 14))
        #expect(CalendarPeriod.between(d("2016-09-01"), d("2019-05-01")) == CalendarPeriod(years: 2, months: 8, days: 0))
        #expect(CalendarPeriod.between(d("2021-01-31"), d("2021-03-01")) == CalendarPeriod(years: 0, months: 1, days: 1))
        #expect(CalendarPeriod.between(d("2020-02-29"), d("2021-02-28")) == CalendarPeriod(years: 1, months: 0, days: 0))
        #expect(CalendarPeriod.between(d("2021-05-01"), d("2021-05-01")) == CalendarPeriod())
        for (start, end) in [("2017-01-31", "2019-03-30"), ("2016-02-29", "2024-02-28"), ("2010-08-31", "2011-02-28")] {
            let period = CalendarPeriod.between(d(start), d(end))
            #expect(d(start).adding(period) == d(end), "start + period must equal the end (\(start) → \(end))")
        }
        #expect(CalendarPeriod(years: 3, months: 9, days: 14).fullText(language: .en) == "3 years 9 months 14 days")
        #expect(CalendarPeriod(years: 6).shortText(language: .nl) == "6 jaar")
    }

    @Test("a four-year term from F ends on F + 4 years − 1 day")
    func terms() {
        #expect(d("2018-04-16").adding(years: 4).adding(days: -1) == d("2022-04-15"))
        #expect(d("2016-03-01").adding(years: 4).adding(days: -1) == d("2020-02-29"))
        #expect(d("2022-01-14").adding(days: 7 * 8) == d("2022-03-11"))
    }

    @Test("dates order by day number exactly as by year, month and day")
    func ordering() {
        // Every day of 1999–2001 against a fixed set, both ways round.
        let probes = ["1999-12-31", "2000-01-01", "2000-02-29", "2000-03-01", "2001-06-30"].map(d)
        var date = d("1999-01-01")
        while date <= d("2001-12-31") {
            for probe in probes {
                let byFields = (date.year, date.month, date.day) < (probe.year, probe.month, probe.day)
                #expect((date < probe) == byFields)
                #expect((date == probe) == ((date.year, date.month, date.day) == (probe.year, probe.month, probe.day)))
            }
            date = date.adding(days: 1)
        }
        #expect(Set([d("2021-02-28"), d("2021-02-28").adding(days: 1).adding(days: -1)]).count == 1)
    }

    @Test("period texts in both languages, written byte by byte", arguments: [
        (CalendarPeriod(years: 1), "1 year", "1 jaar"),
        (CalendarPeriod(years: 6), "6 years", "6 jaar"),
        (CalendarPeriod(months: 1, days: 1), "1 month 1 day", "1 maand 1 dag"),
        (CalendarPeriod(years: 2, days: 3), "2 years 3 days", "2 jaar 3 dagen"),
        (CalendarPeriod(days: 56), "8 weeks", "8 weken"),
        (CalendarPeriod(days: 7), "1 week", "1 week"),
        (CalendarPeriod(), "0 years 0 months 0 days", "0 jaar 0 maanden 0 dagen"),
    ])
    func periodTexts(period: CalendarPeriod, english: String, dutch: String) {
        #expect(period.shortText(language: .en) == english)
        #expect(period.shortText(language: .nl) == dutch)
        #expect(CalendarPeriod(years: 12, months: 1, days: 10).fullText(language: .nl) == "12 jaar 1 maanden 10 dagen")
    }

    @Test("a date written as bytes, including years past 9999")
    func dateText() {
        #expect(d("0987-01-02").description == "0987-01-02")
        #expect(d("2021-12-31").adding(years: 8000).description == "10021-12-31")
        var bytes = ByteBuffer()
        bytes.append("on ")
        d("2016-02-29").appendText(to: &bytes)
        #expect(bytes.string == "on 2016-02-29")
    }
}

@Suite("Text bytes")
struct TextBytesTests {
    @Test("integers in decimal", arguments: [
        (0, "0"), (7, "7"), (10, "10"), (-5, "-5"), (1234567890, "1234567890"),
        (Int.max, "9223372036854775807"), (Int.min, "-9223372036854775808"),
    ])
    func integers(number: Int, text: String) {
        var bytes = ByteBuffer()
        TextBytes.appendInteger(number, to: &bytes)
        #expect(bytes.string == text)
    }

    @Test("strings, ASCII or not, bridged or native")
    func strings() {
        var bytes = ByteBuffer()
        for text in ["Rotterdam", "’s-Gravenhage", "", String(repeating: "é", count: 40)] {
            bytes.removeAll()
            TextBytes.appendString(text, to: &bytes)
            #expect(bytes.array == Array(text.utf8))
        }
    }
}

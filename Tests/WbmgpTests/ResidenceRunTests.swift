import Testing

@testable import Wbmgp

/// Uninterrupted residence (interface §9, ``ResidenceRun``): the first day of the longest run of
/// registered days inside a region that ends on the day before a date. Worked by hand for a
/// region of Rotterdam and Schiedam and the date 1 May 2019 (the run must reach 30 April 2019).
@Suite("Uninterrupted residence, worked by hand")
struct ResidenceRunTests {
    static func period(_ municipality: String, _ from: String, _ until: String?) -> ResidencePeriod {
        ResidencePeriod(municipality: municipality, from: TestSupport.date(from), until: until.map(TestSupport.date))
    }

    static func start(_ periods: [ResidencePeriod], asked: inout Int) -> CalendarDate {
        ResidenceRun.start(of: periods, endingBefore: TestSupport.date("2019-05-01")) {
            asked += 1
            return ResidenceRun.keys(of: [.text("Rotterdam"), .text("Schiedam")])
        }
    }

    @Test("the run goes back through periods in any order and stops at a gap or a municipality outside the region")
    func handWorked() {
        var asked = 0
        // Open-ended in Rotterdam (written in lower case) from 2018, Schiedam 2015–2017 given
        // before it, Delft before that: back to 1 January 2015, where Delft is outside.
        let through = [
            Self.period("Schiedam", "2015-01-01", "2017-12-31"), Self.period(" rotterdam", "2018-01-01", nil), Self.period("Delft", "2010-01-01", "2014-12-31"),
        ]
        #expect(Self.start(through, asked: &asked) == TestSupport.date("2015-01-01"))
        // Schiedam ending a day early leaves 31 December 2017 uncovered: the run starts in 2018.
        let gap = [Self.period("Schiedam", "2015-01-01", "2017-12-30"), Self.period("Rotterdam", "2018-01-01", nil)]
        #expect(Self.start(gap, asked: &asked) == TestSupport.date("2018-01-01"))
        // Registered in Delft on 30 April 2019: no run, it starts on the date itself.
        let outside = [Self.period("Rotterdam", "2010-01-01", "2018-12-31"), Self.period("Delft", "2019-01-01", nil)]
        #expect(Self.start(outside, asked: &asked) == TestSupport.date("2019-05-01"))
        #expect(asked == 3)
        // No period covers 30 April 2019: the region's names are not even asked for.
        let ended = [Self.period("Rotterdam", "2010-01-01", "2019-04-29")]
        #expect(Self.start(ended, asked: &asked) == TestSupport.date("2019-05-01"))
        #expect(Self.start([], asked: &asked) == TestSupport.date("2019-05-01"))
        #expect(asked == 3)
    }
}

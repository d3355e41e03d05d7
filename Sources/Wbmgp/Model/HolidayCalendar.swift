/// The days on which a statutory term does not end, as the rules declare them (`holiday`,
/// `equated`: the Algemene termijnenwet in `Rules/wbmgp/termijnen.rules`). The calendar knows no
/// holiday itself; it answers for any date which declared holiday falls on it, and where a term
/// that would end on a date ends instead.
public struct HolidayCalendar: Hashable, Sendable {
    public struct Holiday: Hashable, Sendable {
        public enum Day: Hashable, Sendable {
            case every(Weekday)
            /// A day and month each year; `instead` when that day falls on `when`.
            case yearly(month: Int, day: Int, instead: Instead?)
            case easter(offsetDays: Int)
            case dated(CalendarDate)
        }

        public struct Instead: Hashable, Sendable {
            public var month: Int
            public var day: Int
            public var when: Weekday
        }

        /// The code the rules use (`koningsdag`), and its names for people.
        public var name: String
        public var nl: String
        public var en: String
        public var citation: String
        public var day: Day
        /// The days the declaration covers (not a law date): `nil` is unbounded.
        public var from: CalendarDate?
        public var until: CalendarDate?

        /// Whether this holiday falls on `date`.
        public func falls(on date: CalendarDate) -> Bool {
            if let from, date < from { return false }
            if let until, date > until { return false }
            switch day {
            case .every(let weekday): return date.weekday == weekday
            case .dated(let day): return date == day
            case .easter(let offset): return EasterSunday.date(in: date.year).adding(days: offset) == date
            case .yearly(let month, let dayOfMonth, let instead):
                let usual = CalendarDate(year: date.year, month: month, day: dayOfMonth)
                if let instead, let usual, usual.weekday == instead.when {
                    return date.month == instead.month && date.day == instead.day
                }
                return date.month == month && date.day == dayOfMonth
            }
        }
    }

    public var holidays: [Holiday]
    /// The years whose days equated by Royal Decree are declared (Atw art. 3 lid 3), with the
    /// decree's citation.
    public var equatedYears: [Int: String]

    public init(holidays: [Holiday], equatedYears: [Int: String]) {
        self.holidays = holidays
        self.equatedYears = equatedYears
    }

    public static let none = HolidayCalendar(holidays: [], equatedYears: [:])

    /// Whether it is ``none``: no holiday and no equated year.
    public var isNone: Bool { holidays.isEmpty && equatedYears.isEmpty }

    /// How far ``termEnd(_:)`` looks: rules that made every day a holiday would otherwise never
    /// end a term. A year and a bit is far more than any real run of holidays.
    static let longestRun = 400

    /// The holidays that fall on `date`, in declaration order.
    public func holidays(on date: CalendarDate) -> [Holiday] {
        holidays.filter { $0.falls(on: date) }
    }

    /// Where a term that would end on `date` ends: `date` itself, or the first day after it on
    /// which no holiday falls (Atw art. 1). After ``longestRun`` days without one, that day.
    public func termEnd(_ date: CalendarDate) -> CalendarDate {
        var day = date
        for _ in 0..<HolidayCalendar.longestRun where !holidays(on: day).isEmpty { day = day.adding(days: 1) }
        return day
    }

    /// The codes of the holidays passed over from `date` to its ``termEnd(_:)`` (not including
    /// it), one per day: the first declared that falls on the day.
    public func daysPassedOver(from date: CalendarDate) -> [String] {
        let end = termEnd(date)
        var names: [String] = []
        var day = date
        while day < end {
            if let first = holidays(on: day).first { names.append(first.name) }
            day = day.adding(days: 1)
        }
        return names
    }

    /// The years from `date` to its ``termEnd(_:)`` whose equated days the rules do not declare:
    /// a term ending in such a year might end later than computed.
    public func yearsWithoutEquatedDays(from date: CalendarDate) -> [Int] {
        (date.year...termEnd(date).year).filter { equatedYears[$0] == nil }
    }
}

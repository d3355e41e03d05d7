/// A calendar day in the proleptic Gregorian calendar, with no time and no time zone.
///
/// Implements the date arithmetic of the interface (§9): adding years keeps month and day, and
/// 29 February plus years that land in a common year becomes 28 February. Dates compare by their
/// day number, so ordering and day arithmetic are integer operations.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    // Stored compactly (8 bytes): dates sit inside every value the evaluator copies. The day
    // number makes comparing and counting days one integer operation; year, month and day are
    // kept beside it for the calendar arithmetic of months and years.
    private let storedDayNumber: Int32
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// Creates a date when year, month and day name a real day; otherwise returns nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.init(unchecked: year, month, day)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        storedYear = Int16(clamping: year)
        storedMonth = UInt8(truncatingIfNeeded: month)
        storedDay = UInt8(truncatingIfNeeded: day)
        storedDayNumber = Int32(clamping: CalendarDate.dayNumber(year: Int(storedYear), month: month, day: day))
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int, dayNumber: Int) {
        storedYear = Int16(clamping: year)
        storedMonth = UInt8(truncatingIfNeeded: month)
        storedDay = UInt8(truncatingIfNeeded: day)
        storedDayNumber = Int32(clamping: dayNumber)
    }

    /// Parses exactly `YYYY-MM-DD`; returns nil for any other shape or an impossible day.
    public init?(parsing text: some StringProtocol) {
        var text = String(text)
        guard let date = text.withUTF8({ CalendarDate(ascii: $0) }) else { return nil }
        self = date
    }

    /// Parses exactly `YYYY-MM-DD` from ASCII bytes.
    public init?(bytes: ArraySlice<UInt8>) {
        guard let date = bytes.withUnsafeBufferPointer({ CalendarDate(ascii: $0) }) else { return nil }
        self = date
    }

    /// Parses exactly `YYYY-MM-DD` from ASCII bytes, with no copy.
    ///
    /// The ten bytes are read as two words, `YYYY-MM-` and `DD` (in memory order, the first byte
    /// lowest), and each byte less what it must be ("0" for a digit, "-" for a hyphen): a digit's
    /// difference is below ten and a hyphen's is zero exactly when the text has the shape. A
    /// byte below what it must be borrows from the next, but is itself flagged first, so the
    /// lowest byte out of shape always fails the test. Dates are read several times a line;
    /// byte by byte, each cost about forty instructions more.
    public init?(ascii b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, let start = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(start)
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) &- 0x2D30_302D_3030_3030
        let tail = UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self))) &- 0x3030
        // Digit bytes: the high bit of the difference, or of the difference plus 0x76, is set
        // when the difference is ten or more. Hyphen bytes (the fifth and eighth): not zero.
        let headDigits: UInt64 = 0x0080_8000_8080_8080, hyphens: UInt64 = 0xFF00_00FF_0000_0000
        guard (head | (head &+ 0x7676_7676_7676_7676)) & headDigits == 0, head & hyphens == 0,
            (tail | (tail &+ 0x7676)) & 0x8080 == 0
        else { return nil }
        @inline(__always) func digit(_ word: UInt64, _ index: UInt64) -> Int { Int(truncatingIfNeeded: (word >> (8 * index)) & 0xFF) }
        self.init(
            year: digit(head, 0) * 1000 + digit(head, 1) * 100 + digit(head, 2) * 10 + digit(head, 3),
            month: digit(head, 5) * 10 + digit(head, 6), day: digit(tail, 0) * 10 + digit(tail, 1))
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int { Int(storedDayNumber) }

    /// The day number of a valid year, month and day, by the days-from-civil algorithm.
    private static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // The year is moved forward by 83 eras of 400 years (the days of an era repeat), past
        // the lowest year an `Int16` holds, so every division below is of a number that is not
        // negative: unsigned, each is a multiplication, with no correction for the sign. A
        // date is made at every read of one; this is most of what that costs.
        let shiftedEras: UInt = 83
        let y = UInt(bitPattern: (month <= 2 ? year - 1 : year) + Int(shiftedEras) * 400)
        let era = y / 400
        let yearOfEra = y - era * 400
        let monthIndex = UInt(bitPattern: month > 2 ? month - 3 : month + 9)
        // Wrapping from here on: the era less the shift is negative for years before 0, and the
        // bit pattern of the wrapped sum is what signed arithmetic gives.
        let dayOfYear = (153 * monthIndex + 2) / 5 &+ UInt(bitPattern: day) &- 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 &+ dayOfYear
        return Int(bitPattern: (era &- shiftedEras) &* 146_097 &+ dayOfEra) - 719_468
    }

    /// The years date arithmetic can reach. Rules bound a duration at 9,999 years, so any date of
    /// an application (years 1–9999) moved by one stays well inside; past the range (many moves in
    /// a row, or a period built in code) arithmetic saturates at its first or last month or day
    /// rather than trapping. The range fits the 16-bit year.
    public static var yearRange: ClosedRange<Int> { -29_999...29_999 }
    // The day numbers of -29999-01-01 and 29999-12-31, written out: read on every day step, so
    // no lazy global initialisation stands in the way.
    private static var earliestDayNumber: Int { -11_676_437 }
    private static var latestDayNumber: Int { 10_237_746 }

    /// The date with the given day number (see ``dayNumber``), clamped to ``yearRange``.
    public init(dayNumber: Int) {
        let dayNumber = Swift.min(Swift.max(dayNumber, CalendarDate.earliestDayNumber), CalendarDate.latestDayNumber)
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let m = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(unchecked: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d, dayNumber: dayNumber)
    }

    /// This date moved by whole months; a day past the new month's end becomes its last day, or
    /// with ``MonthEndRule/firstDayOfNextMonth`` the first day of the month after. Saturates at
    /// the first or last month of ``yearRange``.
    public func adding(months: Int, monthEnd: MonthEndRule = .lastDayOfMonth) -> CalendarDate {
        let lowest = CalendarDate.yearRange.lowerBound * 12
        let highest = CalendarDate.yearRange.upperBound * 12 + 11
        let (sum, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        let index = overflow ? (months < 0 ? lowest : highest) : Swift.min(Swift.max(sum, lowest), highest)
        // Floor division: before year 0 the index is negative, and months must still be 1…12.
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        let m = index - y * 12 + 1
        let last = CalendarDate.daysIn(month: m, year: y)
        guard day > last, monthEnd == .firstDayOfNextMonth else { return CalendarDate(unchecked: y, m, Swift.min(day, last)) }
        return CalendarDate(unchecked: y, m, last).adding(days: 1)
    }

    /// This date moved by whole years (29 February becomes 28 February in a common year, or
    /// 1 March with ``MonthEndRule/firstDayOfNextMonth``).
    public func adding(years: Int, monthEnd: MonthEndRule = .lastDayOfMonth) -> CalendarDate {
        adding(months: CalendarDate.saturatingMonths(years: years, months: 0), monthEnd: monthEnd)
    }

    /// This date moved by days; saturates at the first or last day of ``yearRange``.
    public func adding(days: Int) -> CalendarDate {
        guard days != 0 else { return self }
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CalendarDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// This date moved forward by a calendar period: years and months first, then days.
    public func adding(_ period: CalendarPeriod, monthEnd: MonthEndRule = .lastDayOfMonth) -> CalendarDate {
        adding(months: CalendarDate.saturatingMonths(years: period.years, months: period.months), monthEnd: monthEnd).adding(days: period.days)
    }

    /// This date moved back by a calendar period: years and months first, then days.
    public func subtracting(_ period: CalendarPeriod, monthEnd: MonthEndRule = .lastDayOfMonth) -> CalendarDate {
        let months = CalendarDate.saturatingMonths(years: period.years, months: period.months)
        // Negating Int.min would trap; its saturated negation is Int.max.
        func negated(_ value: Int) -> Int { value == Int.min ? Int.max : -value }
        return adding(months: negated(months), monthEnd: monthEnd).adding(days: negated(period.days))
    }

    /// `years * 12 + months`, held at Int's bounds instead of overflowing (a period is only ever
    /// that large when built in code; the rule language bounds it, docs/rule-language.md).
    private static func saturatingMonths(years: Int, months: Int) -> Int {
        let (fromYears, overflow) = years.multipliedReportingOverflow(by: 12)
        if overflow { return years < 0 ? Int.min : Int.max }
        let (sum, sumOverflow) = fromYears.addingReportingOverflow(months)
        if sumOverflow { return months < 0 ? Int.min : Int.max }
        return sum
    }

    /// Whole years N with `self + N years <= date`: a person's age on `date` when `self` is the birth date.
    /// The anniversary in `date`'s year is compared as a month and a day, which is what
    /// `adding(years:monthEnd:)` would give without making the date (an age is read several
    /// times a decision). Only 29 February can be past its month's end there.
    public func wholeYears(until date: CalendarDate, monthEnd: MonthEndRule = .lastDayOfMonth) -> Int {
        let years = date.year - year
        guard years > 0 else { return 0 }
        var month = self.month, day = self.day
        let last = CalendarDate.daysIn(month: month, year: date.year)
        if day > last {
            if monthEnd == .firstDayOfNextMonth { (month, day) = (month + 1, 1) } else { day = last }
        }
        return (month, day) > (date.month, date.day) ? years - 1 : years
    }

    /// `YYYY-MM-DD` (years beyond 9999 keep their digits).
    public var description: String {
        var bytes = ByteBuffer(capacity: 16)
        appendText(to: &bytes)
        return bytes.string
    }

    /// ``description`` appended as ASCII to `bytes`.
    public func appendText(to bytes: inout ByteBuffer) {
        let year = self.year, month = self.month, day = self.day
        guard (0...9999).contains(year) else {
            TextBytes.appendInteger(year, to: &bytes)
            for byte in [0x2D, 48 + month / 10, 48 + month % 10, 0x2D, 48 + day / 10, 48 + day % 10] { bytes.append(UInt8(byte)) }
            return
        }
        // Ten bytes built in a word pair and written at once (dates are in every decision).
        var word: (UInt64, UInt16) = (0, 0)
        withUnsafeMutableBytes(of: &word) { b in
            b[0] = UInt8(48 + year / 1000)
            b[1] = UInt8(48 + year / 100 % 10)
            b[2] = UInt8(48 + year / 10 % 10)
            b[3] = UInt8(48 + year % 10)
            b[4] = 0x2D
            b[5] = UInt8(48 + month / 10)
            b[6] = UInt8(48 + month % 10)
            b[7] = 0x2D
            b[8] = UInt8(48 + day / 10)
            b[9] = UInt8(48 + day % 10)
            bytes.append(b.baseAddress!.assumingMemoryBound(to: UInt8.self), count: 10)
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.storedDayNumber < rhs.storedDayNumber
    }

    public static func == (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.storedDayNumber == rhs.storedDayNumber
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedDayNumber)
    }
}

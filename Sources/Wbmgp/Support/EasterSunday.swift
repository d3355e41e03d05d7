/// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm (Meeus/Jones/
/// Butcher): pure calendar arithmetic, exact for every Gregorian year. Holidays that move with
/// Easter (Good Friday, Easter Monday, Ascension Day, Whit Monday) are declared in the rules as
/// offsets from it.
public enum EasterSunday {
    public static func date(in year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        // The algorithm is meant for positive years; for the proleptic years before 1 (which no
        // rule reaches) its remainders can be negative, so fall back to 1 April rather than trap.
        return CalendarDate(year: year, month: month, day: day) ?? CalendarDate(year: year, month: 4, day: 1) ?? CalendarDate(dayNumber: 0)
    }
}

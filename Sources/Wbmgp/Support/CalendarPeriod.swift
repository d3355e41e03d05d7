/// A span of calendar time in years, months and days, as the statute counts it ("6 jaar").
public struct CalendarPeriod: Hashable, Sendable {
    public var years: Int
    public var months: Int
    public var days: Int

    public init(years: Int = 0, months: Int = 0, days: Int = 0) {
        self.years = years
        self.months = months
        self.days = days
    }

    /// The period from `start` to `end`: the largest whole years, then months, then days, such
    /// that `start + period == end` (interface §4, durations in facts). Zero when `end <= start`.
    public static func between(_ start: CalendarDate, _ end: CalendarDate) -> CalendarPeriod {
        guard start < end else { return CalendarPeriod() }
        var months = (end.year - start.year) * 12 + (end.month - start.month)
        if months > 0, start.adding(months: months) > end { months -= 1 }
        // Walk back further if clamping (31st, 29 February) overshot.
        while months > 0, start.adding(months: months) > end { months -= 1 }
        let anchor = start.adding(months: months)
        return CalendarPeriod(years: months / 12, months: months % 12, days: end.dayNumber - anchor.dayNumber)
    }

    /// "N years M months D days" (English) or "N jaar M maanden D dagen" (Dutch), all three parts
    /// always, as the interface writes durations in facts.
    public func fullText(language: Language) -> String {
        language == .en
            ? "\(years) years \(months) months \(days) days"
            : "\(years) jaar \(months) maanden \(days) dagen"
    }

    /// The non-zero parts only ("6 years", "2 jaar"), as a statutory period is written.
    public func shortText(language: Language) -> String {
        // A period set in weeks (the decision periods) is stored as days; say it in weeks.
        if years == 0, months == 0, days > 0, days % 7 == 0 {
            let weeks = days / 7
            return language == .en ? "\(weeks) week\(weeks == 1 ? "" : "s")" : "\(weeks) \(weeks == 1 ? "week" : "weken")"
        }
        let words: [(Int, String, String)] =
            language == .en
            ? [(years, "year", "years"), (months, "month", "months"), (days, "day", "days")]
            : [(years, "jaar", "jaar"), (months, "maand", "maanden"), (days, "dag", "dagen")]
        let parts = words.filter { $0.0 != 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
        return parts.isEmpty ? fullText(language: language) : parts.joined(separator: " ")
    }
}

/// The two languages reasons are written in.
public enum Language: String, Sendable, CaseIterable {
    case nl, en
}

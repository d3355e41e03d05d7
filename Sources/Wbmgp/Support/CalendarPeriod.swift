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
        var bytes = ByteBuffer(capacity: 32)
        appendFullText(to: &bytes, language: language)
        return bytes.string
    }

    /// The non-zero parts only ("6 years", "2 jaar"), as a statutory period is written.
    public func shortText(language: Language) -> String {
        var bytes = ByteBuffer(capacity: 32)
        appendShortText(to: &bytes, language: language)
        return bytes.string
    }

    /// ``fullText(language:)`` appended as UTF-8 to `bytes`.
    public func appendFullText(to bytes: inout ByteBuffer, language: Language) {
        let words = PeriodWords.of(language)
        append(years, words.years.plural, to: &bytes)
        bytes.append(0x20)
        append(months, words.months.plural, to: &bytes)
        bytes.append(0x20)
        append(days, words.days.plural, to: &bytes)
    }

    /// ``shortText(language:)`` appended as UTF-8 to `bytes`.
    public func appendShortText(to bytes: inout ByteBuffer, language: Language) {
        let words = PeriodWords.of(language)
        // A period set in weeks (the decision periods) is stored as days; say it in weeks.
        if years == 0, months == 0, days > 0, days % 7 == 0 {
            let weeks = days / 7
            append(weeks, weeks == 1 ? words.weeks.singular : words.weeks.plural, to: &bytes)
            return
        }
        if years == 0, months == 0, days == 0 {
            appendFullText(to: &bytes, language: language)
            return
        }
        var first = true
        func part(_ count: Int, _ word: PeriodWords.Word) {
            guard count != 0 else { return }
            if !first { bytes.append(0x20) }
            first = false
            append(count, count == 1 ? word.singular : word.plural, to: &bytes)
        }
        part(years, words.years)
        part(months, words.months)
        part(days, words.days)
    }

    private func append(_ count: Int, _ word: StaticString, to bytes: inout ByteBuffer) {
        TextBytes.appendInteger(count, to: &bytes)
        bytes.append(0x20)
        bytes.append(word)
    }
}

/// The unit words of periods in each language (singular, plural); static strings, so reading
/// them touches no reference count.
private struct PeriodWords: Sendable {
    typealias Word = (singular: StaticString, plural: StaticString)
    let years: Word, months: Word, weeks: Word, days: Word

    static let en = PeriodWords(years: ("year", "years"), months: ("month", "months"), weeks: ("week", "weeks"), days: ("day", "days"))
    static let nl = PeriodWords(years: ("jaar", "jaar"), months: ("maand", "maanden"), weeks: ("week", "weken"), days: ("dag", "dagen"))

    static func of(_ language: Language) -> PeriodWords { language == .en ? en : nl }
}

/// The two languages reasons are written in.
public enum Language: String, Sendable, CaseIterable {
    case nl, en
}

extension Parser {
    /// holiday = "holiday" NAME "nl" STRING "en" STRING citation day [ validity | "until" date-ref ]
    /// day = "every" WEEKDAY
    ///     | "on" DATE
    ///     | "on" NUMBER MONTH [ "or" NUMBER MONTH "when" WEEKDAY ]
    ///     | "easter" [ ( "+" | "-" ) NUMBER ( "day" | "days" ) ]
    ///
    /// Month and weekday names are checked by the declaration table, not here.
    mutating func parseHoliday(_ keyword: Token) -> Syntax.Holiday? {
        guard let name = expectName("after 'holiday'"), expectWord("nl", "before the holiday's Dutch name"),
            let (nl, _) = expectString("after 'nl'"), expectWord("en", "after the Dutch name"), let (en, _) = expectString("after 'en'")
        else { return nil }
        let citation = parseCitation()
        let day: Syntax.Holiday.Day
        if consume("every") {
            guard let weekday = expectName("after 'every' (a weekday: monday … sunday)") else { return nil }
            day = .every(weekday)
        } else if consume("easter") {
            var offset = 0
            if atSymbol("+") || atSymbol("-") {
                let sign = atSymbol("-") ? -1 : 1
                position += 1
                guard case .integer(let value) = current.kind else {
                    expected("a number of days", "after the sign")
                    return nil
                }
                let number = advance()
                guard let unit = current.word, unit == "day" || unit == "days" else {
                    expected("'days'", "after the number (Easter offsets are whole days)")
                    return nil
                }
                position += 1
                // Bounded like any duration in days, so the offset cannot overflow a day number.
                offset = sign * min(value, Parser.maximumDuration["days"] ?? 0)
                if value > Parser.maximumDuration["days"] ?? 0 {
                    report(.numberOutOfRange, "an Easter offset of \(value) days is too long", at: number.range)
                }
            }
            day = .easter(offsetDays: offset)
        } else if consume("on") {
            if let date = current.kind.dateValue {
                position += 1
                day = .dated(date)
            } else {
                guard let (dayOfMonth, month) = parseDayOfYear("after 'on'") else { return nil }
                var instead: Syntax.Holiday.Instead?
                if consume("or") {
                    guard let (otherDay, otherMonth) = parseDayOfYear("after 'or'"), expectWord("when", "after the other day"),
                        let weekday = expectName("after 'when' (a weekday: monday … sunday)")
                    else { return nil }
                    instead = Syntax.Holiday.Instead(day: otherDay, month: otherMonth, when: weekday)
                }
                day = .yearly(day: dayOfMonth, month: month, instead: instead)
            }
        } else {
            expected("'every', 'on' or 'easter'", "after the holiday's citation")
            return nil
        }
        var validity = parseValidity()
        // A holiday may also be bounded only at its end (the Queen's birthday until 2013).
        if validity == nil, at("until") {
            let start = current.range.lowerBound
            position += 1
            guard let (until, reference) = parseDateOrReference("after 'until'") else { return nil }
            validity = Syntax.Validity(
                from: CalendarDate(dayNumber: Int.min), until: until, range: start..<previousEnd, fromReference: nil, untilReference: reference)
        }
        return Syntax.Holiday(name: name, nl: nl, en: en, citation: citation, day: day, validity: validity, range: keyword.range.lowerBound..<previousEnd)
    }

    /// NUMBER MONTH, e.g. `27 april`.
    mutating func parseDayOfYear(_ context: String) -> (Int, Syntax.Name)? {
        guard case .integer(let value) = current.kind else {
            expected("a day and month (e.g. '27 april') or a date", context)
            return nil
        }
        position += 1
        guard let month = expectName("after the day of the month (a month: january … december)") else { return nil }
        return (value, month)
    }

    /// equated = "equated" NUMBER citation
    mutating func parseEquatedYear(_ keyword: Token) -> Syntax.EquatedYear? {
        guard case .integer(let year) = current.kind else {
            expected("a year", "after 'equated'")
            return nil
        }
        position += 1
        return Syntax.EquatedYear(year: year, citation: parseCitation(), range: keyword.range.lowerBound..<previousEnd)
    }
}

extension Token.Kind {
    var dateValue: CalendarDate? {
        if case .date(let date) = self { return date }
        return nil
    }
}

/// Named dates (`date stb2014 = 2014-04-14 "…"`), the references to them in validity periods and
/// versions, and the holiday calendar (`holiday`, `equated`).
extension DeclarationTable {
    mutating func addNamedDate(_ date: Syntax.NamedDate, in file: SourceFile) {
        if let earlier = namedDates[date.name.text] {
            report(.duplicateDeclaration, "date '\(date.name.text)' is declared twice (first in \(earlier.file.path))", in: file, at: date.name.range)
            return
        }
        if date.citation == nil || date.citation?.text.isEmpty == true {
            report(.missingCitation, "date '\(date.name.text)' has no citation; write the act or source that fixes it after the date", in: file, at: date.name.range)
        }
        namedDates[date.name.text] = Located(value: date, file: file)
    }

    /// The declaration with every named date in its validity (or version) replaced by the day
    /// it names; an unknown name is R010 at the name.
    mutating func resolvingDates(in declaration: Syntax.Declaration, _ file: SourceFile) -> Syntax.Declaration {
        switch declaration {
        case .version(var version):
            if let reference = version.reference, let date = resolve(reference, in: file) { version.date = date }
            return .version(version)
        case .parameter(var parameter):
            parameter.validity = resolve(parameter.validity, in: file)
            return .parameter(parameter)
        case .codeList(var list):
            list.validity = resolve(list.validity, in: file)
            return .codeList(list)
        case .measure(var measure):
            measure.validity = resolve(measure.validity, in: file)
            return .measure(measure)
        case .rule(var rule):
            rule.validity = resolve(rule.validity, in: file)
            return .rule(rule)
        case .requirement(var requirement):
            requirement.validity = resolve(requirement.validity, in: file)
            return .requirement(requirement)
        case .holiday(var holiday):
            holiday.validity = resolve(holiday.validity, in: file)
            return .holiday(holiday)
        case .definition, .namedDate, .equatedYear, .labels:
            return declaration
        }
    }

    private mutating func resolve(_ validity: Syntax.Validity?, in file: SourceFile) -> Syntax.Validity? {
        guard var validity else { return nil }
        if let reference = validity.fromReference {
            guard let date = resolve(reference, in: file) else { return nil }
            validity.from = date
        }
        if let reference = validity.untilReference {
            guard let date = resolve(reference, in: file) else { return nil }
            validity.until = date
        }
        return validity
    }

    private mutating func resolve(_ reference: Syntax.DateReference, in file: SourceFile) -> CalendarDate? {
        guard let named = namedDates[reference.name.text]?.value.date else {
            let hint = Suggestions.boundedHint(for: reference.name.text, in: namedDates.keys.sorted())
            report(.unknownName, "unknown date '\(reference.name.text)'\(hint); declare it with 'date \(reference.name.text) = YYYY-MM-DD \"citation\"' or write the date", in: file, at: reference.name.range)
            return nil
        }
        guard let offset = reference.offset else { return named }
        return reference.subtracts ? named.subtracting(offset) : named.adding(offset)
    }

    mutating func addHoliday(_ holiday: Syntax.Holiday, in file: SourceFile) {
        if holiday.citation == nil || holiday.citation?.text.isEmpty == true {
            report(.missingCitation, "holiday '\(holiday.name.text)' has no citation; write one after its names, e.g. \"Algemene termijnenwet art. 3 lid 1\"", in: file, at: holiday.name.range)
        }
        if holidayCalendar.holidays.contains(where: { $0.name == holiday.name.text }) {
            report(.duplicateDeclaration, "holiday '\(holiday.name.text)' is declared twice; give each declaration its own name", in: file, at: holiday.name.range)
        }
        if let validity = holiday.validity, let until = validity.until, until < validity.from {
            report(.invalidPeriod, "validity of holiday '\(holiday.name.text)' ends (\(until)) before it starts (\(validity.from))", in: file, at: validity.range)
        }
        guard let day = compiledDay(holiday.day, in: file) else { return }
        holidayCalendar.holidays.append(
            HolidayCalendar.Holiday(
                name: holiday.name.text, nl: holiday.nl, en: holiday.en, citation: holiday.citation?.text ?? "", day: day,
                from: holiday.validity?.from, until: holiday.validity?.until))
    }

    private mutating func compiledDay(_ day: Syntax.Holiday.Day, in file: SourceFile) -> HolidayCalendar.Holiday.Day? {
        switch day {
        case .every(let name):
            return weekday(name, in: file).map { .every($0) }
        case .dated(let date):
            return .dated(date)
        case .easter(let offset):
            return .easter(offsetDays: offset)
        case .yearly(let dayOfMonth, let monthName, let instead):
            guard let month = month(monthName, day: dayOfMonth, in: file) else { return nil }
            guard let instead else { return .yearly(month: month, day: dayOfMonth, instead: nil) }
            guard let otherMonth = self.month(instead.month, day: instead.day, in: file), let when = weekday(instead.when, in: file) else { return nil }
            return .yearly(month: month, day: dayOfMonth, instead: HolidayCalendar.Holiday.Instead(month: otherMonth, day: instead.day, when: when))
        }
    }

    private mutating func weekday(_ name: Syntax.Name, in file: SourceFile) -> Weekday? {
        guard let weekday = Weekday(name: name.text) else {
            report(.unknownCode, "unknown weekday '\(name.text)'\(Suggestions.boundedHint(for: name.text, in: Weekday.names)); expected one of \(Weekday.names.joined(separator: ", "))", in: file, at: name.range)
            return nil
        }
        return weekday
    }

    /// The month's number, when the day exists in it in some year (29 february does).
    private mutating func month(_ name: Syntax.Name, day: Int, in file: SourceFile) -> Int? {
        guard let month = MonthName.number(name.text) else {
            report(.unknownCode, "unknown month '\(name.text)'\(Suggestions.boundedHint(for: name.text, in: MonthName.names)); expected one of \(MonthName.names.joined(separator: ", "))", in: file, at: name.range)
            return nil
        }
        guard day >= 1, day <= CalendarDate.daysIn(month: month, year: 2000) else {
            report(.invalidDate, "\(name.text) has no day \(day)", in: file, at: name.range)
            return nil
        }
        return month
    }

    mutating func addEquatedYear(_ year: Syntax.EquatedYear, in file: SourceFile) {
        if year.citation == nil || year.citation?.text.isEmpty == true {
            report(.missingCitation, "the equated days of \(year.year) have no citation; cite the Royal Decree (Staatscourant)", in: file, at: year.range)
        }
        guard holidayCalendar.equatedYears[year.year] == nil else {
            report(.duplicateDeclaration, "the equated days of \(year.year) are declared twice", in: file, at: year.range)
            return
        }
        holidayCalendar.equatedYears[year.year] = year.citation?.text ?? ""
    }
}

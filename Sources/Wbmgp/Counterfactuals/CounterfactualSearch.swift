/// Finds "from when" for each ground of a refused or incomplete decision (interface §11).
///
/// A new application with the same statutory facts is decided on each candidate date, in order:
/// the first date on which a ground no longer stands in the way is its `from`. The new
/// application (``probe``) keeps the household, the dwelling and the kind; it has the candidate
/// date as application and law date, no decision date, and none of the first application's human
/// decisions or police data (woonverklaring, hardship, VOG and police records); the registration
/// that covers the day before the first application runs on. Candidate dates are where a rule's
/// answer can change: law-version and parameter dates, the terms of the designations that cover
/// the dwelling, every member's birthdays and every anniversary of a registration (each with the
/// days either side, for 29 February), up to the day after the last of those terms ends. Between
/// two candidates no input of any rule changes, so the first date found is exact to the day
/// (docs/counterfactuals.md).
struct CounterfactualSearch {
    let engine: Engine
    let application: Application
    let peopleByName: Bool
    /// The new application, dated per candidate.
    let probe: Application

    init(engine: Engine, application: Application, peopleByName: Bool) {
        self.engine = engine
        self.application = application
        self.peopleByName = peopleByName
        self.probe = CounterfactualSearch.probe(of: application)
    }

    /// The new application made from `application` (dated on its own application date).
    static func probe(of application: Application) -> Application {
        var probe = application
        probe.decisionDate = nil
        probe.woonverklaring = nil
        probe.hardship = []
        let start = application.applicationDate
        let lastDay = start.adding(days: -1)
        for i in probe.household.indices {
            probe.household[i].screening = nil
            guard let periods = probe.household[i].residence else { continue }
            // Registrations from the application date on are not facts before it; the one
            // covering the day before runs on.
            probe.household[i].residence = periods.compactMap { period in
                guard period.from < start else { return nil }
                var period = period
                if let until = period.until, until >= lastDay { period.until = nil }
                return period
            }
        }
        return probe
    }

    /// The probe on `date`.
    func probe(on date: CalendarDate) -> Application {
        var dated = probe
        dated.applicationDate = date
        return dated
    }

    func counterfactuals(for grounds: [GroundNote]) -> [Counterfactual] {
        guard !grounds.isEmpty else { return [] }
        var found: [(from: CalendarDate?, event: CounterfactualEvent)?] = Array(repeating: nil, count: grounds.count)
        // Time cannot bring what rests on a human decision: undecided for want of one, or refused
        // on one (the same facts without it leave the rule undecided for want of it).
        let sameDay = try? engine.evaluate(probe, lawDate: nil, peopleByName: false, notingGrounds: true, texts: false).1
        for (i, ground) in grounds.enumerated() {
            var missing = ground.missing
            if ground.result == .applied, let again = sameDay?.first(where: { $0.rule.id == ground.rule.id && $0.person == ground.person }), again.result == .unknown {
                missing = again.missing
            }
            if GroundNote.restsOnHumanDecision(missing) { found[i] = (nil, .humanDecision) }
        }
        var open = found.indices.filter { found[$0] == nil }
        for date in candidateDates() where !open.isEmpty {
            let candidate = probe(on: date)
            guard let decision = try? engine.decideForCounting(candidate) else { continue }
            // Where the address leaves a designation open that day, the ground must be gone
            // whether or not that designation covers the dwelling: decided both ways (a day on
            // which that cannot be done, one of them carrying a covering one's measure, is passed).
            let openThatDay = engine.undetermined(application.dwelling, on: date).designations
            var alsoCovered: Decision?
            if !openThatDay.isEmpty {
                guard let decided = engine.decideForCounting(candidate, asIfCovered: openThatDay) else { continue }
                alsoCovered = decided
            }
            open.removeAll { i in
                guard !decision.reasons.contains(where: grounds[i].standsIn), !(alsoCovered?.reasons.contains(where: grounds[i].standsIn) ?? false) else { return false }
                found[i] = (date, event(on: date, for: grounds[i]))
                return true
            }
        }
        return grounds.indices.map { i in
            let (from, event) = found[i] ?? (nil, .timeless)
            return counterfactual(grounds[i], from: from, event: event)
        }
    }

    // MARK: - Candidate dates

    /// Every date after the application date on which some rule's answer may change, ascending,
    /// up to the day after the last term of a designation that covers the dwelling.
    func candidateDates() -> [CalendarDate] {
        let designations = engine.coveringOnAnyDate(application.dwelling)
        guard let lastEnd = designations.map(\.until).max() else { return [] }
        let first = application.applicationDate.dayNumber, last = lastEnd.dayNumber + 1
        var days = Set<Int>()
        func add(_ date: CalendarDate) {
            if date.dayNumber >= first, date.dayNumber <= last { days.insert(date.dayNumber) }
        }
        func addAnniversaries(of start: CalendarDate) {
            let monthEnd = engine.law.monthEnd
            guard lastEnd.year >= start.year else { return }
            for years in 1...(lastEnd.year - start.year + 1) {
                let day = start.adding(years: years, monthEnd: monthEnd)
                for shift in -1...1 { add(day.adding(days: shift)) }
            }
        }
        for designation in designations {
            add(designation.from)
            add(designation.until.adding(days: 1))
        }
        for snapshot in engine.law.snapshots { add(snapshot.from) }
        for version in engine.law.versions { add(version) }
        for member in probe.household {
            addAnniversaries(of: member.birthDate)
            for period in member.residence ?? [] {
                add(period.from)
                if let until = period.until { add(until.adding(days: 1)) }
                addAnniversaries(of: period.from)
            }
        }
        days.remove(first)
        return days.sorted().map { CalendarDate(dayNumber: $0) }
    }

    // MARK: - What explains the date

    /// The designation that carries the rule's measure for the dwelling on `date`.
    func designation(for rule: CompiledRule, on date: CalendarDate) -> Designation? {
        guard let measure = rule.measure else { return nil }
        // A designation the address leaves open carries the ground too, where none covers.
        return engine.covering(application.dwelling, on: date).first { $0.measure(named: measure) != nil }
            ?? engine.undetermined(application.dwelling, on: date).designations.first { $0.measure(named: measure) != nil }
    }

    /// What changes on `date` for this ground, in order: its designation ends or changes, the
    /// law changes, its person's residence reaches a whole number of years, someone has a birthday.
    func event(on date: CalendarDate, for ground: GroundNote) -> CounterfactualEvent {
        let dayBefore = date.adding(days: -1)
        let before = designation(for: ground.rule, on: dayBefore), after = designation(for: ground.rule, on: date)
        if before != nil, after == nil { return .designationEnd }
        if before != after, after != nil { return .designationChange }
        if engine.law.snapshot(on: date)?.from != engine.law.snapshot(on: dayBefore)?.from { return .lawChange }
        if let index = ground.personIndex, residenceYears(reachedOn: date, by: index, for: ground.rule) != nil { return .residence }
        if birthday(on: date, preferring: ground.personIndex) != nil { return .birthday }
        return .lawChange
    }

    /// The whole number of years `index`'s uninterrupted residence in the region of the ground's
    /// designation reaches on `date` (at least N years on `date`, not on the day before, §9).
    func residenceYears(reachedOn date: CalendarDate, by index: Int, for rule: CompiledRule) -> Int? {
        let dayBefore = date.adding(days: -1)
        guard let designation = designation(for: rule, on: dayBefore) ?? designation(for: rule, on: date),
            let periods = probe.household[index].residence, designation.regionValue.listElements != nil
        else { return nil }
        let start = ResidenceRun.start(of: periods, endingBefore: date) { designation.regionKeys }
        guard start < dayBefore else { return nil }
        let monthEnd = engine.law.monthEnd
        for years in 1...max(1, date.year - start.year + 1) {
            let period = CalendarPeriod(years: years)
            if date.subtracting(period, monthEnd: monthEnd) >= start, dayBefore.subtracting(period, monthEnd: monthEnd) < start { return years }
        }
        return nil
    }

    /// A member whose age changes on `date`, the ground's person first, with the new age.
    func birthday(on date: CalendarDate, preferring index: Int?) -> (index: Int, age: Int)? {
        let monthEnd = engine.law.monthEnd
        let order = (index.map { [$0] } ?? []) + probe.household.indices.filter { $0 != index }
        for i in order {
            let birth = probe.household[i].birthDate
            let age = birth.wholeYears(until: date, monthEnd: monthEnd)
            if age != birth.wholeYears(until: date.adding(days: -1), monthEnd: monthEnd) { return (i, age) }
        }
        return nil
    }

    // MARK: - Wording

    func counterfactual(_ ground: GroundNote, from: CalendarDate?, event: CounterfactualEvent) -> Counterfactual {
        Counterfactual(
            rule: ground.rule.id, citation: ground.rule.citation, person: ground.person, from: from, event: event,
            because: Counterfactual.Wording(nl: because(ground, from, event, .nl), en: because(ground, from, event, .en)),
            wouldLift: ground.wouldLift)
    }

    /// The event's text from the rules (`labels counterfactual`) with its placeholders filled.
    func because(_ ground: GroundNote, _ from: CalendarDate?, _ event: CounterfactualEvent, _ language: Language) -> String {
        guard let text = engine.law.labels.label(event.rawValue, in: TextLabels.counterfactualDomain)?.text(language) else { return event.rawValue }
        let context = TextContext(
            language: language, labels: engine.law.labels, household: application.household, designations: [], designation: nil,
            peopleByName: peopleByName)
        var values = ["citation": CitationWords.written(ground.rule.citation, language)]
        if let index = ground.personIndex { values["person"] = context.person(index) }
        guard let from else { return EventWording.fill(text, values) }
        values["date"] = PlainWords.date(from, language)
        switch event {
        case .designationEnd:
            let dayBefore = from.adding(days: -1)
            values["date"] = PlainWords.date(dayBefore, language)
            if let designation = designation(for: ground.rule, on: dayBefore) { values["designation"] = context.words(for: designation) }
        case .designationChange:
            if let designation = designation(for: ground.rule, on: from) { values["designation"] = context.words(for: designation) }
        case .residence:
            if let index = ground.personIndex, let years = residenceYears(reachedOn: from, by: index, for: ground.rule) {
                values["years"] = PlainWords.period(CalendarPeriod(years: years), language, spelled: true)
            }
            let designation = designation(for: ground.rule, on: from.adding(days: -1)) ?? designation(for: ground.rule, on: from)
            values["region"] = designation?.regionName ?? designation.map { PlainWords.list($0.regionMunicipalities, language) }
        case .birthday:
            if let (index, age) = birthday(on: from, preferring: ground.personIndex) {
                values["person"] = context.person(index)
                values["years"] = PlainWords.period(CalendarPeriod(years: age), language, spelled: true)
            }
        case .lawChange, .humanDecision, .timeless: break
        }
        return EventWording.fill(text, values)
    }
}

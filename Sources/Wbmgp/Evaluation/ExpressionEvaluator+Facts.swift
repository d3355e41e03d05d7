extension ExpressionEvaluator {
    func context(_ fact: ContextFact) -> Value {
        // One switch, the application's facts first: a decision reads them at every rule, and
        // a first switch over the request's facts (`check-request`) cost each of those reads
        // about 40 instructions. The application's fields are read through the pointer one by
        // one: binding the whole application to a local would copy it (and retain all it holds).
        switch fact {
        case .applicationDate: return application.map { .date($0.pointee.applicationDate) } ?? .unknown
        case .lawDate: return application != nil || request != nil ? .date(lawDate) : .unknown
        case .kind: return application.map { .text($0.pointee.kind.rawValue) } ?? .unknown
        case .household: return application != nil ? householdValue : .unknown
        case .applicant: return application.map { .person($0.pointee.applicantIndex) } ?? .unknown
        case .designations: return application != nil ? designationsValue : .unknown
        case .hardshipBeforeApplication, .hardshipAfterDecision:
            guard let application else { return .unknown }
            let wanted: HumanDecisionTiming = fact == .hardshipBeforeApplication ? .beforeApplication : .afterDecision
            let applicationDate = application.pointee.applicationDate, decisionDate = application.pointee.decisionDate
            // An article with a decision in time is lifted by it: a decision of that article out
            // of time is then passed over, and a reason saying the ground is not lifted would
            // contradict the lift (audit of 2026-12-05). Searched in place: most applications
            // have no hardship decision, and this is read at every art. 8 and art. 10 reason.
            let hardship = application.pointee.hardship
            var articles: [Value] = []
            for decision in hardship
            where decision.granted && HumanDecisionTiming(decision.date, applicationDate: applicationDate, decisionDate: decisionDate) == wanted
                && HumanDecisionTiming.liftingDecision(under: decision.article, in: hardship, applicationDate: applicationDate, decisionDate: decisionDate) == nil
            {
                articles.append(.text(decision.article))
            }
            return .list(articles)
        case .undeterminedDesignations: return application != nil ? undetermined.values.designations : .unknown
        case .undeterminedDwellingFacts: return application != nil ? undetermined.values.facts : .unknown
        case .lookupLeftOpen: return application != nil ? .bool(!undetermined.isNone) : .unknown
        case .requested: return request.map { .designation($0.chain.count - 1) } ?? .unknown
        case .previous: return request.map { .list($0.chain.indices.dropLast().map { .designation($0) }) } ?? .unknown
        case .measuresInForce: return request.map { .list($0.measuresInForce.map { .text($0) }) } ?? .unknown
        case .checkedOn: return request?.checkedOn.map { .date($0) } ?? .unknown
        }
    }

    func personFact(_ index: Int, _ fact: PersonFact) -> Value {
        guard let household = application?.pointee.household else { return .unknown }
        // Fields are read through the household (no copy of the whole person per fact), and the
        // JSON path is built only when a fact is absent.
        switch fact {
        case .id: return .text(household[index].id)
        case .role: return .text(household[index].role.rawValue)
        case .birthDate: return .date(household[index].birthDate)
        case .income:
            guard let income = household[index].income else { return note(memberPath(index, .income)) }
            return memberList(index, .income) { income.map { .text($0) } }
        case .characteristics:
            guard let characteristics = household[index].characteristics else { return note(memberPath(index, .characteristics)) }
            return memberList(index, .characteristics) { characteristics.map { .text($0) } }
        case .residence:
            return household[index].residence == nil ? note(memberPath(index, .residence)) : .bool(true)
        case .screening:
            return household[index].screening == nil ? note(memberPath(index, .screening)) : .bool(true)
        case .vog, .vogSubmitted, .vogStatus, .vogDate:
            guard let vog = household[index].screening?.vog else { return note(memberPath(index, .vog)) }
            switch fact {
            // A VOG requested or pending is not yet submitted or refused: unknown (interface §3).
            case .vogSubmitted: return vog.submitted.map { .bool($0) } ?? note(memberPath(index, .vog))
            case .vogStatus: return .text(vog.status.rawValue)
            case .vogDate: return vog.date.map { .date($0) } ?? note(memberPath(index, .vogDate))
            default: return .bool(true)
            }
        case .policeRecords:
            guard let records = household[index].screening?.policeRecords else { return note(memberPath(index, .policeRecords)) }
            return recordList(person: index, count: records.count)
        }
    }

    /// A member's list as a value, made at its first read in the decision and kept for the
    /// next (rules read a member's income once per adult and per rule).
    private func memberList(_ index: Int, _ fact: PersonFact, _ make: () -> [Value]) -> Value {
        let slot = index * 2 + (fact == .income ? 0 : 1)
        if slot < memberLists.count, let kept = memberLists[slot] { return kept }
        let value = Value.list(make())
        if slot < memberLists.count { memberLists[slot] = value }
        return value
    }

    /// The police records of the member at `person` as a list of their positions: the same for
    /// every member at that position with as many records, so made once for a position and a
    /// number and kept (it was made anew at every read, an allocation each; about one a decision).
    func recordList(person: Int, count: Int) -> Value {
        if person < recordLists.count, recordListCounts[person] == count { return recordLists[person] }
        let made = Value.list((0..<count).map { .record(person: person, index: $0) })
        if person >= recordLists.count {
            recordLists.append(contentsOf: repeatElement(.unknown, count: person + 1 - recordLists.count))
            recordListCounts.append(contentsOf: repeatElement(-1, count: person + 1 - recordListCounts.count))
        }
        recordLists[person] = made
        recordListCounts[person] = count
        return made
    }

    func woonverklaringFact(_ fact: WoonverklaringFact) -> Value {
        guard let applicationDate = application?.pointee.applicationDate else { return .unknown }
        // Field by field, as ``context(_:)`` reads the application: the statement bound whole
        // would be copied, its conditions and signatory counted and released, at every read.
        guard let outcome = application?.pointee.woonverklaring?.outcome else { return note("$.woonverklaring") }
        let date = application?.pointee.woonverklaring?.date
        let decisionDate = application?.pointee.decisionDate
        let timing = date.map { HumanDecisionTiming($0, applicationDate: applicationDate, decisionDate: decisionDate) } ?? .inTime
        switch fact {
        case .timing: return .text(timing.rawValue)
        case .date: return date.map { .date($0) } ?? note("$.woonverklaring.date")
        default: break
        }
        // One that cannot concern this application is as good as none: the decision waits for one.
        guard timing == .inTime else { return note("$.woonverklaring") }
        switch fact {
        case .presence, .timing: return .bool(true)
        case .outcome: return .text(outcome.rawValue)
        case .date: return .unknown
        case .hearingOffered: return (application?.pointee.woonverklaring?.hearingOffered).map { .bool($0) } ?? note("$.woonverklaring.hearingOffered")
        case .conditions: return .list((application?.pointee.woonverklaring?.conditions ?? []).map { .text($0) })
        case .decidedBy: return (application?.pointee.woonverklaring?.decidedBy).map { .text($0) } ?? note("$.woonverklaring.decidedBy")
        }
    }

    func dwellingFact(_ fact: DwellingFact) -> Value {
        // Field by field, not the dwelling copied whole (see ``context(_:)``).
        guard let municipality = application?.pointee.dwelling.municipality else { return .unknown }
        func optional(_ text: String?, _ name: String) -> Value {
            text.map { .text($0) } ?? note("$.dwelling." + name)
        }
        switch fact {
        case .municipality: return .text(municipality)
        case .category: return (application?.pointee.dwelling.category).map { .text($0) } ?? .unknown
        case .postcode: return optional(application?.pointee.dwelling.postcode, "postcode")
        case .street: return optional(application?.pointee.dwelling.street, "street")
        case .neighbourhood: return optional(application?.pointee.dwelling.neighbourhood, "neighbourhood")
        case .houseNumber: return application?.pointee.dwelling.houseNumber.map { .integer($0) } ?? note("$.dwelling.houseNumber")
        }
    }

    func designationFact(_ fact: DesignationFact) -> Value {
        guard let designation else { return .unknown }
        switch fact {
        case .id: return .text(designation.id)
        case .region: return designation.regionValue
        case .regionName: return designation.regionName.map { .text($0) } ?? .unknown
        case .from: return .date(designation.from)
        case .until: return .date(designation.until)
        }
    }

    func call(_ builtin: Builtin, _ values: Arguments) -> Value {
        switch builtin {
        case .age:
            guard case .person(let index) = values[0], case .date(let date) = values[1], let household = application?.pointee.household else {
                return .unknown
            }
            return .integer(household[index].birthDate.wholeYears(until: date, monthEnd: monthEnd))
        case .residence:
            guard case .person(let index) = values[0], let region = values[1].listElements, case .date(let date) = values[2] else {
                return .unknown
            }
            guard let household = application?.pointee.household else { return .unknown }
            guard let periods = household[index].residence else { return note(memberPath(index, .residence)) }
            return .span(from: ResidenceRun.start(of: periods, endingBefore: date, regionKeys: { regionKeys(of: region) }), to: date)
        case .since:
            guard case .span(let from, _) = values[0] else { return .unknown }
            return .date(from)
        case .count:
            guard let elements = values[0].listElements else { return .unknown }
            return .integer(elements.count)
        case .intersection:
            guard let a = values[0].listElements, let b = values[1].listElements else { return .unknown }
            // Kept as a filter keeps (``kept(_:_:)``): the usual result, the first list whole, is
            // that list itself, with no allocation (a priority's characteristics).
            return Self.kept(a) { b.contains(a[$0]) }.map { .list($0) } ?? .unknown
        case .length:
            guard case .text(let text) = values[0] else { return .unknown }
            return .integer(text.count)
        case .trim:
            guard case .text(let text) = values[0] else { return .unknown }
            return .text(text.trimmingWhitespace)
        case .first, .last:
            guard let elements = values[0].listElements else { return .unknown }
            return (builtin == .first ? elements.first : elements.last) ?? .unknown
        case .termEnd:
            guard case .date(let date) = values[0] else { return .unknown }
            return .date(holidays.termEnd(date))
        case .daysPassedOver:
            guard case .date(let date) = values[0] else { return .unknown }
            return .list(holidays.daysPassedOver(from: date).map { .text($0) })
        case .yearsWithoutEquatedDays:
            guard case .date(let date) = values[0] else { return .unknown }
            return .list(holidays.yearsWithoutEquatedDays(from: date).map { .integer($0) })
        case .areaOutside, .areaShared:
            guard case .designation(let a) = values[0], case .designation(let b) = values[1], let chain = request?.chain,
                a < chain.count, b < chain.count
            else { return .unknown }
            let parts = builtin == .areaOutside ? AreaComparison.outside(chain[a], chain[b]) : AreaComparison.shared(chain[a], chain[b])
            return .list(parts.map { .text($0) })
        }
    }
}

extension ExpressionEvaluator {
    /// The region's names folded: the designation's own, made when it was loaded, when
    /// the region is the one it gives the rules (the same storage), else made now.
    func regionKeys(of region: [Value]) -> FoldedNameTable<Void> {
        if let designation, case .list(let own) = designation.regionValue, own.sharesStorage(with: region) { return designation.regionKeys }
        return ResidenceRun.keys(of: region)
    }

}

/// The evaluated arguments of a builtin call, read as `values[0]`…`values[2]`.
struct Arguments {
    let first: Value, second: Value, third: Value
    init(_ first: Value, _ second: Value, _ third: Value) {
        self.first = first
        self.second = second
        self.third = third
    }
    subscript(_ index: Int) -> Value { index == 0 ? first : index == 1 ? second : third }
}

/// Uninterrupted residence (interface §9): the longest run of consecutive registered days within
/// a set of municipalities that ends on the day before a date. One uncovered day breaks it.
/// Municipality names compare as the dwelling's do (``AreaMatcher/sameName(_:_:)``: case and
/// surrounding spaces ignored), so "hellevoetsluis" is registration in Hellevoetsluis.
enum ResidenceRun {
    /// The first day of the run; equal to `date` when the day before it is not covered.
    ///
    /// - Parameter regionKeys: the region's names folded (``keys(of:)``), asked for at most once;
    ///   a designation keeps its own region's (``Designation/regionKeys``).
    static func start(
        of periods: [ResidencePeriod], endingBefore date: CalendarDate, regionKeys: () -> FoldedNameTable<Void>
    ) -> CalendarDate {
        // Each name is looked up folded, among the region's names folded (asked for at the first
        // look): one probe by its fold, where a scan of the region's names as written compared each.
        var keys: FoldedNameTable<Void>?
        var cursor = date.dayNumber - 1
        var start = date.dayNumber
        // Periods do not overlap (the reader checks), so each step moves to an earlier period; a
        // period's place in the region is looked up only when it covers the day reached, so no
        // list of the inside periods is made. Plain loops over indices, each field read where it
        // lies: the search through `first(where:)` and a nested function kept the region's keys
        // in a captured variable, checked for exclusive access at every look (about 75
        // instructions), and each period it yielded was copied, counting its name.
        var reached = true
        while reached {
            reached = false
            for i in periods.indices where periods[i].from.dayNumber <= cursor && (periods[i].until.map { $0.dayNumber >= cursor } ?? true) {
                if keys == nil { keys = regionKeys() }
                guard keys?.contains(FoldedName(periods[i].municipality)) == true else { break }
                start = periods[i].from.dayNumber
                cursor = start - 1
                reached = true
                break
            }
        }
        return CalendarDate(dayNumber: start)
    }

    /// A region's municipality names folded (``FoldedName``).
    static func keys(of municipalities: [Value]) -> FoldedNameTable<Void> {
        FoldedNameTable(names: municipalities.compactMap { if case .text(let name) = $0 { FoldedName(name) } else { nil } })
    }
}

extension ExpressionEvaluator {
    func requestFact(_ fact: RequestFact) -> Value {
        guard let request = request?.request else { return .unknown }
        func text(_ value: String?, _ path: String) -> Value { value.map { .text($0) } ?? note(path) }
        switch fact {
        case .id: return .text(request.id)
        case .kind: return .text(request.kind)
        case .receivedDate: return .date(request.receivedDate)
        case .dispatchDate: return request.dispatchDate.map { .date($0) } ?? note("$.dispatchDate")
        case .ministerDecisionDate: return request.ministerDecisionDate.map { .date($0) } ?? note("$.ministerDecisionDate")
        case .ministerDecisionDispatchDate:
            return request.ministerDecisionDispatchDate.map { .date($0) } ?? note("$.ministerDecisionDispatchDate")
        case .regionalAlternatives: return text(request.regionalAlternatives, "$.regionalAlternatives")
        case .instrumentChoice: return text(request.instrumentChoice, "$.instrumentChoice")
        case .provincialAdvice: return text(request.provincialAdvice, "$.provincialAdvice")
        case .substantiation: return request.substantiation == nil ? note("$.substantiation") : .bool(true)
        case .necessity: return text(request.substantiation?.necessity, "$.substantiation.necessity")
        case .suitability: return text(request.substantiation?.suitability, "$.substantiation.suitability")
        case .subsidiarity: return text(request.substantiation?.subsidiarity, "$.substantiation.subsidiarity")
        case .proportionality: return text(request.substantiation?.proportionality, "$.substantiation.proportionality")
        case .localEvaluation: return request.localEvaluation == nil ? note("$.localEvaluation") : .bool(true)
        case .localEvaluationDate: return request.localEvaluation?.date.map { .date($0) } ?? note("$.localEvaluation.date")
        case .localEvaluationSummary: return text(request.localEvaluation?.summary, "$.localEvaluation.summary")
        case .localEvaluationReport: return request.localEvaluation?.report == nil ? note("$.localEvaluation.report") : .bool(true)
        case .localEvaluationReportFrom: return request.localEvaluation?.report?.from.map { .date($0) } ?? note("$.localEvaluation.report.period.from")
        case .localEvaluationReportUntil: return request.localEvaluation?.report?.until.map { .date($0) } ?? note("$.localEvaluation.report.period.until")
        }
    }

    func designationRecordFact(_ index: Int, _ fact: DesignationRecordFact) -> Value {
        guard let chain = request?.chain, index < chain.count else { return .unknown }
        let designation = chain[index]
        switch fact {
        case .id: return .text(designation.id)
        case .municipality: return .text(designation.municipality)
        case .from: return .date(designation.from)
        case .until: return .date(designation.until)
        case .extends: return designation.extends.map { .text($0) } ?? .unknown
        case .listedBefore: return index > 0 ? .designation(index - 1) : .unknown
        case .measures: return .list(designation.measures.map { .text($0.name) })
        case .region: return .list(designation.regionMunicipalities.map { .text($0) })
        case .neighbourhoods: return .list(designation.areas.neighbourhoods.map { .text($0) })
        case .postcodes: return .list(designation.areas.postcodes.map { .text(DesignationSetChecks.describe($0)) })
        case .streets: return .list(designation.areas.streets.map { .text(Self.describe($0)) })
        case .addresses:
            return .list(designation.areas.addresses.map { .text(Self.describe($0)) })
        case .measure(let name): return designation.measure(named: name) == nil ? .unknown : .bool(true)
        case .measureField(let name, let slot):
            guard let values = designation.measure(named: name)?.values, slot < values.count else { return .unknown }
            return values[slot]
        }
    }
}

extension ExpressionEvaluator {
    /// A single address as a requirement names it: "3311AB 1", "3311AB 7A".
    static func describe(_ address: Address) -> String {
        "\(address.postcode) \(AreaPartWords.number(address.houseNumber, AreaMatcher.normalisedAddition(address.houseNumberAddition)))"
    }

    /// A street range as a requirement compares and names it: "Hogenbanweg 49B-87D odd",
    /// "Mathenesserdijk 1-999 in 3026".
    static func describe(_ range: StreetRange) -> String {
        func number(_ house: HouseNumber?) -> String { house.map { AreaPartWords.number($0.number, $0.addition) } ?? "" }
        let limit = range.postcode.map { " in \(DesignationSetChecks.describe($0))" } ?? ""
        return "\(range.street) \(number(range.from))-\(number(range.to))\(range.parity == .all ? "" : " " + range.parity.rawValue)\(limit)"
    }
}

/// What a requirement is evaluated against: the request, its designation chain (previous
/// designations first, the requested one last) and the measures in force on the law date.
struct RequestSubject {
    var request: DesignationRequest
    var chain: [Designation]
    var measuresInForce: [String]
    /// `check-request --on DATE`: the day the check is about (the engine has no clock).
    var checkedOn: CalendarDate?
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// A fast path for reading applications: parses the bytes straight into an ``Application``
/// without a ``JSONValue`` tree, for well-formed input only.
///
/// It returns nil at the first thing it does not handle or that is not valid (an escape in a
/// string, an unknown field, a wrong type, a broken rule of the format); the caller then reads
/// the document with ``ApplicationReader``, which gives the exact error. A test checks, on the
/// fixtures, generated and mutated inputs, that whenever this reader succeeds the full reader
/// gives the same application, and that it fails whenever the full reader does.
///
/// It refuses whatever is beyond ``InputLimits`` (a longer list or string), so the full reader
/// names the limit; lists are counted as they are read, so reading stops at the limit.
///
/// - Complexity: O(n) in the bytes, one pass, no intermediate tree. The cursor recurses only
///   into the values this reader expects, so the nesting of the input cannot deepen the stack.
struct FastApplicationReader {
    let incomeCodes: [String]
    let behaviourCodes: [String]
    let hardshipCodes: [String]
    /// False at the desk: a document with police records goes to the full reader, which refuses it.
    let readsPoliceData: Bool
    let role: Role

    func read(_ bytes: [UInt8]) -> Application? {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            guard let application = readApplication(&cursor) else { return nil }
            cursor.whitespace()
            return cursor.atEnd ? application : nil
        }
    }

    private func readApplication(_ c: inout JSONCursor) -> Application? {
        var id: String?, kind = Application.Kind.newTenancy, applicationDate: CalendarDate?, decisionDate: CalendarDate?
        var dwelling: Dwelling?, household: [Person]?, woonverklaring: Woonverklaring?, hardship: [HardshipDecision] = []
        var seen = 0
        let ok = c.object { c, key in
            switch key {
            case "id": return c.once(&seen, 0) && c.nonBlank(&id)
            case "kind":
                guard c.once(&seen, 1) else { return false }
                if c.null() { return true }
                guard let text = c.string(), let value = Application.Kind(rawValue: text) else { return false }
                kind = value
                return true
            case "applicationDate": return c.once(&seen, 2) && c.requiredDate(&applicationDate)
            case "decisionDate": return c.once(&seen, 3) && c.optionalDate(&decisionDate)
            case "dwelling": return c.once(&seen, 4) && { dwelling = readDwelling(&c); return dwelling != nil }()
            case "household":
                guard c.once(&seen, 5) else { return false }
                household = c.list(atMost: InputLimits.householdMembers.maximum) { readPerson(&$0) }
                return household != nil
            case "woonverklaring": return c.once(&seen, 6) && c.optional(&woonverklaring) { readWoonverklaring(&$0) }
            case "hardship":
                guard c.once(&seen, 7) else { return false }
                if c.null() { return true }
                guard let decisions = c.list(atMost: InputLimits.listElements.maximum, { readHardship(&$0) }) else { return false }
                hardship = decisions
                return true
            default: return false
            }
        }
        guard ok, let id, let applicationDate, let dwelling, let household else { return nil }
        if let decisionDate, decisionDate < applicationDate { return nil }
        for i in household.indices where household[i].birthDate > applicationDate { return nil }
        guard let applicantIndex = checkHousehold(household, kind: kind) else { return nil }
        return Application(
            id: id, kind: kind, applicationDate: applicationDate, decisionDate: decisionDate, dwelling: dwelling, household: household,
            woonverklaring: woonverklaring, hardship: hardship, applicantIndex: applicantIndex, role: role)
    }

    /// The rules of ``ApplicationReader``'s household check, as a yes or no.
    private func checkHousehold(_ household: [Person], kind: Application.Kind) -> Int? {
        var applicant: Int?
        // By index: iterating the members would copy each one (a handful of reference counts).
        for i in household.indices {
            let role = household[i].role
            if role == .applicant {
                guard applicant == nil else { return nil }
                applicant = i
            }
            if role == .joining, kind != .joining { return nil }
        }
        // Pairwise for a real household's few members, by a set beyond (the full reader's check).
        if ApplicationReader.firstRepeatedId(household) != nil { return nil }
        if kind == .joining, !household.contains(where: { $0.role == .joining }) { return nil }
        return applicant
    }

    private func readDwelling(_ c: inout JSONCursor) -> Dwelling? {
        var municipality: String?, postcode: String?, houseNumber: Int?, addition: String?, street: String?, neighbourhood: String?
        var category: String?
        var seen = 0
        let ok = c.object { c, key in
            switch key {
            case "municipality": return c.once(&seen, 0) && c.nonBlank(&municipality)
            case "postcode": return c.once(&seen, 1) && c.optionalString(&postcode)
            case "houseNumber": return c.once(&seen, 2) && c.optional(&houseNumber) { $0.integer() }
            case "houseNumberAddition": return c.once(&seen, 3) && c.optionalString(&addition)
            case "street": return c.once(&seen, 4) && c.optionalString(&street)
            case "neighbourhood": return c.once(&seen, 5) && c.optionalString(&neighbourhood)
            case "category": return c.once(&seen, 6) && c.nonBlank(&category)
            default: return false
            }
        }
        guard ok, let municipality, let category else { return nil }
        return Dwelling(
            municipality: municipality, postcode: postcode, houseNumber: houseNumber, houseNumberAddition: addition, street: street,
            neighbourhood: neighbourhood, category: category)
    }

    private func readPerson(_ c: inout JSONCursor) -> Person? {
        var id: String?, role: Person.Role?, birthDate: CalendarDate?, residence: [ResidencePeriod]?, income: [String]?
        var characteristics: [String]?, screening: Screening?
        var seen = 0
        let ok = c.object { c, key in
            switch key {
            case "id": return c.once(&seen, 0) && c.nonBlank(&id)
            case "role":
                guard c.once(&seen, 1), let text = c.string(), let value = Person.Role(rawValue: text) else { return false }
                role = value
                return true
            case "birthDate": return c.once(&seen, 2) && c.requiredDate(&birthDate)
            case "residence":
                guard c.once(&seen, 3) else { return false }
                if c.null() { return true }
                guard let periods = c.list(atMost: InputLimits.residencePeriods.maximum, { readPeriod(&$0) }) else { return false }
                for i in periods.indices {
                    if let until = periods[i].until, until < periods[i].from { return false }
                }
                if ApplicationReader.firstOverlap(periods) != nil { return false }
                residence = periods
                return true
            case "income":
                guard c.once(&seen, 4) else { return false }
                if c.null() { return true }
                guard let codes = c.strings(), !codes.isEmpty, codes.allSatisfy(incomeCodes.contains) else { return false }
                income = codes
                return true
            case "characteristics": return c.once(&seen, 5) && c.optional(&characteristics) { $0.strings() }
            case "screening": return c.once(&seen, 6) && c.optional(&screening) { readScreening(&$0) }
            default: return false
            }
        }
        guard ok, let id, let role, let birthDate else { return nil }
        return Person(id: id, role: role, birthDate: birthDate, residence: residence, income: income, characteristics: characteristics, screening: screening)
    }

    private func readPeriod(_ c: inout JSONCursor) -> ResidencePeriod? {
        var municipality: String?, from: CalendarDate?, until: CalendarDate?
        var seen = 0
        let ok = c.object { c, key in
            switch key {
            case "municipality": return c.once(&seen, 0) && c.nonBlank(&municipality)
            case "from": return c.once(&seen, 1) && c.requiredDate(&from)
            case "until": return c.once(&seen, 2) && c.optionalDate(&until)
            default: return false
            }
        }
        guard ok, let municipality, let from else { return nil }
        return ResidencePeriod(municipality: municipality, from: from, until: until)
    }

    private func readScreening(_ c: inout JSONCursor) -> Screening? {
        var vog: CertificateOfConduct?, records: [PoliceRecord]?
        var seen = 0
        let ok = c.object { c, key in
            switch key {
            case "vog":
                guard c.once(&seen, 0) else { return false }
                if c.null() { return true }
                var status: CertificateOfConduct.Status?, date: CalendarDate?
                var vogSeen = 0
                guard c.object({ c, key in
                    switch key {
                    // Seen in one slot: a document giving both goes to the full reader (E-VALUE).
                    case "submitted":
                        guard c.once(&vogSeen, 0), let flag = c.bool() else { return false }
                        status = flag ? .submitted : .notSubmitted
                        return true
                    case "status":
                        guard c.once(&vogSeen, 0), let code = c.string(), let given = CertificateOfConduct.Status(rawValue: code) else { return false }
                        status = given
                        return true
                    case "date": return c.once(&vogSeen, 1) && c.optionalDate(&date)
                    default: return false
                    }
                }), let status else { return false }
                vog = CertificateOfConduct(status: status, date: date)
                return true
            case "policeRecords":
                guard readsPoliceData, c.once(&seen, 1) else { return false }
                if c.null() { return true }
                records = c.list(atMost: InputLimits.policeRecords.maximum) { readPoliceRecord(&$0) }
                return records != nil
            default: return false
            }
        }
        return ok ? Screening(vog: vog, policeRecords: records) : nil
    }

    private func readPoliceRecord(_ c: inout JSONCursor) -> PoliceRecord? {
        var behaviour: String?, date: CalendarDate?
        var seen = 0
        let ok = c.object { c, key in
            switch key {
            case "behaviour":
                guard c.once(&seen, 0), let code = c.string(), behaviourCodes.contains(code) else { return false }
                behaviour = code
                return true
            case "date": return c.once(&seen, 1) && c.requiredDate(&date)
            default: return false
            }
        }
        guard ok, let behaviour, let date else { return nil }
        return PoliceRecord(behaviour: behaviour, date: date)
    }

    private func readWoonverklaring(_ c: inout JSONCursor) -> Woonverklaring? {
        var outcome: Woonverklaring.Outcome?, date: CalendarDate?, hearing: Bool?, conditions: [String]?, decidedBy: String?
        var seen = 0
        let ok = c.object { c, key in
            switch key {
            case "outcome":
                guard c.once(&seen, 0), let text = c.string(), let value = Woonverklaring.Outcome(rawValue: text) else { return false }
                outcome = value
                return true
            case "date": return c.once(&seen, 1) && c.optionalDate(&date)
            case "hearingOffered": return c.once(&seen, 2) && c.optional(&hearing) { $0.bool() }
            case "conditions": return c.once(&seen, 3) && c.optional(&conditions) { $0.strings() }
            case "decidedBy": return c.once(&seen, 4) && c.optionalString(&decidedBy)
            default: return false
            }
        }
        // A woonverklaring without its date goes to the full reader, which names it (E-MISSING).
        guard ok, let outcome, date != nil else { return nil }
        if outcome != .positive, hearing == nil { return nil }
        let list = conditions ?? []
        if outcome == .positiveWithConditions, list.isEmpty { return nil }
        if outcome != .positiveWithConditions, !list.isEmpty { return nil }
        return Woonverklaring(outcome: outcome, date: date, hearingOffered: hearing, conditions: list, decidedBy: decidedBy)
    }

    private func readHardship(_ c: inout JSONCursor) -> HardshipDecision? {
        var article: String?, granted: Bool?, date: CalendarDate?, decidedBy: String?, reason: String?
        var seen = 0
        let ok = c.object { c, key in
            switch key {
            case "article":
                guard c.once(&seen, 0), let code = c.string(), hardshipCodes.contains(code) else { return false }
                article = code
                return true
            case "granted": return c.once(&seen, 1) && c.optional(&granted) { $0.bool() }
            case "date": return c.once(&seen, 2) && c.requiredDate(&date)
            case "decidedBy": return c.once(&seen, 3) && c.nonBlank(&decidedBy)
            case "reason": return c.once(&seen, 4) && c.nonBlank(&reason)
            default: return false
            }
        }
        guard ok, let article, let date, let decidedBy, let reason else { return nil }
        return HardshipDecision(article: article, granted: granted ?? true, date: date, decidedBy: decidedBy, reason: reason)
    }
}

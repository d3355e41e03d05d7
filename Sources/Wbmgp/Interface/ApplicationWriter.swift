/// Writes an application back as canonical JSON (interface §3 field names, sorted keys, defaults
/// made explicit), for the `input` of a decision record. Police records no rule used are left
/// out, so a record carries personal data only as far as the decision needed it.
public enum ApplicationWriter {
    public static func json(_ application: Application, keeping records: [RecordReference]) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(application.id)), ("kind", .string(application.kind.rawValue)),
            ("applicationDate", .string(application.applicationDate.description)), ("dwelling", dwelling(application.dwelling)),
            ("household", .array(application.household.enumerated().map { person($1, index: $0, keeping: records) })),
        ]
        if let date = application.decisionDate { members.append(("decisionDate", .string(date.description))) }
        if let statement = application.woonverklaring { members.append(("woonverklaring", woonverklaring(statement))) }
        if !application.hardship.isEmpty { members.append(("hardship", .array(application.hardship.map(hardship)))) }
        return .sortedObject(members)
    }

    static func optional(_ members: inout [(String, JSONValue)], _ key: String, _ text: String?) {
        if let text { members.append((key, .string(text))) }
    }

    static func dwelling(_ dwelling: Dwelling) -> JSONValue {
        var members: [(String, JSONValue)] = [("municipality", .string(dwelling.municipality)), ("category", .string(dwelling.category))]
        optional(&members, "postcode", dwelling.postcode)
        if let number = dwelling.houseNumber { members.append(("houseNumber", .integer(number))) }
        optional(&members, "houseNumberAddition", dwelling.houseNumberAddition)
        optional(&members, "street", dwelling.street)
        optional(&members, "neighbourhood", dwelling.neighbourhood)
        return .sortedObject(members)
    }

    static func person(_ person: Person, index: Int, keeping records: [RecordReference]) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(person.id)), ("role", .string(person.role.rawValue)), ("birthDate", .string(person.birthDate.description)),
        ]
        if let residence = person.residence {
            members.append(("residence", .array(residence.map { period in
                var entry: [(String, JSONValue)] = [("municipality", .string(period.municipality)), ("from", .string(period.from.description))]
                if let until = period.until { entry.append(("until", .string(until.description))) }
                return .sortedObject(entry)
            })))
        }
        if let income = person.income { members.append(("income", .array(income.map { .string($0) }))) }
        if let characteristics = person.characteristics { members.append(("characteristics", .array(characteristics.map { .string($0) }))) }
        if let screening = person.screening {
            var entry: [(String, JSONValue)] = []
            if let vog = screening.vog {
                var vogMembers: [(String, JSONValue)] = [("status", .string(vog.status.rawValue))]
                if let date = vog.date { vogMembers.append(("date", .string(date.description))) }
                entry.append(("vog", .sortedObject(vogMembers)))
            }
            if let policeRecords = screening.policeRecords {
                // The overview stays (present or absent matters to the rules); only used records stay in it.
                let kept = policeRecords.indices.filter { records.contains(RecordReference(person: index, index: $0)) }
                entry.append(("policeRecords", .array(kept.map { i in
                    .sortedObject([("behaviour", .string(policeRecords[i].behaviour)), ("date", .string(policeRecords[i].date.description))])
                })))
            }
            members.append(("screening", .sortedObject(entry)))
        }
        return .sortedObject(members)
    }

    static func woonverklaring(_ statement: Woonverklaring) -> JSONValue {
        var members: [(String, JSONValue)] = [("outcome", .string(statement.outcome.rawValue))]
        if let date = statement.date { members.append(("date", .string(date.description))) }
        if let hearing = statement.hearingOffered { members.append(("hearingOffered", .bool(hearing))) }
        if !statement.conditions.isEmpty { members.append(("conditions", .array(statement.conditions.map { .string($0) }))) }
        optional(&members, "decidedBy", statement.decidedBy)
        return .sortedObject(members)
    }

    static func hardship(_ decision: HardshipDecision) -> JSONValue {
        .sortedObject([
            ("article", .string(decision.article)), ("granted", .bool(decision.granted)), ("date", .string(decision.date.description)),
            ("decidedBy", .string(decision.decidedBy)), ("reason", .string(decision.reason)),
        ])
    }
}

/// A decision record cut into the two parts a log entry keeps apart (interface §6): the
/// skeleton, which the hash chain commits to directly and which stays for ever, and the personal
/// part, which the chain commits to through a salted digest and which can be destroyed at the
/// end of its retention (Wbmgp art. 10b lid 9; AVG art. 5 lid 1 e, art. 17).
///
/// Personal: the record's `input`, `application` (the case number, by which the municipality's
/// files name the person), `conditions` and `screeningScope` (each person's look-back window,
/// whose start tells a minor from an adult), the priority's `characteristics` (an occupation
/// such as `police-officer`), each defect's `text` and `person`, and per reason its `facts`,
/// `text`, `person` (a member's id, which a municipality may make of a name) and the hardship
/// decision's `decidedBy` and `reason`. Skeleton: everything else (outcome, dates, role,
/// designations, rule ids, citations, effects, results, `lifted.by`, defect codes, missing
/// facts, priority flags, engine digests). Police records never enter a log in the clear: they
/// are taken out of the input, and the skeleton says `policeRecordsWithheld`. An entry written
/// before the screening scope, the characteristics and the defects' texts were personal
/// (2026-12-05), or before the ids were (2026-12-06), keeps them in its skeleton, as its hash
/// commits to; it merges back the same.
enum LogEntryParts {
    static let personalReasonKeys: Set<String> = ["facts", "text", "person"]
    static let personalLiftKeys: Set<String> = ["decidedBy", "reason"]
    static let personalPriorityKeys: Set<String> = ["characteristics"]
    static let personalDefectKeys: Set<String> = ["text", "person"]
    /// The record's own members that are personal whole.
    static let personalRecordKeys = ["input", "application", "conditions", "screeningScope"]

    /// The skeleton and the personal part of `record`.
    static func split(_ record: JSONValue) -> (skeleton: JSONValue, personal: JSONValue) {
        guard case .object(let members) = record else { return (record, .null) }
        var skeleton: [JSONMember] = []
        var personal: [JSONMember] = []
        var withheld = false
        for member in members {
            switch member.key {
            case "input":
                let (input, removed) = withoutPoliceRecords(member.value)
                withheld = removed
                personal.append(JSONMember("input", input))
            case "application", "conditions", "screeningScope":
                personal.append(member)
            case "priority":
                let (rest, part) = splitObject(member.value, personalPriorityKeys)
                skeleton.append(JSONMember("priority", rest))
                if let part { personal.append(JSONMember("priority", part)) }
            case "defects":
                guard case .array(let defects) = member.value else {
                    skeleton.append(member)
                    continue
                }
                let parts = defects.map { splitObject($0, personalDefectKeys) }
                skeleton.append(JSONMember("defects", .array(parts.map(\.rest))))
                personal.append(JSONMember("defects", .array(parts.map { $0.part ?? .object([]) })))
            case "reasons":
                guard case .array(let reasons) = member.value else {
                    skeleton.append(member)
                    continue
                }
                var kept: [JSONValue] = []
                var taken: [JSONValue] = []
                for reason in reasons {
                    let (rest, part) = splitReason(reason)
                    kept.append(rest)
                    taken.append(part)
                }
                skeleton.append(JSONMember("reasons", .array(kept)))
                personal.append(JSONMember("reasons", .array(taken)))
            default:
                skeleton.append(member)
            }
        }
        if withheld { skeleton.append(JSONMember("policeRecordsWithheld", .bool(true))) }
        return (sorted(skeleton), sorted(personal))
    }

    /// The record again from its two parts (for replay); the police records withheld stay out.
    static func merge(skeleton: JSONValue, personal: JSONValue) -> JSONValue {
        guard case .object(let members) = skeleton else { return skeleton }
        var merged: [JSONMember] = []
        for member in members where member.key != "policeRecordsWithheld" {
            if member.key == "reasons", case .array(let reasons) = member.value, case .array(let parts) = personal["reasons"] ?? .null {
                merged.append(JSONMember("reasons", .array(reasons.indices.map { i in mergeReason(reasons[i], i < parts.count ? parts[i] : .null) })))
            } else if member.key == "defects", case .array(let defects) = member.value, case .array(let parts) = personal["defects"] ?? .null {
                merged.append(JSONMember("defects", .array(defects.indices.map { i in mergeObject(defects[i], i < parts.count ? parts[i] : .null) })))
            } else if member.key == "priority" {
                merged.append(JSONMember("priority", mergeObject(member.value, personal["priority"] ?? .null)))
            } else {
                merged.append(member)
            }
        }
        for key in personalRecordKeys { if let value = personal[key] { merged.append(JSONMember(key, value)) } }
        return sorted(merged)
    }

    /// An object without the members named by `keys`, and those members (nil when it has none,
    /// or is no object: a decision without priority has `null`).
    private static func splitObject(_ value: JSONValue, _ keys: Set<String>) -> (rest: JSONValue, part: JSONValue?) {
        guard case .object(let members) = value, members.contains(where: { keys.contains($0.key) }) else { return (value, nil) }
        return (sorted(members.filter { !keys.contains($0.key) }), sorted(members.filter { keys.contains($0.key) }))
    }

    /// An object of the skeleton with the members its personal part took (``splitObject(_:_:)``).
    private static func mergeObject(_ value: JSONValue, _ part: JSONValue) -> JSONValue {
        guard case .object(let members) = value, case .object(let taken) = part, !taken.isEmpty else { return value }
        return sorted(members + taken)
    }

    private static func splitReason(_ reason: JSONValue) -> (JSONValue, JSONValue) {
        guard case .object(let members) = reason else { return (reason, .null) }
        var rest: [JSONMember] = []
        var part: [JSONMember] = []
        for member in members {
            if personalReasonKeys.contains(member.key) {
                part.append(member)
            } else if member.key == "lifted", case .object(let lift) = member.value {
                rest.append(JSONMember("lifted", sorted(lift.filter { !personalLiftKeys.contains($0.key) })))
                part.append(JSONMember("lifted", sorted(lift.filter { personalLiftKeys.contains($0.key) })))
            } else {
                rest.append(member)
            }
        }
        return (sorted(rest), sorted(part))
    }

    private static func mergeReason(_ reason: JSONValue, _ part: JSONValue) -> JSONValue {
        guard case .object(let members) = reason else { return reason }
        var merged: [JSONMember] = []
        for member in members {
            if member.key == "lifted", case .object(let lift) = member.value, case .object(let taken) = part["lifted"] ?? .null {
                merged.append(JSONMember("lifted", sorted(lift + taken)))
            } else {
                merged.append(member)
            }
        }
        if case .object(let taken) = part { merged += taken.filter { $0.key != "lifted" } }
        return sorted(merged)
    }

    /// The input without any `policeRecords` key, and whether one was there.
    static func withoutPoliceRecords(_ input: JSONValue) -> (JSONValue, Bool) {
        guard case .array(let household) = input["household"] ?? .null, case .object(let members) = input else { return (input, false) }
        var removed = false
        let people = household.map { person -> JSONValue in
            guard case .object(let fields) = person, case .object(let screening) = person["screening"] ?? .null,
                screening.contains(where: { $0.key == "policeRecords" })
            else { return person }
            removed = true
            let rest = screening.filter { $0.key != "policeRecords" }
            return .object(fields.compactMap { $0.key == "screening" ? (rest.isEmpty ? nil : JSONMember("screening", .object(rest))) : $0 })
        }
        return (.object(members.map { $0.key == "household" ? JSONMember("household", .array(people)) : $0 }), removed)
    }

    static func sorted(_ members: [JSONMember]) -> JSONValue {
        .sortedObject(members.map { ($0.key, $0.value) })
    }
}
